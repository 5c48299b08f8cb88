import type { RawNode } from '../../terraform/syntax/rawTree';
import type { Binding, ClassDecl, Expr, ImportSpecifier, ObjectProp, Param, Range, Stmt, SwitchCase } from './ast';

/** Expressions nested deeper than this become `other`: pathological input must not overflow the stack. */
const MAX_DEPTH = 300;

const WRAPPERS = new Set([
  'parenthesized_expression',
  'as_expression',
  'satisfies_expression',
  'non_null_expression',
  'type_assertion',
  'await_expression',
]);

const DECLARATION_WRAPPERS = new Set(['abstract_class_declaration', 'class_declaration', 'class']);

/**
 * tree-sitter TypeScript (copied to RawNode) -> the plain AST. Children are found by named type and
 * position, never by field name (the copy keeps none); anonymous tokens that the clean copy drops (`=`,
 * `.`, `,`, brackets) are never needed. Never throws on odd shapes: an unexpected node becomes `other`.
 */
export class TsConverter {
  constructor(private readonly text: string) {}

  program(root: RawNode): Stmt[] {
    return this.statements(root.children, 0);
  }

  private statements(nodes: readonly RawNode[], depth: number): Stmt[] {
    const out: Stmt[] = [];
    for (const n of nodes) this.statement(n, out, depth, false);
    return out;
  }

  private statement(n: RawNode, out: Stmt[], depth: number, exported: boolean): void {
    if (depth > MAX_DEPTH) return;
    const d = depth + 1;
    switch (n.type) {
      case 'ERROR':
        // What tree-sitter could not place: keep the statements it still recognised inside.
        for (const c of n.children) if (c.named && c.type !== 'ERROR') this.statement(c, out, d, false);
        return;
      case 'expression_statement': {
        const e = named(n)[0];
        if (e) out.push({ k: 'expr', expr: this.expr(e, d), ...range(n) });
        return;
      }
      case 'lexical_declaration':
      case 'variable_declaration':
        for (const decl of named(n)) if (decl.type === 'variable_declarator') this.declarator(decl, out, d, exported);
        return;
      case 'class_declaration':
      case 'abstract_class_declaration': {
        const decl = this.classDecl(n, d, exported);
        if (decl) out.push({ k: 'class', decl, ...range(n) });
        return;
      }
      case 'enum_declaration':
        out.push(this.enumDecl(n, d, exported));
        return;
      case 'function_declaration': {
        const fn = this.functionDecl(n, d, exported);
        if (fn) out.push(fn);
        return;
      }
      case 'import_statement': {
        const imp = this.importStmt(n);
        if (imp) out.push(imp);
        return;
      }
      case 'export_statement':
        this.exportStmt(n, out, d);
        return;
      case 'if_statement': {
        const kids = named(n);
        const test = kids.find((c) => c.type === 'parenthesized_expression');
        const then = kids.find((c) => c !== test && c.type !== 'else_clause');
        const otherwise = kids.find((c) => c.type === 'else_clause');
        if (!test || !then) return;
        out.push({
          k: 'if',
          test: this.expr(test, d),
          then: this.body(then, d),
          ...(otherwise ? { otherwise: this.body(named(otherwise)[0], d) } : {}),
          ...range(n),
        });
        return;
      }
      case 'statement_block':
        out.push({ k: 'block', body: this.statements(n.children, d), ...range(n) });
        return;
      case 'return_statement': {
        const v = named(n)[0];
        out.push({ k: 'return', ...(v ? { value: this.expr(v, d) } : {}), ...range(n) });
        return;
      }
      case 'for_in_statement': {
        const loop = this.forEach(n, d);
        if (loop) out.push(loop);
        return;
      }
      case 'for_statement': {
        const loop = this.forLoop(n, d);
        if (loop) out.push(loop);
        return;
      }
      case 'while_statement': {
        const [test, bodyNode] = named(n);
        if (test && bodyNode) out.push({ k: 'for', init: [], test: this.expr(test, d), body: this.body(bodyNode, d), ...range(n) });
        return;
      }
      case 'do_statement': {
        const [bodyNode, test] = named(n);
        if (test && bodyNode) out.push({ k: 'do-while', body: this.body(bodyNode, d), test: this.expr(test, d), ...range(n) });
        return;
      }
      case 'switch_statement': {
        const [value, cases] = named(n);
        if (value && cases) out.push({ k: 'switch', discriminant: this.expr(value, d), cases: this.switchCases(cases, d), ...range(n) });
        return;
      }
      case 'try_statement': {
        // The catch clause is never run: VPC Lens does not follow exceptions (a `throw` is not a statement it reads).
        const kids = named(n);
        const finalizer = kids.find((c) => c.type === 'finally_clause');
        out.push({
          k: 'try',
          body: this.body(kids[0], d),
          ...(finalizer ? { finalizer: this.body(named(finalizer)[0], d) } : {}),
          ...range(n),
        });
        return;
      }
      case 'labeled_statement': {
        const body = named(n)[1];
        if (body) this.statement(body, out, d, false);
        return;
      }
      case 'break_statement':
      case 'continue_statement':
        // A labelled jump (`break outer`) is not followed: the loop it is in stops, or goes on, as if unlabelled.
        out.push({ k: n.type === 'break_statement' ? 'break' : 'continue', ...range(n) });
        return;
      default:
        return;
    }
  }

