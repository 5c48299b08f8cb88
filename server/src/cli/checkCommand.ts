import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Analysis, Workspace, WorkspaceHooks, WorkspaceLogger } from '../core/analysis/workspace';
import type { AnalysisSettings, CloudFormationParameterFile } from '../core/config/settings';
import { mergeSettings } from '../core/config/projectConfig';
import { PROBLEM_CODES, RULE_CATALOG } from '../core/rules/catalog';
import { docsUrl } from '../core/rules/types';
import { createWorkspace } from '../host/createWorkspace';
import { bundledRulePage } from '../host/docsLinks';
import { findFiles, isTypeScriptSource, readTextFile } from '../host/files';
import type { GrammarNeeds } from '../host/grammars';
import { analyzeInParallel } from '../host/parallelCheck';
import type { CheckCommand, FailOn } from './args';
import { loadProjectSettings, type ProjectSettings } from './config';
import { CliError } from './errors';
import { formatJson } from './format/json';
import { formatSarif, type SarifRuleInfo } from './format/sarif';
import { formatText } from './format/text';
import { phaseTimer } from './phaseTimer';
import { useColor, type CliIo } from './io';
import { loadFiles, readFiles } from './loadFiles';
import { loadModuleFolders } from './moduleFolders';
import { loadReferencedConfigFiles } from './referencedFiles';
import { displayPath, displayPathOfUri } from './paths';
import { buildReport, SEVERITY_RANK, type CheckReport } from './report';
import { INFORMATION_URI, VPC_LENS_VERSION } from './version';

export interface CheckDeps {
  /** The workspace to analyse in; tests hand in one with fake front-ends. */
  readonly createWorkspace: (logger: WorkspaceLogger, needs?: GrammarNeeds, hooks?: WorkspaceHooks) => Promise<Workspace>;
  /**
   * Analyses the workspace (on several threads when it is large); without it, `ws.analyze` on this thread.
   * Only for workspaces of the real front-ends: the workers run those.
   */
  readonly analyze?: (ws: Workspace, settings: AnalysisSettings, log: (message: string) => void) => Promise<{ readonly analysis: Analysis }>;
  /**
   * Called between the roots of the check (Workspace's `afterUnitReleased`). The `vpc-lens` process tunes V8's
   * heap there (launch/youngGeneration.ts); tests and in-process callers leave their own process alone.
   */
  readonly betweenUnits?: () => void;
}

/** What `vpc-lens check` runs with, short of the process's own tuning. */
export const DEFAULT_CHECK_DEPS: CheckDeps = { createWorkspace, analyze: analyzeInParallel };

/**
 * `vpc-lens check`: find files, hand their text to the workspace, print the analysis. A bad PATH, config or
 * var file stops it before analysis (CliError: one line, exit 2). Files that cannot be read are named on
 * stderr and make the exit code 2 (the check was incomplete), but the report of the rest is still printed.
 */
