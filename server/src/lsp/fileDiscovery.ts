import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { PROJECT_CONFIG_FILE } from '../core/config/projectConfig';

/** True for a workspace-relative path (`/` separators) the user excluded. */
export type PathFilter = (relativePath: string) => boolean;

/**
 * Files that some front-end may claim. Reading them is cheap; the workspace asks each front-end whether it
 * claims a file, so a JSON/YAML/TS file no front-end wants costs one read and is dropped. Front-ends for new
 * formats extend this list.
 */
export const CANDIDATE_EXTENSIONS: readonly string[] = ['.tf', '.tfvars', '.tf.json', '.json', '.yaml', '.yml', '.template', '.ts'];

/** The same list as glob patterns, for file watchers. */
export const CANDIDATE_GLOB = '**/*.{tf,tfvars,json,yaml,yml,template,ts}';

/** Folders never indexed: dependencies, VCS data, Terraform's downloaded modules and providers. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git', '.terraform']);

/** Bigger files are skipped with a log line: no network definition is this large, generated data is. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export function isCandidate(filePath: string): boolean {
  const base = path.basename(filePath);
  if (base === PROJECT_CONFIG_FILE || base.endsWith('.d.ts')) return false;
  return CANDIDATE_EXTENSIONS.some((ext) => base.endsWith(ext));
}

/** Every candidate file under a folder, skipping excluded folders without descending into them. */
export async function discoverFiles(root: string, excluded: PathFilter, log: (message: string) => void): Promise<string[]> {
  const out: string[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (err) {
      if (dir === root) log(`VPC Lens: cannot read folder ${dir}: ${(err as Error).message}`);
      continue;
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      const rel = path.relative(root, full).split(path.sep).join('/');
      if (e.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(e.name) && !excluded(rel)) pending.push(full);
      } else if (e.isFile() && isCandidate(full) && !excluded(rel)) out.push(full);
    }
  }
  return out.sort();
}

/** A file's text, or undefined (with a log line) when it is too big, binary-large or unreadable. */
export async function readCandidate(filePath: string, log: (message: string) => void): Promise<string | undefined> {
  try {
    const stat = await fs.stat(filePath);
    if (!stat.isFile()) return undefined;
    if (stat.size > MAX_FILE_BYTES) {
      log(`VPC Lens: skipped ${filePath} (${Math.round(stat.size / 1024 / 1024)} MB is over the ${MAX_FILE_BYTES / 1024 / 1024} MB limit)`);
      return undefined;
    }
    return await fs.readFile(filePath, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') log(`VPC Lens: cannot read ${filePath}: ${(err as Error).message}`);
    return undefined;
  }
}
