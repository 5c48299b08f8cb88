import { type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { AnalysisUnit, FrontEnd, FrontEndOutput, ParsedFile, SourceProblem, ValueTrace } from '../types';
import type { NetworkElement } from '../../model/types';
import type { EvaluatedResource } from '../terraform/evaluated';
import { resourcesToElements } from '../terraform/toModel';
import { looksLikeTerraformPlan } from './detect';
import { prop } from './jsonNodes';
import { readPlan } from './readPlan';

export { looksLikeTerraformPlan } from './detect';

/**
 * One plan file (`terraform show -json plan.out`) as kept between builds: its resources already read (plain
 * data, so a parse made in a worker thread can be handed over), not the JSON tree.
 */
export interface TerraformPlanParsedFile extends ParsedFile {
  readonly frontEnd: 'terraform-plan';
  readonly resources: readonly EvaluatedResource[];
  readonly traces: readonly ValueTrace[];
}

/** JSON syntax problems reported per plan file at most. */
const MAX_PROBLEMS = 20;

/**
 * Terraform plan JSON: every planned resource instance, with the values the plan resolved, mapped by the
 * Terraform model mapping, so a plan gives the same model as the configuration it came from. This is how
 * configurations using registry modules the editor cannot read are checked. One unit per plan file.
 */
export function createTerraformPlanFrontEnd(): FrontEnd<TerraformPlanParsedFile> {
  const units = new WeakMap<TerraformPlanParsedFile, AnalysisUnit>();
  return {
    id: 'terraform-plan',
    claims: looksLikeTerraformPlan,
    parse(uri, text) {
      try {
        return parsePlan(uri, text);
      } catch (err) {
        const message = `VPC Lens could not read this Terraform plan: ${err instanceof Error ? err.message : String(err)}`;
        return { uri, frontEnd: 'terraform-plan', resources: [], traces: [], problems: [problemAt(uri, 0, 0, message, 'evaluation')] };
      }
    },
    build(files): FrontEndOutput {
      const out: AnalysisUnit[] = [];
      for (const file of files.values()) {
        let unit = units.get(file);
        if (!unit) {
          unit = toUnit(file);
          units.set(file, unit);
        }
        out.push(unit);
      }
      return { units: out };
    },
  };
}

function parsePlan(uri: string, text: string): TerraformPlanParsedFile {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const problems: SourceProblem[] = errors
    .slice(0, MAX_PROBLEMS)
    .map((e) => problemAt(uri, e.offset, e.offset + e.length, `Invalid JSON: ${printParseErrorCode(e.error)}`, 'parse-error'));
  if (!root || root.type !== 'object' || !prop(root, 'planned_values')) {
    problems.push(problemAt(uri, 0, 0, 'This file has no planned_values: it is not Terraform plan JSON (terraform show -json plan.out)', 'evaluation'));
    return { uri, frontEnd: 'terraform-plan', resources: [], traces: [], problems };
  }
  const contents = readPlan(uri, root);
  return { uri, frontEnd: 'terraform-plan', resources: contents.resources, traces: contents.traces, problems: [...problems, ...contents.problems] };
}

function toUnit(file: TerraformPlanParsedFile): AnalysisUnit {
  const problems: SourceProblem[] = [];
  let elements: readonly NetworkElement[] = [];
  try {
    elements = resourcesToElements(file.resources);
  } catch (err) {
    problems.push(problemAt(file.uri, 0, 0, `VPC Lens could not map this plan to its network model: ${err instanceof Error ? err.message : String(err)}`, 'evaluation'));
  }
  return { key: `terraform-plan:${file.uri}`, elements, traces: file.traces, problems };
}

function problemAt(file: string, start: number, end: number, message: string, code: SourceProblem['code']): SourceProblem {
  return { code, severity: code === 'parse-error' ? 'error' : 'warning', message, span: { file, start, end } };
}
