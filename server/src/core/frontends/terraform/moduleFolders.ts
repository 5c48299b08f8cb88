import { fileKind, manifestFolder, type TerraformParsedFile } from './parsedFile';
import { resolveLocalSource } from './eval/moduleDefinition';
import { findAttribute, staticString } from './syntax/ast';

/**
 * What one file makes a host read besides the files it found:
 * - a configuration file with `module` blocks: the folders they call by a local source (`./x`, `../x`; never
 *   its own folder), in order, then its folder's `.terraform/modules`, where `terraform init` writes the
 *   manifest of the registry and git modules it installed: for this folder's calls, and, when this folder is
 *   the root, for the calls of the local modules it calls (the manifest of a root is the only one Terraform reads);
 * - a manifest: the folders of the modules it lists.
 */
function moduleFolderReferences(file: TerraformParsedFile): string[] {
  if (file.kind === 'manifest') return [...new Set(file.installed?.values() ?? [])];
  if (file.kind !== 'tf') return [];
  const local: string[] = [];
  let calls = false;
  for (const block of file.body.blocks) {
    if (block.type !== 'module') continue;
    calls = true;
    const source = findAttribute(block.body, 'source');
    const written = source ? staticString(source.value) : undefined;
    const folder = written === undefined ? undefined : resolveLocalSource(file.folder, written);
    if (folder !== undefined && folder !== file.folder) local.push(folder);
  }
  return calls ? [...local, manifestFolder(file.folder)] : local;
}

/**
 * `FrontEnd.referencedFolders` for Terraform: only a configuration file that can hold a module block (its text
 * says `module`) is parsed for one, so asking costs a text search per file; a manifest always references.
 */
export function referencedModuleFolders(uri: string, text: string, parsed: () => TerraformParsedFile): readonly string[] {
  const kind = fileKind(uri);
  if (kind === 'tfvars' || (kind === 'tf' && !text.includes('module'))) return [];
  return moduleFolderReferences(parsed());
}
