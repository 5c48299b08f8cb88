import { hclConditional } from './conditionalChain';
import type {
  Attribute,
  BinaryOp,
  Block,
  BlockLabel,
  Body,
  Expr,
  ObjectItem,
  TemplatePart,
  TraversalStep,
} from './ast';
import type { RawNode } from './rawTree';
import { heredocIndent, stripIndent, unescapeHeredoc, unescapeQuoted } from './templates';

/** Converts copied tree-sitter nodes into the HCL AST. Tolerant: what does not parse becomes `invalid`. */
export class AstConverter {
  /** Set when a node was cut at the nesting limit (reported once per file by the caller). */
  tooDeepAt: number | undefined;

  constructor(private readonly text: string) {}

  /** Attributes and blocks of a `config_file`, `body` or an ERROR node (salvaging what parsed inside it). */
  collectBody(node: RawNode, attributes: Attribute[], blocks: Block[]): void {
    for (const child of node.children) {
      switch (child.type) {
        case 'attribute': {
          const a = this.attribute(child);
          if (a) attributes.push(a);
          break;
        }
        case 'block': {
          const b = this.block(child);
          if (b) blocks.push(b);
          break;
        }
        case 'body':
        case 'ERROR':
          this.collectBody(child, attributes, blocks);
          break;
        case 'object':
          // A JSON-ish `.tfvars` file: `{ "name": value }` at the top.
          this.objectAsAttributes(child, attributes);
          break;
      }
      if (child.truncated) this.markTooDeep(child);
    }
  }

  body(node: RawNode | undefined, start: number, end: number): Body {
    const attributes: Attribute[] = [];
    const blocks: Block[] = [];
    if (node) this.collectBody(node, attributes, blocks);
    return { start, end, attributes, blocks };
  }

  private attribute(node: RawNode): Attribute | undefined {
    const name = node.children.find((c) => c.type === 'identifier');
    if (!name || name.missing) return undefined;
    const valueNode = node.children.find((c) => c.type === 'expression');
    const value: Expr = valueNode ? this.expr(valueNode) : { kind: 'invalid', start: node.end, end: node.end };
    return {
      name: this.slice(name),
      nameStart: name.start,
      nameEnd: name.end,
      value,
      start: node.start,
      end: node.end,
    };
  }

  private block(node: RawNode): Block | undefined {
    const [typeNode, ...rest] = node.children;
    if (!typeNode || typeNode.type !== 'identifier') return undefined;
    const labels: BlockLabel[] = [];
    let bodyNode: RawNode | undefined;
    let openEnd = node.end;
    let closeStart = node.end;
    for (const c of rest) {
      if (c.type === 'string_lit') labels.push({ value: this.stringLit(c), start: c.start, end: c.end });
      else if (c.type === 'identifier') labels.push({ value: this.slice(c), start: c.start, end: c.end });
      else if (c.type === 'block_start') openEnd = c.end;
      else if (c.type === 'body') bodyNode = c;
      else if (c.type === 'block_end' && !c.missing) closeStart = c.start;
    }
    return {
      type: this.slice(typeNode),
      typeStart: typeNode.start,
      typeEnd: typeNode.end,
      labels,
      body: this.body(bodyNode, openEnd, closeStart),
      start: node.start,
      end: node.end,
    };
  }

  private objectAsAttributes(node: RawNode, attributes: Attribute[]): void {
    for (const elem of node.children) {
      if (elem.type !== 'object_elem') continue;
      const [k, v] = elem.children.filter((c) => c.type === 'expression');
      if (!k || !v) continue;
      const key = this.expr(k);
      const name =
        key.kind === 'scope' && key.steps.length === 0
          ? key.root
          : key.kind === 'literal' && typeof key.value === 'string'
            ? key.value
            : undefined;
      if (name === undefined) continue;
      attributes.push({ name, nameStart: k.start, nameEnd: k.end, value: this.expr(v), start: elem.start, end: elem.end });
    }
  }