  /** `for (const x of list)` / `for (const k in object)`: binding, `of`/`in`, iterable, body. */
  private forEach(n: RawNode, depth: number): Stmt | undefined {
    const kids = named(n);
    const [target, iterable] = kids;
    const bodyNode = kids[kids.length - 1];
    const word = n.children.find((c) => !c.named && (c.type === 'of' || c.type === 'in'));
    if (!target || !iterable || !bodyNode || kids.length < 3 || !word) return undefined;
    const binding = this.binding(target);
    if (!binding) return undefined;
    return { k: 'for-each', binding, over: word.type === 'of' ? 'items' : 'keys', iterable: this.expr(iterable, depth), body: this.body(bodyNode, depth), ...range(n) };
  }

  /** `case x: ...` and `default: ...` in order; a case's statements are the named children after its value. */
  private switchCases(body: RawNode, depth: number): SwitchCase[] {
    const cases: SwitchCase[] = [];
    for (const c of named(body)) {
      if (c.type !== 'switch_case' && c.type !== 'switch_default') continue;
      const kids = named(c);
      const test = c.type === 'switch_case' ? kids[0] : undefined;
      const statements = this.statements(test ? kids.slice(1) : kids, depth + 1);
      cases.push(test ? { test: this.expr(test, depth), body: statements } : { body: statements });
    }
    return cases;
  }

  private binding(n: RawNode): Binding | undefined {
    if (n.type === 'identifier') return { k: 'name', name: this.src(n) };
    if (n.type === 'array_pattern') return { k: 'items', names: this.arrayPattern(n) };
    if (n.type === 'object_pattern') return { k: 'fields', bindings: this.objectPattern(n) };
    return undefined;
  }

  /**
   * `[a, b]`: names by position; what is not a plain name (a nested pattern, a default) binds nothing. The
   * copy of a clean tree has no `,` tokens, so a hole (`[, b]`) is not seen: `b` would take the first item.
   */
  private arrayPattern(n: RawNode): (string | undefined)[] {
    return named(n).map((c) => (c.type === 'identifier' ? this.src(c) : undefined));
  }

