import type { Span } from '../../../text/span';
import { spanKey } from '../../../text/span';
import { bool, list, map, NULL, num, ref, str, unknown, type Value } from '../../../values/value';
import type { SourceProblem } from '../../types';
import { field, type TNode } from '../syntax/templateTree';
import { FOLLOWED_ATTRIBUTES } from './attributes';
import type { CfnResource } from './evaluated';
import { callIntrinsic } from './functions';
import type { ParameterValues } from './parameterFiles';
import { entrySpan, intrinsicCall, scalarString, TemplateView } from './template';
import type { TraceRecorder } from './traces';
import { isNoValue, NO_VALUE } from './values';

/** Where an expression is evaluated: the resource property it belongs to (for traces), and whether `Condition` is a function. */
export interface EvalContext {
  readonly owner?: string;
  readonly attribute?: string;
  readonly inCondition?: boolean;
  readonly depth: number;
}

export const ROOT_CONTEXT: EvalContext = { depth: 0 };

/** `Fn::ImportValue`: resolved by whoever sees every template of the workspace. */
export type ImportResolver = (nameNode: TNode, from: TemplateEvaluator, ctx: EvalContext) => Value;

export interface EvaluatorHooks {
  readonly importValue?: ImportResolver;
  readonly traces?: TraceRecorder;
  readonly problems: SourceProblem[];
  /** The region of the deployment when a setting names it: `AWS::Region`, `AWS::Partition` and `AWS::URLSuffix` follow from it. */
  readonly region?: string;
  /**
   * A nested template's parameter as its parent stack passes it (the `Parameters` of its
   * `AWS::CloudFormation::Stack`); undefined when the template is not nested or the parent does not pass it.
   */
  readonly nestedParameter?: (name: string, from: TemplateEvaluator) => Value | undefined;
  /** `Fn::GetAtt [Stack, Outputs.Name]` of a nested stack: the output of its template; undefined when not known. */
  readonly nestedOutput?: (logicalId: string, output: string, from: TemplateEvaluator, node: TNode) => Value | undefined;
}

/** Nesting deeper than this is not a template anyone writes; it ends in unknown instead of a stack overflow. */
const MAX_DEPTH = 200;

const PSEUDO_PARAMETERS = new Set([
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
]);

/** Parameter types whose `Default` is not the value (an SSM parameter name, resolved at deployment). */
const DEFERRED_PARAMETER_TYPE = /^AWS::SSM::Parameter::Value</;
const LIST_PARAMETER_TYPE = /^(CommaDelimitedList|List<.*>)$/;

/** The pseudo-parameters a region decides (partitions per AWS's docs: China and GovCloud have their own). */
function regionPseudoParameter(name: string, region: string): string | undefined {
  const partition = region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
  switch (name) {
    case 'AWS::Region':
      return region;
    case 'AWS::Partition':
      return partition;
    case 'AWS::URLSuffix':
      return partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
    default:
      return undefined;
  }
}

/**
 * Evaluates one template's intrinsic functions lazily: parameters, conditions and resource properties are
 * computed on first use and memoised, so a reference chain is followed once and a cycle is detected (it ends
 * in unknown plus an `evaluation` problem). Never throws on any tree shape.
 */
export class TemplateEvaluator {
  private readonly parameterMemo = new Map<string, Value | undefined>();
  private readonly conditionMemo = new Map<string, Value>();
  private readonly propertyMemo = new Map<string, Value | undefined>();
  private readonly inProgress = new Set<string>();
  private readonly reported = new Set<string>();

  constructor(
    readonly view: TemplateView,
    private readonly parameterInputs: ParameterValues,
    private readonly hooks: EvaluatorHooks,
  ) {}

  get uri(): string {
    return this.view.uri;
  }