  expr(node: RawNode): Expr {
    if (node.truncated) return this.markTooDeep(node);
    switch (node.type) {
      case 'expression': {
        const only = node.children.length === 1 ? node.children[0]! : undefined;
        if (only?.type === 'conditional') return this.conditional(only);
        return this.termSequence(node.children, node);
      }
      case 'conditional':
        return this.conditional(node);
      default:
        return this.termSequence([node], node);
    }
  }

  private conditional(node: RawNode): Expr {
    const [cond, then, otherwise] = node.children.filter((c) => c.type === 'expression');
    if (!cond || !then || !otherwise) return this.invalid(node);
    return hclConditional(this.expr(cond), this.expr(then), this.expr(otherwise), node.start, node.end);
  }

  /** A primary term followed by postfix steps (`a.b[0][*].c`). The term's children are inlined by tree-sitter. */
  private termSequence(children: readonly RawNode[], whole: { start: number; end: number }): Expr {
    let i = 0;
    let primary: Expr | undefined;
    const first = children[0];
    if (!first) return this.invalid(whole);
    if (first.type === '(' && !first.named) {
      const inner = children.find((c) => c.type === 'expression');
      const close = children.findIndex((c) => c.type === ')' && !c.named);
      const end = close >= 0 ? children[close]!.end : whole.end;
      primary = { kind: 'paren', inner: inner ? this.expr(inner) : this.invalid(whole), start: first.start, end };
      i = close >= 0 ? close + 1 : children.length;
    } else {
      primary = this.primary(first);
      i = 1;
    }
    const steps: TraversalStep[] = [];
    for (; i < children.length; i++) {
      const step = this.step(children[i]!);
      if (step) steps.push(step);
    }
    if (steps.length === 0) return primary;
    const end = steps[steps.length - 1]!.end;
    if (primary.kind === 'scope' && primary.steps.length === 0) {
      return { ...primary, steps, end };
    }
    return { kind: 'relative', source: primary, steps, start: primary.start, end };
  }

  private step(node: RawNode): TraversalStep | undefined {
    switch (node.type) {
      case 'get_attr': {
        const id = node.children.find((c) => c.type === 'identifier');
        if (!id) return undefined;
        return { kind: 'attr', name: this.slice(id), start: node.start, end: node.end };
      }
      case 'index': {
        const inner = node.children[0];
        if (!inner) return undefined;
        if (inner.type === 'legacy_index') {
          // `.0`: the digits follow the dot.
          const digits = this.text.slice(inner.start + 1, inner.end).trim();
          return {
            kind: 'index',
            key: { kind: 'literal', value: Number(digits), start: inner.start + 1, end: inner.end },
            start: node.start,
            end: node.end,
          };
        }
        const keyNode = inner.children.find((c) => c.type === 'expression');
        return { kind: 'index', key: keyNode ? this.expr(keyNode) : this.invalid(inner), start: node.start, end: node.end };
      }
      case 'splat': {
        const inner = node.children[0];
        if (!inner) return undefined;
        const each: TraversalStep[] = [];
        for (const c of inner.children) {
          const s = this.step(c);
          if (s) each.push(s);
        }
        return { kind: 'splat', legacy: inner.type === 'attr_splat', each, start: node.start, end: node.end };
      }
      default:
        return undefined;
    }
  }

  private primary(node: RawNode): Expr {
    if (node.truncated) return this.markTooDeep(node);
    switch (node.type) {
      case 'expression':
      case 'conditional':
        return this.expr(node);
      case 'literal_value':
        return this.literal(node);
      case 'template_expr': {
        const inner = node.children[0];
        if (!inner) return this.invalid(node);
        return inner.type === 'heredoc_template' ? this.heredoc(inner) : this.quotedTemplate(inner);
      }
      case 'collection_value': {
        const inner = node.children[0];
        if (!inner) return this.invalid(node);
        return inner.type === 'tuple' ? this.tuple(inner) : this.object(inner);
      }
      case 'variable_expr':
        return { kind: 'scope', root: this.slice(node), rootEnd: node.end, steps: [], start: node.start, end: node.end };
      case 'function_call':
        return this.call(node);
      case 'for_expr': {
        const inner = node.children[0];
        if (!inner) return this.invalid(node);
        return inner.type === 'for_tuple_expr' ? this.forTuple(inner) : this.forObject(inner);
      }
      case 'operation': {
        const inner = node.children[0];
        if (!inner) return this.invalid(node);
        return inner.type === 'unary_operation' ? this.unary(inner) : this.binary(inner);
      }
      default:
        return this.invalid(node);
    }
  }