  /**
   * `for (init; test; update) body`. The two `;` between the parentheses are tokens of their own, except the
   * one a declaration or expression statement ends with: sections are counted from them.
   */
  private forLoop(n: RawNode, depth: number): Stmt | undefined {
    const init: Stmt[] = [];
    let test: Expr | undefined;
    let update: Expr | undefined;
    let section = 0;
    let inParens = false;
    let bodyNode: RawNode | undefined;
    for (const c of n.children) {
      if (!c.named) {
        if (c.type === '(' && !inParens && section === 0) inParens = true;
        else if (c.type === ')' && section === 2) inParens = false;
        else if (c.type === ';' && inParens) section++;
        continue;
      }
      if (!inParens) {
        bodyNode = c;
        continue;
      }
      if (section === 0) {
        if (c.type === 'lexical_declaration' || c.type === 'variable_declaration' || c.type === 'expression_statement' || c.type === 'empty_statement') {
          this.statement(c, init, depth, false);
          section = 1;
        } else init.push({ k: 'expr', expr: this.expr(c, depth), ...range(c) });
      } else if (section === 1) {
        // No test (`for (;;)`) is an empty statement: the loop runs until a break.
        const e = c.type === 'expression_statement' ? named(c)[0] : c.type === 'empty_statement' ? undefined : c;
        if (e) test = this.expr(e, depth);
        if (c.type === 'expression_statement' || c.type === 'empty_statement') section = 2;
      } else update = this.expr(c, depth);
    }
    if (!bodyNode) return undefined;
    return { k: 'for', init, ...(test ? { test } : {}), ...(update ? { update } : {}), body: this.body(bodyNode, depth), ...range(n) };
  }

  private body(n: RawNode | undefined, depth: number): Stmt[] {
    if (!n) return [];
    if (n.type === 'statement_block') return this.statements(n.children, depth + 1);
    const out: Stmt[] = [];
    this.statement(n, out, depth + 1, false);
    return out;
  }

  private declarator(n: RawNode, out: Stmt[], depth: number, exported: boolean): void {
    const kids = named(n).filter((c) => c.type !== 'type_annotation');
    const target = kids[0];
    if (!target) return;
    const initNode = kids[1];
    const init = initNode ? this.expr(initNode, depth) : undefined;
    if (target.type === 'identifier') {
      out.push({ k: 'var', name: this.src(target), nameRange: range(target), ...(init ? { init } : {}), exported, ...range(n) });
    } else if (target.type === 'object_pattern') {
      out.push({ k: 'destructure', bindings: this.objectPattern(target), ...(init ? { init } : {}), exported, ...range(n) });
    } else if (target.type === 'array_pattern') {
      // `const [network, prefix] = cidr.split('/')`: names bound to items by position (keys '0', '1', ...).
      const bindings = this.arrayPattern(target).flatMap((name, i) => (name === undefined ? [] : [{ name, key: String(i) }]));
      out.push({ k: 'destructure', bindings, ...(init ? { init } : {}), exported, ...range(n) });
    }
  }

  private objectPattern(n: RawNode): { name: string; key: string }[] {
    const out: { name: string; key: string }[] = [];
    for (const c of named(n)) {
      if (c.type === 'shorthand_property_identifier_pattern') out.push({ name: this.src(c), key: this.src(c) });
      else if (c.type === 'pair_pattern') {
        const [key, value] = named(c);
        if (key && value?.type === 'identifier') out.push({ name: this.src(value), key: this.propertyKey(key) ?? '' });
      } else if (c.type === 'object_assignment_pattern') {
        const left = named(c)[0];
        if (left) out.push({ name: this.src(left), key: this.src(left) });
      }
    }
    return out;
  }

