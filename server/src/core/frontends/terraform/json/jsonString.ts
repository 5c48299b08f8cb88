import type { Node } from 'jsonc-parser';

/**
 * A JSON string's decoded text and, for each decoded UTF-16 unit, the file offset it was written at, so a
 * position inside the decoded text (an interpolation) maps back onto the JSON file. `offsetAt(text.length)`
 * is the closing quote.
 */
export interface DecodedString {
  readonly text: string;
  offsetAt(index: number): number;
}

/** Decodes a jsonc-parser string node against the file text (escapes mapped character by character). */
export function decodeJsonString(node: Node, fileText: string): DecodedString {
  const contentStart = node.offset + 1;
  const closes = node.length >= 2 && fileText[node.offset + node.length - 1] === '"';
  const contentEnd = Math.max(contentStart, node.offset + node.length - (closes ? 1 : 0));
  const raw = fileText.slice(contentStart, contentEnd);
  if (!raw.includes('\\')) {
    // The common case: decoded index i is written at contentStart + i.
    return { text: raw, offsetAt: (i) => contentStart + Math.max(0, Math.min(i, raw.length)) };
  }
  const offsets: number[] = [];
  let text = '';
  for (let i = 0; i < raw.length; ) {
    const at = contentStart + i;
    const c = raw[i]!;
    if (c !== '\\' || i + 1 >= raw.length) {
      text += c;
      offsets.push(at);
      i++;
      continue;
    }
    const e = raw[i + 1]!;
    if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(raw.slice(i + 2, i + 6))) {
      text += String.fromCharCode(parseInt(raw.slice(i + 2, i + 6), 16));
      offsets.push(at);
      i += 6;
      continue;
    }
    text += ESCAPES[e] ?? e;
    offsets.push(at);
    i += 2;
  }
  offsets.push(contentEnd);
  return { text, offsetAt: (i) => offsets[Math.max(0, Math.min(i, offsets.length - 1))]! };
}

const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};
