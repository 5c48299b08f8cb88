import * as path from 'node:path';
import { CANDIDATE_GLOB, SKIPPED_DIRECTORIES, findFiles, isCandidateFile, moduleFolderFiles, readTextFileAsync } from '../host/files';

/**
 * The language server's view of host/files.ts, which the CLI shares: the same candidate files, skipped
 * folders and size cap. What is left here is the server's way of speaking: workspace-relative exclude
 * filters, and problems as log lines instead of errors.
 */

/** True for a workspace-relative path (`/` separators) the user excluded. */
export type PathFilter = (relativePath: string) => boolean;

export { CANDIDATE_GLOB };

export const isCandidate: (filePath: string) => boolean = isCandidateFile;

/** host/files.ts's skipped directories, as a set for checking every folder of a path. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(SKIPPED_DIRECTORIES);

/** Every candidate file under a folder, skipping excluded folders without descending into them. */
export async function discoverFiles(root: string, excluded: PathFilter, log: (message: string) => void): Promise<string[]> {
  const relative = (p: string): string => path.relative(root, p).split(path.sep).join('/');
  const found = findFiles([root], root, { isExcluded: (p) => excluded(relative(p)) });
  for (const problem of found.problems) {
    log(`VPC Lens: cannot read ${problem.isArgument ? 'folder ' : ''}${problem.path}: ${problem.reason}`);
  }
  return found.files;
}

/** A file's text, or undefined (with a log line) when it is too big or unreadable; silently when it is gone. */
export async function readCandidate(filePath: string, log: (message: string) => void): Promise<string | undefined> {
  const read = await readTextFileAsync(filePath);
  if (read.ok) return read.text;
  if (read.kind === 'too-large') log(`VPC Lens: skipped ${filePath}: ${read.reason}`);
  else if (read.kind === 'unreadable') log(`VPC Lens: cannot read ${filePath}: ${read.reason}`);
  return undefined;
}

/** `moduleFolderFiles` with their texts, for the language server (unreadable ones logged and left out). */
export async function readModuleFolder(folder: string, excluded: (filePath: string) => boolean, log: (message: string) => void): Promise<{ path: string; text: string }[]> {
  const files: { path: string; text: string }[] = [];
  for (const p of moduleFolderFiles(folder, excluded)) {
    const text = await readCandidate(p, log);
    if (text !== undefined) files.push({ path: p, text });
  }
  return files;
}