  private classDecl(n: RawNode, depth: number, exported: boolean): ClassDecl | undefined {
    const kids = named(n);
    const nameNode = kids.find((c) => c.type === 'type_identifier' || c.type === 'identifier');
    const heritage = kids.find((c) => c.type === 'class_heritage');
    const body = kids.find((c) => c.type === 'class_body');
    if (!nameNode || !body) return undefined;
    const extendsClause = heritage ? named(heritage).find((c) => c.type === 'extends_clause') : undefined;
    const superNode = extendsClause ? named(extendsClause)[0] : undefined;
    const fields: { name: string; init?: Expr }[] = [];
    const methods: { name: string; params: Param[]; body: Stmt[] }[] = [];
    let params: Param[] = [];
    let paramFields: string[] = [];
    let ctorBody: Stmt[] = [];
    for (const member of named(body)) {
      if (member.type === 'public_field_definition') {
        const parts = named(member).filter((c) => c.type !== 'decorator' && c.type !== 'accessibility_modifier' && c.type !== 'type_annotation');
        const nameN = parts.find((c) => c.type === 'property_identifier' || c.type === 'private_property_identifier');
        // `declare x: T` emits nothing: not a field of the instance.
        if (!nameN || member.children.some((c) => c.type === 'static' || c.type === 'declare')) continue;
        const initN = parts[parts.indexOf(nameN) + 1];
        fields.push({ name: this.src(nameN), ...(initN ? { init: this.expr(initN, depth + 1) } : {}) });
      } else if (member.type === 'method_definition') {
        const mk = named(member);
        const nameN = mk.find((c) => c.type === 'property_identifier');
        const formal = mk.find((c) => c.type === 'formal_parameters');
        const block = mk.find((c) => c.type === 'statement_block');
        if (!nameN || !block) continue;
        const p = formal ? this.params(formal, depth + 1) : [];
        const stmts = this.statements(block.children, depth + 1);
        if (this.src(nameN) === 'constructor') {
          params = p;
          paramFields = formal ? this.paramFields(formal) : [];
          ctorBody = stmts;
        } else methods.push({ name: this.src(nameN), params: p, body: stmts });
      }
    }
    return {
      name: this.src(nameNode),
      nameRange: range(nameNode),
      ...(superNode ? { superClass: this.expr(superNode, depth + 1) } : {}),
      exported,
      params,
      paramFields,
      fields,
      body: ctorBody,
      methods,
    };
  }

  private params(formal: RawNode, depth: number): Param[] {
    const out: Param[] = [];
    for (const p of named(formal)) {
      if (p.type !== 'required_parameter' && p.type !== 'optional_parameter') continue;
      const parts = named(p).filter((c) => c.type !== 'accessibility_modifier' && c.type !== 'type_annotation' && c.type !== 'decorator' && c.type !== 'override_modifier');
      const pattern = parts[0];
      if (!pattern) continue;
      const initN = parts[1];
      const init = initN ? this.expr(initN, depth) : undefined;
      if (pattern.type === 'object_pattern') {
        out.push({ name: '', fields: this.objectPattern(pattern).map((b) => b.name), ...(init ? { init } : {}) });
      } else if (pattern.type === 'array_pattern') {
        out.push({ name: '', items: this.arrayPattern(pattern), ...(init ? { init } : {}) });
      } else out.push({ name: this.src(pattern), ...(init ? { init } : {}) });
    }
    return out;
  }

  private paramFields(formal: RawNode): string[] {
    const out: string[] = [];
    for (const p of named(formal)) {
      const isField = p.children.some((c) => c.type === 'accessibility_modifier' || c.type === 'readonly');
      const id = named(p).find((c) => c.type === 'identifier');
      if (isField && id) out.push(this.src(id));
    }
    return out;
  }

  private enumDecl(n: RawNode, depth: number, exported: boolean): Stmt {
    const kids = named(n);
    const nameNode = kids.find((c) => c.type === 'identifier');
    const body = kids.find((c) => c.type === 'enum_body');
    const members: { name: string; init?: Expr }[] = [];
    for (const m of body ? named(body) : []) {
      if (m.type === 'enum_assignment') {
        const [key, value] = named(m);
        if (key) members.push({ name: this.propertyKey(key) ?? this.src(key), ...(value ? { init: this.expr(value, depth + 1) } : {}) });
      } else if (m.type === 'property_identifier' || m.type === 'string') members.push({ name: this.propertyKey(m) ?? this.src(m) });
    }
    return { k: 'enum', name: nameNode ? this.src(nameNode) : '', members, exported, ...range(n) };
  }

  private functionDecl(n: RawNode, depth: number, exported: boolean): Stmt | undefined {
    const kids = named(n);
    const nameNode = kids.find((c) => c.type === 'identifier');
    const formal = kids.find((c) => c.type === 'formal_parameters');
    const block = kids.find((c) => c.type === 'statement_block');
    if (!nameNode || !block) return undefined;
    return {
      k: 'function',
      name: this.src(nameNode),
      params: formal ? this.params(formal, depth) : [],
      body: this.statements(block.children, depth + 1),
      exported,
      ...range(n),
    };
  }

