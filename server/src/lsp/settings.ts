import type { SeveritySetting } from '../core/rules/types';

/** The `vpcLens.*` editor settings, validated: wrong types fall back to defaults instead of failing. */
export interface EditorSettings {
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  readonly inlayHintsEnabled: boolean;
  /** As written: workspace-relative or absolute paths. */
  readonly terraformVarFiles: readonly string[];
  readonly exclude: readonly string[];
}

export const DEFAULT_EDITOR_SETTINGS: EditorSettings = {
  rules: {},
  inlayHintsEnabled: true,
  terraformVarFiles: [],
  exclude: [],
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
  return {
    rules,
    inlayHintsEnabled: typeof inlay === 'boolean' ? inlay : DEFAULT_EDITOR_SETTINGS.inlayHintsEnabled,
    terraformVarFiles: strings(terraform),
    exclude: strings(raw.exclude),
  };
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s.trim() !== '') : [];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
