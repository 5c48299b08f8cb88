import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_CONFIG_FILE } from '../core/config/projectConfig';

/**
 * File discovery and reading for both hosts, the CLI and the language server. Core never touches the disk:
 * hosts find candidate files here, read them as text and hand `(uri, text)` to the workspace, which decides
 * which front-end (if any) analyses each one.
 */

/**
 * Folders a walk never enters unless the user names them (or something inside them) as a PATH:
 * dependencies, VCS data, Terraform's downloaded modules and providers.
 */
export const SKIPPED_DIRECTORIES: readonly string[] = ['node_modules', '.git', '.terraform'];

export function isSkippedDirectory(name: string): boolean {
  return SKIPPED_DIRECTORIES.includes(name);
}

/**
 * Endings of files some front-end may claim: Terraform (`.tf`, `.tfvars`, and their `.json` forms, which
 * `.json` covers), CloudFormation (`.json`, `.yaml`, `.yml`, `.template`) and CDK (`.ts`). Kept wide and
 * cheap on purpose: the workspace asks each front-end whether it claims a file, so a file no front-end
 * wants costs one read and is dropped, and a new front-end needs no change here unless it brings a new ending.
 */
export const CANDIDATE_EXTENSIONS: readonly string[] = ['.tf', '.tfvars', '.json', '.yaml', '.yml', '.template', '.ts'];

/** The same endings as one glob, for the editor's file watchers. */
export const CANDIDATE_GLOB = `**/*.{${[...new Set(CANDIDATE_EXTENSIONS.map((e) => e.slice(e.lastIndexOf('.') + 1)))].join(',')}}`;

/**
 * True for a file (name or path) worth handing to the workspace. The project file is settings, not a
 * network; TypeScript declaration files never hold a CDK stack.
 */
export function isCandidateFile(file: string): boolean {
  const name = path.basename(file).toLowerCase();
  if (name === PROJECT_CONFIG_FILE || name.endsWith('.d.ts')) return false;
  return CANDIDATE_EXTENSIONS.some((ext) => name.endsWith(ext));
}

/** Largest YAML or JSON file kept for Terraform's `file()`: configuration files are small, lock files are not. */
export const MAX_FILE_FUNCTION_CHARS = 1024 * 1024;

/**
 * True for a YAML or JSON file that no front-end analyses but Terraform's `file()` may read
 * (`yamldecode(file("network.yaml"))`): a host keeps its text in the workspace, where `file()` finds it.
 */
export function mayBeReadByFileFunction(file: string, text: string): boolean {
  return /\.(ya?ml|json)$/i.test(file) && text.length <= MAX_FILE_FUNCTION_CHARS;
}

/** Terraform configuration files (`.tf`, `.tf.json`): what a module folder is made of (a caller reads no `.tfvars` of it). */
export function isTerraformConfigFile(file: string): boolean {
  return /\.tf(\.json)?$/i.test(file);
}

/** The manifest where `terraform init` records the modules it installed (`.terraform/modules/modules.json`). */
export function isTerraformModuleManifest(file: string): boolean {
  return /[\\/]\.terraform[\\/]modules[\\/]modules\.json$/.test(file);
}

/**
 * The files directly in a referenced module folder (not in its subfolders), sorted, leaving out what is
 * excluded: Terraform configuration files, and in `.terraform/modules` the module manifest. None when the folder
 * is missing or excluded (the analysis reports the module it lacks).
 */
export function moduleFolderFiles(folder: string, isExcluded: (absolutePath: string, isDirectory: boolean) => boolean): string[] {
  if (isExcluded(folder, true)) return [];
  const holdsManifest = isTerraformModuleManifest(path.join(folder, 'modules.json'));
  // Asked with a file's name while walking, with its path after.
  const isModuleFile = (file: string) => isTerraformConfigFile(file) || (holdsManifest && path.basename(file) === 'modules.json');
  // A PATH argument that is a file comes back whatever its name: the filter keeps module files only.
  return findFiles([folder], folder, { isCandidate: isModuleFile, isExcluded, recursive: false }).files.filter(isModuleFile);
}

/** True for a file the CDK front-end may read (TypeScript source, not declarations): only then is its grammar needed. */
export function isTypeScriptSource(file: string): boolean {
  const name = file.toLowerCase();
  return name.endsWith('.ts') && !name.endsWith('.d.ts');
}

/** 20 MB: far beyond any hand-written network definition (generated data is this large), small enough never to exhaust memory. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export interface FindFilesOptions {
  /** Files to collect while walking folders (default `isCandidateFile`). Files named as a PATH are always returned. */
  readonly isCandidate?: (fileName: string) => boolean;
  /** True for a walked file or folder to leave out (exclude globs); never asked about PATH arguments. */
  readonly isExcluded?: (absolutePath: string, isDirectory: boolean) => boolean;
  /** False: a folder's own files only, not its subfolders' (a Terraform module is one folder). Default true. */
  readonly recursive?: boolean;
}

export type FileProblemKind = 'not-found' | 'unreadable';

export interface FileProblem {
  /** Absolute path. */
  readonly path: string;
  readonly kind: FileProblemKind;
  /** Short lower-case reason, e.g. `no such file or directory`, `permission denied`. */
  readonly reason: string;
  /** True when the path was given as a PATH argument (hosts treat that as a usage error). */
  readonly isArgument: boolean;
}

export interface FoundFiles {
  /** Absolute paths, PATH arguments in their order, folder contents sorted by name; no duplicates. */
  readonly files: string[];
  readonly problems: FileProblem[];
}

