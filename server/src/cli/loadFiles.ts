import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Workspace } from '../core/analysis/workspace';
import { readTextFile } from '../host/files';
import type { CliIo } from './io';
import { displayPath } from './paths';

export interface LoadedFiles {
  /** Display path (relative to the current folder) of each file URI put into the workspace. */
  readonly displayPaths: ReadonlyMap<string, string>;
  /** URIs of the var files, in order, for `AnalysisSettings.terraformVarFiles`. */
  readonly varFileUris: readonly string[];
  /** True when a file could not be read: the check is incomplete. */
  readonly unreadable: boolean;
}

/**
 * Reads every found file and var file into the workspace, each once. Unreadable files are named on stderr;
 * files given by name that no front-end claims get a note, so `vpc-lens check README.md` does not look clean.
 */
export function loadFiles(
  ws: Workspace,
  input: { readonly files: readonly string[]; readonly explicit: ReadonlySet<string>; readonly varFiles: readonly string[] },
  io: CliIo,
): LoadedFiles {
  const displayPaths = new Map<string, string>();
  const analysed = new Map<string, boolean>();
  let unreadable = false;

  const add = (file: string): { uri: string; analysed: boolean } | undefined => {
    const uri = pathToFileURL(file).href;
    const known = analysed.get(uri);
    if (known !== undefined) return { uri, analysed: known };
    const read = readTextFile(file);
    if (!read.ok) {
      io.err(`vpc-lens: cannot read ${displayPath(io.cwd, file)}: ${read.reason}\n`);
      unreadable = true;
      return undefined;
    }
    const claimed = ws.setFile(uri, read.text);
    displayPaths.set(uri, displayPath(io.cwd, file));
    analysed.set(uri, claimed);
    return { uri, analysed: claimed };
  };

  for (const file of input.files) {
    const added = add(file);
    if (added && !added.analysed && input.explicit.has(path.resolve(file))) {
      io.err(`vpc-lens: ${displayPath(io.cwd, file)} is not a file VPC Lens analyses; skipped\n`);
    }
  }
  const varFileUris: string[] = [];
  for (const varFile of input.varFiles) {
    const added = add(varFile);
    if (!added) continue;
    varFileUris.push(added.uri);
    if (!added.analysed) {
      io.err(`vpc-lens: ${displayPath(io.cwd, varFile)} is not read as a Terraform variable file (name it *.tfvars)\n`);
    }
  }
  return { displayPaths, varFileUris, unreadable };
}
