// What the CDK interpreter evaluates of JavaScript's strings, numbers and `Math`: the calls apps make to
// compute addresses (`cidr.split('/')[0]`, `parseInt(octet)`, `(n >>> 8) & 255`, `parts.join('.')`,
// `Math.pow(2, 32 - prefix)`). Pure: known arguments in, a known value out; anything else is not known.
import type { Span } from '../../../text/span';
import { prim, unknownV, type V } from './values';

type Prim = string | number | boolean | null | undefined;

/** Longest string a call may make: a runaway `repeat` or `padStart` stays unknown rather than eating memory. */
const MAX_STRING = 100_000;

function primArgs(args: readonly V[]): Prim[] | undefined {
  const out: Prim[] = [];
  for (const a of args) {
    if (a.t !== 'prim') return undefined;
    out.push(a.v);
  }
  return out;
}

function result(v: unknown, at: Span): V {
  if (typeof v === 'string') return v.length > MAX_STRING ? unknownV('the string is too long to evaluate', at) : prim(v, at);
  if (typeof v === 'number' || typeof v === 'boolean' || v === undefined || v === null) return prim(v as Prim, at);
  if (Array.isArray(v)) return { t: 'list', items: v.map((x) => result(x, at)), at };
  return unknownV(undefined, at);
}

const STRING_METHODS = new Set([
  'split', 'slice', 'substring', 'substr', 'replace', 'replaceAll', 'startsWith', 'endsWith', 'includes', 'indexOf',
  'lastIndexOf', 'toUpperCase', 'toLowerCase', 'trim', 'trimStart', 'trimEnd', 'padStart', 'padEnd', 'concat',
  'charAt', 'at', 'repeat', 'toString',
]);

/** A method of a known string with known (primitive, non-regex) arguments; undefined for one not evaluated. */
export function stringMethod(s: string, method: string, args: readonly V[], at: Span): V | undefined {
  if (!STRING_METHODS.has(method)) return undefined;
  const a = primArgs(args);
  if (!a || a.some((x) => typeof x === 'object')) return unknownV(`${method}(...) of arguments not known here`, at);
  if ((method === 'repeat' || method === 'padStart' || method === 'padEnd') && Number(a[0]) > MAX_STRING) return unknownV('the string is too long to evaluate', at);
  // Every argument is a primitive (strings, not regular expressions): the call cannot run user code.
  const fn = (String.prototype as unknown as Record<string, (...xs: Prim[]) => unknown>)[method];
  return fn ? result(fn.apply(s, a), at) : undefined;
}

/** `n.toString(radix)`, `n.toFixed(digits)` of a known number. */
export function numberMethod(n: number, method: string, args: readonly V[], at: Span): V | undefined {
  const a = primArgs(args);
  if (!a) return unknownV(`${method}(...) of arguments not known here`, at);
  try {
    if (method === 'toString') return prim(n.toString(a[0] === undefined ? 10 : Number(a[0])), at);
    if (method === 'toFixed') return prim(n.toFixed(a[0] === undefined ? 0 : Number(a[0])), at);
  } catch {
    return unknownV(`${method}(...) throws here`, at);
  }
  return undefined;
}

const MATH_FUNCTIONS = new Set(['floor', 'ceil', 'round', 'trunc', 'abs', 'pow', 'min', 'max', 'log2', 'sqrt', 'sign']);

/** `Math.floor(x)` and kin on known numbers. */
export function mathFunction(name: string, args: readonly V[], at: Span): V | undefined {
  if (!MATH_FUNCTIONS.has(name)) return undefined;
  const a = primArgs(args);
  if (!a || a.some((x) => typeof x !== 'number')) return unknownV(`Math.${name}(...) of a value not known here`, at);
  const fn = (Math as unknown as Record<string, (...xs: number[]) => number>)[name]!;
  return prim(fn(...(a as number[])), at);
}

/** `parseInt`, `parseFloat`, `Number(x)`, `String(x)`, `Boolean(x)` called on known values. */
export function globalFunction(name: string, args: readonly V[], at: Span): V | undefined {
  if (!['parseInt', 'parseFloat', 'Number', 'String', 'Boolean'].includes(name)) return undefined;
  const a = primArgs(args);
  if (!a) return unknownV(`${name}(...) of a value not known here`, at);
  switch (name) {
    case 'parseInt':
      return prim(parseInt(String(a[0]), a[1] === undefined ? undefined : Number(a[1])), at);
    case 'parseFloat':
      return prim(parseFloat(String(a[0])), at);
    case 'Number':
      return prim(a.length === 0 ? 0 : Number(a[0]), at);
    case 'String':
      return prim(a.length === 0 ? '' : String(a[0]), at);
    default:
      return prim(Boolean(a[0]), at);
  }
}

/** Integer and bitwise binary operators on known numbers (`>>>`, `&`, `|`, `^`, `<<`, `>>`). */
export function bitwise(op: string, a: number, b: number, at: Span): V | undefined {
  switch (op) {
    case '&':
      return prim(a & b, at);
    case '|':
      return prim(a | b, at);
    case '^':
      return prim(a ^ b, at);
    case '<<':
      return prim(a << b, at);
    case '>>':
      return prim(a >> b, at);
    case '>>>':
      return prim(a >>> b, at);
    default:
      return undefined;
  }
}