/**
 * Walks PATH arguments (files or folders, relative ones resolved against `cwd`) and returns the candidate
 * files in them, never entering a skipped directory. Symbolic links are followed, but a folder reached twice
 * (a link loop, or two links to one folder) is walked once: folders are recognised by device and inode, so
 * there is one `stat` per folder and none per plain file.
 */
export function findFiles(paths: readonly string[], cwd: string, options: FindFilesOptions = {}): FoundFiles {
  const isCandidate = options.isCandidate ?? isCandidateFile;
  const isExcluded = options.isExcluded ?? (() => false);
  const recursive = options.recursive !== false;
  const files: string[] = [];
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();
  const problems: FileProblem[] = [];

  const addFile = (file: string): void => {
    if (seenFiles.has(file)) return;
    seenFiles.add(file);
    files.push(file);
  };

  const walk = (dir: string, stat: fs.Stats): void => {
    const key = `${stat.dev}:${stat.ino}`;
    if (seenDirs.has(key)) return;
    seenDirs.add(key);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      problems.push({ path: dir, kind: 'unreadable', reason: describeFsError(err), isArgument: false });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // Links come after the real entries of a folder, so a folder reachable both ways is named by its real path.
    const links: fs.Dirent[] = [];
    // `dir` is absolute and normalised, and an entry's name is one plain component: concatenation gives what
    // path.join would, without its normalising pass over the whole path (a cold walk of 437 files: 11 -> 8 ms).
    const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
    for (const entry of entries) {
      const full = prefix + entry.name;
      if (entry.isDirectory()) {
        if (!recursive || isSkippedDirectory(entry.name) || isExcluded(full, true)) continue;
        const dirStat = statOrUndefined(full);
        if (dirStat) walk(full, dirStat);
      } else if (entry.isFile()) {
        if (isCandidate(entry.name) && !isExcluded(full, false)) addFile(full);
      } else if (entry.isSymbolicLink()) {
        links.push(entry);
      }
    }
    for (const link of links) followLink(prefix + link.name, link.name);
  };

  const followLink = (full: string, name: string): void => {
    let target: fs.Stats;
    try {
      target = fs.statSync(full);
    } catch (err) {
      // A dangling link is only worth mentioning when it looks like a file we were asked to check.
      if (isCandidate(name) && !isExcluded(full, false)) {
        problems.push({ path: full, kind: 'unreadable', reason: describeFsError(err), isArgument: false });
      }
      return;
    }
    if (target.isDirectory()) {
      if (recursive && !isSkippedDirectory(name) && !isExcluded(full, true)) walk(full, target);
    } else if (target.isFile() && isCandidate(name) && !isExcluded(full, false)) {
      addFile(full);
    }
  };

  for (const given of paths) {
    const full = path.resolve(cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch (err) {
      const kind: FileProblemKind = isNotFound(err) ? 'not-found' : 'unreadable';
      problems.push({ path: full, kind, reason: describeFsError(err), isArgument: true });
      continue;
    }
    if (stat.isDirectory()) walk(full, stat);
    else if (stat.isFile()) addFile(full);
    else problems.push({ path: full, kind: 'unreadable', reason: 'not a regular file', isArgument: true });
  }
  return { files, problems };
}

export type ReadFailureKind = 'not-found' | 'too-large' | 'unreadable';

export type ReadResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly kind: ReadFailureKind; readonly reason: string };

/**
 * Reads a file as UTF-8 text without ever blocking or exhausting memory: the file is opened non-blocking
 * (a FIFO named `x.tf` must not hang the check), only regular files up to `maxBytes` are read. Binary
 * content is returned as decoded text; the front-end that claims the file reports it as unparsable.
 */
export function readTextFile(file: string, maxBytes: number = MAX_FILE_BYTES): ReadResult {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
    return refusal(fs.fstatSync(fd), maxBytes) ?? withoutByteOrderMark(fs.readFileSync(fd, 'utf8'));
  } catch (err) {
    return failure(err);
  } finally {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // Nothing useful to do: the text (or the reason it could not be read) is already in hand.
      }
    }
  }
}

/** `readTextFile` without blocking the event loop, for the language server. */
export async function readTextFileAsync(file: string, maxBytes: number = MAX_FILE_BYTES): Promise<ReadResult> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(file, OPEN_FLAGS);
    return refusal(await handle.stat(), maxBytes) ?? withoutByteOrderMark(await handle.readFile('utf8'));
  } catch (err) {
    return failure(err);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/** Why an opened file is not read, or undefined to read it. */
function refusal(stat: fs.Stats, maxBytes: number): ReadResult | undefined {
  if (!stat.isFile()) return { ok: false, kind: 'unreadable', reason: stat.isDirectory() ? 'is a directory' : 'not a regular file' };
  if (stat.size <= maxBytes) return undefined;
  return { ok: false, kind: 'too-large', reason: `file is too large (${formatMegabytes(stat.size)}; the limit is ${formatMegabytes(maxBytes)})` };
}

/** Editors drop a byte order mark before handing text to the language server: do the same, so offsets agree. */
function withoutByteOrderMark(text: string): ReadResult {
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

function failure(err: unknown): ReadResult {
  return { ok: false, kind: isNotFound(err) ? 'not-found' : 'unreadable', reason: describeFsError(err) };
}

function isNotFound(err: unknown): boolean {
  return errorCode(err) === 'ENOENT' || errorCode(err) === 'ENOTDIR';
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

function errorCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;
}

const FS_ERROR_REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

/** A short lower-case reason for an fs error, without the path or the stack. */
export function describeFsError(err: unknown): string {
  const code = errorCode(err);
  if (code && FS_ERROR_REASONS[code]) return FS_ERROR_REASONS[code];
  return err instanceof Error ? err.message : String(err);
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}
