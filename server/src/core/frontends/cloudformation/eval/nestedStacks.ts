import { field } from '../syntax/templateTree';
import { scalarString, type TemplateView } from './template';

/** A nested stack a template creates: its `AWS::CloudFormation::Stack` resource and the template it runs. */
export interface NestedStackLink {
  readonly logicalId: string;
  /** The nested template's URI, resolved against the parent template's folder. */
  readonly templateUri: string;
}

/**
 * The nested stacks of a template whose template is a file next to it:
 * - in a `cdk.out`, the stack resource's `Metadata` names it (`aws:asset:path`: the CDK CLI writes it for every
 *   NestedStack; its `TemplateURL` is an S3 URL made at deployment);
 * - in a hand-written template packaged by `aws cloudformation package`, `TemplateURL` is a relative path.
 * URLs (`https://...`, `s3://...`) name nothing VPC Lens can read.
 */
export function nestedStacksOf(view: TemplateView): NestedStackLink[] {
  const links: NestedStackLink[] = [];
  for (const [logicalId, entry] of view.resources) {
    if (view.resourceType(logicalId) !== 'AWS::CloudFormation::Stack') continue;
    const assetPath = scalarString(field(field(entry.value, 'Metadata'), 'aws:asset:path'));
    const url = scalarString(field(field(entry.value, 'Properties'), 'TemplateURL'));
    const path = assetPath ?? (url !== undefined && isRelativePath(url) ? url : undefined);
    const templateUri = path === undefined ? undefined : resolveNextTo(view.uri, path);
    if (templateUri !== undefined) links.push({ logicalId, templateUri });
  }
  return links;
}

function isRelativePath(text: string): boolean {
  return text !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(text) && !text.startsWith('/') && !text.startsWith('\\');
}

function resolveNextTo(templateUri: string, path: string): string | undefined {
  try {
    return new URL(path.replace(/\\/g, '/'), templateUri).href;
  } catch {
    return undefined;
  }
}
