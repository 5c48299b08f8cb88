import type { ConditionalExpr, Expr } from './ast';

/**
 * A conditional as HCL reads it. Terraform's parser (hclsyntax) takes the false result as a whole expression,
 * so `a ? b : c ? d : e` is `a ? b : (c ? d : e)`; tree-sitter-hcl nests the same chain the other way,
 * `(a ? b : c) ? d : e`, which evaluates the string or number `b` as a condition whenever `a` holds.
 * Both parsers build tree-sitter's shape link by link and hand each link here, so every syntax tree has
 * HCL's shape. A condition that is itself a conditional can only come from such a chain: a parenthesised one
 * is a `paren` node and stays as written.
 */
export function hclConditional(cond: Expr, then: Expr, otherwise: Expr, start: number, end: number): ConditionalExpr {
  if (cond.kind !== 'conditional') return { kind: 'conditional', cond, then, else: otherwise, start, end };
  // (x ? y : z) ? then : otherwise  is  x ? y : (z ? then : otherwise)
  return hclConditional(cond.cond, cond.then, hclConditional(cond.else, then, otherwise, cond.else.start, end), start, end);
}
