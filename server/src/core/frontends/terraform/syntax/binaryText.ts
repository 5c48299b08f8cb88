/**
 * True when the text is evidently not HCL source but binary data read as text: NUL bytes, or many invalid
 * UTF-8 sequences (decoded as U+FFFD) or control characters. Such files get one problem, not thousands of
 * syntax errors.
 */
export function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  let suspicious = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) suspicious++;
  }
  return suspicious >= 8 && suspicious * 100 >= text.length;
}
