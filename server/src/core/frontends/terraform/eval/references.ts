import type { Span } from '../../../text/span';
import { list, map, ref, str, symbolicStr, type UnknownValue, type Value, unknown } from '../../../values/value';
import type { ScopeTraversalExpr, TraversalStep } from '../syntax/ast';
import { evaluate, spanOf } from './evaluate';
import { lookupName, type Scope } from './scope';
import { asString, failure, isFailure, typeName, unknownFrom } from './valueOps';
import { CYCLE } from './context';
import { SYMBOLIC_AZ_PREFIX } from '../../../model/symbolicAz';

/** One instance of a resource or module call, reachable by reference. */
export interface Navigable {
  readonly key?: number | string;
  /** `aws_vpc.main.<name>` / `module.net.<name>`. */
  get(name: string, at: Span): Value;
  /** The instance as one object value (`aws_subnet.x` used whole, in a `for` or a splat). */
  materialize(at: Span): Value;
}

/** A resource or module call with its count/for_each instances. */
export interface InstanceCollection {
  readonly mode: 'single' | 'count' | 'for_each';
  /**
   * `known` is false when count/for_each could not be evaluated (one representative instance then); `why`
   * then says why, for the unknowns a reference to the collection gives.
   */
  expand(at: Span): { readonly known: boolean; readonly instances: readonly Navigable[]; readonly why?: string };
}

/**
 * Materialized resource objects by identity -> element id, so that `s.id` on an element of
 * `values(aws_subnet.x)` still yields a reference for attributes that are not written.
 */
const resourceObjects = new WeakMap<object, string>();

export function registerResourceObject(v: Value, elementId: string): Value {
  resourceObjects.set(v, elementId);
  return v;
}

export function evalScopeTraversal(e: ScopeTraversalExpr, scope: Scope): Value {
  const at = spanOf(scope, e);
  const bound = lookupName(scope, e.root);
  if (bound !== undefined) return applyValueSteps(bound, e.steps, scope);

  const first = e.steps[0];
  const firstName = first?.kind === 'attr' ? first.name : undefined;
  // What follows the first step is read from index 1 on (no copy of the steps for every reference).
  const mod = scope.mod;
  switch (e.root) {
    case 'var':
      return firstName === undefined ? failure('var needs a name') : applyValueSteps(mod.variable(firstName, at), e.steps, scope, 1);
    case 'local':
      return firstName === undefined ? failure('local needs a name') : applyValueSteps(mod.local(firstName, at), e.steps, scope, 1);
    case 'count':
      if (firstName !== 'index' || scope.countIndex === undefined) return failure('count.index is only available with count');
      return applyValueSteps(scope.countIndex, e.steps, scope, 1);
    case 'each':
      if (!scope.each || (firstName !== 'key' && firstName !== 'value')) return failure('each is only available with for_each');
      return applyValueSteps(firstName === 'key' ? scope.each.key : scope.each.value, e.steps, scope, 1);
    case 'path':
      if (firstName === 'module') return applyValueSteps(str(mod.pathModule, at), e.steps, scope, 1);
      if (firstName === 'root') return applyValueSteps(str('.', at), e.steps, scope, 1);
      return unknown();
    case 'terraform':
      return firstName === 'workspace' ? str('default', at) : unknown();
    case 'data':
      if (isAvailabilityZoneNames(e)) return applyValueSteps(AVAILABILITY_ZONE_NAMES, e.steps, scope, 3);
      return unknown(`${dataAddress(e)} is read from AWS when Terraform plans`);
    case 'self':
      return unknown();
    case 'module': {
      if (firstName === undefined) return failure('module needs a name');
      const call = mod.moduleCall(firstName);
      if (!call) return failure(`no module call "${firstName}"`);
      return fromCollection(call, e.steps, scope, at, 1);
    }
    default: {
      if (firstName === undefined) return failure(`unknown name "${e.root}"`);
      const resource = mod.resource(e.root, firstName);
      if (!resource) return failure(`no resource ${e.root}.${firstName}`);
      return fromCollection(resource, e.steps, scope, at, 1);
    }
  }
}

// A reference walks from a resource (or module call) to one of its instances, then into values. Each step
// is a call below, not a wrapper object per step: references are the evaluator's most frequent expression.
// Once a step yields a value, the remaining steps apply to that value (applyValueSteps), failures included.

/** `steps[i..]` applied to a resource or module call with its instances. */
function fromCollection(c: InstanceCollection, steps: readonly TraversalStep[], scope: Scope, at: Span, i: number): Value {
  const { known, instances, why } = c.expand(at);
  if (i >= steps.length) return collectionValue(c, known, instances, at, why);
  if (c.mode === 'single' && instances[0]) return fromInstance(instances[0], steps, scope, at, i);
  const step = steps[i]!;
  if (step.kind === 'index') {
    const k = evaluate(step.key, scope);
    if (isFailure(k)) return k;
    if (!known || k.k === 'unknown' || k.k === 'ref') return applyValueSteps(known ? unknownFrom(k) : unknown(why), steps, scope, i + 1);
    const key = c.mode === 'count' ? (k.k === 'number' ? k.v : Number(asString(k))) : asString(k);
    // count instances sit at their index; for_each ones are found by key.
    const atIndex = typeof key === 'number' ? instances[key] : undefined;
    const found = atIndex?.key === key ? atIndex : instances.find((inst) => inst.key === key);
    return found ? fromInstance(found, steps, scope, at, i + 1) : failure(`no instance [${JSON.stringify(key)}]`);
  }
  if (step.kind === 'splat') {
    if (!known) return applyValueSteps(unknown(why), steps, scope, i + 1);
    const each = list(
      instances.map((inst) => fromInstance(inst, step.each, scope, at, 0)),
      at,
    );
    return applyValueSteps(each, steps, scope, i + 1);
  }
  return failure(`"${step.name}" needs an instance index first (count/for_each)`);
}

