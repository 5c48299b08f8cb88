import type { SeveritySetting } from '../rules/types';

/** Settings that change analysis results; the editor's `vpcLens.*` settings and `.vpc-lens.json` map onto it. */
export interface AnalysisSettings {
  /** Rule id -> severity or `off`. */
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  /** Extra Terraform variable files (URIs). */
  readonly terraformVarFiles: readonly string[];
}

export const DEFAULT_SETTINGS: AnalysisSettings = { rules: {}, terraformVarFiles: [] };
