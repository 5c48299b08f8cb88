import { field, type TNode } from '../syntax/templateTree';
import { ROOT_CONTEXT, type TemplateEvaluator } from './evaluator';
import { parseSub } from './sub';
import { intrinsicCall, scalarString } from './template';
import { scalarText } from './values';

/**
 * The name of an export (`Outputs.X.Export.Name`) or of an import (`Fn::ImportValue`), as far as it is known:
 * - `exact`: the whole name (a literal, or computed from known values);
 * - `suffix`: `!Sub "${AWS::StackName}-VpcId"` (or `${SomeParameter}-VpcId` with no known value): the stack
 *   name is unknown, so only the literal rest is known.
 * Matching (see `matchExport`): exact names equal; a suffix pattern matches an exact name that ends with it
 * (`network-VpcId` vs `${AWS::StackName}-VpcId`) or a pattern with the same suffix. A name that matches
 * several exports is ambiguous and stays unresolved: never guessed.
 */
export type NameKey = { readonly kind: 'exact'; readonly name: string } | { readonly kind: 'suffix'; readonly suffix: string };

export function nameKeyOf(node: TNode, ev: TemplateEvaluator): NameKey | undefined {
  const v = ev.evaluate(node, ROOT_CONTEXT);
  const text = scalarText(v);
  if (text !== undefined) return { kind: 'exact', name: text };
  const call = intrinsicCall(node);
  if (call?.name !== 'Fn::Sub') return undefined;
  const template = scalarString(call.arg) ?? (call.arg.kind === 'array' ? scalarString(call.arg.items[0]) : undefined);
  if (template === undefined) return undefined;
  const [head, ...rest] = parseSub(template);
  if (head?.kind !== 'var' || rest.some((p) => p.kind === 'var')) return undefined;
  const suffix = rest.map((p) => (p.kind === 'text' ? p.text : '')).join('');
  return suffix === '' ? undefined : { kind: 'suffix', suffix };
}

export interface ExportEntry {
  readonly templateUri: string;
  readonly outputName: string;
  readonly key: NameKey;
}

/** The exports of one template (an output whose condition is false exports nothing). */
export function exportsOf(ev: TemplateEvaluator): ExportEntry[] {
  const out: ExportEntry[] = [];
  for (const [outputName, e] of ev.view.outputs) {
    const nameNode = field(field(e.value, 'Export'), 'Name');
    if (!nameNode) continue;
    const condition = scalarString(field(e.value, 'Condition'));
    if (condition !== undefined) {
      const c = ev.condition(condition, field(e.value, 'Condition')!);
      if (c.k === 'bool' && !c.v) continue;
    }
    const key = nameKeyOf(nameNode, ev);
    if (key) out.push({ templateUri: ev.uri, outputName, key });
  }
  return out;
}

/** Every `Fn::ImportValue` name node of a tree (a plain walk: imports can sit anywhere). */
export function importNodesOf(root: TNode | undefined): TNode[] {
  const out: TNode[] = [];
  const stack: TNode[] = root ? [root] : [];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.kind === 'array') stack.push(...n.items);
    else if (n.kind === 'object') {
      const call = intrinsicCall(n);
      if (call?.name === 'Fn::ImportValue') out.push(call.arg);
      for (const e of n.entries) stack.push(e.value);
    }
  }
  return out;
}

function matches(imp: NameKey, exp: NameKey): 'exact' | 'pattern' | undefined {
  if (imp.kind === 'exact' && exp.kind === 'exact') return imp.name === exp.name ? 'exact' : undefined;
  if (imp.kind === 'suffix' && exp.kind === 'suffix') return imp.suffix === exp.suffix ? 'pattern' : undefined;
  const [name, suffix] = imp.kind === 'exact' ? [imp.name, (exp as { suffix: string }).suffix] : [(exp as { name: string }).name, imp.suffix];
  return name.length > suffix.length && name.endsWith(suffix) ? 'pattern' : undefined;
}

/** The one export an import names: an exact match wins; else a single pattern match; else none. */
export function matchExport(imp: NameKey, exports: readonly ExportEntry[]): ExportEntry | undefined {
  const exact = exports.filter((e) => matches(imp, e.key) === 'exact');
  if (exact.length > 0) return exact.length === 1 ? exact[0] : undefined;
  const pattern = exports.filter((e) => matches(imp, e.key) === 'pattern');
  return pattern.length === 1 ? pattern[0] : undefined;
}
