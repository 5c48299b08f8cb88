import type { Span } from '../../text/span';
import type { Value } from '../../values/value';

/**
 * The Terraform evaluator's output: one entry per resource instance (count/for_each expanded, module calls
 * followed), with every attribute evaluated. The model mapping (`toModel/`) reads only this.
 */
export interface EvaluatedResource {
  /** Model element id; unique in the workspace: `<root module folder URI>::<address>`. */
  readonly elementId: string;
  /** `module.net.aws_subnet.public[0]`, `aws_subnet.private["a"]`. */
  readonly address: string;
  readonly type: string;
  readonly name: string;
  /** Instance key: `count.index` number, `each.key` string, undefined without count/for_each. */
  readonly key?: number | string;
  readonly span: Span;
  /** The name label (`"public"` in `resource "aws_subnet" "public"`). */
  readonly nameSpan: Span;
  readonly body: EvaluatedBody;
}

export interface EvaluatedBody {
  readonly attrs: ReadonlyMap<string, EvaluatedAttr>;
  /** Nested blocks in source order; `dynamic` blocks expanded. */
  readonly blocks: readonly EvaluatedBlock[];
}

export interface EvaluatedAttr {
  /** Values keep their `origin` (where written); `span` is this attribute's expression. */
  readonly value: Value;
  readonly span: Span;
}

export interface EvaluatedBlock {
  readonly type: string;
  readonly labels: readonly string[];
  readonly span: Span;
  readonly body: EvaluatedBody;
}
