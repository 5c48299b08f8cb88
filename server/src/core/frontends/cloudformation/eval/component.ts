import { unknown, type Value } from '../../../values/value';
import type { SourceProblem, UnitSuppression, ValueTrace } from '../../types';
import type { CfnResource } from './evaluated';
import { TemplateEvaluator, type EvalContext } from './evaluator';
import { exportsOf, matchExport, nameKeyOf, type ExportEntry } from './exports';
import type { ParameterValues } from './parameterFiles';
import { metadataSuppressions } from './suppressions';
import { type CrossStackRead, nestedStackHooks, type NestedStackLink } from './nestedStacks';
import type { TemplateView } from './template';
import { TraceRecorder } from './traces';

/** One template with the parameter values that apply to it. */
export interface TemplateInput {
  readonly view: TemplateView;
  readonly parameters: ParameterValues;
  /** The region `AWS::Region` resolves to; unknown when absent. */
  readonly region?: string;
  /** The nested stacks it creates whose templates are files (see nestedStacks.ts). */
  readonly nested?: readonly NestedStackLink[];
}

/** What evaluating a set of templates joined by exports or nesting gives: the input of the model mapping. */
export interface ComponentEvaluation {
  readonly resources: readonly CfnResource[];
  readonly traces: readonly ValueTrace[];
  readonly problems: readonly SourceProblem[];
  readonly suppressions: readonly UnitSuppression[];
}

/**
 * Evaluates templates together, so `Fn::ImportValue` in one reads the exported value of another (a
 * reference to a resource of the exporting stack stays a reference to that element), and a nested stack's
 * template reads the parameters its parent passes (nestedStacks.ts). Cross-stack cycles end in unknown with an
 * `evaluation` problem.
 */
export function evaluateComponent(templates: readonly TemplateInput[]): ComponentEvaluation {
  const problems: SourceProblem[] = [];
  const traces = new TraceRecorder();
  const evaluators = new Map<string, TemplateEvaluator>();
  const inProgress = new Set<string>();
  let exports: ExportEntry[] | undefined;

  /** Every read of one template's value by another (imports, nested stacks) goes through here, so any cycle between stacks ends. */
  const acrossStacks: CrossStackRead = (guard, span, from, cycleMessage, read) => {
    if (inProgress.has(guard)) {
      from.problem(span, cycleMessage);
      return unknown('cycle between stacks', span);
    }
    inProgress.add(guard);
    try {
      return read();
    } finally {
      inProgress.delete(guard);
    }
  };

  const importValue = (nameNode: Parameters<TemplateEvaluator['importValue']>[0], from: TemplateEvaluator, _ctx: EvalContext): Value => {
    const key = nameKeyOf(nameNode, from);
    if (!key) return unknown('Fn::ImportValue: the export name is not known here', nameNode.span);
    exports ??= [...evaluators.values()].flatMap(exportsOf);
    const match = matchExport(key, exports.filter((e) => e.templateUri !== from.uri));
    const exporter = match && evaluators.get(match.templateUri);
    if (!match || !exporter) return unknown('Fn::ImportValue: no single matching export in the workspace', nameNode.span);
    return acrossStacks(
      `${match.templateUri}#${match.outputName}`,
      nameNode.span,
      from,
      `Fn::ImportValue: the export ${match.outputName} depends on this import (a cycle between stacks)`,
      () => exporter.outputValue(match.outputName) ?? unknown('the export has no value', nameNode.span),
    );
  };

  const nested = nestedStackHooks(templates, evaluators, acrossStacks);

  for (const t of templates) {
    const hooks = { importValue, ...nested, traces, problems, ...(t.region !== undefined ? { region: t.region } : {}) };
    evaluators.set(t.view.uri, new TemplateEvaluator(t.view, t.parameters, hooks));
  }
  const resources: CfnResource[] = [];
  for (const ev of evaluators.values()) resources.push(...ev.resources());
  // Outputs are evaluated too: their problems (a bad intrinsic) belong to the template.
  for (const ev of evaluators.values()) for (const name of ev.view.outputs.keys()) ev.outputValue(name);
  return {
    resources,
    traces: traces.traces(),
    problems,
    suppressions: templates.flatMap((t) => metadataSuppressions(t.view)),
  };
}
