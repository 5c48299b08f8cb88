import type { Workspace } from '../core/analysis/workspace';
import { isManifestFolder } from '../core/frontends/terraform/parsedFile';
import { folderOfUri } from '../core/text/uri';

/** A file read from a referenced folder. */
export interface FolderFile {
  readonly uri: string;
  readonly text: string;
}

/**
 * Reads one referenced folder (a URI): the files directly in it that make it up (for a Terraform module, its
 * `.tf` and `.tf.json` files; never its subfolders). None when it is missing, excluded or unreadable: the
 * reader reports what the user should know, the analysis reports a module it could not find.
 */
export type FolderReader = (folderUri: string) => Promise<readonly FolderFile[]> | readonly FolderFile[];

/**
 * More folders than this are not read: no module tree is this large, a runaway chain of sources might be.
 * Module manifest folders (`.terraform/modules`) are not counted.
 */
export const MAX_REFERENCED_FOLDERS = 200;

export interface ReferencedFolderLoad {
  /** Files put into the workspace (those a front-end analyses), in the order read. */
  readonly added: readonly string[];
  /** True when MAX_REFERENCED_FOLDERS stopped the reading. */
  readonly truncated: boolean;
}

/**
 * Makes a configuration whole the way Terraform reads it: a module outside the folders the host found files in
 * (`vpc-lens check envs/prod` calling `../../modules/vpc`, an editor opened on one example of a module) is read
 * too. Reads every folder the workspace's files reference and it holds no file of, then the folders those
 * reference, until none is left. `tried` (the caller may keep it across calls) reads no folder twice.
 */
export async function loadReferencedFolders(
  ws: Workspace,
  read: FolderReader,
  tried: Set<string> = new Set(),
  /** Puts a read file into the workspace (a host may keep books on it); true when a front-end analyses it. */
  put: (uri: string, text: string) => boolean = (uri, text) => ws.setFile(uri, text),
): Promise<ReferencedFolderLoad> {
  const added: string[] = [];
  for (;;) {
    const held = new Set(ws.analysedFiles().map(folderOfUri));
    const missing = ws.referencedFolders().filter((f) => !held.has(f) && !tried.has(f));
    if (missing.length === 0) return { added, truncated: false };
    for (const folder of missing) {
      // A folder's module manifest (looked for wherever modules are called, mostly absent) starts no chain.
      if (!isManifestFolder(folder) && countedFolders(tried) >= MAX_REFERENCED_FOLDERS) return { added, truncated: true };
      tried.add(folder);
      for (const f of await read(folder)) if (put(f.uri, f.text)) added.push(f.uri);
    }
  }
}

function countedFolders(tried: ReadonlySet<string>): number {
  let n = 0;
  for (const f of tried) if (!isManifestFolder(f)) n++;
  return n;
}
