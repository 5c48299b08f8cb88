import { uriInFolder } from '../../text/uri';
import { fileKind, type TerraformParsedFile } from './parsedFile';
import type { Expr } from './syntax/ast';
import { forEachCall } from './syntax/calls';

/** A text that may call `file()` or `fileexists()`: only such files are parsed for what they read. */
const FILE_CALL = /\bfile(?:exists)?\s*\(/;
const FILE_READERS = new Set(['file', 'fileexists']);

/**
 * `FrontEnd.referencedFiles` for Terraform: the files a configuration file reads with `file()` or `fileexists()`
 * at a path written in full (a string, or a template of text and `path.module` / `path.root` / `path.cwd`).
 * The path is taken from the file's own folder: right for a root module (where Terraform runs) and for
 * `path.module`, a guess for a called module's relative paths. A path built from variables is not found here,
 * and its `file()` says so when evaluated.
 */
export function referencedConfigFiles(uri: string, text: string, parsed: () => TerraformParsedFile): readonly string[] {
  if (fileKind(uri) !== 'tf' || !FILE_CALL.test(text)) return [];
  const file = parsed();
  const out = new Set<string>();
  forEachCall(file.body, (call) => {
    const path = FILE_READERS.has(call.name) && call.args[0] ? writtenPath(call.args[0]) : undefined;
    const target = path === undefined ? undefined : uriInFolder(file.folder, path);
    if (target) out.add(target);
  });
  return [...out];
}

/** `"net.yaml"`, `"${path.module}/net.yaml"`: the path relative to the file's folder; undefined when computed. */
function writtenPath(e: Expr): string | undefined {
  if (e.kind === 'literal') return typeof e.value === 'string' ? e.value : undefined;
  if (e.kind !== 'template') return undefined;
  let out = '';
  for (const part of e.parts) {
    if (part.kind === 'text') out += part.text;
    else if (part.kind === 'interp' && isPathFolder(part.expr)) out += '.';
    else return undefined;
  }
  return out;
}

function isPathFolder(e: Expr): boolean {
  const step = e.kind === 'scope' && e.root === 'path' && e.steps.length === 1 ? e.steps[0] : undefined;
  return step?.kind === 'attr' && (step.name === 'module' || step.name === 'root' || step.name === 'cwd');
}
