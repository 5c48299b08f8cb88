import { LineIndex } from '../text/lineIndex';

/**
 * Suppression comments (rules.md, "Suppression"):
 *   `# vpc-lens-ignore <id>[, <id>...]`   (HCL, YAML)   or   `// vpc-lens-ignore <id>`   (HCL, TypeScript)
 * on the finding's own line (trailing) or on a comment-only line right above it. Comment-only lines stack,
 * so several ignore comments (or an ignore above a doc comment) in the block directly above all apply.
 * A bare `vpc-lens-ignore` without ids ignores every finding there. Ids are separated by commas and/or
 * spaces; anything after `--` is a free-text reason.
 */
const IGNORE = /(?:#|\/\/)\s*vpc-lens-ignore\b(.*)$/;
const COMMENT_ONLY = /^\s*(?:#|\/\/)/;

/** The rule ids a comment line suppresses: 'all', a set of ids, or undefined when it has no ignore comment. */
export function parseIgnoreComment(line: string): 'all' | ReadonlySet<string> | undefined {
  const m = IGNORE.exec(line);
  if (!m) return undefined;
  const rest = (m[1] ?? '').split('--')[0]!;
  const ids = rest
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return ids.length === 0 ? 'all' : new Set(ids);
}

/** Answers "is this code suppressed at this offset?" for one file text; lines are parsed on demand. */
export class SuppressionIndex {
  private readonly lines: LineIndex;
  private readonly cache = new Map<number, 'all' | ReadonlySet<string> | undefined>();

  constructor(text: string) {
    this.lines = new LineIndex(text);
  }

  isSuppressed(code: string, offset: number): boolean {
    const line = this.lines.positionAt(offset).line;
    if (matches(this.ignoreOn(line), code)) return true;
    for (let above = line - 1; above >= 0; above--) {
      const text = this.lines.lineText(above);
      if (!COMMENT_ONLY.test(text)) break;
      if (matches(this.ignoreOn(above), code)) return true;
    }
    return false;
  }

  private ignoreOn(line: number): 'all' | ReadonlySet<string> | undefined {
    if (!this.cache.has(line)) this.cache.set(line, parseIgnoreComment(this.lines.lineText(line)));
    return this.cache.get(line);
  }
}

function matches(ignore: 'all' | ReadonlySet<string> | undefined, code: string): boolean {
  return ignore === 'all' || (ignore !== undefined && ignore.has(code));
}
