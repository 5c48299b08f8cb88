import type { Expr, TemplatePart } from '../ast';
import { heredocIndent, stripIndent, unescapeHeredoc, unescapeQuoted } from '../templates';
import { exact } from './exactArray';
import { Ch, decline, isIdentStart, isScannerSpace, isUnicodeSpace, MAX_DEPTH, Scanner } from './scanner';

/** What ended a template sequence. */
const enum Stop {
  Quote,
  HeredocEnd,
  Else,
  EndIf,
  EndFor,
}

/** The heredoc being read, when the template is one. */
interface Heredoc {
  readonly id: string;
  readonly bodyStart: number;
  readonly indent: number;
}

/**
 * Quoted strings, block labels and heredocs, read the way tree-sitter-hcl's external scanner reads them, with
 * the text of the parts computed exactly as convert.ts computes it from tree-sitter's nodes (the source
 * between the non-literal parts, strip markers, the `<<-` indentation).
 */
export abstract class TemplateParser extends Scanner {
  /** Where the closing marker of the last heredoc read starts. */
  private stopAt = 0;

  abstract parseExpression(): Expr;

  /** A block label: a string literal in which `${` is plain text (tree-sitter only allows string_lit there). */
  parseLabelString(): string {
    return this.quotedText(false)!;
  }

  /** `"..."` in an expression: a literal without `${` / `%{`, else a template. */
  parseQuoted(): Expr {
    const start = this.pos;
    const value = this.quotedText(true);
    if (value === undefined) return this.quotedTemplate(start, start + 1);
    return { kind: 'literal', value, start, end: this.pos };
  }

  /**
   * The text of the quoted string at `pos` (its opening quote), escapes resolved; `pos` ends after the closing
   * quote. With `templates`, undefined as soon as a `${` or `%{` starts a template (`pos` is then inside the
   * string); without (a label), `$` and `%` are plain text.
   */
  private quotedText(templates: boolean): string | undefined {
    const text = this.text;
    const contentStart = ++this.pos;
    let escaped = false;
    for (;;) {
      const c = text.charCodeAt(this.pos);
      if (c === Ch.Quote) break;
      if (c === Ch.Backslash) {
        this.pos += this.escapeLength(this.pos);
        escaped = true;
      } else if (c === Ch.Dollar || c === Ch.Percent) {
        if (!templates) this.pos++;
        else if (text.charCodeAt(this.pos + 1) === Ch.LBrace) return undefined;
        else this.pos += this.markerEscapeLength(this.pos, c);
        escaped = true;
      } else {
        if (this.pos >= this.len || c === 0) decline();
        this.pos++;
      }
    }
    const raw = text.slice(contentStart, this.pos++);
    return escaped ? unescapeQuoted(raw) : raw;
  }

  private quotedTemplate(start: number, contentStart: number): Expr {
    this.pos = contentStart;
    const parts: TemplatePart[] = [];
    if (this.templateSequence(undefined, false, parts) !== Stop.Quote) decline();
    this.pos++;
    return { kind: 'template', parts: exact(parts), start, end: this.pos };
  }