  private importStmt(n: RawNode): Stmt | undefined {
    const kids = named(n);
    // `import ec2 = require('aws-cdk-lib/aws-ec2')`: the whole module under one name, as `import * as ec2`.
    const required = kids.find((c) => c.type === 'import_require_clause');
    if (required) {
      const [local, from] = named(required);
      if (local?.type !== 'identifier' || from?.type !== 'string') return undefined;
      return { k: 'import', source: this.stringValue(from), specifiers: [{ imported: '*', local: this.src(local) }], ...range(n) };
    }
    const source = kids.find((c) => c.type === 'string');
    if (!source) return undefined;
    const specifiers: ImportSpecifier[] = [];
    const clause = kids.find((c) => c.type === 'import_clause');
    for (const c of clause ? named(clause) : []) {
      if (c.type === 'identifier') specifiers.push({ imported: 'default', local: this.src(c) });
      else if (c.type === 'namespace_import') {
        const id = named(c).find((x) => x.type === 'identifier');
        if (id) specifiers.push({ imported: '*', local: this.src(id) });
      } else if (c.type === 'named_imports') {
        for (const s of named(c)) {
          if (s.type !== 'import_specifier') continue;
          const ids = named(s);
          if (ids.length === 0) continue;
          specifiers.push({ imported: this.src(ids[0]!), local: this.src(ids[ids.length - 1]!) });
        }
      }
    }
    return { k: 'import', source: this.stringValue(source), specifiers, ...range(n) };
  }

  private exportStmt(n: RawNode, out: Stmt[], depth: number): void {
    const kids = named(n);
    const clause = kids.find((c) => c.type === 'export_clause');
    const source = kids.find((c) => c.type === 'string');
    if (clause || (source && n.children.some((c) => c.type === '*'))) {
      const names = clause
        ? named(clause)
            .filter((s) => s.type === 'export_specifier')
            .map((s) => {
              const ids = named(s);
              return { local: this.src(ids[0]!), exported: this.src(ids[ids.length - 1]!) };
            })
        : [];
      out.push({ k: 'export', names, ...(source ? { source: this.stringValue(source) } : {}), ...(clause ? {} : { all: true }), ...range(n) });
      return;
    }
    const decl = kids.find((c) => c.type !== 'decorator');
    if (!decl) return;
    if (n.children.some((c) => c.type === 'default') && !DECLARATION_WRAPPERS.has(decl.type)) {
      out.push({ k: 'var', name: 'default', nameRange: range(decl), init: this.expr(decl, depth), exported: true, ...range(n) });
      return;
    }
    this.statement(decl, out, depth, true);
  }

