// What the CDK interpreter evaluates of JavaScript's arrays and `Object.entries`: the methods network code
// uses to loop, collect and pick (subnets per AZ, routes per route table, tiers of a config map).
import type { Span } from '../../../text/span';
import { prim, primOf, UNDEFINED, unknownV, type V } from './values';

/**
 * Iterations of one loop (a `for` statement, a `forEach` or `map` call): CDK network code loops over AZs,
 * subnets or a config map, a few dozen times at most. A loop that would run longer stops there; what its
 * later iterations would make is not read.
 */
export const MAX_LOOP_ITERATIONS = 1000;

/**
 * Iterations of all loops of one app together. Nested loops multiply: past this many, loops stop and the app
 * says so (a warning), instead of making tens of thousands of constructs no stack could hold (CloudFormation
 * takes 500 resources a stack).
 */
export const MAX_TOTAL_ITERATIONS = 5000;

/** Asks for one more iteration of a loop; false when the loops' budget is spent. */
export type NextIteration = () => boolean;

/** Methods `listMethod` evaluates; on a subnet selection the interpreter makes it a list first. */
export const LIST_METHODS = new Set([
  'forEach', 'map', 'filter', 'entries', 'keys', 'values', 'push', 'concat', 'slice',
  'join', 'reduce', 'find', 'findIndex', 'some', 'every', 'includes', 'indexOf', 'flatMap', 'flat', 'at', 'pop', 'shift',
]);

type ListV = Extract<V, { t: 'list' }>;
type FnV = Extract<V, { t: 'fn' }>;

/** Calls a function value with arguments (the interpreter's call, with its depth limit). */
export type CallFunction = (fn: FnV, args: readonly V[]) => V;

/**
 * The methods of LIST_METHODS on a known list.
 * Undefined for other methods (the call is then not known). A callback that is not a known function, or a
 * `filter` test that is not known, makes the result unknown.
 */
