/** Control characters other than tab, line feed, form feed and carriage return, and U+FFFD (invalid UTF-8). */
const SUSPICIOUS = /[\u0001-\u0008\u000b\u000e-\u001f\ufffd]/g;

/**
 * True when the text is evidently not HCL source but binary data read as text: NUL bytes, or many invalid
 * UTF-8 sequences (decoded as U+FFFD) or control characters. Such files get one problem, not thousands of
 * syntax errors. A regular expression scans much faster than a charCodeAt loop (which also showed up in
 * profiles of worker threads, whose strings come out of structured clone).
 */
export function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  SUSPICIOUS.lastIndex = 0;
  let suspicious = 0;
  while (SUSPICIOUS.test(text)) suspicious++;
  return suspicious >= 8 && suspicious * 100 >= text.length;
}
