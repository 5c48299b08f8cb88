/**
 * A place in a source file. Offsets are UTF-16 code units into the file text (what JS strings index and
 * what LSP positions count), `file` is the file's URI string. Core never opens files: hosts hand it text.
 */
export interface Span {
  readonly file: string;
  readonly start: number;
  readonly end: number;
}

export function spanContains(span: Span, file: string, offset: number): boolean {
  return span.file === file && span.start <= offset && offset <= span.end;
}

export function spanLength(span: Span): number {
  return span.end - span.start;
}

export function sameSpan(a: Span, b: Span): boolean {
  return a.file === b.file && a.start === b.start && a.end === b.end;
}

export function spanKey(span: Span): string {
  return `${span.file}#${span.start}-${span.end}`;
}
