import { manifestRootFolder, type TerraformParsedFile } from '../parsedFile';
import { defineModule, type ModuleDefinition, resolveLocalSource } from './moduleDefinition';

/** The `.tf` files of one folder (sorted by URI) and that folder's module definition. */
export interface FolderModule {
  readonly folder: string;
  readonly files: readonly TerraformParsedFile[];
  readonly def: ModuleDefinition;
}

/** One root module and everything its evaluation reads (the cache key of its result). */
export interface RootPlan {
  readonly folder: string;
  /** Folders of the root and of every local module it reaches, sorted. */
  readonly moduleFolders: readonly string[];
  /** Variable files in precedence order (later wins): terraform.tfvars, *.auto.tfvars, then the option files. */
  readonly varFiles: readonly TerraformParsedFile[];
  /** The root's module manifest (`.terraform/modules/modules.json`): where `terraform init` installed modules. */
  readonly manifest?: TerraformParsedFile;
  /** Every parsed file the result depends on. */
  readonly inputs: readonly TerraformParsedFile[];
}

export interface WorkspaceLayout {
  readonly modules: ReadonlyMap<string, FolderModule>;
  readonly roots: readonly RootPlan[];
}

/**
 * Groups files into modules (one per folder) and finds the roots: folders that no other folder calls as a
 * local module, nor installed by `terraform init` for another (a module its manifest lists). Folders only
 * reachable through a call cycle become roots too, so nothing is lost.
 * `previous` lets unchanged folders keep their module definition (compared by file identity).
 */
export function planWorkspace(
  files: ReadonlyMap<string, TerraformParsedFile>,
  varFileUris: readonly string[],
  previous: ReadonlyMap<string, FolderModule> | undefined,
): WorkspaceLayout {
  const tfByFolder = new Map<string, TerraformParsedFile[]>();
  const tfvarsByFolder = new Map<string, TerraformParsedFile[]>();
  const manifests = new Map<string, TerraformParsedFile>();
  for (const f of files.values()) {
    if (f.kind === 'manifest') {
      manifests.set(manifestRootFolder(f.uri), f);
      continue;
    }
    const into = f.kind === 'tf' ? tfByFolder : tfvarsByFolder;
    const l = into.get(f.folder);
    if (l) l.push(f);
    else into.set(f.folder, [f]);
  }

  const modules = new Map<string, FolderModule>();
  for (const [folder, list] of tfByFolder) {
    list.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    const prev = previous?.get(folder);
    const same = prev && prev.files.length === list.length && prev.files.every((f, i) => f === list[i]);
    modules.set(folder, same ? prev : { folder, files: list, def: defineModule(folder, list) });
  }

  const callees = new Map<string, string[]>();
  const called = new Set<string>();
  for (const [folder, m] of modules) {
    const targets: string[] = [];
    for (const call of m.def.calls.values()) {
      if (call.source === undefined) continue;
      const target = resolveLocalSource(folder, call.source);
      if (target !== undefined && target !== folder && modules.has(target)) {
        targets.push(target);
        called.add(target);
      }
    }
    // Which installed module a registry call means depends on the chain of calls from the root (the
    // manifest's key), which the evaluation follows: here every module the root's manifest lists is its to read.
    for (const installed of manifests.get(folder)?.installed?.values() ?? []) {
      if (installed !== folder && modules.has(installed) && !targets.includes(installed)) {
        targets.push(installed);
        called.add(installed);
      }
    }
    callees.set(folder, targets);
  }

  const reach = (root: string): string[] => {
    const seen = new Set<string>([root]);
    const todo = [root];
    while (todo.length > 0) {
      for (const t of callees.get(todo.pop()!) ?? []) {
        if (!seen.has(t)) {
          seen.add(t);
          todo.push(t);
        }
      }
    }
    return [...seen].sort();
  };

  const folders = [...modules.keys()].sort();
  const rootFolders = folders.filter((f) => !called.has(f));
  const reached = new Set(rootFolders.flatMap(reach));
  for (const f of folders) {
    if (reached.has(f)) continue;
    rootFolders.push(f);
    for (const r of reach(f)) reached.add(r);
  }

  const optionVarFiles = varFileUris.map((u) => files.get(u)).filter((f): f is TerraformParsedFile => !!f && f.kind === 'tfvars');
  const roots = rootFolders.map((folder): RootPlan => {
    const moduleFolders = reach(folder);
    const varFiles = [...automaticVarFiles(tfvarsByFolder.get(folder) ?? []), ...optionVarFiles];
    const manifest = manifests.get(folder);
    const inputs = [...moduleFolders.flatMap((m) => modules.get(m)!.files), ...varFiles, ...(manifest ? [manifest] : [])];
    return { folder, moduleFolders, varFiles, inputs, ...(manifest ? { manifest } : {}) };
  });
  return { modules, roots };
}

/**
 * Terraform's own loading order: terraform.tfvars, terraform.tfvars.json, then *.auto.tfvars and
 * *.auto.tfvars.json together in lexical order.
 */
function automaticVarFiles(files: readonly TerraformParsedFile[]): TerraformParsedFile[] {
  const main = ['terraform.tfvars', 'terraform.tfvars.json'].flatMap((name) => files.filter((f) => f.fileName === name));
  const auto = files
    .filter((f) => /\.auto\.tfvars(\.json)?$/.test(f.fileName))
    .sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0));
  return [...main, ...auto];
}

/** About the work of evaluating a root: the length of the text it reads (a body ends where its file does). */
export function rootWeight(plan: RootPlan): number {
  let chars = 0;
  for (const f of plan.inputs) chars += f.body.end;
  return chars;
}
