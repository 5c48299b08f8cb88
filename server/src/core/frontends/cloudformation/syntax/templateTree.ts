import type { Span } from '../../../text/span';

/**
 * A CloudFormation template (JSON or YAML) as one positioned tree in the JSON data model. YAML short-form
 * tags are normalised to their long form while parsing (`!Ref X` -> `{ Ref: X }`, `!GetAtt A.B` ->
 * `{ 'Fn::GetAtt': ['A', 'B'] }`, `!Sub s` -> `{ 'Fn::Sub': s }`), so the evaluator sees one shape for both
 * syntaxes. Every node keeps the span of the text it came from (for a tag, the tagged node including the tag).
 */
export type TNode = TObject | TArray | TScalar;

export interface TObject {
  readonly kind: 'object';
  readonly span: Span;
  /** In source order; a duplicate key is kept (the parser reports it) and lookups take the first. */
  readonly entries: readonly TEntry[];
}

export interface TEntry {
  readonly key: string;
  readonly keySpan: Span;
  readonly value: TNode;
}

export interface TArray {
  readonly kind: 'array';
  readonly span: Span;
  readonly items: readonly TNode[];
}

export interface TScalar {
  readonly kind: 'string' | 'number' | 'boolean' | 'null';
  readonly span: Span;
  readonly value: string | number | boolean | null;
}

export function entry(obj: TObject, key: string): TEntry | undefined {
  return obj.entries.find((e) => e.key === key);
}

export function field(node: TNode | undefined, key: string): TNode | undefined {
  return node?.kind === 'object' ? entry(node, key)?.value : undefined;
}
