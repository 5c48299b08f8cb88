import type { Span } from '../../../text/span';
import { folderOfUri, uriInFolder } from '../../../text/uri';
import { unknown, type Value } from '../../../values/value';
import { field, type TNode } from '../syntax/templateTree';
import { type EvaluatorHooks, ROOT_CONTEXT, type TemplateEvaluator } from './evaluator';
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
    const templateUri = path === undefined ? undefined : uriInFolder(folderOfUri(view.uri), path);
    if (templateUri !== undefined) links.push({ logicalId, templateUri });
  }
  return links;
}

function isRelativePath(text: string): boolean {
  return text !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(text) && !text.startsWith('/') && !text.startsWith('\\');
}

/**
 * One template reading a value of another, guarded by `guard`: a read that comes back to itself (a cycle between
 * stacks) ends in unknown, with `cycleMessage` as a problem at `span`. evaluateComponent makes the one all reads use.
 */
export type CrossStackRead = (guard: string, span: Span, from: TemplateEvaluator, cycleMessage: string, read: () => Value) => Value;

const NESTED_CYCLE = 'This value depends on itself through a nested stack (a cycle between stacks)';

/**
 * The evaluator hooks that join nested stacks: a nested template's parameter is what its parent's stack
 * resource passes, when exactly one stack creates it (with two, which one is meant is not known, and its
 * defaults apply); the parent's `Fn::GetAtt [Stack, Outputs.X]` is the nested template's output.
 */
export function nestedStackHooks(
  templates: readonly { readonly view: TemplateView; readonly nested?: readonly NestedStackLink[] }[],
  evaluators: ReadonlyMap<string, TemplateEvaluator>,
  acrossStacks: CrossStackRead,
): Pick<EvaluatorHooks, 'nestedParameter' | 'nestedOutput'> {
  const parentOf = new Map<string, { readonly parentUri: string; readonly logicalId: string } | null>();
  const childOf = new Map<string, string>();
  for (const t of templates) {
    for (const link of t.nested ?? []) {
      childOf.set(`${t.view.uri}#${link.logicalId}`, link.templateUri);
      parentOf.set(link.templateUri, parentOf.has(link.templateUri) ? null : { parentUri: t.view.uri, logicalId: link.logicalId });
    }
  }
  return {
    nestedParameter: (name, from) => {
      const link = parentOf.get(from.uri);
      const parent = link && evaluators.get(link.parentUri);
      if (!link || !parent) return undefined;
      const passed = field(field(field(parent.view.resources.get(link.logicalId)?.value, 'Properties'), 'Parameters'), name);
      if (!passed) return undefined;
      return acrossStacks(`${from.uri}#parameter#${name}`, passed.span, from, NESTED_CYCLE, () => parent.evaluate(passed, ROOT_CONTEXT));
    },
    nestedOutput: (logicalId: string, output: string, from: TemplateEvaluator, node: TNode) => {
      const child = evaluators.get(childOf.get(`${from.uri}#${logicalId}`) ?? '');
      if (!child) return undefined;
      return acrossStacks(`${child.uri}#output#${output}`, node.span, from, NESTED_CYCLE, () => child.outputValue(output) ?? unknown(`the nested stack has no output ${output}`, node.span));
    },
  };
}
