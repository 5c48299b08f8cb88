import { type Node, type ParseError, parseTree, printParseErrorCode, stripComments } from 'jsonc-parser';
import { PROBLEM_CODES, RULE_CATALOG, isRuleId } from '../rules/catalog';
import type { SeveritySetting } from '../rules/types';
import type { AnalysisSettings, CloudFormationParameterFile } from './settings';

/** The project file at the workspace root; the CLI and the editor read the same one. */
export const PROJECT_CONFIG_FILE = '.vpc-lens.json';

/** What `.vpc-lens.json` says, with invalid entries left out (each reported as a problem). */
export interface ProjectConfig {
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  /** Globs of paths to leave out, relative to the workspace root (see globs.ts). */
  readonly exclude: readonly string[];
  /** `terraform.varFiles` as written (relative to the config file's folder). */
  readonly terraformVarFiles: readonly string[];
  /** `cloudformation.parameterFiles` as written: template path -> parameter file path (relative to the config file's folder). */
  readonly cloudFormationParameterFiles?: readonly CloudFormationParameterFile[];
  /** `cloudformation.region`. */
  readonly cloudFormationRegion?: string;
}

/** A problem in the config text; offsets point at the offending key or value so an editor can mark it. */
export interface ConfigProblem {
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

export interface ParsedProjectConfig {
  readonly config: ProjectConfig;
  /** The analysis settings the file sets; var files are URIs when `baseUri` was given. */
  readonly settings: AnalysisSettings;
  readonly problems: readonly ConfigProblem[];
}

export interface ProjectConfigOptions {
  /** URI of the folder holding the config file (`file:///work/repo`), to resolve relative var files. */
  readonly baseUri?: string;
}

const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'info', 'hint', 'off'];
const TOP_LEVEL_KEYS = ['$schema', 'rules', 'exclude', 'terraform', 'cloudformation'];
const TERRAFORM_KEYS = ['varFiles'];
const CLOUDFORMATION_KEYS = ['parameterFiles', 'region'];
/** AWS region names (`us-east-1`, `eu-central-2`, `us-gov-west-1`, `cn-north-1`). */
export const REGION_NAME = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;

/**
 * Parses `.vpc-lens.json` (JSON with comments and trailing commas):
 * `{"rules": {"<id>": "off"|"error"|...}, "exclude": ["glob", ...], "terraform": {"varFiles": ["f.tfvars"]},
 *   "cloudformation": {"parameterFiles": {"network.yaml": "params/prod.json"}, "region": "eu-west-1"}}`.
 * Never throws: a broken file yields the parts that could be read plus problems.
 */
export function parseProjectConfig(text: string, options: ProjectConfigOptions = {}): ParsedProjectConfig {
  const problems: ConfigProblem[] = [];
  const report = (message: string, node: { offset: number; length: number }): void => {
    problems.push({ message, start: node.offset, end: node.offset + node.length });
  };

  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  // An empty file (or comments only) is an empty configuration, not an error.
  if (root || stripComments(text).trim() !== '') {
    for (const e of errors) report(`${PROJECT_CONFIG_FILE}: JSON syntax error: ${describeParseError(e)}`, e);
  }

  const rules: Record<string, SeveritySetting> = {};
  let exclude: string[] = [];
  let varFiles: string[] = [];
  let parameterFiles: CloudFormationParameterFile[] | undefined;
  let region: string | undefined;

  if (root && root.type !== 'object') report(`${PROJECT_CONFIG_FILE} must hold a JSON object`, root);
  for (const [key, keyNode, value] of properties(root)) {
    switch (key) {
      case '$schema':
        break;
      case 'rules':
        readRules(value, rules, report);
        break;
      case 'exclude':
        exclude = readStrings(value, '"exclude"', report);
        break;
      case 'terraform':
        if (value.type !== 'object') {
          report('"terraform" must be an object like {"varFiles": ["prod.tfvars"]}', value);
          break;
        }
        for (const [tfKey, tfKeyNode, tfValue] of properties(value)) {
          if (tfKey === 'varFiles') varFiles = readStrings(tfValue, '"terraform.varFiles"', report);
          else report(unknownKeyMessage(`terraform.${tfKey}`, tfKey, TERRAFORM_KEYS), tfKeyNode);
        }
        break;
      case 'cloudformation':
        if (value.type !== 'object') {
          report('"cloudformation" must be an object like {"parameterFiles": {"template.yaml": "params/prod.json"}, "region": "eu-west-1"}', value);
          break;
        }
        for (const [cfnKey, cfnKeyNode, cfnValue] of properties(value)) {
          if (cfnKey === 'parameterFiles') parameterFiles = readParameterFiles(cfnValue, report);
          else if (cfnKey === 'region') region = readRegion(cfnValue, report);
          else report(unknownKeyMessage(`cloudformation.${cfnKey}`, cfnKey, CLOUDFORMATION_KEYS), cfnKeyNode);
        }
        break;
      default:
        report(unknownKeyMessage(key, key, TOP_LEVEL_KEYS), keyNode);
    }
  }

  const resolve = (f: string) => (options.baseUri ? resolveUri(options.baseUri, f) : f);
  // CloudFormation keys appear only when written, so a config without them reads as before.
  const cloudFormation = {
    ...(parameterFiles ? { cloudFormationParameterFiles: parameterFiles } : {}),
    ...(region !== undefined ? { cloudFormationRegion: region } : {}),
  };
  const config: ProjectConfig = { rules, exclude, terraformVarFiles: varFiles, ...cloudFormation };
  const settings: AnalysisSettings = {
    rules,
    terraformVarFiles: varFiles.map(resolve),
    ...cloudFormation,
    ...(parameterFiles
      ? { cloudFormationParameterFiles: parameterFiles.map((p) => ({ template: resolve(p.template), parameters: resolve(p.parameters) })) }
      : {}),
  };
  return { config, settings, problems };
}

