/** `{ key: value }` when the field was written, `{}` otherwise (keeps optional properties truly absent). */
export function opt<K extends string, T>(key: K, value: T | undefined): { [P in K]?: T } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: T };
}