  expr(n: RawNode, depth: number): Expr {
    const r = range(n);
    if (depth > MAX_DEPTH || n.error || n.missing) return { k: 'other', ...r };
    const d = depth + 1;
    if (WRAPPERS.has(n.type)) {
      const inner = named(n)[0];
      return inner ? this.expr(inner, d) : { k: 'other', ...r };
    }
    switch (n.type) {
      case 'string':
        return { k: 'str', v: this.stringValue(n), ...r };
      case 'number': {
        const v = Number(this.src(n).replace(/_/g, ''));
        return Number.isFinite(v) ? { k: 'num', v, ...r } : { k: 'other', ...r };
      }
      case 'true':
      case 'false':
        return { k: 'bool', v: n.type === 'true', ...r };
      case 'null':
        return { k: 'null', ...r };
      case 'undefined':
        return { k: 'undefined', ...r };
      case 'identifier':
      case 'shorthand_property_identifier':
        return this.src(n) === 'undefined' ? { k: 'undefined', ...r } : { k: 'ident', name: this.src(n), ...r };
      case 'this':
        return { k: 'this', ...r };
      case 'super':
        return { k: 'ident', name: 'super', ...r };
      case 'template_string':
        return { k: 'template', parts: this.templateParts(n, d), ...r };
      case 'member_expression': {
        const all = named(n);
        const kids = all.filter((c) => c.type !== 'optional_chain');
        const obj = kids[0];
        const prop = kids[kids.length - 1];
        if (!obj || !prop || obj === prop) return { k: 'other', ...r };
        const optional = all.length !== kids.length ? { optional: true as const } : {};
        return { k: 'member', object: this.expr(obj, d), prop: this.src(prop), propRange: range(prop), ...optional, ...r };
      }
      case 'subscript_expression': {
        const all = named(n);
        const kids = all.filter((c) => c.type !== 'optional_chain');
        const [obj, index] = kids;
        if (!obj || !index) return { k: 'other', ...r };
        const optional = all.length !== kids.length ? { optional: true as const } : {};
        return { k: 'index', object: this.expr(obj, d), index: this.expr(index, d), ...optional, ...r };
      }
      case 'call_expression': {
        const kids = named(n);
        const callee = kids[0];
        const args = kids.find((c) => c.type === 'arguments');
        if (!callee || !args) return { k: 'other', ...r };
        return { k: 'call', callee: this.expr(callee, d), args: named(args).map((a) => this.expr(a, d)), ...r };
      }
      case 'new_expression': {
        const kids = named(n);
        const callee = kids[0];
        const args = kids.find((c) => c.type === 'arguments');
        if (!callee) return { k: 'other', ...r };
        return { k: 'new', callee: this.expr(callee, d), args: args ? named(args).map((a) => this.expr(a, d)) : [], ...r };
      }
      case 'object':
        return { k: 'object', props: this.objectProps(n, d), ...r };
      case 'array':
        return { k: 'array', items: named(n).map((c) => this.expr(c, d)), ...r };
      case 'spread_element': {
        const arg = named(n)[0];
        return arg ? { k: 'spread', arg: this.expr(arg, d), ...r } : { k: 'other', ...r };
      }
      case 'binary_expression': {
        const [left, right] = named(n);
        const op = n.children.find((c) => !c.named);
        if (!left || !right || !op) return { k: 'other', ...r };
        return { k: 'binary', op: op.type, left: this.expr(left, d), right: this.expr(right, d), ...r };
      }
      case 'unary_expression': {
        const arg = named(n)[0];
        const op = n.children.find((c) => !c.named);
        if (!arg || !op) return { k: 'other', ...r };
        return { k: 'unary', op: op.type, arg: this.expr(arg, d), ...r };
      }
      case 'ternary_expression': {
        const [test, then, otherwise] = named(n);
        if (!test || !then || !otherwise) return { k: 'other', ...r };
        return { k: 'cond', test: this.expr(test, d), then: this.expr(then, d), otherwise: this.expr(otherwise, d), ...r };
      }
      case 'assignment_expression': {
        const [target, value] = named(n);
        if (!target || !value) return { k: 'other', ...r };
        return { k: 'assign', target: this.expr(target, d), value: this.expr(value, d), ...r };
      }
      case 'augmented_assignment_expression': {
        // `i += 2` is `i = i + 2` (`??=`, `||=` and `&&=` too: the evaluator reads them as operators).
        const [target, value] = named(n);
        const op = n.children.find((c) => !c.named && c.type.endsWith('='));
        if (!target || !value || !op) return { k: 'other', ...r };
        const left = this.expr(target, d);
        return { k: 'assign', target: left, value: { k: 'binary', op: op.type.slice(0, -1), left, right: this.expr(value, d), ...r }, ...r };
      }
      case 'update_expression': {
        // `++i` / `--i` as `i = i ± 1`: the loops' counters. A postfix `i++` is `(i = i + 1) - 1`, which has
        // the old value (`while (i++ < n)`).
        const target = named(n)[0];
        const op = n.children.find((c) => !c.named && (c.type === '++' || c.type === '--'));
        if (!target || !op) return { k: 'other', ...r };
        const left = this.expr(target, d);
        const one: Expr = { k: 'num', v: 1, ...r };
        const assign: Expr = { k: 'assign', target: left, value: { k: 'binary', op: op.type[0]!, left, right: one, ...r }, ...r };
        const postfix = op.start > target.start;
        return postfix ? { k: 'binary', op: op.type === '++' ? '-' : '+', left: assign, right: one, ...r } : assign;
      }
      case 'sequence_expression': {
        const items = named(n).map((c) => this.expr(c, d));
        return items.length > 0 ? { k: 'seq', items, ...r } : { k: 'other', ...r };
      }
      case 'arrow_function':
      case 'function_expression':
      case 'function':
        return this.functionExpr(n, d);
      default:
        return { k: 'other', ...r };
    }
  }

