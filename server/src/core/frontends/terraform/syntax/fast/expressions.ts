import type { BinaryOp, Expr, ObjectItem, TraversalStep } from '../ast';
import { hclConditional } from '../conditionalChain';
import { exact } from './exactArray';
import { Ch, decline, isDigit, isIdentStart, MAX_DEPTH } from './scanner';
import { isReservedWord, TemplateParser } from './templates';

/**
 * Expressions with tree-sitter-hcl's precedences: postfix steps bind tightest, then unary `-`/`!` (whose
 * operand may itself be an operation: `- - a`), then the binary levels (all left-associative), then the
 * conditional. tree-sitter nests a conditional chain to the left, and the depth limit below counts its
 * levels that way; the tree built is HCL's (see conditionalChain.ts), as convert.ts builds it.
 * Objects are built with the same properties in the same order as convert.ts builds them.
 */
export abstract class ExpressionParser extends TemplateParser {
  parseExpression(): Expr {
    if (++this.depth > MAX_DEPTH) decline();
    let expr = this.parseBinary(1);
    const depth = this.depth;
    for (;;) {
      this.skipTrivia();
      if (this.code(this.pos) !== Ch.Question) break;
      // Each link of a conditional chain nests one level deeper in tree-sitter's tree.
      if (++this.depth > MAX_DEPTH) decline();
      this.pos++;
      const then = this.parseExpression();
      this.expect(Ch.Colon);
      const otherwise = this.parseBinary(1);
      expr = hclConditional(expr, then, otherwise, expr.start, otherwise.end);
    }
    this.depth = depth - 1;
    return expr;
  }

  /** Operators of precedence `min` and above, left-associative. */
  private parseBinary(min: number): Expr {
    let left = this.parseUnary();
    const depth = this.depth;
    for (;;) {
      this.skipTrivia();
      const op = this.binaryOperator();
      if (op === undefined) break;
      const prec = PRECEDENCE[op];
      if (prec < min) break;
      // Each operator of a chain nests the operation one level deeper in tree-sitter's tree.
      if (++this.depth > MAX_DEPTH) decline();
      this.pos += op.length;
      const right = this.parseBinary(prec + 1);
      left = { kind: 'binary', op, left, right, start: left.start, end: right.end };
    }
    this.depth = depth;
    return left;
  }

  /** The binary operator at `pos`, if any (`=>`, `=`, `!`, `&`, `|` alone are not). */
  private binaryOperator(): BinaryOp | undefined {
    const c = this.code(this.pos);
    const n = this.code(this.pos + 1);
    switch (c) {
      case Ch.Star:
        return '*';
      case Ch.Slash:
        return '/';
      case Ch.Percent:
        return '%';
      case Ch.Plus:
        return '+';
      case Ch.Minus:
        return '-';
      case Ch.Greater:
        return n === Ch.Equals ? '>=' : '>';
      case Ch.Less:
        return n === Ch.Equals ? '<=' : '<';
      case Ch.Equals:
        return n === Ch.Equals ? '==' : undefined;
      case Ch.Bang:
        return n === Ch.Equals ? '!=' : undefined;
      case Ch.Amp:
        return n === Ch.Amp ? '&&' : undefined;
      case Ch.Pipe:
        return n === Ch.Pipe ? '||' : undefined;
      default:
        return undefined;
    }
  }

  private parseUnary(): Expr {
    this.skipTrivia();
    const c = this.code(this.pos);
    if (c === Ch.Minus || c === Ch.Bang) {
      const start = this.pos++;
      if (++this.depth > MAX_DEPTH) decline();
      const operand = this.parseUnary();
      this.depth--;
      return { kind: 'unary', op: c === Ch.Minus ? '-' : '!', operand, start, end: operand.end };
    }
    return this.parsePostfix(this.parsePrimary());
  }

  /** `.attr`, `[index]`, `.0`, `[*]`, `.*` after a term. A splat takes the attribute and index steps after it. */
  private parsePostfix(primary: Expr): Expr {
    let steps: TraversalStep[] | undefined;
    for (;;) {
      const step = this.step(true);
      if (!step) break;
      (steps ??= []).push(step);
    }
    if (!steps) return primary;
    steps = exact(steps);
    const end = steps[steps.length - 1]!.end;
    if (primary.kind === 'scope') {
      return { kind: 'scope', root: primary.root, rootEnd: primary.rootEnd, steps, start: primary.start, end };
    }
    return { kind: 'relative', source: primary, steps, start: primary.start, end };
  }

