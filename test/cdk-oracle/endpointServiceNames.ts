// The short names aws-cdk-lib gives its InterfaceVpcEndpointAwsService members, where they differ from the
// member's name lower-cased with `_` as `.` (`CLOUDWATCH_LOGS` is `logs`, not `cloudwatch.logs`), and the
// members whose port is not 443. Test-only: core keeps its own copy (eval/endpointServiceNames.ts), which the
// oracle test compares with this, and `node --import tsx test/cdk-oracle/endpointServiceNames.ts` rewrites.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ec2 from 'aws-cdk-lib/aws-ec2';

export interface EndpointServiceTable {
  readonly irregularShortNames: Record<string, string>;
  readonly ports: Record<string, number>;
}

export const TABLE_PATH = join(__dirname, '..', '..', 'server', 'src', 'core', 'frontends', 'cdk', 'eval', 'endpointServiceNames.ts');

export function readAwsCdkLib(): EndpointServiceTable {
  const irregularShortNames: Record<string, string> = {};
  const ports: Record<string, number> = {};
  const services = ec2.InterfaceVpcEndpointAwsService as unknown as Record<string, unknown>;
  for (const member of Object.getOwnPropertyNames(services).sort()) {
    const service = services[member];
    if (!(service instanceof ec2.InterfaceVpcEndpointAwsService)) continue;
    if (service.shortName !== member.toLowerCase().replace(/_/g, '.')) irregularShortNames[member] = service.shortName;
    if (service.port !== 443) ports[member] = service.port;
  }
  return { irregularShortNames, ports };
}

function writeTable(): void {
  const table = readAwsCdkLib();
  const version = (require('aws-cdk-lib/package.json') as { version: string }).version;
  const entries = (o: Record<string, string | number>) => Object.entries(o).map(([k, v]) => `  ${k}: ${typeof v === 'string' ? `'${v}'` : v},`).join('\n');
  writeFileSync(
    TABLE_PATH,
    `// Generated from aws-cdk-lib ${version} by test/cdk-oracle/endpointServiceNames.ts; the CDK oracle test checks it.
// ec2.InterfaceVpcEndpointAwsService members whose short name is not the member's name lower-cased with \`_\`
// as \`.\`, and those whose port is not 443.

export const IRREGULAR_SHORT_NAMES: Readonly<Record<string, string>> = {
${entries(table.irregularShortNames)}
};

export const NON_HTTPS_PORTS: Readonly<Record<string, number>> = {
${entries(table.ports)}
};
`,
  );
}

if (require.main === module) writeTable();
