/**
 * Characters, trivia and tokens for the hand-written HCL parser. It reproduces tree-sitter-hcl's lexing for
 * the inputs it accepts (identifiers with `-` and `::`, numbers without a leading sign, `#`, `//` and `/* *\/`
 * comments as extras anywhere between tokens, no significant newlines) and declines everything else.
 * Only ASCII is handled outside strings and comments: tree-sitter's `\p{ID_Start}` / `\s` classes reach
 * further, so any other character declines rather than risk a different reading.
 */

/** Thrown (one shared object, never an Error: no stack trace to build) to give up on a file. */
export const DECLINED: { readonly declined: true } = Object.freeze({ declined: true });

export function decline(): never {
  throw DECLINED;
}

/** Nesting (expressions, blocks, templates) beyond which the file is left to tree-sitter, which reports it. */
export const MAX_DEPTH = 200;

export const enum Ch {
  Tab = 9,
  LineFeed = 10,
  CarriageReturn = 13,
  Space = 32,
  Bang = 33,
  Quote = 34,
  Hash = 35,
  Dollar = 36,
  Percent = 37,
  Amp = 38,
  LParen = 40,
  RParen = 41,
  Star = 42,
  Plus = 43,
  Comma = 44,
  Minus = 45,
  Dot = 46,
  Slash = 47,
  Zero = 48,
  Nine = 57,
  Colon = 58,
  Less = 60,
  Equals = 61,
  Greater = 62,
  Question = 63,
  UpperA = 65,
  UpperZ = 90,
  LBracket = 91,
  Backslash = 92,
  RBracket = 93,
  Underscore = 95,
  LowerA = 97,
  LowerX = 120,
  LowerZ = 122,
  LBrace = 123,
  Pipe = 124,
  RBrace = 125,
  Tilde = 126,
}

export function isDigit(c: number): boolean {
  return c >= Ch.Zero && c <= Ch.Nine;
}

export function isIdentStart(c: number): boolean {
  return (c >= Ch.LowerA && c <= Ch.LowerZ) || (c >= Ch.UpperA && c <= Ch.UpperZ) || c === Ch.Underscore;
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || isDigit(c);
}

function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

/** `iswspace` of the external scanner, for the ASCII range (other characters decline before this matters). */
export function isScannerSpace(c: number): boolean {
  return c === Ch.Space || (c >= Ch.Tab && c <= Ch.CarriageReturn);
}

/** Non-ASCII white space, a superset of what the external scanner's `iswspace` accepts. */
export function isUnicodeSpace(c: number): boolean {
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** The cursor over the text, shared by the expression, template and body parsers (one class chain). */
export class Scanner {
  pos = 0;
  depth = 0;
  readonly len: number;

  constructor(readonly text: string) {
    this.len = text.length;
  }

  code(at: number): number {
    return this.text.charCodeAt(at);
  }

  /** Whitespace and comments (tree-sitter's extras). Form feeds and non-ASCII spaces decline later. */
  skipTrivia(): void {
    const text = this.text;
    const len = this.len;
    let pos = this.pos;
    while (pos < len) {
      const c = text.charCodeAt(pos);
      if (c === Ch.Space || c === Ch.LineFeed || c === Ch.Tab || c === Ch.CarriageReturn) {
        pos++;
      } else if (c === Ch.Hash) {
        pos = lineEnd(text, pos + 1);
      } else if (c === Ch.Slash) {
        const n = text.charCodeAt(pos + 1);
        if (n === Ch.Slash) pos = lineEnd(text, pos + 2);
        else if (n === Ch.Star) {
          const close = text.indexOf('*/', pos + 2);
          if (close < 0) decline();
          pos = close + 2;
        } else break;
      } else break;
    }
    this.pos = pos;
  }

  /**
   * End of the identifier starting at `at` (`at` itself when none): `[A-Za-z_]` then letters, digits, `_`,
   * `-` and `::`. A non-ASCII character where the identifier could go on declines.
   */
  identEnd(at: number): number {
    const text = this.text;
    const c = text.charCodeAt(at);
    if (!isIdentStart(c)) {
      if (c >= 128) decline();
      return at;
    }
    let pos = at + 1;
    for (;;) {
      const d = text.charCodeAt(pos);
      if (isIdentPart(d) || d === Ch.Minus) pos++;
      else if (d === Ch.Colon && text.charCodeAt(pos + 1) === Ch.Colon) pos += 2;
      else if (d >= 128) decline();
      else return pos;
    }
  }

  /** True when the identifier at `at` is exactly `word` (`format` is not `for`). */
  keywordAt(at: number, word: string): boolean {
    return this.text.startsWith(word, at) && this.identEnd(at) === at + word.length;
  }

  /** End of the numeric literal at `at` (a digit): `0x` + alphanumerics, or digits with an optional fraction and exponent. */
  numberEnd(at: number): number {
    const text = this.text;
    let pos = at;
    if (text.charCodeAt(at) === Ch.Zero && text.charCodeAt(at + 1) === Ch.LowerX && isIdentPartNoUnderscore(text.charCodeAt(at + 2))) {
      pos = at + 3;
      while (isIdentPartNoUnderscore(text.charCodeAt(pos))) pos++;
      return pos;
    }
    while (isDigit(text.charCodeAt(pos))) pos++;
    if (text.charCodeAt(pos) === Ch.Dot && isDigit(text.charCodeAt(pos + 1))) {
      pos += 2;
      while (isDigit(text.charCodeAt(pos))) pos++;
      const e = text.charCodeAt(pos);
      if (e === 101 || e === 69) {
        let k = pos + 1;
        const s = text.charCodeAt(k);
        if (s === Ch.Plus || s === Ch.Minus) k++;
        if (isDigit(text.charCodeAt(k))) {
          pos = k + 1;
          while (isDigit(text.charCodeAt(pos))) pos++;
        }
      }
    }
    return pos;
  }

  /**
   * Length of the valid escape sequence at `at` (a backslash) in a quoted string, as the external scanner
   * accepts them; declines on any other.
   */
  escapeLength(at: number): number {
    const n = this.text.charCodeAt(at + 1);
    switch (n) {
      case Ch.Quote:
      case 110: // n
      case 114: // r
      case 116: // t
      case Ch.Backslash:
        return 2;
      case 117: // u
        return 2 + this.hexRun(at + 2, 4);
      case 85: // U
        return 2 + this.hexRun(at + 2, 8);
      default:
        return decline();
    }
  }

  private hexRun(at: number, count: number): number {
    for (let i = 0; i < count; i++) if (!isHexDigit(this.text.charCodeAt(at + i))) decline();
    return count;
  }

  /** Skips trivia, then consumes the character `c` or declines. */
  expect(c: number): void {
    this.skipTrivia();
    if (this.text.charCodeAt(this.pos) !== c) decline();
    this.pos++;
  }
}

function isIdentPartNoUnderscore(c: number): boolean {
  return isDigit(c) || (c >= Ch.LowerA && c <= Ch.LowerZ) || (c >= Ch.UpperA && c <= Ch.UpperZ);
}

function lineEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? text.length : nl;
}
