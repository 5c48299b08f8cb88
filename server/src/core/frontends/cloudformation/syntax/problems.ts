import type { SourceProblem } from '../../types';

/** Beyond this many, a file's syntax problems are summarised: binary junk would otherwise yield one per byte. */
export const MAX_SYNTAX_PROBLEMS = 100;

/** Collects a file's syntax problems, capped at MAX_SYNTAX_PROBLEMS plus one summary. */
export class ProblemSink {
  private readonly list: SourceProblem[] = [];
  private dropped = 0;

  constructor(private readonly uri: string) {}

  add(severity: SourceProblem['severity'], message: string, start: number, end: number): void {
    if (this.list.length >= MAX_SYNTAX_PROBLEMS) {
      this.dropped++;
      return;
    }
    this.list.push({ code: 'parse-error', severity, message, span: { file: this.uri, start, end: Math.max(start, end) } });
  }

  error(message: string, start: number, end: number): void {
    this.add('error', message, start, end);
  }

  get problems(): SourceProblem[] {
    if (this.dropped === 0) return this.list;
    const last = this.list[this.list.length - 1]!;
    return [
      ...this.list,
      {
        code: 'parse-error',
        severity: 'error',
        message: `${this.dropped} more syntax problem(s) in this file are not shown`,
        span: last.span,
      },
    ];
  }
}

/**
 * Nodes nested deeper than this are not kept (a null stands in): no real template comes close (they nest
 * about 15 levels), and consumers that recurse over the tree stay far from the call-stack limit.
 */
export const MAX_TREE_DEPTH = 200;

export function tooDeepMessage(): string {
  return `the template nests deeper than ${MAX_TREE_DEPTH} levels; the deeper part is not analysed`;
}

/** Replaces a leading byte-order mark with a space: same length, so every offset stays true to the text. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
}
