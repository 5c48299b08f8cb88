import type { NetworkElement } from '../../../model/types';
import type { AnalysisUnit, BuildOptions, FrontEndOutput, SourceProblem } from '../../types';
import type { CloudFormationParsedFile } from '../parsedFile';
import { field, type TNode } from '../syntax/templateTree';
import { resourcesToElements } from '../toModel';
import { evaluateComponent, type ComponentEvaluation, type TemplateInput } from './component';
import { TemplateEvaluator } from './evaluator';
import { exportsOf, importNodesOf, matchExport, nameKeyOf, type ExportEntry, type NameKey } from './exports';
import { looksLikeParameterFileName, parameterFileCandidates, parameterValuesOf, type ParameterValues } from './parameterFiles';
import { nestedStacksOf } from './nestedStacks';
import { TemplateView } from './template';

export { evaluateComponent, type ComponentEvaluation, type TemplateInput } from './component';
export type { CfnResource } from './evaluated';
export { parseParameterFile, parameterFileCandidates, looksLikeParameterFileName } from './parameterFiles';
export { TemplateView } from './template';

/** A template with its parameter file (if any): the inputs its evaluation depends on. */
interface Template {
  readonly file: CloudFormationParsedFile;
  readonly parameterFile: CloudFormationParsedFile | undefined;
  readonly input: TemplateInput;
  /** The settings that change this template's evaluation (chosen parameter file, region), as a cache key. */
  readonly settingsKey: string;
  /** Why the parameter file chosen by setting gives no values, when it does not. */
  readonly choiceProblem?: SourceProblem;
}

/** Export and import names of one template version: enough to join templates into units. */
interface LinkSummary {
  readonly parameterFile: CloudFormationParsedFile | undefined;
  readonly settingsKey: string;
  readonly exports: readonly ExportEntry[];
  readonly imports: readonly NameKey[];
}

interface UnitCacheEntry {
  readonly inputs: readonly (CloudFormationParsedFile | undefined)[];
  readonly settingsKey: string;
  readonly unit: AnalysisUnit;
}

// Caches keyed by parsed-file identity (a ParsedFile is replaced exactly when its text changes); weak, so a
// file dropped from the workspace takes its entries with it and several workspaces can share the module.
const viewCache = new WeakMap<CloudFormationParsedFile, TemplateView>();
const parameterCache = new WeakMap<CloudFormationParsedFile, ParameterValues>();
const summaryCache = new WeakMap<CloudFormationParsedFile, LinkSummary>();
/** Keyed by the first template of a unit (in URI order). */
const unitCache = new WeakMap<CloudFormationParsedFile, UnitCacheEntry>();

const NO_PARAMETERS: ParameterValues = new Map();

/**
 * The CloudFormation front-end's build: every template of the workspace, evaluated and mapped to the network
 * model. Templates joined by `Fn::ImportValue` -> `Export` form one unit (connected components); every
 * other template is a unit of its own. A unit whose templates and parameter files did not change is handed
 * back as the same object. Files that are parameter files (see parameterFiles.ts) supply values to the
 * template next to them. Pure and never throws.
 */
export function buildCloudFormation(files: ReadonlyMap<string, CloudFormationParsedFile>, options: BuildOptions): FrontEndOutput {
  const templates = collectTemplates(files, options);
  const components = joinByExports(templates);
  return { units: components.map(unitOf) };
}

export function isTemplateTree(tree: TNode | undefined): boolean {
  if (tree?.kind !== 'object') return false;
  return field(tree, 'AWSTemplateFormatVersion') !== undefined || field(tree, 'Resources')?.kind === 'object';
}

function collectTemplates(files: ReadonlyMap<string, CloudFormationParsedFile>, options: BuildOptions): Template[] {
  const out: Template[] = [];
  const region = options.cloudFormationRegion;
  for (const uri of [...files.keys()].sort()) {
    const file = files.get(uri)!;
    if (!isTemplateTree(file.tree)) continue;
    const chosen = options.cloudFormationParameterFiles?.find((p) => p.template === uri)?.parameters;
    let parameterFile: CloudFormationParsedFile | undefined;
    let choiceProblem: SourceProblem | undefined;
    if (chosen !== undefined) {
      // The setting wins over files found by name; a chosen file that gives nothing is said, not replaced.
      const f = files.get(chosen);
      if (f && parametersOf(f, true)) parameterFile = f;
      else choiceProblem = failure(uri, '', undefined, `The parameter file chosen for this template (${chosen}) ${f ? 'has neither parameter file shape ([{"ParameterKey", "ParameterValue"}] or {"Parameters": {...}})' : 'was not read'}; parameter defaults are used`);
    } else {
      parameterFile = parameterFileCandidates(uri)
        .map((c) => files.get(c))
        .find((f): f is CloudFormationParsedFile => f !== undefined && parametersOf(f) !== undefined);
    }
    let view = viewCache.get(file);
    if (!view) viewCache.set(file, (view = new TemplateView(uri, file.tree)));
    const nested = nestedStacksOf(view);
    const input: TemplateInput = {
      view,
      parameters: parameterFile ? parametersOf(parameterFile, true)! : NO_PARAMETERS,
      ...(region !== undefined ? { region } : {}),
      ...(nested.length > 0 ? { nested } : {}),
    };
    const settingsKey = `${chosen ?? ''}\0${region ?? ''}`;
    out.push({ file, parameterFile, input, settingsKey, ...(choiceProblem ? { choiceProblem } : {}) });
  }
  return out;
}