/** `steps[i..]` applied to one instance. */
function fromInstance(inst: Navigable, steps: readonly TraversalStep[], scope: Scope, at: Span, i: number): Value {
  if (i >= steps.length) return inst.materialize(at);
  const step = steps[i]!;
  switch (step.kind) {
    case 'attr':
      return applyValueSteps(inst.get(step.name, at), steps, scope, i + 1);
    case 'splat':
      return applyValueSteps(list([fromInstance(inst, step.each, scope, at, 0)], at), steps, scope, i + 1);
    case 'index':
      return failure('this resource has no count or for_each to index');
  }
}

/** A resource or module call used whole: its one instance, a list (count) or a map by key (for_each). */
function collectionValue(c: InstanceCollection, known: boolean, instances: readonly Navigable[], at: Span, why?: string): Value {
  if (c.mode === 'single') return instances[0] ? instances[0].materialize(at) : unknown();
  if (!known) return unknown(why);
  if (c.mode === 'count') return list(instances.map((i) => i.materialize(at)), at);
  return map(new Map(instances.map((i) => [String(i.key), i.materialize(at)])), at);
}

/** Applies `steps[from..]` to a value. */
export function applyValueSteps(v: Value, steps: readonly TraversalStep[], scope: Scope, from = 0): Value {
  let cur = v;
  for (let i = from; i < steps.length; i++) {
    if (isFailure(cur)) return cur;
    cur = applyValueStep(cur, steps[i]!, scope);
  }
  return cur;
}

function applyValueStep(v: Value, step: TraversalStep, scope: Scope): Value {
  switch (step.kind) {
    case 'attr':
      return getAttr(v, step.name, spanOf(scope, step));
    case 'index': {
      const k = evaluate(step.key, scope);
      if (isFailure(k)) return k;
      return index(v, k);
    }
    case 'splat': {
      if (v.k === 'unknown' || v.k === 'ref') return unknownFrom(v);
      if (v.k === 'null') return list([], spanOf(scope, step));
      const items = v.k === 'list' ? v.items : [v];
      return list(
        items.map((item) => applyValueSteps(item, step.each, scope)),
        v.origin,
      );
    }
  }
}

function getAttr(v: Value, name: string, at: Span): Value {
  switch (v.k) {
    case 'map': {
      const found = v.entries.get(name);
      if (found) return found;
      const elementId = resourceObjects.get(v);
      if (elementId !== undefined) return ref(elementId, name, at);
      return failure(`the object has no attribute "${name}"`);
    }
    case 'unknown':
      return v.why === CYCLE ? v : unknownFrom(v);
    case 'ref':
      return unknownFrom(v);
    default:
      return failure(`cannot read attribute "${name}" of a ${typeName(v)}`);
  }
}

/**
 * `data.aws_availability_zones.<name>.names`: the region's AZ names, known only at plan. Element `i` is the
 * symbolic `az#i` (an index past the end fails the plan, so `names[1]` is the second AZ whatever the region).
 */
const AVAILABILITY_ZONE_NAMES: UnknownValue = { k: 'unknown', why: "the region's AZ names are known only when Terraform plans", symbolicItems: SYMBOLIC_AZ_PREFIX };

function isAvailabilityZoneNames(e: ScopeTraversalExpr): boolean {
  const [type, name, attr] = e.steps;
  return type?.kind === 'attr' && type.name === 'aws_availability_zones' && name?.kind === 'attr' && attr?.kind === 'attr' && attr.name === 'names';
}

function index(v: Value, k: Value): Value {
  if (v.k === 'unknown' && v.symbolicItems !== undefined && k.k === 'number' && Number.isInteger(k.v) && k.v >= 0) {
    return symbolicStr(`${v.symbolicItems}${k.v}`, k.origin);
  }
  if (v.k === 'unknown' || v.k === 'ref' || k.k === 'unknown' || k.k === 'ref') return unknownFrom(v, k);
  if (v.k === 'list') {
    const i = k.k === 'number' ? k.v : Number(asString(k));
    if (!Number.isInteger(i)) return failure('a list index must be a whole number');
    const item = v.items[i];
    return item ?? failure(`index ${i} is out of range for a list of ${v.items.length}`);
  }
  if (v.k === 'map') {
    const key = asString(k);
    if (key === undefined) return failure('a map key must be a string');
    const found = v.entries.get(key);
    if (found) return found;
    const elementId = resourceObjects.get(v);
    if (elementId !== undefined) return ref(elementId, key);
    return failure(`the map has no element "${key}"`);
  }
  return failure(`cannot index a ${typeName(v)}`);
}

/** `data.aws_vpc.shared` of a reference into a data source, for messages. */
function dataAddress(e: ScopeTraversalExpr): string {
  const names = [e.root];
  for (const step of e.steps.slice(0, 2)) if (step.kind === 'attr') names.push(step.name);
  return names.join('.');
}
