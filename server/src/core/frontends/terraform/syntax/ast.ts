/**
 * A plain-object HCL syntax tree. The tree-sitter tree is converted into this once per file version (walking
 * WASM nodes is slow; plain objects are fast to evaluate) and then freed. The evaluator reads only this, so a
 * second syntax (Terraform JSON) can produce the same shapes. Offsets are UTF-16 code units into the file text.
 */

export interface Located {
  readonly start: number;
  readonly end: number;
}

export interface Body extends Located {
  readonly attributes: readonly Attribute[];
  readonly blocks: readonly Block[];
}

export interface Attribute extends Located {
  readonly name: string;
  readonly nameStart: number;
  readonly nameEnd: number;
  readonly value: Expr;
}

export interface BlockLabel extends Located {
  readonly value: string;
}

export interface Block extends Located {
  readonly type: string;
  readonly typeStart: number;
  readonly typeEnd: number;
  readonly labels: readonly BlockLabel[];
  readonly body: Body;
}

export type Expr =
  | LiteralExpr
  | TemplateExpr
  | ScopeTraversalExpr
  | RelativeTraversalExpr
  | CallExpr
  | TupleExpr
  | ObjectExpr
  | ForTupleExpr
  | ForObjectExpr
  | ConditionalExpr
  | UnaryExpr
  | BinaryExpr
  | ParenExpr
  | InvalidExpr;

export interface LiteralExpr extends Located {
  readonly kind: 'literal';
  readonly value: string | number | boolean | null;
}

export type TemplatePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'interp'; readonly expr: Expr }
  | {
      readonly kind: 'if';
      readonly cond: Expr;
      readonly then: readonly TemplatePart[];
      readonly else: readonly TemplatePart[];
    }
  | {
      readonly kind: 'for';
      readonly keyVar?: string;
      readonly valueVar: string;
      readonly collection: Expr;
      readonly body: readonly TemplatePart[];
    };

/** Quoted strings with interpolations or directives, and heredocs. */
export interface TemplateExpr extends Located {
  readonly kind: 'template';
  readonly parts: readonly TemplatePart[];
}

export type TraversalStep =
  | ({ readonly kind: 'attr'; readonly name: string } & Located)
  | ({ readonly kind: 'index'; readonly key: Expr } & Located)
  /** `[*]` (full) or `.*` (legacy); `each` are the steps applied to every element. */
  | ({ readonly kind: 'splat'; readonly legacy: boolean; readonly each: readonly TraversalStep[] } & Located);

/** `var.x`, `aws_vpc.main.id`, `count.index`, `local.m["k"]`, `aws_subnet.x[*].id`. */
export interface ScopeTraversalExpr extends Located {
  readonly kind: 'scope';
  readonly root: string;
  readonly rootEnd: number;
  readonly steps: readonly TraversalStep[];
}

/** Steps applied to a computed value: `f(x)[0]`, `(a).b`, `[1, 2][0]`. */
export interface RelativeTraversalExpr extends Located {
  readonly kind: 'relative';
  readonly source: Expr;
  readonly steps: readonly TraversalStep[];
}

export interface CallExpr extends Located {
  readonly kind: 'call';
  readonly name: string;
  readonly args: readonly Expr[];
  /** `f(a, list...)`: the last argument's elements are the remaining arguments. */
  readonly expandFinal: boolean;
}

export interface TupleExpr extends Located {
  readonly kind: 'tuple';
  readonly items: readonly Expr[];
}

export interface ObjectItem {
  /** A bare identifier key is the literal string (`{a = 1}`), not a variable. */
  readonly key: Expr;
  readonly value: Expr;
}

export interface ObjectExpr extends Located {
  readonly kind: 'object';
  readonly items: readonly ObjectItem[];
}

export interface ForTupleExpr extends Located {
  readonly kind: 'for-tuple';
  readonly keyVar?: string;
  readonly valueVar: string;
  readonly collection: Expr;
  readonly value: Expr;
  readonly cond?: Expr;
}

export interface ForObjectExpr extends Located {
  readonly kind: 'for-object';
  readonly keyVar?: string;
  readonly valueVar: string;
  readonly collection: Expr;
  readonly key: Expr;
  readonly value: Expr;
  /** `k => v...`: values with the same key are grouped into a list. */
  readonly group: boolean;
  readonly cond?: Expr;
}

export interface ConditionalExpr extends Located {
  readonly kind: 'conditional';
  readonly cond: Expr;
  readonly then: Expr;
  readonly else: Expr;
}

export interface UnaryExpr extends Located {
  readonly kind: 'unary';
  readonly op: '-' | '!';
  readonly operand: Expr;
}

export type BinaryOp = '*' | '/' | '%' | '+' | '-' | '>' | '>=' | '<' | '<=' | '==' | '!=' | '&&' | '||';

export interface BinaryExpr extends Located {
  readonly kind: 'binary';
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
}

export interface ParenExpr extends Located {
  readonly kind: 'paren';
  readonly inner: Expr;
}

/** Text that did not parse as an expression; evaluates to unknown (the syntax error is reported separately). */
export interface InvalidExpr extends Located {
  readonly kind: 'invalid';
}

/** A plain string when the expression is a string literal or a template without interpolations. */
export function staticString(expr: Expr): string | undefined {
  if (expr.kind === 'literal') return typeof expr.value === 'string' ? expr.value : undefined;
  if (expr.kind === 'template' && expr.parts.every((p) => p.kind === 'text')) {
    return expr.parts.map((p) => (p.kind === 'text' ? p.text : '')).join('');
  }
  return undefined;
}

export function findAttribute(body: Body, name: string): Attribute | undefined {
  return body.attributes.find((a) => a.name === name);
}