  /** The next traversal step, or undefined (position then unchanged but for trivia). */
  private step(allowSplat: boolean): TraversalStep | undefined {
    this.skipTrivia();
    const text = this.text;
    const start = this.pos;
    const c = text.charCodeAt(start);
    if (c === Ch.Dot) {
      const n = text.charCodeAt(start + 1);
      if (isIdentStart(n)) {
        const end = this.identEnd(start + 1);
        this.pos = end;
        return { kind: 'attr', name: text.slice(start + 1, end), start, end };
      }
      if (isDigit(n)) {
        let end = start + 2;
        while (isDigit(text.charCodeAt(end))) end++;
        this.pos = end;
        const key: Expr = { kind: 'literal', value: Number(text.slice(start + 1, end)), start: start + 1, end };
        return { kind: 'index', key, start, end };
      }
      if (n === Ch.Star) {
        if (!allowSplat) return undefined;
        this.pos = start + 2;
        return this.splat(true, start);
      }
      // `...` (an ellipsis after the last argument) ends the term; anything else (`. x`) is left to tree-sitter.
      if (n === Ch.Dot) return undefined;
      return decline();
    }
    if (c === Ch.LBracket) {
      if (text.charCodeAt(start + 1) === Ch.Star && text.charCodeAt(start + 2) === Ch.RBracket) {
        if (!allowSplat) return undefined;
        this.pos = start + 3;
        return this.splat(false, start);
      }
      this.pos = start + 1;
      if (++this.depth > MAX_DEPTH) decline();
      const key = this.parseExpression();
      this.depth--;
      this.expect(Ch.RBracket);
      return { kind: 'index', key, start, end: this.pos };
    }
    return undefined;
  }

  private splat(legacy: boolean, start: number): TraversalStep {
    const each: TraversalStep[] = [];
    let end = this.pos;
    for (;;) {
      const step = this.step(false);
      if (!step) break;
      each.push(step);
      end = step.end;
    }
    return { kind: 'splat', legacy, each: exact(each), start, end };
  }

  private parsePrimary(): Expr {
    const text = this.text;
    const start = this.pos;
    const c = text.charCodeAt(start);
    if (isIdentStart(c)) return this.identifierTerm(start);
    if (isDigit(c)) {
      const end = this.numberEnd(start);
      this.pos = end;
      const t = text.slice(start, end);
      const value = t.charCodeAt(1) === Ch.LowerX ? parseInt(t.slice(2), 16) : Number(t);
      return { kind: 'literal', value, start, end };
    }
    switch (c) {
      case Ch.Quote:
        return this.parseQuoted();
      case Ch.LBracket:
        return this.tupleOrFor(start);
      case Ch.LBrace:
        return this.objectOrFor(start);
      case Ch.LParen: {
        this.pos++;
        const inner = this.parseExpression();
        this.expect(Ch.RParen);
        return { kind: 'paren', inner, start, end: this.pos };
      }
      case Ch.Less:
        if (text.charCodeAt(start + 1) === Ch.Less) return this.parseHeredoc();
        return decline();
      default:
        return decline();
    }
  }

  /** A variable, `true` / `false` / `null`, or a function call. */
  private identifierTerm(start: number): Expr {
    const end = this.identEnd(start);
    const name = this.text.slice(start, end);
    this.pos = end;
    switch (name) {
      case 'true':
        return { kind: 'literal', value: true, start, end };
      case 'false':
        return { kind: 'literal', value: false, start, end };
      case 'null':
        return { kind: 'literal', value: null, start, end };
    }
    if (isReservedWord(name)) decline();
    this.skipTrivia();
    if (this.code(this.pos) === Ch.LParen) return this.call(name, start);
    return { kind: 'scope', root: name, rootEnd: end, steps: [], start, end };
  }

  /** `name(a, b)`, `name(a, list...)`, a trailing comma allowed (not with `...`). */
  private call(name: string, start: number): Expr {
    this.pos++;
    const args: Expr[] = [];
    let expandFinal = false;
    this.skipTrivia();
    if (this.code(this.pos) !== Ch.RParen) {
      for (;;) {
        args.push(this.parseExpression());
        this.skipTrivia();
        const c = this.code(this.pos);
        if (c === Ch.Comma) {
          this.pos++;
          this.skipTrivia();
          if (this.code(this.pos) === Ch.RParen) break;
        } else if (c === Ch.Dot && this.text.startsWith('...', this.pos)) {
          this.pos += 3;
          expandFinal = true;
          this.skipTrivia();
          break;
        } else break;
      }
    }
    if (this.code(this.pos) !== Ch.RParen) decline();
    this.pos++;
    return { kind: 'call', name, args: exact(args), expandFinal, start, end: this.pos };
  }