  /** `<<ID` / `<<-ID` at `this.pos` (the first `<`). */
  parseHeredoc(): Expr {
    const text = this.text;
    const start = this.pos;
    let pos = start + 2;
    const strip = text.charCodeAt(pos) === Ch.Minus;
    if (strip) pos++;
    if (!isIdentStart(text.charCodeAt(pos))) decline();
    const idStart = pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (isIdentStart(c) || (c >= Ch.Zero && c <= Ch.Nine) || c === Ch.Minus) pos++;
      else if (c >= 128) decline();
      else break;
    }
    const id = text.slice(idStart, pos);
    // Only blanks may follow the opening marker (tree-sitter would read anything else as template text).
    while (text.charCodeAt(pos) === Ch.Space || text.charCodeAt(pos) === Ch.Tab || text.charCodeAt(pos) === Ch.CarriageReturn) pos++;
    if (text.charCodeAt(pos) !== Ch.LineFeed) decline();
    const bodyStart = pos + 1;
    let parts = this.heredocBody(id, bodyStart, 0);
    const closingStart = this.stopAt;
    const bodyEnd = Math.max(bodyStart, text.lastIndexOf('\n', closingStart - 1) + 1);
    if (strip) {
      const indent = heredocIndent(text.slice(bodyStart, bodyEnd));
      // The indentation is known only once the body is read: read it again, removing it from the text parts.
      if (indent > 0) parts = this.heredocBody(id, bodyStart, indent);
    }
    this.pos = closingStart + id.length;
    return { kind: 'template', parts: exact(parts), start, end: this.pos };
  }

  private heredocBody(id: string, bodyStart: number, indent: number): TemplatePart[] {
    this.pos = bodyStart;
    const parts: TemplatePart[] = [];
    if (this.templateSequence({ id, bodyStart, indent }, false, parts) !== Stop.HeredocEnd) decline();
    return parts;
  }

  /**
   * Template items from `this.pos` until the closing quote, the heredoc's closing line (its marker's start is
   * left in `stopAt`), or, in a directive's body, `%{ else }` / `%{ endif }` / `%{ endfor }` (consumed). Mirrors
   * the converter's templateParts: text runs between non-literal parts, unescaped, trimmed next to `~` markers.
   */
  private templateSequence(heredoc: Heredoc | undefined, inDirective: boolean, parts: TemplatePart[]): Stop {
    const text = this.text;
    let cursor = this.pos;
    let stripNextLeading = false;
    // Heredocs: the closing marker is only recognised on a line of its own (after whitespace with a newline).
    let afterNewline = heredoc !== undefined && cursor === heredoc.bodyStart;

    const pushText = (end: number): void => {
      if (end <= cursor) return;
      let chunk = text.slice(cursor, end);
      if (heredoc) {
        if (heredoc.indent > 0) {
          chunk = stripIndent(chunk, heredoc.indent, cursor === heredoc.bodyStart || text.charCodeAt(cursor - 1) === Ch.LineFeed);
        }
        chunk = unescapeHeredoc(chunk);
      } else chunk = unescapeQuoted(chunk);
      if (stripNextLeading) chunk = chunk.trimStart();
      stripNextLeading = false;
      if (chunk) parts.push({ kind: 'text', text: chunk });
    };

    for (;;) {
      const at = this.pos;
      if (at >= this.len) decline();
      const c = text.charCodeAt(at);
      if (c === 0) decline();
      if (heredoc) {
        if (isScannerSpace(c)) {
          if (c === Ch.LineFeed) afterNewline = true;
          this.pos++;
          continue;
        }
        // The scanner also skips Unicode spaces (iswspace) before looking for the closing marker.
        if (afterNewline && c >= 128 && isUnicodeSpace(c)) decline();
        if (afterNewline && text.startsWith(heredoc.id, at)) {
          // A line starting with the marker: inside a directive, tree-sitter's reading is not pinned down here.
          if (inDirective) decline();
          let k = at + heredoc.id.length;
          while (k < this.len && isScannerSpace(text.charCodeAt(k)) && text.charCodeAt(k) !== Ch.LineFeed) k++;
          if (text.charCodeAt(k) === Ch.LineFeed) {
            this.stopAt = at;
            pushText(Math.max(heredoc.bodyStart, text.lastIndexOf('\n', at - 1) + 1));
            return Stop.HeredocEnd;
          }
          // Not the end: the scanner reads the marker, the blanks and one more character as text, so a `$` or
          // `%` there starts no `${` / `%{`.
          const next = text.charCodeAt(k);
          if (k >= this.len || next === 0 || isUnicodeSpace(next)) decline();
          this.pos = k + 1;
          afterNewline = false;
          continue;
        }
        afterNewline = false;
      } else if (c === Ch.Quote) {
        if (inDirective) decline();
        pushText(at);
        return Stop.Quote;
      } else if (c === Ch.Backslash) {
        this.pos += this.escapeLength(at);
        continue;
      }
      if ((c === Ch.Dollar || c === Ch.Percent) && text.charCodeAt(at + 1) === Ch.LBrace) {
        if (c === Ch.Dollar) {
          pushText(at);
          const part = this.interpolation(at);
          if (text.charCodeAt(at + 2) === Ch.Tilde) stripPreviousTrailing(parts);
          parts.push(part);
          cursor = this.pos;
          stripNextLeading = this.stripNext;
          continue;
        }
        const stop = this.directive(at, heredoc, pushText, parts);
        if (stop !== undefined) {
          if (!inDirective) decline();
          pushText(at);
          return stop;
        }
        cursor = this.pos;
        continue;
      }
      this.pos += c === Ch.Dollar || c === Ch.Percent ? this.markerEscapeLength(at, c) : 1;
    }
  }

  /** Set by `interpolation`: a `~` after the expression. */
  private stripNext = false;

  /** `${ ~? expr ~? }` at `at`. */
  private interpolation(at: number): TemplatePart {
    this.pos = at + 2;
    this.skipTrivia();
    let leadingMarker = false;
    if (this.code(this.pos) === Ch.Tilde) {
      leadingMarker = true;
      this.pos++;
      this.skipTrivia();
    }
    if (this.code(this.pos) === Ch.RBrace) {
      // `${}`: tree-sitter accepts it; the converter makes the expression invalid over the interpolation.
      if (leadingMarker) decline();
      this.pos++;
      this.stripNext = false;
      return { kind: 'interp', expr: { kind: 'invalid', start: at, end: this.pos } };
    }
    const expr = this.nested();
    this.skipTrivia();
    let trailingMarker = false;
    if (this.code(this.pos) === Ch.Tilde) {
      trailingMarker = true;
      this.pos++;
    }
    this.expect(Ch.RBrace);
    this.stripNext = trailingMarker;
    return { kind: 'interp', expr };
  }

  /**
   * `%{ if }` / `%{ for }` at `at`, read to its end and pushed to `parts`; or, for `else` / `endif` /
   * `endfor`, the matching Stop (the directive is then consumed up to its closing brace).
   */
  private directive(
    at: number,
    heredoc: Heredoc | undefined,
    pushText: (end: number) => void,
    parts: TemplatePart[],
  ): Stop | undefined {
    this.pos = at + 2;
    this.openDirective();
    const word = this.pos;
    if (this.keywordAt(word, 'else')) return this.closeKeyword(word, 4, Stop.Else);
    if (this.keywordAt(word, 'endif')) return this.closeKeyword(word, 5, Stop.EndIf);
    if (this.keywordAt(word, 'endfor')) return this.closeKeyword(word, 6, Stop.EndFor);
    if (++this.depth > MAX_DEPTH) decline();
    if (this.keywordAt(word, 'if')) {
      this.pos = word + 2;
      const cond = this.nested();
      this.closeDirective();
      const then: TemplatePart[] = [];
      let stop = this.templateSequence(heredoc, true, then);
      const otherwise: TemplatePart[] = [];
      if (stop === Stop.Else) stop = this.templateSequence(heredoc, true, otherwise);
      if (stop !== Stop.EndIf) decline();
      pushText(at);
      parts.push({ kind: 'if', cond, then: exact(then), else: exact(otherwise) });
    } else if (this.keywordAt(word, 'for')) {
      this.pos = word;
      const [first, second] = this.loopVariables();
      const collection = this.nested();
      this.closeDirective();
      const body: TemplatePart[] = [];
      if (this.templateSequence(heredoc, true, body) !== Stop.EndFor) decline();
      pushText(at);
      parts.push(
        second === undefined
          ? { kind: 'for', valueVar: first, collection, body: exact(body) }
          : { kind: 'for', keyVar: first, valueVar: second, collection, body: exact(body) },
      );
    } else decline();
    this.depth--;
    return undefined;
  }

  /**
   * `for k, v in` or `for v in` (positioned on `for`, left after `in`): the first variable and the second, if
   * any. Shared by `for` expressions and `%{for}` directives.
   */
  loopVariables(): [first: string, second: string | undefined] {
    this.pos += 3;
    this.skipTrivia();
    const first = this.loopVariable();
    let second: string | undefined;
    this.skipTrivia();
    if (this.code(this.pos) === Ch.Comma) {
      this.pos++;
      this.skipTrivia();
      second = this.loopVariable();
      this.skipTrivia();
    }
    if (!this.keywordAt(this.pos, 'in')) decline();
    this.pos += 2;
    return [first, second];
  }

  /** A `for` variable (keywords decline: tree-sitter may read them as keywords). */
  private loopVariable(): string {
    const start = this.pos;
    const end = this.identEnd(start);
    if (end === start) decline();
    const name = this.text.slice(start, end);
    if (isReservedWord(name)) decline();
    this.pos = end;
    return name;
  }

  private openDirective(): void {
    this.skipTrivia();
    if (this.code(this.pos) === Ch.Tilde) {
      this.pos++;
      this.skipTrivia();
    }
  }

  private closeKeyword(word: number, length: number, stop: Stop): Stop {
    this.pos = word + length;
    this.closeDirective();
    return stop;
  }

  /** `~? }` ending a directive (strip markers on directives do not change the converter's text). */
  private closeDirective(): void {
    this.skipTrivia();
    if (this.code(this.pos) === Ch.Tilde) this.pos++;
    this.expect(Ch.RBrace);
  }

  /** An expression one level deeper. */
  private nested(): Expr {
    if (++this.depth > MAX_DEPTH) decline();
    const e = this.parseExpression();
    this.depth--;
    return e;
  }

  /** `$`/`%` not starting `${`/`%{`: `$${` is one text token, `$$` two characters, `$` one. */
  private markerEscapeLength(at: number, c: number): number {
    const text = this.text;
    if (text.charCodeAt(at + 1) !== c) return 1;
    return text.charCodeAt(at + 2) === Ch.LBrace ? 3 : 2;
  }
}

/** Trims the text before a `${~`, as the converter does. */
function stripPreviousTrailing(parts: TemplatePart[]): void {
  const last = parts[parts.length - 1];
  if (last?.kind === 'text') {
    const trimmed = last.text.trimEnd();
    if (trimmed) parts[parts.length - 1] = { kind: 'text', text: trimmed };
    else parts.pop();
  }
}

/** Words tree-sitter-hcl lexes as keywords in some states: not accepted as variable names. */
export function isReservedWord(name: string): boolean {
  switch (name) {
    case 'for':
    case 'in':
    case 'if':
    case 'else':
    case 'endif':
    case 'endfor':
      return true;
    default:
      return false;
  }
}
