/**
 * Terraform's regular expressions are RE2. A JavaScript RegExp reads most of them the same way; this reads a
 * pattern as one only where the two agree, and gives undefined (the call's value stays unknown) otherwise:
 * - RE2's named groups `(?P<name>...)` become `(?<name>...)`, and leading flags `(?i)`, `(?m)`, `(?s)`
 *   become RegExp flags;
 * - POSIX classes (`[[:alpha:]]`), `\Q...\E`, `\A`, `\z`, `\C`, `\pN`, and flags anywhere else read differently
 *   or not at all in JavaScript;
 * - a quantified group (`(a+)+`) is refused: RE2 runs in linear time, a backtracking engine can run for
 *   ever on it, and an analysis must never hang.
 * A pattern RE2 rejects may be accepted here (lookarounds, backreferences): Terraform would report it, and
 * VPC Lens evaluates configurations, it does not validate their regular expressions.
 */
export function re2ToRegExp(pattern: string, global: boolean): RegExp | undefined {
  let source = pattern;
  let flags = 'u';
  const leading = /^\(\?([ims]+)\)/.exec(source);
  if (leading) {
    flags += [...new Set(leading[1]!)].join('');
    source = source.slice(leading[0].length);
  }
  if (/\(\?[a-zA-Z-]+[):]/.test(source)) return undefined; // flags elsewhere (`(?:` and `(?P<` have none)
  if (/\[\[?:|\\[QEACzpP]/.test(source)) return undefined;
  if (/\)(?:[*+?]|\{\d)/.test(source)) return undefined;
  source = source.replace(/\(\?P</g, '(?<');
  try {
    return new RegExp(source, global ? `${flags}g` : flags);
  } catch {
    return undefined;
  }
}