export function listMethod(list: ListV, method: string, args: readonly V[], at: Span, call: CallFunction, next: NextIteration): V | undefined {
  const items = list.items;
  const fn = args[0];
  /** Calls the callback per item (value, index, list) while `visit` says go on; false when it could not. */
  const each = (visit: (result: V, item: V) => boolean): boolean => {
    if (fn?.t !== 'fn') return false;
    for (let i = 0; i < Math.min(items.length, MAX_LOOP_ITERATIONS); i++) {
      if (!next()) return false;
      if (!visit(call(fn, [items[i]!, prim(i, at), list]), items[i]!)) return false;
    }
    return true;
  };
  switch (method) {
    case 'entries':
      return { t: 'list', items: items.map((item, i) => ({ t: 'list', items: [prim(i, at), item], at })), at };
    case 'keys':
      return { t: 'list', items: items.map((_, i) => prim(i, at)), at };
    case 'values':
      return list;
    case 'forEach':
      return each(() => true) ? UNDEFINED : unknownV('forEach of a function not known here', at);
    case 'map': {
      const out: V[] = [];
      return each((r) => (out.push(r), true)) ? { t: 'list', items: out, at } : unknownV('map of a function not known here', at);
    }
    case 'filter': {
      const out: V[] = [];
      const ok = each((r, item) => {
        const keep = truthy(r);
        if (keep === true) out.push(item);
        return keep !== undefined;
      });
      return ok ? { t: 'list', items: out, at } : unknownV('the filter is not known here', at);
    }
    case 'push':
      // As in JavaScript, the array itself grows: `subnets.push(new ec2.CfnSubnet(...))` in a loop, then
      // another loop over `subnets`. Array literals make a fresh array each time they are evaluated.
      list.items.push(...args);
      return prim(list.items.length, at);
    case 'concat': {
      const out = [...items];
      for (const a of args) {
        if (a.t === 'list') out.push(...a.items);
        else if (a.t === 'unknown') return unknownV('concat of a value not known here', at);
        else out.push(a);
      }
      return { t: 'list', items: out, at };
    }
    case 'find':
    case 'findIndex':
    case 'some':
    case 'every': {
      // The first item whose test is true (for every: false) decides; a test not known before then, the call.
      if (fn?.t !== 'fn') return unknownV(`${method} of a function not known here`, at);
      const decisive = method !== 'every';
      for (let i = 0; i < items.length; i++) {
        if (i >= MAX_LOOP_ITERATIONS || !next()) return unknownV(`${method} past the loop budget`, at);
        const t = truthy(call(fn, [items[i]!, prim(i, at), list]));
        if (t === undefined) return unknownV(`${method} of a test not known here`, at);
        if (t === decisive) return method === 'find' ? items[i]! : method === 'findIndex' ? prim(i, at) : prim(decisive, at);
      }
      return method === 'find' ? UNDEFINED : method === 'findIndex' ? prim(-1, at) : prim(!decisive, at);
    }
    case 'reduce': {
      if (fn?.t !== 'fn') return unknownV('reduce of a function not known here', at);
      let acc = args.length > 1 ? args[1]! : items[0];
      if (acc === undefined) return unknownV('reduce of an empty list without a start value', at);
      for (let i = args.length > 1 ? 0 : 1; i < items.length; i++) {
        // A partial result would be a wrong value: past the budget, the whole reduce is not known.
        if (i >= MAX_LOOP_ITERATIONS || !next()) return unknownV('reduce past the loop budget', at);
        acc = call(fn, [acc, items[i]!, prim(i, at), list]);
      }
      return acc;
    }
    case 'flatMap': {
      const out: V[] = [];
      const ok = each((r) => (r.t === 'list' ? out.push(...r.items) : out.push(r), r.t !== 'unknown'));
      return ok ? { t: 'list', items: out, at } : unknownV('flatMap of a function not known here', at);
    }
    case 'pop':
    case 'shift':
      // As in JavaScript, the array itself shrinks (`path.split('/').pop()`).
      return (method === 'pop' ? list.items.pop() : list.items.shift()) ?? UNDEFINED;
    case 'flat':
      return { t: 'list', items: items.flatMap((i) => (i.t === 'list' ? i.items : [i])), at };
    case 'join': {
      const sep = args[0] === undefined ? ',' : primOf(args[0]);
      const parts = items.map((i) => (i.t === 'prim' ? (i.v === undefined || i.v === null ? '' : String(i.v)) : undefined));
      if (typeof sep !== 'string' || parts.some((p) => p === undefined)) return unknownV('join of values not known here', at);
      return prim(parts.join(sep), at);
    }
    case 'includes':
    case 'indexOf': {
      const needle = args[0];
      if (needle?.t !== 'prim' || items.some((i) => i.t !== 'prim')) return unknownV(`${method} of values not known here`, at);
      const index = items.findIndex((i) => i.t === 'prim' && i.v === needle.v);
      return prim(method === 'includes' ? index >= 0 : index, at);
    }
    case 'at': {
      const i = primOf(args[0]);
      if (typeof i !== 'number') return unknownV('the index is not known here', at);
      return items.at(i) ?? UNDEFINED;
    }
    case 'slice': {
      const from = args[0] === undefined ? 0 : primOf(args[0]);
      const to = args[1] === undefined ? items.length : primOf(args[1]);
      if (typeof from !== 'number' || typeof to !== 'number') return unknownV('the slice bounds are not known here', at);
      return { t: 'list', items: items.slice(from, to), at };
    }
    default:
      return undefined;
  }
}

/** `Object.entries / keys / values` of a known object (insertion order, as JavaScript gives them). */
export function objectFunction(name: string, arg: V | undefined, at: Span): V | undefined {
  if (name !== 'entries' && name !== 'keys' && name !== 'values') return undefined;
  if (arg?.t !== 'obj') return unknownV(`Object.${name} of a value not known here`, at);
  const entries = [...arg.props].filter(([, s]) => !(s.value.t === 'prim' && s.value.v === undefined));
  const items: V[] = entries.map(([k, s]) =>
    name === 'keys' ? prim(k, s.keySpan ?? at) : name === 'values' ? s.value : { t: 'list', items: [prim(k, s.keySpan ?? at), s.value], at },
  );
  return { t: 'list', items, at };
}

/** Item `i` of a list (undefined past its end); of anything else, not known. */
export function itemOf(v: V, i: number): V {
  if (v.t === 'list') return v.items[i] ?? UNDEFINED;
  return unknownV(v.t === 'unknown' ? v.why : undefined);
}

/** JavaScript truthiness of a known value; undefined when unknown. */
export function truthy(v: V): boolean | undefined {
  switch (v.t) {
    case 'unknown':
      return undefined;
    case 'prim':
      return Boolean(v.v);
    default:
      return true;
  }
}
