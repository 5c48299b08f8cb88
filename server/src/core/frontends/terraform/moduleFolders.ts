import { fileKind, manifestFolder, type TerraformParsedFile } from './parsedFile';
import { resolveLocalSource } from './eval/moduleDefinition';
import { findAttribute, staticString } from './syntax/ast';

/**
 * What one file makes a host read besides the files it found:
 * - a configuration file: the folders its `module` blocks call by a local source (`./x`, `../x`; never its
 *   own folder), in order, and, when one calls a registry or git module, the folder of its folder's module
 *   manifest (`.terraform/modules`), which says where `terraform init` installed that module;
 * - a manifest: the folders of the modules it lists.
 */
function moduleFolderReferences(file: TerraformParsedFile): string[] {
  if (file.kind === 'manifest') return [...new Set(file.installed?.values() ?? [])];
  if (file.kind !== 'tf') return [];
  const local: string[] = [];
  let remote = false;
  for (const block of file.body.blocks) {
    if (block.type !== 'module') continue;
    const source = findAttribute(block.body, 'source');
    const written = source ? staticString(source.value) : undefined;
    if (written === undefined) continue;
    const folder = resolveLocalSource(file.folder, written);
    if (folder === undefined) remote = true;
    else if (folder !== file.folder) local.push(folder);
  }
  return remote ? [...local, manifestFolder(file.folder)] : local;
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
