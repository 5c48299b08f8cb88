import type { BuildOptions } from './types';

/**
 * True when every file read through `BuildOptions.textOf` (URI -> the text then, or undefined when the workspace
 * held none) still has that text: a result built from them may be reused.
 */
export function unchangedSinceRead(read: ReadonlyMap<string, string | undefined>, textOf: BuildOptions['textOf']): boolean {
  for (const [uri, text] of read) if (textOf?.(uri) !== text) return false;
  return true;
}