  problem(span: Span, message: string, severity: SourceProblem['severity'] = 'warning'): void {
    const key = `${spanKey(span)}#${message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.hooks.problems.push({ code: 'evaluation', severity, message, span });
  }

  /** Evaluates any node; CIDR-looking results inside a resource are recorded as traces. */
  evaluate(node: TNode, ctx: EvalContext): Value {
    if (ctx.depth > MAX_DEPTH) {
      this.problem(node.span, 'This expression is nested too deeply to evaluate');
      return unknown('nested too deeply', node.span);
    }
    const inner: EvalContext = { ...ctx, depth: ctx.depth + 1 };
    const v = this.evaluateNode(node, inner);
    if (v.k === 'string' && ctx.owner !== undefined) this.hooks.traces?.record(node.span, v.v, ctx.owner, ctx.attribute);
    return v;
  }

  private evaluateNode(node: TNode, ctx: EvalContext): Value {
    switch (node.kind) {
      case 'string':
        return str(String(node.value), node.span);
      case 'number':
        return num(Number(node.value), node.span);
      case 'boolean':
        return bool(Boolean(node.value), node.span);
      case 'null':
        return { ...NULL, origin: node.span };
      case 'array': {
        const items: Value[] = [];
        for (const item of node.items) {
          const v = this.evaluate(item, ctx);
          if (!isNoValue(v)) items.push(v);
        }
        return list(items, node.span);
      }
      case 'object': {
        const call = intrinsicCall(node);
        if (call && (call.name !== 'Condition' || ctx.inCondition)) {
          return callIntrinsic(this, call.name, call.arg, call.obj, ctx);
        }
        const entries = new Map<string, Value>();
        for (const e of node.entries) {
          if (entries.has(e.key)) continue;
          const v = this.evaluate(e.value, ctx);
          if (!isNoValue(v)) entries.set(e.key, v);
        }
        return map(entries, node.span);
      }
    }
  }

  /** `Ref name`: a parameter, a pseudo-parameter or a resource. */
  refTo(name: string, node: TNode): Value {
    if (name === 'AWS::NoValue') return NO_VALUE;
    if (PSEUDO_PARAMETERS.has(name)) {
      const known = this.hooks.region !== undefined ? regionPseudoParameter(name, this.hooks.region) : undefined;
      return known !== undefined ? str(known, node.span) : unknown(`${name} is known at deployment`, node.span);
    }
    if (this.view.parameters.has(name)) return this.parameter(name) ?? unknown(`parameter ${name} has no value`, node.span);
    if (this.view.resources.has(name)) {
      if (this.resourceCondition(name).k === 'bool' && !this.resourceExists(name)) {
        this.problem(node.span, `${name} is not created (its condition is false), so it cannot be referenced here`);
        return unknown(`${name} is not created`, node.span);
      }
      return ref(this.view.elementId(name), 'Ref', node.span);
    }
    const module = this.view.moduleDefining(name);
    if (module) return unknown(`${name} is defined by module ${module}`, node.span);
    this.problem(node.span, `Ref to ${name}, which is neither a parameter nor a resource of this template`);
    return unknown(`${name} is not defined`, node.span);
  }

  /** `Fn::GetAtt [LogicalId, Attribute]`: a written network property when the attribute is one, else a reference. */
  getAtt(logicalId: string, attribute: string, node: TNode): Value {
    const type = this.view.resourceType(logicalId);
    if (!this.view.resources.has(logicalId)) {
      const module = this.view.moduleDefining(logicalId);
      if (module) return unknown(`${logicalId} is defined by module ${module}`, node.span);
      this.problem(node.span, `Fn::GetAtt of ${logicalId}, which is not a resource of this template`);
      return unknown(`${logicalId} is not defined`, node.span);
    }
    if (type === 'AWS::CloudFormation::Stack' && attribute.startsWith('Outputs.')) {
      const output = this.hooks.nestedOutput?.(logicalId, attribute.slice('Outputs.'.length), this, node);
      if (output) return output;
    }
    const property = type ? FOLLOWED_ATTRIBUTES[type]?.[attribute] : undefined;
    if (property !== undefined) {
      const v = this.propertyValue(logicalId, property, node);
      return v ?? unknown(`${logicalId}.${attribute} is not written in the template`, node.span);
    }
    return ref(this.view.elementId(logicalId), attribute, node.span);
  }

  /** A parameter's value: what a parent stack passes, else the parameter file's, else its `Default`; lists split on commas. */
  parameter(name: string): Value | undefined {
    if (this.parameterMemo.has(name)) return this.parameterMemo.get(name);
    const v = this.computeParameter(name);
    this.parameterMemo.set(name, v);
    return v;
  }

  private computeParameter(name: string): Value | undefined {
    const decl = this.view.parameters.get(name);
    if (!decl) return undefined;
    const type = scalarString(field(decl.value, 'Type')) ?? 'String';
    if (DEFERRED_PARAMETER_TYPE.test(type)) return unknown(`parameter ${name} is read from SSM at deployment`, decl.keySpan);
    const input = this.parameterInputs.get(name);
    const passed = this.hooks.nestedParameter?.(name, this);
    let value: Value;
    if (passed) value = passed;
    else if (input) value = str(input.value, input.span);
    else {
      const def = field(decl.value, 'Default');
      if (!def) return unknown(`parameter ${name} has no Default and no value in a parameter file`, decl.keySpan);
      value = this.evaluate(def, ROOT_CONTEXT);
    }
    if (LIST_PARAMETER_TYPE.test(type) && (value.k === 'string' || value.k === 'number')) {
      const text = String(value.v);
      const items = text === '' ? [] : text.split(',').map((s) => str(s.trim(), value.origin));
      return list(items, value.origin);
    }
    return value;
  }

  /** A named condition: a bool when decidable, else unknown. */
  condition(name: string, node: TNode): Value {
    const memo = this.conditionMemo.get(name);
    if (memo) return memo;
    const decl = this.view.conditions.get(name);
    if (!decl) {
      this.problem(node.span, `Condition ${name} is not defined in Conditions`);
      return unknown(`condition ${name} is not defined`, node.span);
    }
    const key = `condition\0${name}`;
    if (this.inProgress.has(key)) {
      this.problem(node.span, `Condition ${name} depends on itself`);
      return unknown(`condition ${name} depends on itself`, node.span);
    }
    this.inProgress.add(key);
    let v: Value;
    try {
      v = this.evaluate(decl.value, { depth: 0, inCondition: true });
    } finally {
      this.inProgress.delete(key);
    }
    const result = v.k === 'bool' ? v : unknown(v.k === 'unknown' ? (v.why ?? `condition ${name} is undecidable`) : `condition ${name} is not a boolean`, decl.value.span);
    this.conditionMemo.set(name, result);
    return result;
  }

  /** The value of a resource's `Condition` (true when it has none). */
  resourceCondition(logicalId: string): Value {
    const name = scalarString(field(this.view.resources.get(logicalId)?.value, 'Condition'));
    if (name === undefined) return bool(true);
    return this.condition(name, field(this.view.resources.get(logicalId)?.value, 'Condition')!);
  }

  /** False only when the resource's condition is known to be false: undecidable resources are kept. */
  resourceExists(logicalId: string): boolean {
    const c = this.resourceCondition(logicalId);
    return !(c.k === 'bool' && !c.v);
  }

  /** One written property of a resource, evaluated once; undefined when not written (or `AWS::NoValue`). */
  propertyValue(logicalId: string, property: string, from?: TNode): Value | undefined {
    const key = `${logicalId}\0${property}`;
    if (this.propertyMemo.has(key)) return this.propertyMemo.get(key);
    const node = field(field(this.view.resources.get(logicalId)?.value, 'Properties'), property);
    if (!node) return undefined;
    if (this.inProgress.has(key)) {
      this.problem(from?.span ?? node.span, `${logicalId}.${property} refers to itself through a cycle`);
      return unknown(`${logicalId}.${property} refers to itself`, from?.span ?? node.span);
    }
    this.inProgress.add(key);
    let v: Value;
    try {
      v = this.evaluate(node, { owner: this.view.elementId(logicalId), attribute: property, depth: 0 });
    } finally {
      this.inProgress.delete(key);
    }
    const result = isNoValue(v) ? undefined : v;
    this.propertyMemo.set(key, result);
    return result;
  }

  /** Every resource that exists, with its properties evaluated. */
  resources(): CfnResource[] {
    const out: CfnResource[] = [];
    for (const [logicalId, e] of this.view.resources) {
      const type = scalarString(field(e.value, 'Type'));
      if (type === undefined) continue;
      if (!this.resourceExists(logicalId)) continue;
      const propertiesNode = field(e.value, 'Properties');
      const cdkPath = scalarString(field(field(e.value, 'Metadata'), 'aws:cdk:path'));
      out.push({
        elementId: this.view.elementId(logicalId),
        logicalId,
        templateUri: this.uri,
        type,
        span: entrySpan(e),
        nameSpan: e.keySpan,
        properties: propertiesNode ? this.properties(logicalId, propertiesNode) : undefined,
        propertiesNode,
        ...(cdkPath !== undefined ? { cdkPath } : {}),
      });
    }
    return out;
  }

  private properties(logicalId: string, node: TNode): Value {
    if (node.kind !== 'object' || intrinsicCall(node)) {
      const v = this.evaluate(node, { owner: this.view.elementId(logicalId), depth: 0 });
      return isNoValue(v) ? map(new Map(), node.span) : v;
    }
    const entries = new Map<string, Value>();
    for (const e of node.entries) {
      if (entries.has(e.key)) continue;
      const v = this.propertyValue(logicalId, e.key);
      if (v !== undefined) entries.set(e.key, v);
    }
    return map(entries, node.span);
  }

  /** An output's `Value` (for `Fn::ImportValue` from another template); undefined when the output does not exist. */
  outputValue(name: string): Value | undefined {
    const out = this.view.outputs.get(name)?.value;
    const valueNode = field(out, 'Value');
    if (!valueNode) return undefined;
    const condition = scalarString(field(out, 'Condition'));
    if (condition !== undefined) {
      const c = this.condition(condition, field(out, 'Condition')!);
      if (c.k === 'bool' && !c.v) return undefined;
    }
    return this.evaluate(valueNode, ROOT_CONTEXT);
  }

  importValue(nameNode: TNode, ctx: EvalContext): Value {
    return this.hooks.importValue?.(nameNode, this, ctx) ?? unknown('Fn::ImportValue: no export of that name in the workspace', nameNode.span);
  }
}
