import type { Span } from '../../../text/span';
import { bool, list, map, num, str, UNKNOWN, unknown, type UnknownValue, unknownReason, type Value } from '../../../values/value';

/**
 * An evaluation error (missing attribute, index out of range, bad function argument) as opposed to a value
 * that is merely not known before apply. Both are `unknown` to the rest of VPC Lens; `try()` and `can()`
 * need to tell them apart.
 */
const FAILURE_PREFIX = 'evaluation error: ';

export function failure(message: string, origin?: Span): Value {
  return { k: 'unknown', why: FAILURE_PREFIX + message, origin };
}

export function isFailure(v: Value): boolean {
  return v.k === 'unknown' && v.why !== undefined && v.why.startsWith(FAILURE_PREFIX);
}

export function failureMessage(v: Value): string | undefined {
  return v.k === 'unknown' && v.why?.startsWith(FAILURE_PREFIX) ? v.why.slice(FAILURE_PREFIX.length) : undefined;
}

/**
 * The unknown a computation on `from` gives: it keeps the reason of the first of them that is not known
 * (`var.cidr has no value`), so a hover on `cidrsubnet(var.cidr, 8, 1)` can say why. Never a failure: an
 * evaluation error is returned as it is before this is reached.
 */
export function unknownFrom(...from: readonly Value[]): UnknownValue {
  for (const v of from) {
    if (isFailure(v)) continue;
    const why = unknownReason(v);
    if (why) return unknown(why);
  }
  return UNKNOWN;
}

export function typeName(v: Value): string {
  switch (v.k) {
    case 'list':
      return 'list';
    case 'map':
      return 'object';
    case 'ref':
      return 'string';
    default:
      return v.k;
  }
}

/** Terraform's number formatting: integers without a fraction, others as shortest round-trip. */
export function formatNumber(n: number): string {
  return Number.isInteger(n) ? n.toFixed(0) : String(n);
}

/** Automatic conversion to string (templates, string functions). Undefined when not convertible or unknown. */
export function asString(v: Value): string | undefined {
  switch (v.k) {
    case 'string':
      return v.v;
    case 'number':
      return formatNumber(v.v);
    case 'bool':
      return v.v ? 'true' : 'false';
    default:
      return undefined;
  }
}

export function asNumber(v: Value): number | undefined {
  if (v.k === 'number') return v.v;
  if (v.k === 'string' && v.v.trim() !== '') {
    const n = Number(v.v);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

export function asBool(v: Value): boolean | undefined {
  if (v.k === 'bool') return v.v;
  if (v.k === 'string') return v.v === 'true' ? true : v.v === 'false' ? false : undefined;
  return undefined;
}

/** Map entries in Terraform's iteration order (lexical by key). */
export function sortedEntries(v: Extract<Value, { k: 'map' }>): [string, Value][] {
  return [...v.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Deep equality of known values; undefined when either side is (or contains) unknown. */
export function valuesEqual(a: Value, b: Value): boolean | undefined {
  if (a.k === 'unknown' || b.k === 'unknown') return undefined;
  if (a.k === 'ref' || b.k === 'ref') {
    if (a.k === 'ref' && b.k === 'ref' && a.target === b.target && a.attr === b.attr) return true;
    return undefined;
  }
  if (a.k !== b.k) return false;
  switch (a.k) {
    case 'null':
      return true;
    case 'string':
    case 'number':
    case 'bool':
      return a.v === (b as typeof a).v;
    case 'list': {
      const bl = b as typeof a;
      if (a.items.length !== bl.items.length) return false;
      let result: boolean | undefined = true;
      for (let i = 0; i < a.items.length; i++) {
        const e = valuesEqual(a.items[i]!, bl.items[i]!);
        if (e === false) return false;
        if (e === undefined) result = undefined;
      }
      return result;
    }
    case 'map': {
      const bm = b as typeof a;
      if (a.entries.size !== bm.entries.size) return false;
      let result: boolean | undefined = true;
      for (const [k, av] of a.entries) {
        const bv = bm.entries.get(k);
        if (!bv) return false;
        const e = valuesEqual(av, bv);
        if (e === false) return false;
        if (e === undefined) result = undefined;
      }
      return result;
    }
  }
}

/** A plain JS value (from JSON-ish data) as a Value, all with one origin. */
export function fromPlain(x: unknown, origin?: Span): Value {
  if (x === null || x === undefined) return { k: 'null', origin };
  if (typeof x === 'string') return str(x, origin);
  if (typeof x === 'number') return num(x, origin);
  if (typeof x === 'boolean') return bool(x, origin);
  if (Array.isArray(x)) return list(x.map((e) => fromPlain(e, origin)), origin);
  return map(new Map(Object.entries(x as object).map(([k, e]) => [k, fromPlain(e, origin)])), origin);
}

/** A stable text key for set membership and distinct(); undefined for values that are not fully known. */
export function valueKey(v: Value): string | undefined {
  switch (v.k) {
    case 'unknown':
      return undefined;
    case 'null':
      return 'null';
    case 'string':
      return 's' + JSON.stringify(v.v);
    case 'number':
      return 'n' + v.v;
    case 'bool':
      return 'b' + v.v;
    case 'ref':
      return `r${v.target}.${v.attr}`;
    case 'list': {
      const parts: string[] = [];
      for (const e of v.items) {
        const k = valueKey(e);
        if (k === undefined) return undefined;
        parts.push(k);
      }
      return `[${parts.join(',')}]`;
    }
    case 'map': {
      const parts: string[] = [];
      for (const [key, e] of sortedEntries(v)) {
        const k = valueKey(e);
        if (k === undefined) return undefined;
        parts.push(`${JSON.stringify(key)}:${k}`);
      }
      return `{${parts.join(',')}}`;
    }
  }
}