  private literal(node: RawNode): Expr {
    const inner = node.children[0];
    if (!inner) return this.invalid(node);
    const loc = { start: node.start, end: node.end };
    switch (inner.type) {
      case 'numeric_lit': {
        const t = this.slice(inner);
        const n = t.startsWith('0x') ? parseInt(t.slice(2), 16) : Number(t);
        return { kind: 'literal', value: n, ...loc };
      }
      case 'bool_lit':
        return { kind: 'literal', value: this.slice(inner) === 'true', ...loc };
      case 'null_lit':
        return { kind: 'literal', value: null, ...loc };
      case 'string_lit':
        return { kind: 'literal', value: this.stringLit(inner), ...loc };
      default:
        return this.invalid(node);
    }
  }

  /** The value of a `string_lit` (a quoted string without interpolations). */
  private stringLit(node: RawNode): string {
    const open = node.children[0];
    const close = node.children[node.children.length - 1];
    const from = open?.type === 'quoted_template_start' ? open.end : node.start;
    const to = close?.type === 'quoted_template_end' && !close.missing ? close.start : node.end;
    return unescapeQuoted(this.text.slice(from, Math.max(from, to)));
  }

  private quotedTemplate(node: RawNode): Expr {
    const open = node.children[0];
    const close = node.children[node.children.length - 1];
    const from = open?.type === 'quoted_template_start' ? open.end : node.start;
    const to = close?.type === 'quoted_template_end' && !close.missing ? close.start : node.end;
    const parts = this.templateParts(node.children, from, to, unescapeQuoted);
    return { kind: 'template', parts, start: node.start, end: node.end };
  }

  private heredoc(node: RawNode): Expr {
    const marker = node.children.find((c) => c.type === 'heredoc_start');
    const idents = node.children.filter((c) => c.type === 'heredoc_identifier');
    const opening = idents[0];
    const closing = idents.length > 1 && !idents[idents.length - 1]!.missing ? idents[idents.length - 1] : undefined;
    const afterOpening = opening ? opening.end : node.start;
    const newline = this.text.indexOf('\n', afterOpening);
    const bodyStart = newline < 0 || newline >= node.end ? node.end : newline + 1;
    let bodyEnd = node.end;
    if (closing) {
      const lineStart = this.text.lastIndexOf('\n', closing.start - 1) + 1;
      bodyEnd = Math.max(bodyStart, lineStart);
    }
    const strip = marker !== undefined && this.slice(marker) === '<<-';
    const indent = strip ? heredocIndent(this.text.slice(bodyStart, bodyEnd)) : 0;
    const inner = node.children.filter((c) => c !== marker && !idents.includes(c));
    const parts = this.templateParts(inner, bodyStart, bodyEnd, unescapeHeredoc, (text, at) =>
      stripIndent(text, indent, at === bodyStart || this.text[at - 1] === '\n'),
    );
    return { kind: 'template', parts, start: node.start, end: node.end };
  }

