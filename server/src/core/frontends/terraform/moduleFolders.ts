import { fileKind, type TerraformParsedFile } from './parsedFile';
import { resolveLocalSource } from './eval/moduleDefinition';
import { findAttribute, staticString } from './syntax/ast';

/**
 * The folders (URIs) that the `module` blocks of one configuration file call by a local source (`./x`,
 * `../x`), in order, without the file's own folder. Registry and git sources name no local folder.
 */
export function localModuleFolders(file: TerraformParsedFile): string[] {
  if (file.kind !== 'tf') return [];
  const folders: string[] = [];
  for (const block of file.body.blocks) {
    if (block.type !== 'module') continue;
    const source = findAttribute(block.body, 'source');
    const written = source ? staticString(source.value) : undefined;
    const folder = written === undefined ? undefined : resolveLocalSource(file.folder, written);
    if (folder !== undefined && folder !== file.folder) folders.push(folder);
  }
  return folders;
}

/**
 * `FrontEnd.referencedFolders` for Terraform: only a configuration file that can hold a module block (its text
 * says `module`) is parsed for one, so asking costs a text search per file.
 */
export function referencedModuleFolders(uri: string, text: string, parsed: () => TerraformParsedFile): readonly string[] {
  if (!text.includes('module') || fileKind(uri) !== 'tf') return [];
  return localModuleFolders(parsed());
}
