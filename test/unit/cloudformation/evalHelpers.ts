import { createCloudFormationFrontEnd } from '../../../server/src/core/frontends/cloudformation';
import { buildCloudFormation } from '../../../server/src/core/frontends/cloudformation/eval';
import type { CfnResource } from '../../../server/src/core/frontends/cloudformation/eval/evaluated';
import type { CloudFormationParsedFile } from '../../../server/src/core/frontends/cloudformation/parsedFile';
import type { AnalysisUnit, SourceProblem, ValueTrace } from '../../../server/src/core/frontends/types';
import type { NetworkElement } from '../../../server/src/core/model/types';
import { toPlain, type Value } from '../../../server/src/core/values/value';
import { evaluateComponent } from '../../../server/src/core/frontends/cloudformation/eval/component';
import { TemplateView } from '../../../server/src/core/frontends/cloudformation/eval/template';

export const WS = 'file:///ws';
const frontEnd = createCloudFormationFrontEnd();

/** Parses files given as `{ 'path.json': text or object }` (objects are written as JSON) under file:///ws. */
export function parseFiles(files: Record<string, string | object>): Map<string, CloudFormationParsedFile> {
  const out = new Map<string, CloudFormationParsedFile>();
  for (const [path, content] of Object.entries(files)) {
    const uri = `${WS}/${path}`;
    const text = typeof content === 'string' ? content : JSON.stringify(content, null, 2);
    out.set(uri, frontEnd.parse(uri, text));
  }
  return out;
}

export interface Built {
  readonly units: readonly AnalysisUnit[];
  readonly elements: readonly NetworkElement[];
  readonly problems: readonly SourceProblem[];
  readonly traces: readonly ValueTrace[];
  element(logicalId: string, file?: string): NetworkElement;
}

export function build(files: Record<string, string | object>): Built {
  const units = buildCloudFormation(parseFiles(files), { terraformVarFiles: [] }).units;
  const elements = units.flatMap((u) => u.elements);
  return {
    units,
    elements,
    problems: units.flatMap((u) => u.problems),
    traces: units.flatMap((u) => u.traces),
    element(logicalId, file = 'template.json') {
      const id = `${WS}/${file}::${logicalId}`;
      const e = elements.find((x) => x.id === id);
      if (!e) throw new Error(`no element ${id}; have ${elements.map((x) => x.id).join(', ')}`);
      return e;
    },
  };
}

export interface Evaluated {
  readonly resources: readonly CfnResource[];
  readonly problems: readonly SourceProblem[];
  readonly traces: readonly ValueTrace[];
  /** A property of a resource as plain JS (refs as `${id.attr}`, unknown as undefined). */
  prop(logicalId: string, name: string): unknown;
  value(logicalId: string, name: string): Value | undefined;
  has(logicalId: string): boolean;
}

/** Evaluates one template (a JSON object or YAML/JSON text) as `template.json`/`template.yaml`. */
export function evaluate(template: string | object, format: 'json' | 'yaml' = 'json'): Evaluated {
  const uri = `${WS}/template.${format}`;
  const text = typeof template === 'string' ? template : JSON.stringify(template, null, 2);
  const parsed = frontEnd.parse(uri, text);
  const ev = evaluateComponent([{ view: new TemplateView(uri, parsed.tree), parameters: new Map() }]);
  const byId = new Map(ev.resources.map((r) => [r.logicalId, r]));
  const value = (logicalId: string, name: string): Value | undefined => {
    const r = byId.get(logicalId);
    if (!r) throw new Error(`no resource ${logicalId}; have ${[...byId.keys()].join(', ')}`);
    return r.properties?.k === 'map' ? r.properties.entries.get(name) : undefined;
  };
  return {
    ...ev,
    problems: [...parsed.problems, ...ev.problems],
    value,
    prop: (logicalId, name) => {
      const v = value(logicalId, name);
      return v === undefined ? undefined : toPlain(v);
    },
    has: (logicalId) => byId.has(logicalId),
  };
}

/** A template with one `AWS::EC2::Subnet` named `S` whose `CidrBlock` is `expr`, plus extra sections. */
export function withValue(expr: unknown, extra: Record<string, unknown> = {}): object {
  const resources = (extra['Resources'] as Record<string, unknown> | undefined) ?? {};
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    ...extra,
    Resources: { ...resources, S: { Type: 'AWS::EC2::Subnet', Properties: { CidrBlock: expr } } },
  };
}

export function evalValue(expr: unknown, extra: Record<string, unknown> = {}): { plain: unknown; value: Value | undefined; problems: readonly SourceProblem[]; ev: Evaluated } {
  const ev = evaluate(withValue(expr, extra));
  return { plain: ev.prop('S', 'CidrBlock'), value: ev.value('S', 'CidrBlock'), problems: ev.problems, ev };
}

/** The text a span covers. */
export function textAt(text: string, span: { start: number; end: number }): string {
  return text.slice(span.start, span.end);
}
