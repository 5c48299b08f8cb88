/** 0-based line/character position, LSP convention (characters are UTF-16 code units). */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Converts offsets to positions and back for one text; built once per text version. */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    this.lineStarts = text.includes('\r') ? lineStartsAnyBreak(text) : lineStartsLf(text);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.lineStarts[lo]! };
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[pos.line]!;
    const next = pos.line + 1 < this.lineStarts.length ? this.lineStarts[pos.line + 1]! : this.text.length;
    return Math.min(start + Math.max(0, pos.character), next);
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** Text of a 0-based line without its line break. */
  lineText(line: number): string {
    const start = this.lineStarts[line] ?? this.text.length;
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1]! : this.text.length;
    return this.text.slice(start, next).replace(/\r?\n$|\r$/, '');
  }
}

/** Line starts of a text whose lines end in `\n` only: `indexOf` scans natively, several times faster. */
function lineStartsLf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Line starts where `\r\n`, `\r` and `\n` each end a line. */
function lineStartsAnyBreak(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) starts.push(i + 1);
    else if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}
