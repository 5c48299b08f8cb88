import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Relative to the current folder with forward slashes (as JSON, SARIF and terminals want); `.` for itself. */
export function displayPath(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return (rel === '' ? '.' : rel).split(path.sep).join('/');
}

export function displayPathOfUri(cwd: string, uri: string): string {
  try {
    return displayPath(cwd, fileURLToPath(uri));
  } catch {
    return uri;
  }
}
