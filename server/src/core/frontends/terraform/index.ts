import { type Language, Parser } from 'web-tree-sitter';
import { unchangedSinceRead } from '../textsRead';
import type { AnalysisUnit, BuildOptions, FrontEnd, FrontEndOutput, SourceProblem, ValueTrace } from '../types';
import type { EvaluatedResource } from './evaluated';
import { evaluateRoot, type RootEvaluation } from './eval/evaluateRoot';
import { type FolderModule, planWorkspace, type RootPlan, rootWeight } from './eval/rootPlan';
import { shareOf } from '../../analysis/shards';
import { mergeTraces } from '../../analysis/traceIndex';
import { splitUri } from '../../text/uri';
import { fileKind, type TerraformParsedFile } from './parsedFile';
import { parseHcl } from './syntax/parse';
import { parseTerraformJson } from './json/parse';
import { rootUnit } from './rootUnit';
import { buildRootsOneByOne } from './oneShot';
import { referencedModuleFolders } from './moduleFolders';
import { referencedConfigFiles } from './referencedFiles';
import { parseModuleManifest } from './installedModules';

export type { TerraformParsedFile } from './parsedFile';

/** What the evaluator made of the workspace's Terraform: the input of the model mapping, traces, problems. */
export interface TerraformEvaluation {
  readonly resources: readonly EvaluatedResource[];
  readonly traces: readonly ValueTrace[];
  readonly problems: readonly SourceProblem[];
}

export interface TerraformFrontEnd extends FrontEnd<TerraformParsedFile> {
  /** `build()` without the model mapping (tests, tools). Shares build()'s caches. */
  evaluate(files: ReadonlyMap<string, TerraformParsedFile>, options: BuildOptions): TerraformEvaluation;
}

interface RootCacheEntry {
  readonly folder: string;
  readonly inputs: readonly TerraformParsedFile[];
  readonly result: RootEvaluation;
  /** Whether `result` carries traces: a pass that wants them does not reuse one without. */
  readonly traced: boolean;
  /** Built on first use and kept while the root's inputs are unchanged: the workspace caches by identity. */
  unit?: AnalysisUnit;
}

export function createTerraformFrontEnd(language: Language): TerraformFrontEnd {
  let parser: Parser | undefined;
  let modules: ReadonlyMap<string, FolderModule> | undefined;
  const rootCache = new Map<string, RootCacheEntry>();

  /** Evaluates each root whose inputs changed (by ParsedFile identity); others come from the cache. */
  function evaluateRoots(files: ReadonlyMap<string, TerraformParsedFile>, options: BuildOptions): RootCacheEntry[] {
    const layout = planWorkspace(files, options.terraformVarFiles, modules);
    modules = layout.modules;
    // Roots are independent units: a shard evaluates its share, weighed by the text the root reads.
    const roots = options.shard ? shareOf(layout.roots, rootWeight, options.shard) : layout.roots;
    const traced = options.recordTraces !== false;
    const live = new Set<string>();
    const entries = roots.map((plan) => {
      live.add(plan.folder);
      const cached = rootCache.get(plan.folder);
      if (cached && cached.traced === traced && sameInputs(cached.inputs, plan) && unchangedSinceRead(cached.result.filesRead, options.textOf)) return cached;
      const result = evaluateRoot(plan, layout.modules, traced, options.textOf);
      const entry: RootCacheEntry = { folder: plan.folder, inputs: plan.inputs, result, traced };
      rootCache.set(plan.folder, entry);
      return entry;
    });
    for (const folder of rootCache.keys()) if (!live.has(folder)) rootCache.delete(folder);
    return entries;
  }

  function parseTerraform(uri: string, text: string): TerraformParsedFile {
    parser ??= makeParser(language);
    const { folder, fileName } = splitUri(uri);
    const kind = fileKind(uri);
    if (kind === 'manifest') {
      const { installed, problems } = parseModuleManifest(uri, text);
      return { uri, frontEnd: 'terraform', problems, kind, folder, fileName, body: { start: 0, end: text.length, attributes: [], blocks: [] }, installed };
    }
    const { body, problems } = /\.json$/i.test(uri) ? parseTerraformJson(parser, uri, text, kind) : parseHcl(parser, uri, text);
    return { uri, frontEnd: 'terraform', problems, kind, folder, fileName, body };
  }

  return {
    id: 'terraform',
    shardable: true,
    claims: (uri) => /\.(tf|tfvars)(\.json)?$/i.test(uri) || fileKind(uri) === 'manifest',
    parse: parseTerraform,
    referencedFolders: referencedModuleFolders,
    referencedFiles: referencedConfigFiles,
    evaluate(files, options) {
      const entries = evaluateRoots(files, options);
      return {
        resources: entries.flatMap((e) => e.result.resources),
        traces: mergeTraces(entries.map((e) => e.result.traces)),
        problems: dedupeProblems(entries.flatMap((e) => e.result.problems)),
      };
    },
    build(files, options): FrontEndOutput {
      // A Terraform root cannot reference another root's resources: each root is an independent unit.
      return { units: evaluateRoots(files, options).map((e) => (e.unit ??= rootUnit(e.folder, e.result))) };
    },
    buildEach: buildRootsOneByOne,
  };
}

/** A module folder reached from several roots reports its problems once. */
function dedupeProblems(problems: readonly SourceProblem[]): SourceProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.span.file}#${p.span.start}-${p.span.end}#${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function makeParser(language: Language): Parser {
  const p = new Parser();
  p.setLanguage(language);
  return p;
}

function sameInputs(previous: readonly TerraformParsedFile[], plan: RootPlan): boolean {
  const next = plan.inputs;
  return previous.length === next.length && previous.every((f, i) => f === next[i]);
}
