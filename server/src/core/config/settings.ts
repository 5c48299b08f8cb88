import type { SeveritySetting } from '../rules/types';

/** Settings that change analysis results; the editor's `vpcLens.*` settings and `.vpc-lens.json` map onto it. */
export interface AnalysisSettings {
  /** Rule id -> severity or `off`. */
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  /** Extra Terraform variable files (URIs). */
  readonly terraformVarFiles: readonly string[];
  /**
   * CloudFormation parameter files chosen by setting or flag (URIs): they supply the template's parameter
   * values instead of a file found by name next to it, whatever their own name.
   */
  readonly cloudFormationParameterFiles?: readonly CloudFormationParameterFile[];
  /** The region CloudFormation's `AWS::Region` (and `AWS::Partition`, `AWS::URLSuffix`) resolve to; unknown when absent. */
  readonly cloudFormationRegion?: string;
  /**
   * Whether to keep the value of every CIDR expression for hovers and inlay hints (default true). A one-shot
   * check shows neither and turns it off: on 10k resources the recording cost about a tenth of the check.
   */
  readonly recordTraces?: boolean;
  /**
   * Whether the analysis keeps every unit's evaluation, model and facts (default true): the editor reuses them
   * on the next edit and reads them for hovers and the topology view. A one-shot check needs only diagnostics
   * and counts, and turns it off: the units of front-ends whose units are independent (Terraform roots) are
   * then parsed, built and analysed one at a time and let go, so a large workspace is never held whole (on
   * 10k resources: 18% off the check, a quarter less peak memory). The analysis's model, facts and traces
   * then leave those units out.
   */
  readonly retainUnits?: boolean;
}

/** A template and the parameter file that gives its parameter values (both URIs). */
export interface CloudFormationParameterFile {
  readonly template: string;
  readonly parameters: string;
}

export const DEFAULT_SETTINGS: AnalysisSettings = { rules: {}, terraformVarFiles: [] };
