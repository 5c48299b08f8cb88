import type { SeveritySetting } from '../core/rules/types';
import { REGION_NAME } from '../core/config/projectConfig';

/** The `vpcLens.*` editor settings, validated: wrong types fall back to defaults instead of failing. */
export interface EditorSettings {
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  readonly inlayHintsEnabled: boolean;
  /** As written: workspace-relative or absolute paths. */
  readonly terraformVarFiles: readonly string[];
  readonly exclude: readonly string[];
  /** `cloudformation.parameterFiles` as written: template path -> parameter file path (workspace-relative or absolute). */
  readonly cloudFormationParameterFiles: Readonly<Record<string, string>>;
  /** `cloudformation.region`; absent when empty or not a region name. */
  readonly cloudFormationRegion?: string;
}

export const DEFAULT_EDITOR_SETTINGS: EditorSettings = {
  rules: {},
  inlayHintsEnabled: true,
  terraformVarFiles: [],
  exclude: [],
  cloudFormationParameterFiles: {},
};

const SEVERITIES: ReadonlySet<string> = new Set(['error', 'warning', 'info', 'hint', 'off']);

/** Reads the `vpcLens` section as the client sends it (nested objects; VS Code expands dotted keys). */
export function readEditorSettings(raw: unknown): EditorSettings {
  if (!isObject(raw)) return DEFAULT_EDITOR_SETTINGS;
  const rules: Record<string, SeveritySetting> = {};
  if (isObject(raw.rules)) {
    for (const [id, sev] of Object.entries(raw.rules)) {
      if (typeof sev === 'string' && SEVERITIES.has(sev)) rules[id] = sev as SeveritySetting;
    }
  }
  const inlay = isObject(raw.inlayHints) ? raw.inlayHints.enabled : raw['inlayHints.enabled'];
  const terraform = isObject(raw.terraform) ? raw.terraform.varFiles : raw['terraform.varFiles'];
  const cfn = isObject(raw.cloudformation) ? raw.cloudformation : {};
  const parameterFiles = cfn.parameterFiles ?? raw['cloudformation.parameterFiles'];
  const region = cfn.region ?? raw['cloudformation.region'];
  return {
    rules,
    inlayHintsEnabled: typeof inlay === 'boolean' ? inlay : DEFAULT_EDITOR_SETTINGS.inlayHintsEnabled,
    terraformVarFiles: strings(terraform),
    exclude: strings(raw.exclude),
    cloudFormationParameterFiles: pathMap(parameterFiles),
    ...(typeof region === 'string' && REGION_NAME.test(region.trim()) ? { cloudFormationRegion: region.trim() } : {}),
  };
}

function pathMap(v: unknown): Record<string, string> {
  if (!isObject(v)) return {};
  const out: Record<string, string> = {};
  for (const [template, parameters] of Object.entries(v)) {
    if (template.trim() !== '' && typeof parameters === 'string' && parameters.trim() !== '') out[template] = parameters;
  }
  return out;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s.trim() !== '') : [];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
