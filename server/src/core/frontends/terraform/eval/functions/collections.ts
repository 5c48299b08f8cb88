import { bool, list, map, num, NULL, str, symbolicStr, type Value, unknown } from '../../../../values/value';
import { asString, sortedEntries, valueKey, valuesEqual } from '../valueOps';
import {
  arg,
  type FnContext,
  needBool,
  needInteger,
  needList,
  needMap,
  needNumber,
  needString,
  stopFail,
  stopUnknown,
  type TfFunction,
} from './support';

/** Larger lists than this are not built (range(), chunklist ...): the result is unknown with a problem. */
export const MAX_LIST_LENGTH = 10_000;

function checkSize(n: number, ctx: FnContext, fn: string): void {
  if (n > MAX_LIST_LENGTH) stopFail(ctx, `${fn}: a list of ${n} elements is more than VPC Lens evaluates (${MAX_LIST_LENGTH})`);
  if (!ctx.charge(n)) stopUnknown();
}

/** Sets are lists without duplicates; Terraform orders sets of strings lexically. */
export function toSet(items: readonly Value[], origin: Value['origin']): Value {
  const seen = new Set<string>();
  const out: Value[] = [];
  for (const e of items) {
    const k = valueKey(e);
    if (k === undefined) return unknown();
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(e);
  }
  if (out.every((e) => e.k === 'string')) {
    out.sort((a, b) => {
      const x = (a as { v: string }).v;
      const y = (b as { v: string }).v;
      return x < y ? -1 : x > y ? 1 : 0;
    });
  }
  return list(out, origin);
}

function collectionLength(v: Value, ctx: FnContext): number {
  if (v.k === 'list') return v.items.length;
  if (v.k === 'map') return v.entries.size;
  if (v.k === 'string') return [...v.v].length;
  if (v.k === 'unknown' || v.k === 'ref') return stopUnknown(v);
  return stopFail(ctx, `length: the argument must be a list, map or string`);
}

function flattenInto(items: readonly Value[], out: Value[], ctx: FnContext): void {
  for (const e of items) {
    if (e.k === 'list') flattenInto(e.items, out, ctx);
    else if (e.k === 'unknown') stopUnknown(e);
    else out.push(e);
  }
  if (!ctx.charge(items.length)) stopUnknown();
}

