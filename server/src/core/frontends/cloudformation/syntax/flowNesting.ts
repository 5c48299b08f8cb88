// A guard run before the yaml library sees a text: see MAX_FLOW_NESTING in yamlTree.ts.

/**
 * True when `[`/`{` nest deeper than `limit` anywhere, skipping comments and the quoted scalars YAML would see
 * (a quote opens one only at the start of a value). Errs towards counting: a bracket it counts that YAML reads
 * as text only makes the limit stricter, and no real template nests a thousand deep.
 */
export function flowNestingExceeds(text: string, limit: number): boolean {
  let depth = 0;
  /** The last character that is not a space or tab (a newline counts); 0 at the start. */
  let lastSignificant = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const prev = i > 0 ? text.charCodeAt(i - 1) : 0x0a;
    if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > limit) return true;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      if (depth > 0) depth--;
    } else if ((c === 0x22 /* " */ || c === 0x27) /* ' */ && OPENS_AFTER.has(prev) && VALUE_STARTS_AFTER.has(lastSignificant)) {
      const close = closingQuote(text, i);
      if (close > i) i = close;
    } else if (c === 0x23 /* # */ && (prev === 0x20 || prev === 0x09 || prev === 0x0a || prev === 0x0d)) {
      while (i + 1 < text.length && text.charCodeAt(i + 1) !== 0x0a) i++;
    }
    if (c !== 0x20 && c !== 0x09) lastSignificant = c === 0x0d ? 0x0a : c;
  }
  return false;
}

/** Characters right before a quote that starts a quoted scalar: line start, blank, or a flow indicator. */
const OPENS_AFTER = new Set([0x20, 0x09, 0x0a, 0x0d, 0x5b, 0x7b, 0x2c]);
/** The last non-blank character before a value: line start, `:`, `-`, `?`, `[`, `{`, `,`. */
const VALUE_STARTS_AFTER = new Set([0, 0x0a, 0x3a, 0x2d, 0x3f, 0x5b, 0x7b, 0x2c]);

/** Index of the quote closing the scalar opened at `open`, or -1 when it is never closed. */
function closingQuote(text: string, open: number): number {
  const quote = text.charCodeAt(open);
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote === 0x22 && c === 0x5c /* \ */) i++;
    else if (c === quote) {
      if (quote === 0x27 && text.charCodeAt(i + 1) === 0x27) i++; // '' is an escaped quote
      else return i;
    }
  }
  return -1;
}