  /**
   * Template parts between `from` and `to`. Literal text is taken from the source between the non-literal
   * parts (tree-sitter drops whitespace between literal chunks as extras, so its literal nodes are not enough).
   */
  private templateParts(
    children: readonly RawNode[],
    from: number,
    to: number,
    unescape: (raw: string) => string,
    adjust?: (text: string, at: number) => string,
  ): TemplatePart[] {
    const parts: TemplatePart[] = [];
    let cursor = from;
    let stripNextLeading = false;
    const pushText = (end: number) => {
      if (end <= cursor) return;
      let text = this.text.slice(cursor, end);
      if (adjust) text = adjust(text, cursor);
      text = unescape(text);
      if (stripNextLeading) text = text.trimStart();
      stripNextLeading = false;
      if (text) parts.push({ kind: 'text', text });
    };
    const stripPreviousTrailing = () => {
      const last = parts[parts.length - 1];
      if (last?.kind === 'text') {
        const trimmed = last.text.trimEnd();
        if (trimmed) parts[parts.length - 1] = { kind: 'text', text: trimmed };
        else parts.pop();
      }
    };
    // Directives span several sibling nodes at this level; handle them as a whole.
    for (let i = 0; i < children.length; i++) {
      const c = children[i]!;
      if (c.end <= from || c.start >= to) continue;
      if (c.type === 'template_interpolation') {
        pushText(c.start);
        const markers = c.children.filter((x) => x.type === 'strip_marker');
        const exprNode = c.children.find((x) => x.type === 'expression');
        if (markers.some((m) => m.start === c.children[0]!.end)) stripPreviousTrailing();
        parts.push({ kind: 'interp', expr: exprNode ? this.expr(exprNode) : this.invalid(c) });
        cursor = c.end;
        stripNextLeading = markers.some((m) => exprNode === undefined || m.start >= exprNode.end);
      } else if (c.type === 'template_directive') {
        pushText(c.start);
        const directive = this.directive(c.children[0], unescape, adjust);
        if (directive) parts.push(directive);
        cursor = c.end;
      }
    }
    pushText(to);
    return parts;
  }

  private directive(
    node: RawNode | undefined,
    unescape: (raw: string) => string,
    adjust?: (text: string, at: number) => string,
  ): TemplatePart | undefined {
    if (!node) return undefined;
    if (node.type === 'template_if') {
      const intro = node.children.find((c) => c.type === 'template_if_intro');
      const elseIntro = node.children.find((c) => c.type === 'template_else_intro');
      const end = node.children.find((c) => c.type === 'template_if_end');
      const condNode = intro?.children.find((c) => c.type === 'expression');
      if (!intro || !condNode) return undefined;
      const thenEnd = elseIntro?.start ?? end?.start ?? node.end;
      const then = this.templateParts(node.children, intro.end, thenEnd, unescape, adjust);
      const otherwise = elseIntro
        ? this.templateParts(node.children, elseIntro.end, end?.start ?? node.end, unescape, adjust)
        : [];
      return { kind: 'if', cond: this.expr(condNode), then, else: otherwise };
    }
    if (node.type === 'template_for') {
      const intro = node.children.find((c) => c.type === 'template_for_start');
      const end = node.children.find((c) => c.type === 'template_for_end');
      if (!intro) return undefined;
      const ids = intro.children.filter((c) => c.type === 'identifier').map((c) => this.slice(c));
      const coll = intro.children.find((c) => c.type === 'expression');
      if (!coll || ids.length === 0) return undefined;
      const body = this.templateParts(node.children, intro.end, end?.start ?? node.end, unescape, adjust);
      return ids.length > 1
        ? { kind: 'for', keyVar: ids[0], valueVar: ids[1]!, collection: this.expr(coll), body }
        : { kind: 'for', valueVar: ids[0]!, collection: this.expr(coll), body };
    }
    return undefined;
  }

  private tuple(node: RawNode): Expr {
    const items = node.children.filter((c) => c.type === 'expression').map((c) => this.expr(c));
    return { kind: 'tuple', items, start: node.start, end: node.end };
  }

  private object(node: RawNode): Expr {
    const items: ObjectItem[] = [];
    for (const elem of node.children) {
      if (elem.type !== 'object_elem') continue;
      const [k, v] = elem.children.filter((c) => c.type === 'expression');
      if (!k) continue;
      let key = this.expr(k);
      if (key.kind === 'scope' && key.steps.length === 0) {
        key = { kind: 'literal', value: key.root, start: key.start, end: key.end };
      }
      items.push({ key, value: v ? this.expr(v) : this.invalid(elem) });
    }
    return { kind: 'object', items, start: node.start, end: node.end };
  }