  /** `(a, i) => { ... }`, `a => a + 1`, `function (a) { ... }`: an expression body is its return value. */
  private functionExpr(n: RawNode, depth: number): Expr {
    const kids = named(n).filter((c) => c.type !== 'type_annotation' && c.type !== 'type_parameters');
    const formal = kids.find((c) => c.type === 'formal_parameters');
    const single = !formal && kids[0]?.type === 'identifier' && kids.length > 1 ? kids[0] : undefined;
    const params: Param[] = formal ? this.params(formal, depth) : single ? [{ name: this.src(single) }] : [];
    const bodyNode = kids[kids.length - 1];
    if (!bodyNode || bodyNode === formal || bodyNode === single) return { k: 'other', ...range(n) };
    const body: Stmt[] =
      bodyNode.type === 'statement_block' ? this.statements(bodyNode.children, depth + 1) : [{ k: 'return', value: this.expr(bodyNode, depth), ...range(bodyNode) }];
    return { k: 'fn', params, body, ...range(n) };
  }

  private objectProps(n: RawNode, depth: number): ObjectProp[] {
    const out: ObjectProp[] = [];
    for (const c of named(n)) {
      if (c.type === 'pair') {
        const [key, value] = named(c);
        const name = key ? this.propertyKey(key) : undefined;
        if (key && value && name !== undefined) out.push({ k: 'prop', key: name, keyRange: range(key), value: this.expr(value, depth), ...range(c) });
      } else if (c.type === 'shorthand_property_identifier') {
        out.push({ k: 'prop', key: this.src(c), keyRange: range(c), value: { k: 'ident', name: this.src(c), ...range(c) }, ...range(c) });
      } else if (c.type === 'spread_element') {
        const arg = named(c)[0];
        if (arg) out.push({ k: 'spread', arg: this.expr(arg, depth), ...range(c) });
      }
    }
    return out;
  }

  /** `key`, `'key'`, `1`; computed keys (`[k]`) are not read. */
  private propertyKey(n: RawNode): string | undefined {
    if (n.type === 'property_identifier' || n.type === 'identifier') return this.src(n);
    if (n.type === 'string') return this.stringValue(n);
    if (n.type === 'number') return String(Number(this.src(n)));
    return undefined;
  }

  private templateParts(n: RawNode, depth: number): (string | Expr)[] {
    const parts: (string | Expr)[] = [];
    for (const c of n.children) {
      if (c.type === 'string_fragment') parts.push(this.src(c));
      else if (c.type === 'escape_sequence') parts.push(unescape(this.src(c)));
      else if (c.type === 'template_substitution') {
        const e = named(c)[0];
        parts.push(e ? this.expr(e, depth) : { k: 'other', ...range(c) });
      }
    }
    return parts;
  }

  private stringValue(n: RawNode): string {
    let out = '';
    for (const c of n.children) {
      if (c.type === 'string_fragment') out += this.src(c);
      else if (c.type === 'escape_sequence') out += unescape(this.src(c));
    }
    return out;
  }

  private src(n: RawNode): string {
    return this.text.slice(n.start, n.end);
  }
}

function named(n: RawNode): RawNode[] {
  return n.children.filter((c) => c.named && c.type !== 'comment');
}

function range(n: { readonly start: number; readonly end: number }): Range {
  return { start: n.start, end: n.end };
}

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };

function unescape(seq: string): string {
  const body = seq.slice(1);
  if (ESCAPES[body] !== undefined) return ESCAPES[body]!;
  const hex = /^u\{([0-9a-fA-F]+)\}$|^u([0-9a-fA-F]{4})$|^x([0-9a-fA-F]{2})$/.exec(body);
  if (hex) {
    const code = parseInt(hex[1] ?? hex[2] ?? hex[3]!, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : '';
  }
  if (body.startsWith('\n') || body.startsWith('\r')) return '';
  return body;
}