export const COLLECTION_FUNCTIONS: Record<string, TfFunction> = {
  length: (args, ctx) => num(collectionLength(arg(args, 0, ctx), ctx), ctx.at),
  element: (args, ctx) => {
    const items = needList(arg(args, 0, ctx), ctx, 'list');
    const i = needInteger(arg(args, 1, ctx), ctx, 'index');
    if (items.length === 0) stopFail(ctx, 'element: cannot use element function with an empty list');
    if (i < 0) stopFail(ctx, 'element: the index must not be negative');
    return items[i % items.length]!;
  },
  concat: (args, ctx) => {
    const out: Value[] = [];
    for (const a of args) out.push(...needList(a, ctx, 'every argument'));
    checkSize(out.length, ctx, 'concat');
    return list(out, ctx.at);
  },
  lookup: (args, ctx) => {
    const entries = needMap(arg(args, 0, ctx), ctx, 'map');
    const key = needString(arg(args, 1, ctx), ctx, 'key');
    const found = entries.get(key);
    if (found) return found;
    if (args.length > 2) return args[2]!;
    return stopFail(ctx, `lookup: the map has no element "${key}"`);
  },
  merge: (args, ctx) => {
    const out = new Map<string, Value>();
    for (const a of args) {
      if (a.k === 'null') continue;
      for (const [k, v] of needMap(a, ctx, 'every argument')) out.set(k, v);
    }
    return map(out, ctx.at);
  },
  keys: (args, ctx) => {
    const m = arg(args, 0, ctx);
    needMap(m, ctx);
    return list(sortedEntries(m as Extract<Value, { k: 'map' }>).map(([k]) => str(k, ctx.at)), ctx.at);
  },
  values: (args, ctx) => {
    const m = arg(args, 0, ctx);
    needMap(m, ctx);
    return list(sortedEntries(m as Extract<Value, { k: 'map' }>).map(([, v]) => v), ctx.at);
  },
  zipmap: (args, ctx) => {
    const ks = needList(arg(args, 0, ctx), ctx, 'keys');
    const vs = needList(arg(args, 1, ctx), ctx, 'values');
    if (ks.length !== vs.length) stopFail(ctx, 'zipmap: the keys and values lists must have the same length');
    const out = new Map<string, Value>();
    ks.forEach((k, i) => out.set(needString(k, ctx, 'every key'), vs[i]!));
    return map(out, ctx.at);
  },
  flatten: (args, ctx) => {
    const out: Value[] = [];
    flattenInto(needList(arg(args, 0, ctx), ctx), out, ctx);
    return list(out, ctx.at);
  },
  range: (args, ctx) => {
    if (args.length === 0 || args.length > 3) stopFail(ctx, 'range: takes one to three numbers');
    const ns = args.map((a) => needNumber(a, ctx));
    const [start, limit, step] = ns.length === 1 ? [0, ns[0]!, 1] : [ns[0]!, ns[1]!, ns[2] ?? (ns[1]! >= ns[0]! ? 1 : -1)];
    if (step === 0) stopFail(ctx, 'range: the step must not be zero');
    const count = Math.max(0, Math.ceil((limit - start) / step));
    checkSize(count, ctx, 'range');
    const out: Value[] = [];
    for (let i = 0; i < count; i++) out.push(num(start + i * step, ctx.at));
    return list(out, ctx.at);
  },
  contains: (args, ctx) => {
    const items = needList(arg(args, 0, ctx), ctx, 'list');
    const target = arg(args, 1, ctx);
    let sawUnknown = false;
    for (const e of items) {
      const eq = valuesEqual(e, target);
      if (eq) return bool(true, ctx.at);
      if (eq === undefined) sawUnknown = true;
    }
    return sawUnknown ? unknown() : bool(false, ctx.at);
  },
  index: (args, ctx) => {
    const items = needList(arg(args, 0, ctx), ctx, 'list');
    const target = arg(args, 1, ctx);
    for (let i = 0; i < items.length; i++) {
      const eq = valuesEqual(items[i]!, target);
      if (eq === undefined) return unknown();
      if (eq) return num(i, ctx.at);
    }
    return stopFail(ctx, 'index: the item was not found in the list');
  },
  distinct: (args, ctx) => {
    const items = needList(arg(args, 0, ctx), ctx, 'list');
    const seen = new Set<string>();
    const out: Value[] = [];
    for (const e of items) {
      const k = valueKey(e);
      if (k === undefined) return unknown();
      if (!seen.has(k)) {
        seen.add(k);
        out.push(e);
      }
    }
    return list(out, ctx.at);
  },
  slice: (args, ctx) => {
    const source = arg(args, 0, ctx);
    const from = needInteger(arg(args, 1, ctx), ctx, 'start index');
    const to = needInteger(arg(args, 2, ctx), ctx, 'end index');
    if (source.k === 'unknown' || source.k === 'ref') {
      // A slice of a list known only at apply has known length all the same (the plan fails if the list is
      // shorter): `slice(data.aws_availability_zones.available.names, 0, 3)` is three AZs, so what is counted
      // or numbered by it (`count`, `for i, az in ...`, the `cidrsubnet` of each) is known.
      if (from < 0 || from > to) stopFail(ctx, `slice: indexes ${from}..${to} are out of range`);
      checkSize(to - from, ctx, 'slice');
      const prefix = source.k === 'unknown' ? source.symbolicItems : undefined;
      return list(
        Array.from({ length: to - from }, (_, i) => (prefix === undefined ? unknown() : symbolicStr(`${prefix}${from + i}`, ctx.at))),
        ctx.at,
      );
    }
    const items = needList(source, ctx, 'list');
    if (from < 0 || to > items.length || from > to) {
      stopFail(ctx, `slice: indexes ${from}..${to} are out of range for a list of ${items.length}`);
    }
    return list(items.slice(from, to), ctx.at);
  },
  reverse: (args, ctx) => list([...needList(arg(args, 0, ctx), ctx)].reverse(), ctx.at),
  sort: (args, ctx) => {
    const items = needList(arg(args, 0, ctx), ctx, 'list');
    const texts = items.map((e) => needString(e, ctx, 'every element'));
    return list(texts.sort().map((t) => str(t, ctx.at)), ctx.at);
  },
  compact: (args, ctx) => {
    const items = needList(arg(args, 0, ctx), ctx, 'list');
    const out: Value[] = [];
    for (const e of items) {
      if (e.k === 'unknown') return unknown();
      if (e.k === 'null' || (e.k === 'string' && e.v === '')) continue;
      out.push(e);
    }
    return list(out, ctx.at);
  },
  one: (args, ctx) => {
    const v = arg(args, 0, ctx);
    if (v.k === 'null') return NULL;
    const items = needList(v, ctx, 'list');
    if (items.length === 0) return { k: 'null', origin: ctx.at };
    if (items.length > 1) stopFail(ctx, `one: the list must have at most one element, it has ${items.length}`);
    return items[0]!;
  },
  coalesce: (args, ctx) => {
    for (const a of args) {
      if (a.k === 'unknown') return unknown();
      if (a.k === 'null' || (a.k === 'string' && a.v === '')) continue;
      return a;
    }
    return stopFail(ctx, 'coalesce: no non-null, non-empty argument');
  },
  coalescelist: (args, ctx) => {
    for (const a of args) {
      const items = needList(a, ctx, 'every argument');
      if (items.length > 0) return a;
    }
    return stopFail(ctx, 'coalescelist: no non-empty list argument');
  },
  chunklist: (args, ctx) => {
    const items = needList(arg(args, 0, ctx), ctx, 'list');
    const size = needInteger(arg(args, 1, ctx), ctx, 'size');
    if (size < 0) stopFail(ctx, 'chunklist: the size must not be negative');
    if (size === 0) return list([list(items, ctx.at)], ctx.at);
    const out: Value[] = [];
    for (let i = 0; i < items.length; i += size) out.push(list(items.slice(i, i + size), ctx.at));
    return list(out, ctx.at);
  },
  alltrue: (args, ctx) => bool(needList(arg(args, 0, ctx), ctx).every((e) => needBool(e, ctx)), ctx.at),
  anytrue: (args, ctx) => {
    const flags = needList(arg(args, 0, ctx), ctx).map((e) => (e.k === 'unknown' ? undefined : needBool(e, ctx)));
    if (flags.includes(true)) return bool(true, ctx.at);
    return flags.includes(undefined) ? unknown() : bool(false, ctx.at);
  },
  sum: (args, ctx) => {
    const items = needList(arg(args, 0, ctx), ctx);
    if (items.length === 0) stopFail(ctx, 'sum: cannot sum an empty list');
    return num(items.reduce((acc, e) => acc + needNumber(e, ctx, 'every element'), 0), ctx.at);
  },
  setunion: (args, ctx) => toSet(args.flatMap((a) => needList(a, ctx, 'every argument')), ctx.at),
  setintersection: (args, ctx) => {
    const [first, ...rest] = args.map((a) => needList(a, ctx, 'every argument'));
    if (!first) return list([], ctx.at);
    const restKeys = rest.map((r) => new Set(r.map((e) => valueKey(e) ?? stopUnknown())));
    return toSet(first.filter((e) => restKeys.every((s) => s.has(valueKey(e) ?? stopUnknown()))), ctx.at);
  },
  setsubtract: (args, ctx) => {
    const a = needList(arg(args, 0, ctx), ctx);
    const b = new Set(needList(arg(args, 1, ctx), ctx).map((e) => valueKey(e) ?? stopUnknown()));
    return toSet(a.filter((e) => !b.has(valueKey(e) ?? stopUnknown())), ctx.at);
  },
  setproduct: (args, ctx) => {
    let acc: Value[][] = [[]];
    for (const a of args) {
      const items = needList(a, ctx, 'every argument');
      checkSize(acc.length * items.length, ctx, 'setproduct');
      acc = acc.flatMap((prefix) => items.map((e) => [...prefix, e]));
    }
    return list(acc.map((t) => list(t, ctx.at)), ctx.at);
  },
  transpose: (args, ctx) => {
    const out = new Map<string, string[]>();
    for (const [k, v] of needMap(arg(args, 0, ctx), ctx)) {
      for (const s of needList(v, ctx).map((e) => needString(e, ctx))) {
        const l = out.get(s) ?? [];
        l.push(k);
        out.set(s, l);
      }
    }
    return map(new Map([...out].map(([k, l]) => [k, list(l.map((s) => str(s, ctx.at)), ctx.at)])), ctx.at);
  },
};

