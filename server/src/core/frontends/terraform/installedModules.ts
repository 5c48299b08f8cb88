import type { SourceProblem } from '../types';
import { folderInFolder } from '../../text/uri';
import { manifestRootFolder } from './parsedFile';

/**
 * Reads the manifest `terraform init` writes to `.terraform/modules/modules.json`:
 *
 *     {"Modules":[{"Key":"","Source":"","Dir":"."},
 *                 {"Key":"vpc","Source":"registry.terraform.io/terraform-aws-modules/vpc/aws","Version":"5.8.1","Dir":".terraform/modules/vpc"}]}
 *
 * `Key` is the chain of module call names from the root (`net.vpc` for the `vpc` call inside module `net`), `Dir`
 * the folder the module's code is in, relative to the root. Registry and git modules are installed under
 * `.terraform/modules`; local ones are listed with their own folder. Returns key -> folder URI, without the root's
 * own entry; a manifest that does not read as one gives none and a problem.
 */
export function parseModuleManifest(uri: string, text: string): { installed: Map<string, string>; problems: SourceProblem[] } {
  const installed = new Map<string, string>();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    return { installed, problems: [unreadable(uri, err instanceof Error ? err.message : String(err))] };
  }
  const modules = isObject(parsed) ? parsed['Modules'] : undefined;
  if (!Array.isArray(modules)) return { installed, problems: [unreadable(uri, 'it has no "Modules" list')] };
  const root = manifestRootFolder(uri);
  for (const m of modules) {
    if (!isObject(m)) continue;
    const key = m['Key'];
    const dir = m['Dir'];
    if (typeof key !== 'string' || key === '' || typeof dir !== 'string' || dir === '') continue;
    const folder = resolveDir(root, dir);
    if (folder !== undefined) installed.set(key, folder);
  }
  return { installed, problems: [] };
}

/** `Dir` against the root folder's URI: Terraform writes it relative, with `/` (or `\` on Windows). */
function resolveDir(root: string, dir: string): string | undefined {
  const relative = dir.replace(/[\\/]+$/, '');
  return relative === '.' || relative === '' ? undefined : folderInFolder(root, relative);
}

function unreadable(uri: string, why: string): SourceProblem {
  return {
    code: 'evaluation',
    severity: 'warning',
    message: `Terraform's module manifest cannot be read (${why}): the modules terraform init installed are not followed`,
    span: { file: uri, start: 0, end: 0 },
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
