/** A CIDR-looking token written in a file (valid or not), found by scanning text rather than the model. */
export interface CidrLiteral {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

// Dotted digits or hex-with-colons, a slash and digits, not glued to other word characters. Loose on
// purpose: `10.0.0.300/24` must be found so its hover can explain the parse error.
const CIDR_TOKEN = /(?<![\w.:])(?:\d+(?:\.\d*)+|[0-9a-fA-F.]*:[0-9a-fA-F:.]*)\/\d+(?![\w.:/])/g;

/**
 * The CIDR literal around an offset, in any string of any file (tfvars values, locals, outputs, YAML).
 * Only the offset's line is scanned, so the cost does not grow with the file.
 */
export function cidrLiteralAt(text: string, offset: number): CidrLiteral | undefined {
  if (offset < 0 || offset > text.length) return undefined;
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1) + 1, 0);
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  // A minified one-line file could make the line huge: look at a window around the cursor only.
  const from = Math.max(lineStart, offset - 200);
  const to = Math.min(lineEnd, offset + 200);
  const window = text.slice(from, to);
  for (const m of window.matchAll(CIDR_TOKEN)) {
    const start = from + m.index;
    const end = start + m[0].length;
    if (start <= offset && offset <= end) return { text: m[0], start, end };
  }
  return undefined;
}
