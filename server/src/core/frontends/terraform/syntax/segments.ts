/**
 * Splits a file at the lines where a top-level block or attribute starts (`resource "a" "b" {`, `name =`,
 * written at column 0 as `terraform fmt` does). When a file has a syntax error, each segment is parsed on
 * its own, so a mistake in one block cannot swallow the blocks after it.
 */
export function topLevelSegments(text: string): { start: number; end: number }[] {
  const starts: number[] = [0];
  const lineStart = /\n/g;
  let m: RegExpExecArray | null;
  while ((m = lineStart.exec(text))) {
    const at = m.index + 1;
    const c = text.charCodeAt(at);
    const isIdentStart = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
    if (!isIdentStart) continue;
    const lineEnd = text.indexOf('\n', at);
    const line = text.slice(at, lineEnd < 0 ? text.length : lineEnd);
    if (BLOCK_HEADER.test(line) || ATTRIBUTE_START.test(line)) starts.push(at);
  }
  const segments: { start: number; end: number }[] = [];
  for (let i = 0; i < starts.length; i++) {
    segments.push({ start: starts[i]!, end: i + 1 < starts.length ? starts[i + 1]! : text.length });
  }
  return segments;
}

const BLOCK_HEADER = /^[A-Za-z_][\w-]*(\s+("[^"\n]*"|[A-Za-z_][\w-]*))*\s*\{/;
const ATTRIBUTE_START = /^[A-Za-z_][\w-]*\s*=[^=]/;
