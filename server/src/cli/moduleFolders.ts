import { fileURLToPath } from 'node:url';
import type { Workspace } from '../core/analysis/workspace';
import { fileUriOf } from '../host/fileUri';
import { moduleFolderFiles, readTextFile } from '../host/files';
import { type FolderFile, loadReferencedFolders, MAX_REFERENCED_FOLDERS } from '../host/referencedFolders';
import type { CliIo } from './io';
import { displayPath } from './paths';

/**
 * Reads the local modules that the checked files call from folders outside the PATHs, as Terraform does:
 * `vpc-lens check envs/prod` with `source = "../../modules/vpc"` checks prod's network, not prod without its
 * VPC. Their findings are reported like any other file's. Exclude globs apply to them as to the PATHs.
 * Returns true when a file could not be read (the check is then incomplete).
 */
export async function loadModuleFolders(ws: Workspace, isExcluded: (absolutePath: string, isDirectory: boolean) => boolean, io: CliIo): Promise<boolean> {
  let unreadable = false;
  const read = (folderUri: string): FolderFile[] => {
    if (!folderUri.startsWith('file:')) return [];
    const files: FolderFile[] = [];
    for (const file of moduleFolderFiles(fileURLToPath(folderUri), isExcluded)) {
      const read = readTextFile(file);
      if (read.ok) files.push({ uri: fileUriOf(file), text: read.text });
      else {
        io.err(`vpc-lens: cannot read ${displayPath(io.cwd, file)}: ${read.reason}\n`);
        unreadable = true;
      }
    }
    return files;
  };
  const loaded = await loadReferencedFolders(ws, read);
  if (loaded.truncated) io.err(`vpc-lens: modules called from more than ${MAX_REFERENCED_FOLDERS} folders; the others are not read\n`);
  return unreadable;
}