/**
 * Later settings win per rule id (editor settings override the project file). Var files add up, in order
 * and without repeats: a file named in the project and another named in the editor are both wanted.
 * A CloudFormation parameter file chosen later wins for its template; a later region wins.
 */
export function mergeSettings(base: AnalysisSettings, ...overrides: readonly Partial<AnalysisSettings>[]): AnalysisSettings {
  let rules: Record<string, SeveritySetting> = { ...base.rules };
  const varFiles = [...base.terraformVarFiles];
  let parameterFiles = base.cloudFormationParameterFiles;
  let region = base.cloudFormationRegion;
  for (const o of overrides) {
    if (o.rules) rules = { ...rules, ...o.rules };
    for (const f of o.terraformVarFiles ?? []) if (!varFiles.includes(f)) varFiles.push(f);
    if (o.cloudFormationParameterFiles?.length) {
      const chosen = new Set(o.cloudFormationParameterFiles.map((p) => p.template));
      parameterFiles = [...(parameterFiles ?? []).filter((p) => !chosen.has(p.template)), ...o.cloudFormationParameterFiles];
    }
    if (o.cloudFormationRegion !== undefined) region = o.cloudFormationRegion;
  }
  return {
    rules,
    terraformVarFiles: varFiles,
    ...(parameterFiles ? { cloudFormationParameterFiles: parameterFiles } : {}),
    ...(region !== undefined ? { cloudFormationRegion: region } : {}),
  };
}

/** Key, key node and value node of each property of an object node. */
function* properties(node: Node | undefined): Iterable<[string, Node, Node]> {
  if (node?.type !== 'object') return;
  for (const prop of node.children ?? []) {
    const [keyNode, valueNode] = prop.children ?? [];
    if (keyNode && valueNode && typeof keyNode.value === 'string') yield [keyNode.value, keyNode, valueNode];
  }
}

/** "CommaExpected" -> "comma expected". */
function describeParseError(e: ParseError): string {
  return printParseErrorCode(e.error)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

type Report = (message: string, node: { offset: number; length: number }) => void;

function readRules(node: Node, into: Record<string, SeveritySetting>, report: Report): void {
  if (node.type !== 'object') {
    report('"rules" must be an object mapping rule ids to a severity, like {"subnet-overlap": "warning"}', node);
    return;
  }
  for (const [id, keyNode, value] of properties(node)) {
    if (!isRuleId(id) && !PROBLEM_CODES.includes(id)) {
      report(unknownKeyMessage(`rule id "${id}"`, id, [...RULE_CATALOG.map((e) => e.id), ...PROBLEM_CODES], 'rules'), keyNode);
      continue;
    }
    if (typeof value.value !== 'string' || !SEVERITIES.includes(value.value as SeveritySetting)) {
      const shown = value.type === 'string' ? `"${String(value.value)}"` : 'this value';
      report(`Invalid severity ${shown} for rule "${id}": use one of ${SEVERITIES.map((s) => `"${s}"`).join(', ')}`, value);
      continue;
    }
    into[id] = value.value as SeveritySetting;
  }
}

function readParameterFiles(node: Node, report: Report): CloudFormationParameterFile[] {
  if (node.type !== 'object') {
    report('"cloudformation.parameterFiles" must be an object mapping a template path to its parameter file path', node);
    return [];
  }
  const out: CloudFormationParameterFile[] = [];
  for (const [template, , value] of properties(node)) {
    if (value.type === 'string' && typeof value.value === 'string' && value.value.trim() !== '') out.push({ template, parameters: value.value });
    else report(`The parameter file of "${template}" must be a path`, value);
  }
  return out;
}

function readRegion(node: Node, report: Report): string | undefined {
  if (node.type === 'string' && typeof node.value === 'string' && REGION_NAME.test(node.value)) return node.value;
  report('"cloudformation.region" must be a region name like "eu-west-1"', node);
  return undefined;
}

function readStrings(node: Node, what: string, report: Report): string[] {
  if (node.type !== 'array') {
    report(`${what} must be an array of strings`, node);
    return [];
  }
  const out: string[] = [];
  for (const item of node.children ?? []) {
    if (item.type === 'string' && typeof item.value === 'string') out.push(item.value);
    else report(`${what} must hold strings only`, item);
  }
  return out;
}

function unknownKeyMessage(what: string, key: string, known: readonly string[], where?: string): string {
  const suggestion = closest(key, known);
  const base = where ? `Unknown ${what} in "${where}"` : `Unknown setting "${what}"`;
  return suggestion ? `${base}; did you mean "${suggestion}"?` : base;
}

/** The known name nearest to a misspelt one, when it is close enough to be a likely typo. */
function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/** A var file path from the config, as a URI: relative to the config's folder, absolute paths kept. */
function resolveUri(baseUri: string, path: string): string {
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(path)) return path;
  if (/^[a-zA-Z]:[\\/]/.test(path)) return `file:///${path.replace(/\\/g, '/')}`;
  const base = baseUri.endsWith('/') ? baseUri : `${baseUri}/`;
  try {
    return new URL(path.replace(/\\/g, '/'), base).href;
  } catch {
    return base + path;
  }
}
