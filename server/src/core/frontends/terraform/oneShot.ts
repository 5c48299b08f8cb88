import { shareOf } from '../../analysis/shards';
import type { AnalysisUnit, BuildOptions, LazyFiles } from '../types';
import { evaluateRoot } from './eval/evaluateRoot';
import { defineModule } from './eval/moduleDefinition';
import { type FolderModule, planWorkspace, type RootPlan, rootWeight } from './eval/rootPlan';
import { splitUri } from '../../text/uri';
import { fileKind, type TerraformParsedFile } from './parsedFile';
import { rootUnit } from './rootUnit';

/**
 * Only a file that says `module` can hold a module call (HCL's block type, JSON's key); a module manifest says
 * where called modules are. Planning needs both.
 */
const neededToPlan = (uri: string, text: string): boolean => text.includes('module') || fileKind(uri) === 'manifest';

/**
 * A one-shot check's Terraform (`FrontEnd.buildEach`): the roots one at a time, each parsed only when it is
 * reached, so that its syntax trees, evaluation and model can all go once the caller is done with its unit.
 * Finding the roots needs every folder's module calls, and only files that say `module` can hold one: those
 * (and module manifests) are parsed first and stay with the plan to the end; every other file stands in as an
 * empty body until its root is evaluated. The units are those `build()` gives for the same files, in the same
 * order.
 */
export function* buildRootsOneByOne(files: LazyFiles<TerraformParsedFile>, options: BuildOptions): Generator<AnalysisUnit> {
  const early = new Map<string, TerraformParsedFile>();
  const outline = new Map<string, TerraformParsedFile>();
  for (const uri of files.uris) {
    const text = files.text(uri);
    if (neededToPlan(uri, text)) {
      const parsed = files.parse(uri);
      early.set(uri, parsed);
      outline.set(uri, parsed);
    } else {
      outline.set(uri, placeholder(uri, text));
    }
  }
  const layout = planWorkspace(outline, options.terraformVarFiles, undefined);
  const roots = options.shard ? shareOf(layout.roots, rootWeight, options.shard) : layout.roots;

  // What more than one of this share's roots reads is parsed once and kept: called modules, `--var-file`s.
  const readers = new Map<string, number>();
  for (const root of roots) for (const f of root.inputs) readers.set(f.uri, (readers.get(f.uri) ?? 0) + 1);
  const kept = new Map<string, TerraformParsedFile>();
  const parsedFile = (uri: string): TerraformParsedFile => {
    let parsed = kept.get(uri) ?? early.get(uri);
    if (!parsed) parsed = files.parse(uri);
    if ((readers.get(uri) ?? 0) > 1) kept.set(uri, parsed);
    early.delete(uri);
    return parsed;
  };
  const keptModules = new Map<string, FolderModule>();

  const traced = options.recordTraces !== false;
  const buildRoot = (plan: RootPlan): AnalysisUnit => {
    const modules = new Map<string, FolderModule>();
    for (const folder of plan.moduleFolders) {
      const outlined = layout.modules.get(folder)!;
      let module = keptModules.get(folder);
      if (!module) {
        const list = outlined.files.map((f) => parsedFile(f.uri));
        module = { folder, files: list, def: defineModule(folder, list) };
        if (list.every((f) => kept.has(f.uri))) keptModules.set(folder, module);
      }
      modules.set(folder, module);
    }
    const varFiles = plan.varFiles.map((f) => parsedFile(f.uri));
    const manifest = plan.manifest && parsedFile(plan.manifest.uri);
    const real: RootPlan = {
      folder: plan.folder,
      moduleFolders: plan.moduleFolders,
      varFiles,
      inputs: [...plan.moduleFolders.flatMap((folder) => modules.get(folder)!.files), ...varFiles, ...(manifest ? [manifest] : [])],
      ...(manifest ? { manifest } : {}),
    };
    return rootUnit(plan.folder, evaluateRoot(real, modules, traced, options.textOf));
  };
  // Each root is built in a call of its own, not in this loop's body: V8's interpreter keeps a frame's
  // registers, stale ones included, reachable until they are overwritten, and a suspended generator keeps its
  // frame. Built inline, the last root's syntax trees stayed reachable through the next root's parsing.
  for (const plan of roots) yield buildRoot(plan);

  // Files no root reads (a variable file nobody loads) are still checked for syntax errors, by one share.
  if (!options.shard || options.shard.index === 0) {
    const read = new Set(layout.roots.flatMap((root) => root.inputs.map((f) => f.uri)));
    for (const uri of files.uris) if (!read.has(uri) && !neededToPlan(uri, files.text(uri))) files.parse(uri);
  }
}

/** A file not parsed yet, as planning sees it: where it is and how long, no blocks. */
function placeholder(uri: string, text: string): TerraformParsedFile {
  const { folder, fileName } = splitUri(uri);
  return { uri, frontEnd: 'terraform', problems: [], kind: fileKind(uri), folder, fileName, body: { attributes: [], blocks: [], start: 0, end: text.length } };
}