export async function runCheck(command: CheckCommand, io: CliIo, deps: CheckDeps = DEFAULT_CHECK_DEPS): Promise<number> {
  const timer = phaseTimer(io);
  timer.mark('start');
  // Core's log lines name the product for the editor's output panel; here the `vpc-lens:` prefix does.
  const log = (message: string) => io.err(`vpc-lens: ${message.replace(/^VPC Lens: /, '')}\n`);
  // The grammars compile (WebAssembly, mostly off the main thread) while the files are found; TypeScript's
  // only once they include TypeScript source. Terraform's is loaded even when the fast parser will take every
  // file: a check that skipped it (measured on the 10k-resource benchmark workspace, Node 20) waited about 15 ms
  // less for it but analysed 15 to 50 ms slower, with about 3,700 more page faults, and came out no faster.
  let decideTypeScript: (needed: boolean) => void = () => {};
  const typescript = new Promise<boolean>((resolve) => (decideTypeScript = resolve));
  const workspace = deps.createWorkspace({ error: log }, { typescript }, deps.betweenUnits ? { afterUnitReleased: deps.betweenUnits } : undefined);
  // Awaited below; this only keeps a failure from going unhandled if the command ends before that.
  workspace.catch(() => undefined);
  const project = loadProjectSettings(command.config, io.cwd);
  for (const warning of project.warnings) io.err(`vpc-lens: ${warning}\n`);
  const varFiles = resolveVarFiles(command, project, io.cwd);
  const parameterFiles = resolveParameterFiles(command, project, io.cwd);
  const found = discoverFiles(command, project, io);
  decideTypeScript(found.files.some(isTypeScriptSource));
  timer.mark('discover');

  // Read before waiting for the workspace: the grammars go on compiling meanwhile.
  const read = readFiles({ files: found.files, varFiles }, io);
  const ws = await workspace;
  const loaded = loadFiles(ws, read, new Set(command.paths.map((p) => path.resolve(io.cwd, p))), io);
  const parametersUnreadable = loadParameterFiles(ws, parameterFiles, io);
  const modulesUnreadable = await loadModuleFolders(ws, project.isExcluded, io);
  await loadReferencedConfigFiles(ws, project.isExcluded);
  timer.mark('read');
  const settings = analysisSettings(project.analysis, loaded.varFileUris, parameterFiles, command.region);
  const analysis = deps.analyze ? (await deps.analyze(ws, settings, log)).analysis : ws.analyze(settings);
  timer.mark('analyse');
  if (analysis.files === 0) io.err(`vpc-lens: no files to analyse (looked for *.tf and *.tfvars in ${command.paths.join(' ')})\n`);

  const report = buildReport({
    diagnostics: analysis.diagnostics,
    files: analysis.files,
    resources: analysis.resources,
    displayPath: (uri) => loaded.displayPathOf(uri) ?? displayPathOfUri(io.cwd, uri),
    textOf: (uri) => ws.getText(uri),
  });
  io.out(formatReport(report, command, io));
  timer.mark('report');
  timer.report();

  if (found.unreadable || loaded.unreadable || parametersUnreadable || modulesUnreadable) return 2;
  return failsAt(report, command.failOn) ? 1 : 0;
}

/** The config's var files, then `--var-file`s in order; a missing one is an error: without it the check would check something else. */
function resolveVarFiles(command: CheckCommand, project: ProjectSettings, cwd: string): string[] {
  const given = command.varFiles.map((f) => {
    const full = path.resolve(cwd, f);
    const read = readTextFile(full);
    if (!read.ok) throw new CliError(`${read.reason}: ${f}`);
    return full;
  });
  return [...project.varFiles, ...given];
}

/**
 * `cloudformation.parameterFiles` of the config, then `--parameters` (a later choice for a template wins), as
 * file URIs. A missing parameter file is an error, as a missing var file is: the check would check other values.
 */
function resolveParameterFiles(command: CheckCommand, project: ProjectSettings, cwd: string): CloudFormationParameterFile[] {
  const fromConfig = project.analysis.cloudFormationParameterFiles ?? [];
  const given = (command.parameterFiles ?? []).map((p) => {
    const full = path.resolve(cwd, p.parameters);
    const read = readTextFile(full);
    if (!read.ok) throw new CliError(`${read.reason}: ${p.parameters} (--parameters ${p.template}=${p.parameters})`);
    return { template: pathToFileURL(path.resolve(cwd, p.template)).href, parameters: pathToFileURL(full).href };
  });
  const merged = mergeSettings({ rules: {}, terraformVarFiles: [] }, { cloudFormationParameterFiles: fromConfig }, { cloudFormationParameterFiles: given });
  return [...(merged.cloudFormationParameterFiles ?? [])];
}

/**
 * Puts chosen parameter files into the workspace whatever their name (the CloudFormation front-end takes
 * them because the settings name them). Returns true when one could not be read.
 */