  private tupleOrFor(start: number): Expr {
    this.pos++;
    this.skipTrivia();
    if (this.keywordAt(this.pos, 'for')) return this.forTuple(start);
    const items: Expr[] = [];
    if (this.code(this.pos) !== Ch.RBracket) {
      for (;;) {
        items.push(this.parseExpression());
        this.skipTrivia();
        if (this.code(this.pos) !== Ch.Comma) break;
        this.pos++;
        this.skipTrivia();
        if (this.code(this.pos) === Ch.RBracket) break;
      }
    }
    if (this.code(this.pos) !== Ch.RBracket) decline();
    this.pos++;
    return { kind: 'tuple', items: exact(items), start, end: this.pos };
  }

  /** Objects: elements `key = value` or `key: value`, commas optional between them, one trailing comma allowed. */
  private objectOrFor(start: number): Expr {
    this.pos++;
    this.skipTrivia();
    if (this.keywordAt(this.pos, 'for')) return this.forObject(start);
    const items: ObjectItem[] = [];
    while (this.code(this.pos) !== Ch.RBrace) {
      let key = this.parseExpression();
      if (key.kind === 'scope' && key.steps.length === 0) {
        key = { kind: 'literal', value: key.root, start: key.start, end: key.end };
      }
      this.skipTrivia();
      const sep = this.code(this.pos);
      const after = this.code(this.pos + 1);
      if (!(sep === Ch.Colon || (sep === Ch.Equals && after !== Ch.Equals && after !== Ch.Greater))) decline();
      this.pos++;
      const value = this.parseExpression();
      items.push({ key, value });
      this.skipTrivia();
      if (this.code(this.pos) === Ch.Comma) {
        this.pos++;
        this.skipTrivia();
      }
      if (this.pos >= this.len) decline();
    }
    this.pos++;
    return { kind: 'object', items: exact(items), start, end: this.pos };
  }

  /** `for k, v in coll :` (positioned on `for`); the variables and the collection. */
  private forIntro(): { keyVar: string | undefined; valueVar: string; collection: Expr } {
    const [first, second] = this.loopVariables();
    const collection = this.parseExpression();
    this.expect(Ch.Colon);
    return second === undefined
      ? { keyVar: undefined, valueVar: first, collection }
      : { keyVar: first, valueVar: second, collection };
  }

  private forCondition(): Expr | undefined {
    this.skipTrivia();
    if (!this.keywordAt(this.pos, 'if')) return undefined;
    this.pos += 2;
    return this.parseExpression();
  }

  private forTuple(start: number): Expr {
    const intro = this.forIntro();
    const value = this.parseExpression();
    const cond = this.forCondition();
    this.expect(Ch.RBracket);
    const end = this.pos;
    return intro.keyVar === undefined
      ? { kind: 'for-tuple', valueVar: intro.valueVar, collection: intro.collection, value, cond, start, end }
      : { kind: 'for-tuple', keyVar: intro.keyVar, valueVar: intro.valueVar, collection: intro.collection, value, cond, start, end };
  }

  private forObject(start: number): Expr {
    const intro = this.forIntro();
    const key = this.parseExpression();
    this.skipTrivia();
    if (this.code(this.pos) !== Ch.Equals || this.code(this.pos + 1) !== Ch.Greater) decline();
    this.pos += 2;
    const value = this.parseExpression();
    this.skipTrivia();
    let group = false;
    if (this.text.startsWith('...', this.pos)) {
      group = true;
      this.pos += 3;
    }
    const cond = this.forCondition();
    this.expect(Ch.RBrace);
    const end = this.pos;
    return intro.keyVar === undefined
      ? { kind: 'for-object', valueVar: intro.valueVar, collection: intro.collection, key, value, group, cond, start, end }
      : {
          kind: 'for-object',
          keyVar: intro.keyVar,
          valueVar: intro.valueVar,
          collection: intro.collection,
          key,
          value,
          group,
          cond,
          start,
          end,
        };
  }
}

const PRECEDENCE: Readonly<Record<BinaryOp, number>> = {
  '*': 6,
  '/': 6,
  '%': 6,
  '+': 5,
  '-': 5,
  '>': 4,
  '>=': 4,
  '<': 4,
  '<=': 4,
  '==': 3,
  '!=': 3,
  '&&': 2,
  '||': 1,
};
