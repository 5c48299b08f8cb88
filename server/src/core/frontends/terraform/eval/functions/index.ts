import { type Value, unknown } from '../../../../values/value';
import { isFailure } from '../valueOps';
import { CIDR_FUNCTIONS } from './cidr';
import { COLLECTION_FUNCTIONS, CONVERSION_FUNCTIONS } from './collections';
import { FILE_FUNCTIONS } from './files';
import { JSON_FUNCTIONS } from './json';
import { NUMBER_FUNCTIONS } from './numbers';
import { STRING_FUNCTIONS } from './strings';
import { YAML_FUNCTIONS } from './yaml';
import { type FnContext, Stop, type TfFunction } from './support';

export type { FnContext } from './support';

const FUNCTIONS: ReadonlyMap<string, TfFunction> = new Map(
  Object.entries({
    ...CIDR_FUNCTIONS,
    ...STRING_FUNCTIONS,
    ...COLLECTION_FUNCTIONS,
    ...CONVERSION_FUNCTIONS,
    ...NUMBER_FUNCTIONS,
    ...JSON_FUNCTIONS,
    ...YAML_FUNCTIONS,
    ...FILE_FUNCTIONS,
  }),
);

/** Functions whose arguments must not be evaluated up front (they catch errors): handled by the evaluator. */
export const LAZY_FUNCTIONS = new Set(['try', 'can']);

export function isKnownFunction(name: string): boolean {
  return FUNCTIONS.has(name) || LAZY_FUNCTIONS.has(name);
}

/**
 * Calls a Terraform built-in. An argument that failed makes the call fail (so `try()` can catch it); an
 * unknown function (provider functions, ones not implemented) is unknown. Never throws.
 */
export function callFunction(name: string, args: readonly Value[], ctx: FnContext): Value {
  const fn = FUNCTIONS.get(name);
  if (!fn) return unknown(`${name}() is not evaluated by VPC Lens`);
  for (const a of args) if (isFailure(a)) return a;
  try {
    return fn(args, ctx);
  } catch (e) {
    if (e instanceof Stop) return e.value;
    return ctx.fail(`${name}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
