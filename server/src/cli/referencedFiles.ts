import { fileURLToPath } from 'node:url';
import type { Workspace } from '../core/analysis/workspace';
import { MAX_FILE_FUNCTION_CHARS, readTextFile } from '../host/files';
import { loadReferencedFiles } from '../host/referencedFiles';

/**
 * Reads the files the checked configuration reads with `file()` from outside the PATHs
 * (`yamldecode(file("${path.module}/../../shared/network.yaml"))` in `envs/prod`), as Terraform would. A file
 * that is missing, excluded or over 1 MB stays unread: its `file()` value is then not known, and says why.
 */
export async function loadReferencedConfigFiles(ws: Workspace, isExcluded: (absolutePath: string, isDirectory: boolean) => boolean): Promise<void> {
  await loadReferencedFiles(ws, (uri) => {
    if (!uri.startsWith('file:')) return undefined;
    const file = fileURLToPath(uri);
    if (isExcluded(file, false)) return undefined;
    const read = readTextFile(file, MAX_FILE_FUNCTION_CHARS);
    return read.ok ? read.text : undefined;
  });
}
