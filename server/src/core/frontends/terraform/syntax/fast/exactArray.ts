/**
 * The array's items in an array of exactly their length. V8 grows an array on its first push to 17 slots;
 * AST arrays (mostly one to four items) live as long as the analysis, so each would keep about 120 bytes
 * of spare room. On the 10k-resource benchmark the peak heap went from about 63 MB to 57 MB; the time did not
 * change measurably (the pushed arrays die young).
 */
export function exact<T>(items: T[]): T[] {
  return items.slice();
}
