import type { Span } from '../../../text/span';
import { field, type TEntry, type TNode, type TObject } from '../syntax/templateTree';

/** Read access to the sections of one template tree; tolerant of any shape (a section that is not a map is empty). */
export class TemplateView {
  readonly parameters: ReadonlyMap<string, TEntry>;
  readonly mappings: TNode | undefined;
  readonly conditions: ReadonlyMap<string, TEntry>;
  readonly resources: ReadonlyMap<string, TEntry>;
  readonly outputs: ReadonlyMap<string, TEntry>;

  constructor(
    readonly uri: string,
    readonly root: TNode | undefined,
  ) {
    this.parameters = entriesOf(field(root, 'Parameters'));
    this.mappings = field(root, 'Mappings');
    this.conditions = entriesOf(field(root, 'Conditions'));
    this.resources = entriesOf(field(root, 'Resources'));
    this.outputs = entriesOf(field(root, 'Outputs'));
  }

  resourceType(logicalId: string): string | undefined {
    const t = field(this.resources.get(logicalId)?.value, 'Type');
    return t?.kind === 'string' ? String(t.value) : undefined;
  }

  elementId(logicalId: string): string {
    return elementIdOf(this.uri, logicalId);
  }

  /**
   * The module resource whose expansion defines `name`, if any. CloudFormation registry modules
   * (`Type: Org::Service::Name::MODULE`) and the `rain` tool's `Type: !Rain::Module file` expand into resources
   * named `<ModuleLogicalId><ResourceId>`, which this template cannot see: references to them are unknown, not
   * mistakes.
   */
  moduleDefining(name: string): string | undefined {
    this.moduleIds ??= [...this.resources].filter(([, e]) => isModuleType(field(e.value, 'Type'))).map(([id]) => id);
    return this.moduleIds.find((id) => name.startsWith(id) && name.length > id.length);
  }

  private moduleIds: string[] | undefined;
}

function isModuleType(type: TNode | undefined): boolean {
  if (type?.kind === 'string') return String(type.value).endsWith('::MODULE');
  return type?.kind === 'object' && type.entries.some((e) => e.key === 'Rain::Module');
}

/** A directive of a template preprocessor (`!Rain::Embed file`): its value is only known after preprocessing. */
export function isPreprocessorDirective(node: TNode): boolean {
  return node.kind === 'object' && node.entries.length === 1 && node.entries[0]!.key.startsWith('Rain::');
}

export function elementIdOf(templateUri: string, logicalId: string): string {
  return `${templateUri}::${logicalId}`;
}

/** Name -> entry, the first of duplicate keys winning (as the tree's lookups do). */
function entriesOf(node: TNode | undefined): ReadonlyMap<string, TEntry> {
  const out = new Map<string, TEntry>();
  if (node?.kind !== 'object') return out;
  for (const e of node.entries) if (!out.has(e.key)) out.set(e.key, e);
  return out;
}

/** The whole `Key: value` entry, from the key to the end of the value. */
export function entrySpan(e: TEntry): Span {
  return { file: e.keySpan.file, start: Math.min(e.keySpan.start, e.value.span.start), end: Math.max(e.keySpan.end, e.value.span.end) };
}

/** A single-key object whose key is `Ref`, `Condition` or `Fn::...`: the shape of an intrinsic function call. */
export function intrinsicCall(node: TNode): { name: string; arg: TNode; obj: TObject } | undefined {
  if (node.kind !== 'object' || node.entries.length !== 1) return undefined;
  const e = node.entries[0]!;
  if (e.key === 'Ref' || e.key === 'Condition' || e.key.startsWith('Fn::')) return { name: e.key, arg: e.value, obj: node };
  return undefined;
}

/** The text of a string scalar, or undefined. */
export function scalarString(node: TNode | undefined): string | undefined {
  return node?.kind === 'string' ? String(node.value) : undefined;
}