  private call(node: RawNode): Expr {
    const name = node.children.find((c) => c.type === 'identifier');
    const argsNode = node.children.find((c) => c.type === 'function_arguments');
    const args = argsNode ? argsNode.children.filter((c) => c.type === 'expression').map((c) => this.expr(c)) : [];
    const expandFinal = argsNode?.children.some((c) => c.type === 'ellipsis') ?? false;
    return { kind: 'call', name: name ? this.slice(name) : '', args, expandFinal, start: node.start, end: node.end };
  }

  private forIntro(node: RawNode): { keyVar?: string; valueVar: string; collection: Expr } | undefined {
    const ids = node.children.filter((c) => c.type === 'identifier').map((c) => this.slice(c));
    const coll = node.children.find((c) => c.type === 'expression');
    if (!coll || ids.length === 0) return undefined;
    return ids.length > 1
      ? { keyVar: ids[0], valueVar: ids[1]!, collection: this.expr(coll) }
      : { valueVar: ids[0]!, collection: this.expr(coll) };
  }

  private forTuple(node: RawNode): Expr {
    const introNode = node.children.find((c) => c.type === 'for_intro');
    const intro = introNode ? this.forIntro(introNode) : undefined;
    const valueNode = node.children.find((c) => c.type === 'expression');
    const condNode = node.children.find((c) => c.type === 'for_cond')?.children.find((c) => c.type === 'expression');
    if (!intro || !valueNode) return this.invalid(node);
    return {
      kind: 'for-tuple',
      ...intro,
      value: this.expr(valueNode),
      cond: condNode ? this.expr(condNode) : undefined,
      start: node.start,
      end: node.end,
    };
  }

  private forObject(node: RawNode): Expr {
    const introNode = node.children.find((c) => c.type === 'for_intro');
    const intro = introNode ? this.forIntro(introNode) : undefined;
    const [keyNode, valueNode] = node.children.filter((c) => c.type === 'expression');
    const condNode = node.children.find((c) => c.type === 'for_cond')?.children.find((c) => c.type === 'expression');
    if (!intro || !keyNode || !valueNode) return this.invalid(node);
    return {
      kind: 'for-object',
      ...intro,
      key: this.expr(keyNode),
      value: this.expr(valueNode),
      group: node.children.some((c) => c.type === 'ellipsis'),
      cond: condNode ? this.expr(condNode) : undefined,
      start: node.start,
      end: node.end,
    };
  }

  private unary(node: RawNode): Expr {
    const [opNode, ...rest] = node.children;
    if (!opNode || rest.length === 0) return this.invalid(node);
    const op = this.slice(opNode) === '!' ? '!' : '-';
    return { kind: 'unary', op, operand: this.termSequence(rest, node), start: node.start, end: node.end };
  }

  private binary(node: RawNode): Expr {
    const at = node.children.findIndex((c) => !c.named && BINARY_OPS.has(c.type));
    if (at <= 0 || at === node.children.length - 1) return this.invalid(node);
    const left = this.termSequence(node.children.slice(0, at), node);
    const right = this.termSequence(node.children.slice(at + 1), node);
    const op = node.children[at]!.type as BinaryOp;
    return { kind: 'binary', op, left, right, start: node.start, end: node.end };
  }

  private invalid(loc: { start: number; end: number }): Expr {
    return { kind: 'invalid', start: loc.start, end: loc.end };
  }

  private markTooDeep(node: RawNode): Expr {
    this.tooDeepAt ??= node.start;
    return this.invalid(node);
  }

  private slice(node: RawNode): string {
    return this.text.slice(node.start, node.end);
  }
}

const BINARY_OPS = new Set<string>(['*', '/', '%', '+', '-', '>', '>=', '<', '<=', '==', '!=', '&&', '||']);
