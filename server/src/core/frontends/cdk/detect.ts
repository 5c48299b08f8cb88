/**
 * Which `.ts` files the CDK front-end reads.
 * - `app`: imports a CDK library (`aws-cdk-lib`, `aws-cdk-lib/aws-ec2`, `@aws-cdk/*` v1): analysed.
 * - `support`: imports no package at all (relative imports only) and exports something: a module of
 *   constants or helpers a CDK file may import (`export const VPC_CIDR = '10.0.0.0/16'`). Which files import
 *   it is only known when the workspace is built, so such files are claimed, parsed and used only when a
 *   CDK file imports them; they never get diagnostics of their own unless a CDK file imports them.
 * Declaration files (`.d.ts`) and everything else are left alone. Cheap: a substring test, then regexes.
 */
export type CdkFileRole = 'app' | 'support';

const CDK_IMPORT = /(?:\bfrom\s*|\bimport\s*|\brequire\s*\(\s*)['"](?:aws-cdk-lib(?:\/[\w-]+)*|@aws-cdk\/[\w-]+)['"]/;
const PACKAGE_IMPORT = /(?:\bfrom\s*|\bimport\s*|\brequire\s*\(\s*)['"](?![./])[^'"]+['"]/;
const EXPORTS_SOMETHING = /^\s*export\s+(?:const|let|var|enum|function|default|\{)/m;
/** Support modules are small; a big file without CDK imports is something else. */
const MAX_SUPPORT_LENGTH = 256 * 1024;

export function cdkFileRole(uri: string, text: string): CdkFileRole | undefined {
  const path = uri.toLowerCase().split(/[?#]/)[0]!;
  if (!path.endsWith('.ts') || path.endsWith('.d.ts')) return undefined;
  if (text.includes('aws-cdk') && CDK_IMPORT.test(text)) return 'app';
  if (text.length > MAX_SUPPORT_LENGTH || !text.includes('export')) return undefined;
  if (PACKAGE_IMPORT.test(text) || !EXPORTS_SOMETHING.test(text)) return undefined;
  return 'support';
}