/** A file's parameter values; a file not chosen by setting must also have a parameter file's name. */
function parametersOf(file: CloudFormationParsedFile, chosen = false): ParameterValues | undefined {
  if (!chosen && !looksLikeParameterFileName(file.uri)) return undefined;
  let values = parameterCache.get(file);
  if (!values) {
    values = parameterValuesOf(file.tree);
    if (values) parameterCache.set(file, values);
  }
  return values;
}

function summaryOf(t: Template): LinkSummary {
  const cached = summaryCache.get(t.file);
  if (cached && cached.parameterFile === t.parameterFile && cached.settingsKey === t.settingsKey) return cached;
  // A private evaluator: problems found here are reported by the unit's own evaluation.
  const ev = new TemplateEvaluator(t.input.view, t.input.parameters, { problems: [], ...(t.input.region !== undefined ? { region: t.input.region } : {}) });
  const summary: LinkSummary = {
    parameterFile: t.parameterFile,
    settingsKey: t.settingsKey,
    exports: safely(() => exportsOf(ev)) ?? [],
    imports: safely(() => importNodesOf(t.file.tree).flatMap((n) => nameKeyOf(n, ev) ?? [])) ?? [],
  };
  summaryCache.set(t.file, summary);
  return summary;
}

/**
 * Connected components of "imports an export of" and "creates as a nested stack", each in URI order;
 * components ordered by first URI.
 */
function joinByExports(templates: readonly Template[]): Template[][] {
  const index = new Map(templates.map((t, i) => [t.file.uri, i]));
  const parent = templates.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const summaries = templates.map(summaryOf);
  const exports = summaries.flatMap((s) => s.exports);
  summaries.forEach((s, i) => {
    const uri = templates[i]!.file.uri;
    const others = exports.filter((e) => e.templateUri !== uri);
    for (const imp of s.imports) {
      const match = matchExport(imp, others);
      const j = match && index.get(match.templateUri);
      if (j !== undefined) parent[find(i)] = find(j);
    }
    // A nested stack's template reads its parameters from its parent's stack resource.
    for (const link of templates[i]!.input.nested ?? []) {
      const j = index.get(link.templateUri);
      if (j !== undefined) parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, Template[]>();
  templates.forEach((t, i) => {
    const root = find(i);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = []));
    g.push(t);
  });
  return [...groups.values()];
}

function unitOf(component: readonly Template[]): AnalysisUnit {
  const first = component[0]!;
  const inputs = component.flatMap((t) => [t.file, t.parameterFile]);
  const settingsKey = component.map((t) => t.settingsKey).join('\n');
  const cached = unitCache.get(first.file);
  if (cached && cached.settingsKey === settingsKey && cached.inputs.length === inputs.length && cached.inputs.every((f, i) => f === inputs[i])) {
    return cached.unit;
  }
  const unit = buildUnit(component);
  unitCache.set(first.file, { inputs, settingsKey, unit });
  return unit;
}

function buildUnit(component: readonly Template[]): AnalysisUnit {
  const key = `cloudformation:${component.map((t) => t.file.uri).join('|')}`;
  const evaluation = safely(() => evaluateComponent(component.map((t) => t.input)));
  if (!evaluation) {
    return { key, elements: [], traces: [], problems: [failure(component[0]!.file.uri, 'evaluate these templates')] };
  }
  const problems = [...component.flatMap((t) => t.choiceProblem ?? []), ...evaluation.problems];
  const elements = mapSafely(evaluation, problems);
  return { key, elements, traces: evaluation.traces, problems, suppressions: evaluation.suppressions };
}

function mapSafely(evaluation: ComponentEvaluation, problems: SourceProblem[]): readonly NetworkElement[] {
  const elements = safely(() => resourcesToElements(evaluation.resources));
  if (elements) return elements;
  const first = evaluation.resources[0];
  if (first) problems.push(failure(first.templateUri, 'map these resources to its network model', first.nameSpan));
  return [];
}

function failure(uri: string, what: string, span = { file: uri, start: 0, end: 0 }, message = `VPC Lens could not ${what}`): SourceProblem {
  return { code: 'evaluation', severity: 'warning', message, span };
}

/** The template's data comes from user files: an unforeseen shape must cost a result, never the workspace. */
function safely<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
