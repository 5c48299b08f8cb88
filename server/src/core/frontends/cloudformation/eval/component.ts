import type { Span } from '../../../text/span';
import { unknown, type Value } from '../../../values/value';
import type { SourceProblem, UnitSuppression, ValueTrace } from '../../types';
import type { CfnResource } from './evaluated';
import { TemplateEvaluator, type EvalContext } from './evaluator';
import { exportsOf, matchExport, nameKeyOf, type ExportEntry } from './exports';
import type { ParameterValues } from './parameterFiles';
import { metadataSuppressions } from './suppressions';
import type { NestedStackLink } from './nestedStacks';
import { ROOT_CONTEXT } from './evaluator';
import { field, type TNode } from '../syntax/templateTree';
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

/** What evaluating a set of templates joined by exports gives: the input of the model mapping. */
export interface ComponentEvaluation {
  readonly resources: readonly CfnResource[];
  readonly traces: readonly ValueTrace[];
  readonly problems: readonly SourceProblem[];
  readonly suppressions: readonly UnitSuppression[];
}

/**
 * Evaluates templates together, so `Fn::ImportValue` in one reads the exported value of another (a
 * reference to a resource of the exporting stack stays a reference to that element). Cross-stack cycles end
 * in unknown with an `evaluation` problem.
 */
export function evaluateComponent(templates: readonly TemplateInput[]): ComponentEvaluation {
  const problems: SourceProblem[] = [];
  const traces = new TraceRecorder();
  const evaluators = new Map<string, TemplateEvaluator>();
  const inProgress = new Set<string>();
  let exports: ExportEntry[] | undefined;

  const importValue = (nameNode: Parameters<TemplateEvaluator['importValue']>[0], from: TemplateEvaluator, _ctx: EvalContext): Value => {
    const key = nameKeyOf(nameNode, from);
    if (!key) return unknown('Fn::ImportValue: the export name is not known here', nameNode.span);
    exports ??= [...evaluators.values()].flatMap(exportsOf);
    const match = matchExport(key, exports.filter((e) => e.templateUri !== from.uri));
    const exporter = match && evaluators.get(match.templateUri);
    if (!match || !exporter) return unknown('Fn::ImportValue: no single matching export in the workspace', nameNode.span);
    const guard = `${match.templateUri}#${match.outputName}`;
    if (inProgress.has(guard)) {
      from.problem(nameNode.span, `Fn::ImportValue: the export ${match.outputName} depends on this import (a cycle between stacks)`);
      return unknown('cycle between stacks', nameNode.span);
    }
    inProgress.add(guard);
    try {
      return exporter.outputValue(match.outputName) ?? unknown('the export has no value', nameNode.span);
    } finally {
      inProgress.delete(guard);
    }
  };

  // A nested template takes its parameters from its parent's stack resource, when exactly one creates it.
  const parentOf = new Map<string, { readonly parentUri: string; readonly logicalId: string } | null>();
  const childOf = new Map<string, string>();
  for (const t of templates) {
    for (const link of t.nested ?? []) {
      childOf.set(`${t.view.uri}#${link.logicalId}`, link.templateUri);
      parentOf.set(link.templateUri, parentOf.has(link.templateUri) ? null : { parentUri: t.view.uri, logicalId: link.logicalId });
    }
  }
  const nestedParameter = (name: string, from: TemplateEvaluator): Value | undefined => {
    const link = parentOf.get(from.uri);
    const parent = link && evaluators.get(link.parentUri);
    if (!link || !parent) return undefined;
    const passed = field(field(field(parent.view.resources.get(link.logicalId)?.value, 'Properties'), 'Parameters'), name);
    if (!passed) return undefined;
    return acrossStacks(`${from.uri}#parameter#${name}`, passed.span, from, () => parent.evaluate(passed, ROOT_CONTEXT));
  };
  const nestedOutput = (logicalId: string, output: string, from: TemplateEvaluator, node: TNode): Value | undefined => {
    const child = evaluators.get(childOf.get(`${from.uri}#${logicalId}`) ?? '');
    if (!child) return undefined;
    return acrossStacks(`${child.uri}#output#${output}`, node.span, from, () => child.outputValue(output) ?? unknown(`the nested stack has no output ${output}`, node.span));
  };
  /** A value one template reads from another; a cycle between them ends in unknown and a problem. */
  const acrossStacks = (guard: string, span: Span, from: TemplateEvaluator, read: () => Value): Value => {
    if (inProgress.has(guard)) {
      from.problem(span, 'This value depends on itself through a nested stack (a cycle between stacks)');
      return unknown('cycle between stacks', span);
    }
    inProgress.add(guard);
    try {
      return read();
    } finally {
      inProgress.delete(guard);
    }
  };

  for (const t of templates) {
    const hooks = { importValue, nestedParameter, nestedOutput, traces, problems, ...(t.region !== undefined ? { region: t.region } : {}) };
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
