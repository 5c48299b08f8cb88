/**
 * The part of a TypeScript file a CDK app's network depends on, as plain data (structured-clone safe: parses
 * may be made in worker threads). Offsets are UTF-16 offsets into the file text; the file URI is added when
 * spans are made. What the evaluator never reads (types, `throw`, generators) is `other` or left out.
 */
export interface Range {
  readonly start: number;
  readonly end: number;
}

export type Expr =
  | ({ readonly k: 'str'; readonly v: string } & Range)
  | ({ readonly k: 'num'; readonly v: number } & Range)
  | ({ readonly k: 'bool'; readonly v: boolean } & Range)
  | ({ readonly k: 'null' } & Range)
  | ({ readonly k: 'undefined' } & Range)
  /** A template string: literal text and `${}` expressions in order. */
  | ({ readonly k: 'template'; readonly parts: readonly (string | Expr)[] } & Range)
  | ({ readonly k: 'ident'; readonly name: string } & Range)
  | ({ readonly k: 'this' } & Range)
  /** `optional`: `a?.b` / `a?.[i]`, undefined when `a` is null or undefined. */
  | ({ readonly k: 'member'; readonly object: Expr; readonly prop: string; readonly propRange: Range; readonly optional?: true } & Range)
  | ({ readonly k: 'index'; readonly object: Expr; readonly index: Expr; readonly optional?: true } & Range)
  | ({ readonly k: 'call'; readonly callee: Expr; readonly args: readonly Expr[] } & Range)
  | ({ readonly k: 'new'; readonly callee: Expr; readonly args: readonly Expr[] } & Range)
  | ({ readonly k: 'object'; readonly props: readonly ObjectProp[] } & Range)
  | ({ readonly k: 'array'; readonly items: readonly Expr[] } & Range)
  | ({ readonly k: 'spread'; readonly arg: Expr } & Range)
  | ({ readonly k: 'binary'; readonly op: string; readonly left: Expr; readonly right: Expr } & Range)
  | ({ readonly k: 'unary'; readonly op: string; readonly arg: Expr } & Range)
  | ({ readonly k: 'cond'; readonly test: Expr; readonly then: Expr; readonly otherwise: Expr } & Range)
  | ({ readonly k: 'assign'; readonly target: Expr; readonly value: Expr } & Range)
  /** `a, b`: each evaluated in turn, the value is the last one's (a `for` update `i++, j++`). */
  | ({ readonly k: 'seq'; readonly items: readonly Expr[] } & Range)
  /** An arrow function or a function expression (an expression body is `return <expr>`). */
  | ({ readonly k: 'fn'; readonly params: readonly Param[]; readonly body: readonly Stmt[] } & Range)
  /** Anything else (functions, `await`, ...): its value is unknown. */
  | ({ readonly k: 'other' } & Range);

export type ObjectProp =
  | ({ readonly k: 'prop'; readonly key: string; readonly keyRange: Range; readonly value: Expr } & Range)
  | ({ readonly k: 'spread'; readonly arg: Expr } & Range);

export interface Param {
  readonly name: string;
  /** `{ a, b }: Props` destructured parameters: names bound to the argument's properties. */
  readonly fields?: readonly string[];
  /** `([key, value]) => ...` destructured parameters: names bound to the argument's items (a hole is undefined). */
  readonly items?: readonly (string | undefined)[];
  readonly init?: Expr;
}

/** What a loop binds each item to: a name, `[a, b]` or `{ a, b: c }`. */
export type Binding =
  | { readonly k: 'name'; readonly name: string }
  | { readonly k: 'items'; readonly names: readonly (string | undefined)[] }
  | { readonly k: 'fields'; readonly bindings: readonly { readonly name: string; readonly key: string }[] };

export type Stmt =
  | ({ readonly k: 'var'; readonly name: string; readonly nameRange: Range; readonly init?: Expr; readonly exported: boolean } & Range)
  /** `const { a, b: c } = x` / `const [a, b] = x`: each name bound to a property (or item, by index) of `init`. */
  | ({ readonly k: 'destructure'; readonly bindings: readonly { readonly name: string; readonly key: string }[]; readonly init?: Expr; readonly exported: boolean } & Range)
  | ({ readonly k: 'expr'; readonly expr: Expr } & Range)
  | ({ readonly k: 'class'; readonly decl: ClassDecl } & Range)
  | ({ readonly k: 'enum'; readonly name: string; readonly members: readonly { readonly name: string; readonly init?: Expr }[]; readonly exported: boolean } & Range)
  | ({ readonly k: 'import'; readonly source: string; readonly specifiers: readonly ImportSpecifier[] } & Range)
  /** `export { a as b }` and `export { a } from './x'` / `export * from './x'`. */
  | ({ readonly k: 'export'; readonly names: readonly { readonly local: string; readonly exported: string }[]; readonly source?: string; readonly all?: boolean } & Range)
  | ({ readonly k: 'if'; readonly test: Expr; readonly then: readonly Stmt[]; readonly otherwise?: readonly Stmt[] } & Range)
  | ({ readonly k: 'block'; readonly body: readonly Stmt[] } & Range)
  | ({ readonly k: 'function'; readonly name: string; readonly params: readonly Param[]; readonly body: readonly Stmt[]; readonly exported: boolean } & Range)
  | ({ readonly k: 'return'; readonly value?: Expr } & Range)
  /** `for (const x of list)` (`over: 'items'`) and `for (const k in object)` (`over: 'keys'`). */
  | ({ readonly k: 'for-each'; readonly binding: Binding; readonly over: 'items' | 'keys'; readonly iterable: Expr; readonly body: readonly Stmt[] } & Range)
  /** `for (init; test; update) body`; a missing test is true. */
  | ({ readonly k: 'for'; readonly init: readonly Stmt[]; readonly test?: Expr; readonly update?: Expr; readonly body: readonly Stmt[] } & Range)
  /** `do body while (test)`: the body runs once before the test is read. */
  | ({ readonly k: 'do-while'; readonly body: readonly Stmt[]; readonly test: Expr } & Range)
  /** `switch (discriminant) { case ...: ... default: ... }`, cases in source order. */
  | ({ readonly k: 'switch'; readonly discriminant: Expr; readonly cases: readonly SwitchCase[] } & Range)
  /** `try { body } finally { finalizer }`; a catch clause is not kept (exceptions are not followed). */
  | ({ readonly k: 'try'; readonly body: readonly Stmt[]; readonly finalizer?: readonly Stmt[] } & Range)
  | ({ readonly k: 'break' } & Range)
  | ({ readonly k: 'continue' } & Range);

/** One `case test:` (no test: `default:`) and the statements up to the next case. */
export interface SwitchCase {
  readonly test?: Expr;
  readonly body: readonly Stmt[];
}

export interface ImportSpecifier {
  /** `*` for a namespace import, `default` for a default import. */
  readonly imported: string;
  readonly local: string;
}

export interface ClassDecl {
  readonly name: string;
  readonly nameRange: Range;
  readonly superClass?: Expr;
  readonly exported: boolean;
  readonly params: readonly Param[];
  /** Constructor parameters declared `public`/`private`/`readonly`: also become fields of `this`. */
  readonly paramFields: readonly string[];
  readonly fields: readonly { readonly name: string; readonly init?: Expr }[];
  readonly body: readonly Stmt[];
  readonly methods: readonly { readonly name: string; readonly params: readonly Param[]; readonly body: readonly Stmt[] }[];
}

export interface Program {
  readonly body: readonly Stmt[];
}