/** Collection conversions and type conversions. */
export const CONVERSION_FUNCTIONS: Record<string, TfFunction> = {
  tolist: (args, ctx) => list(needList(arg(args, 0, ctx), ctx), ctx.at),
  toset: (args, ctx) => toSet(needList(arg(args, 0, ctx), ctx), ctx.at),
  tomap: (args, ctx) => map(needMap(arg(args, 0, ctx), ctx), ctx.at),
  tostring: (args, ctx) => {
    const v = arg(args, 0, ctx);
    if (v.k === 'null') return v;
    if (v.k === 'unknown' || v.k === 'ref') return v;
    const s = asString(v);
    return s === undefined ? stopFail(ctx, 'tostring: cannot convert a collection to a string') : str(s, v.origin ?? ctx.at);
  },
  tonumber: (args, ctx) => {
    const v = arg(args, 0, ctx);
    if (v.k === 'null') return v;
    return num(needNumber(v, ctx), v.origin ?? ctx.at);
  },
  tobool: (args, ctx) => {
    const v = arg(args, 0, ctx);
    if (v.k === 'null') return v;
    return bool(needBool(v, ctx), v.origin ?? ctx.at);
  },
  type: () => unknown(),
  sensitive: (args, ctx) => arg(args, 0, ctx),
  nonsensitive: (args, ctx) => arg(args, 0, ctx),
};

