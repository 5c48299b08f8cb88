import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * One spelling per file. Editors encode file URIs differently (VS Code escapes `@`, `+`, `:` that Node's
 * pathToFileURL keeps), so the same file read from disk and opened in the editor must map to one key.
 */
export function canonicalUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return uri;
  }
}

export function uriToPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

export function pathToUri(p: string): string {
  return pathToFileURL(path.resolve(p)).href;
}
