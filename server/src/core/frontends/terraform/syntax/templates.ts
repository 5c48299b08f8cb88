/** HCL string escapes. Quoted strings take backslash escapes; heredocs only the `$${` / `%%{` escapes. */
export function unescapeQuoted(raw: string): string {
  if (!raw.includes('\\') && !raw.includes('$${') && !raw.includes('%%{')) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '\\' && i + 1 < raw.length) {
      const n = raw[i + 1]!;
      i++;
      switch (n) {
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case 'u':
        case 'U': {
          const len = n === 'u' ? 4 : 8;
          const hex = raw.slice(i + 1, i + 1 + len);
          const code = /^[0-9a-fA-F]+$/.test(hex) && hex.length === len ? parseInt(hex, 16) : NaN;
          if (Number.isFinite(code) && code <= 0x10ffff) {
            out += String.fromCodePoint(code);
            i += len;
          } else out += '\\' + n;
          break;
        }
        default:
          out += '\\' + n;
      }
    } else if ((c === '$' || c === '%') && raw[i + 1] === c && raw[i + 2] === '{') {
      out += c + '{';
      i += 2;
    } else out += c;
  }
  return out;
}

export function unescapeHeredoc(raw: string): string {
  return raw.replace(/([$%])\1\{/g, '$1{');
}

/** Smallest indentation over the non-blank lines of a `<<-` heredoc body (spaces and tabs count alike). */
export function heredocIndent(body: string): number {
  let min = Infinity;
  for (const line of body.split('\n')) {
    const content = line.replace(/\r$/, '');
    if (content.trim() === '') continue;
    const indent = content.length - content.trimStart().length;
    if (indent < min) min = indent;
  }
  return Number.isFinite(min) ? min : 0;
}

/** Removes up to `indent` leading whitespace characters from every line that starts inside `text`. */
export function stripIndent(text: string, indent: number, startsAtLineStart: boolean): string {
  if (indent === 0) return text;
  const lines = text.split('\n');
  return lines
    .map((line, i) => {
      if (i === 0 && !startsAtLineStart) return line;
      let k = 0;
      while (k < indent && k < line.length && (line[k] === ' ' || line[k] === '\t')) k++;
      return line.slice(k);
    })
    .join('\n');
}
