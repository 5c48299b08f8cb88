import type { Attribute, Block, BlockLabel, Body } from '../ast';
import { ExpressionParser } from './expressions';
import { exact } from './exactArray';
import { Ch, decline, MAX_DEPTH } from './scanner';

/**
 * Bodies: attributes (`name = expr`) and blocks (`type "label" bare_label { ... }`). Newlines mean nothing to
 * tree-sitter-hcl (`b { a = 1 }` and `a = 1 b = 2` on one line both parse), so none here either.
 */
export class BodyParser extends ExpressionParser {
  /** The whole file; a top-level `{ ... }` (JSON-ish tfvars) declines. */
  parseFile(): Body {
    const attributes: Attribute[] = [];
    const blocks: Block[] = [];
    this.parseItems(attributes, blocks, true);
    return { start: 0, end: this.len, attributes: exact(attributes), blocks: exact(blocks) };
  }

  /** Attributes and blocks up to the end of the file (top level) or to the `}` closing a block (left in place). */
  private parseItems(attributes: Attribute[], blocks: Block[], topLevel: boolean): void {
    const text = this.text;
    for (;;) {
      this.skipTrivia();
      const start = this.pos;
      if (start >= this.len) {
        if (topLevel) return;
        decline();
      }
      const c = text.charCodeAt(start);
      if (c === Ch.RBrace && !topLevel) return;
      const nameEnd = this.identEnd(start);
      if (nameEnd === start) decline();
      const name = text.slice(start, nameEnd);
      this.pos = nameEnd;
      this.skipTrivia();
      if (this.code(this.pos) === Ch.Equals) {
        const after = this.code(this.pos + 1);
        if (after === Ch.Equals || after === Ch.Greater) decline();
        this.pos++;
        const value = this.parseExpression();
        attributes.push({ name, nameStart: start, nameEnd, value, start, end: value.end });
      } else {
        blocks.push(this.block(name, start, nameEnd));
      }
    }
  }

  /** A block after its type name: labels, then `{`, the body, `}`. */
  private block(type: string, start: number, typeEnd: number): Block {
    const text = this.text;
    const labels: BlockLabel[] = [];
    for (;;) {
      const at = this.pos;
      const c = text.charCodeAt(at);
      if (c === Ch.LBrace) break;
      if (c === Ch.Quote) {
        const value = this.parseLabelString();
        labels.push({ value, start: at, end: this.pos });
      } else {
        const end = this.identEnd(at);
        if (end === at) decline();
        labels.push({ value: text.slice(at, end), start: at, end });
        this.pos = end;
      }
      this.skipTrivia();
    }
    const openEnd = ++this.pos;
    if (++this.depth > MAX_DEPTH) decline();
    const attributes: Attribute[] = [];
    const blocks: Block[] = [];
    this.parseItems(attributes, blocks, false);
    this.depth--;
    const closeStart = this.pos++;
    return {
      type,
      typeStart: start,
      typeEnd,
      labels: exact(labels),
      body: { start: openEnd, end: closeStart, attributes: exact(attributes), blocks: exact(blocks) },
      start,
      end: this.pos,
    };
  }
}