function loadParameterFiles(ws: Workspace, files: readonly CloudFormationParameterFile[], io: CliIo): boolean {
  let unreadable = false;
  for (const uri of new Set(files.map((f) => f.parameters))) {
    if (ws.hasFile(uri)) continue;
    const file = uri.startsWith('file:') ? fileURLToPath(uri) : uri;
    const read = uri.startsWith('file:') ? readTextFile(file) : { ok: false as const, reason: 'not a local file' };
    if (!read.ok) {
      io.err(`vpc-lens: cannot read ${displayPath(io.cwd, file)}: ${read.reason}\n`);
      unreadable = true;
      continue;
    }
    ws.setFile(uri, read.text);
  }
  return unreadable;
}

function analysisSettings(
  project: AnalysisSettings,
  varFileUris: readonly string[],
  parameterFiles: readonly CloudFormationParameterFile[],
  region: string | undefined,
): AnalysisSettings {
  return {
    ...project,
    // Nothing here shows a hover or an inlay hint: the values behind them are not recorded. Only diagnostics
    // and counts are printed, so each Terraform root is let go once its findings are in.
    recordTraces: false,
    retainUnits: false,
    terraformVarFiles: varFileUris,
    ...(parameterFiles.length > 0 ? { cloudFormationParameterFiles: parameterFiles } : {}),
    ...(region !== undefined ? { cloudFormationRegion: region } : {}),
  };
}

function discoverFiles(command: CheckCommand, project: ProjectSettings, io: CliIo): { files: string[]; unreadable: boolean } {
  const found = findFiles(command.paths, io.cwd, { isExcluded: project.isExcluded });
  // A bad PATH is named as the user typed it (`no such file or directory: foo/`).
  const typed = (absolute: string) => command.paths.find((p) => path.resolve(io.cwd, p) === absolute) ?? displayPath(io.cwd, absolute);
  const badArguments = found.problems.filter((p) => p.isArgument);
  if (badArguments.length > 0) {
    for (const p of badArguments.slice(1)) io.err(`vpc-lens: ${p.reason}: ${typed(p.path)}\n`);
    throw new CliError(`${badArguments[0]!.reason}: ${typed(badArguments[0]!.path)}`);
  }
  for (const p of found.problems) io.err(`vpc-lens: cannot read ${displayPath(io.cwd, p.path)}: ${p.reason}\n`);
  return { files: found.files, unreadable: found.problems.length > 0 };
}

function formatReport(report: CheckReport, command: CheckCommand, io: CliIo): string {
  switch (command.format) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, {
        toolVersion: VPC_LENS_VERSION,
        informationUri: INFORMATION_URI,
        rules: sarifRules(),
        srcRootUri: `${pathToFileURL(io.cwd).href.replace(/\/$/, '')}/`,
      });
    case 'text':
      return formatText(report, { color: useColor(io) });
  }
}

const PROBLEM_TITLES: Record<string, string> = {
  'parse-error': 'File could not be parsed',
  evaluation: 'Expression could not be evaluated',
};

/** Every catalog rule, then the front-end problem codes, so SARIF viewers can name every result's rule. */
function sarifRules(): SarifRuleInfo[] {
  return [
    ...RULE_CATALOG.map((e) => {
      const page = bundledRulePage(e.id);
      return { id: e.id, title: e.title, defaultSeverity: e.severity, docsUrl: docsUrl(e.id), category: e.category, ...(page ? { helpMarkdown: page } : {}) };
    }),
    ...PROBLEM_CODES.map((id) => ({
      id,
      title: PROBLEM_TITLES[id] ?? id,
      defaultSeverity: id === 'parse-error' ? ('error' as const) : ('warning' as const),
      docsUrl: undefined,
    })),
  ];
}

export function failsAt(report: CheckReport, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  const threshold = SEVERITY_RANK[failOn];
  return report.diagnostics.some((d) => SEVERITY_RANK[d.severity] >= threshold);
}
