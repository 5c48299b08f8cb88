import * as path from 'node:path';
import type { Workspace } from '../core/analysis/workspace';
import { fileUriOf } from '../host/fileUri';
import { mayBeReadByFileFunction, readTextFile } from '../host/files';
import type { CliIo } from './io';
import { displayPath } from './paths';

/** One file's text, read from disk. */
export interface FileText {
  readonly file: string;
  readonly uri: string;
  readonly text: string;
}

/** The found files and var files as read (each read once), in order; those that could not be read are left out. */
export interface FilesRead {
  readonly files: readonly FileText[];
  readonly varFiles: readonly FileText[];
  /** True when a file could not be read: the check is incomplete. */
  readonly unreadable: boolean;
}

export interface LoadedFiles {
  /**
   * Display path (relative to the current folder) of a file URI put into the workspace, undefined for others.
   * Worked out when asked: most files have no finding.
   */
  readonly displayPathOf: (uri: string) => string | undefined;
  /** URIs of the var files, in order, for `AnalysisSettings.terraformVarFiles`. */
  readonly varFileUris: readonly string[];
  /** True when a file could not be read: the check is incomplete. */
  readonly unreadable: boolean;
}

/**
 * Reads every found file and var file, each once, naming unreadable ones on stderr. Needs no workspace, so a
 * host can read while the workspace's grammars are still compiling.
 */
export function readFiles(input: { readonly files: readonly string[]; readonly varFiles: readonly string[] }, io: CliIo): FilesRead {
  const byUri = new Map<string, FileText | null>();
  let unreadable = false;
  const read = (file: string): FileText | undefined => {
    const uri = fileUriOf(file);
    const known = byUri.get(uri);
    if (known !== undefined) return known ?? undefined;
    const result = readTextFile(file);
    if (!result.ok) {
      io.err(`vpc-lens: cannot read ${displayPath(io.cwd, file)}: ${result.reason}\n`);
      unreadable = true;
      byUri.set(uri, null);
      return undefined;
    }
    const text: FileText = { file, uri, text: result.text };
    byUri.set(uri, text);
    return text;
  };
  const present = (f: FileText | undefined): f is FileText => f !== undefined;
  const files = input.files.map(read).filter(present);
  const varFiles = input.varFiles.map(read).filter(present);
  return { files, varFiles, unreadable };
}

/**
 * Hands the read files to the workspace, each once. Files given by name that no front-end claims get a note,
 * so `vpc-lens check README.md` does not look clean; so do var files the Terraform front-end does not take.
 */
export function loadFiles(ws: Workspace, read: FilesRead, explicit: ReadonlySet<string>, io: CliIo): LoadedFiles {
  const filesByUri = new Map<string, string>();
  const claimed = new Map<string, boolean>();
  const add = (f: FileText): boolean => {
    let analysed = claimed.get(f.uri);
    if (analysed === undefined) {
      analysed = ws.setFile(f.uri, f.text);
      // As the language server does: of the files no front-end analyses, only those file() may read stay.
      if (!analysed && !mayBeReadByFileFunction(f.uri, f.text)) ws.deleteFile(f.uri);
      claimed.set(f.uri, analysed);
      filesByUri.set(f.uri, f.file);
    }
    return analysed;
  };

  for (const f of read.files) {
    if (!add(f) && explicit.has(path.resolve(f.file))) {
      io.err(`vpc-lens: ${displayPath(io.cwd, f.file)} is not a file VPC Lens analyses; skipped\n`);
    }
  }
  const varFileUris: string[] = [];
  for (const f of read.varFiles) {
    varFileUris.push(f.uri);
    if (!add(f)) io.err(`vpc-lens: ${displayPath(io.cwd, f.file)} is not read as a Terraform variable file (name it *.tfvars)\n`);
  }
  const displayPathOf = (uri: string): string | undefined => {
    const file = filesByUri.get(uri);
    return file === undefined ? undefined : displayPath(io.cwd, file);
  };
  return { displayPathOf, varFileUris, unreadable: read.unreadable };
}
