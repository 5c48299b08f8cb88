import type { Span } from '../../../../text/span';
import { type Value, unknown } from '../../../../values/value';
import { asBool, asNumber, asString, typeName, unknownFrom } from '../valueOps';

/** What a function implementation may do besides computing: report an error, charge work. */
export interface FnContext {
  /** The call expression: the origin of computed results. */
  readonly at: Span;
  /** An error in the arguments: reported (unless inside try/can) and evaluated as unknown. */
  fail(message: string): Value;
  /** Charges `units` of work; false when the evaluation budget is exhausted (the caller returns unknown). */
  charge(units: number): boolean;
  /**
   * A file as Terraform's file functions name it (relative to the root module's folder, where Terraform runs,
   * or absolute): its URI, and its text when the workspace holds it.
   */
  readFile(path: string): { readonly uri: string; readonly text: string | undefined } | undefined;
}

export type TfFunction = (args: readonly Value[], ctx: FnContext) => Value;

/**
 * Thrown inside a function implementation to end it with a value (unknown argument, failed check).
 * Caught by the dispatcher; never leaves the functions module.
 */
export class Stop {
  constructor(readonly value: Value) {}
}

/** Deepest nesting the YAML and JSON decoders follow (a document deeper than this is not a network description). */
export const MAX_DECODE_DEPTH = 200;

/**
 * The file a string argument is the whole text of, when `file()` read it (its origin spans the file): the
 * decoders then give each value its place in that file, so that a finding about it is reported there.
 */
export function wholeFileOf(argument: Value, text: string): string | undefined {
  const origin = argument.origin;
  return origin && origin.start === 0 && origin.end === text.length ? origin.file : undefined;
}

/** Ends the function with unknown; with the argument that is not known, its reason is the result's. */
export function stopUnknown(from?: Value): never {
  throw new Stop(from ? unknownFrom(from) : unknown());
}

/** Why a symbolic AZ name (`az#0`) is not known as text. */
const SYMBOLIC_TEXT = "the region's AZ names are known only when Terraform plans";

export function stopFail(ctx: FnContext, message: string): never {
  throw new Stop(ctx.fail(message));
}

function isOpaque(v: Value): boolean {
  return v.k === 'unknown' || v.k === 'ref';
}

export function arg(args: readonly Value[], i: number, ctx: FnContext): Value {
  const v = args[i];
  if (!v) stopFail(ctx, `missing argument ${i + 1}`);
  return v;
}

/** A string argument; a symbolic one (`az#0`) is unknown here: a function reads its text, which is not known. */
export function needString(v: Value, ctx: FnContext, what = 'argument'): string {
  if (isOpaque(v)) stopUnknown(v);
  if (v.k === 'string' && v.symbolic) throw new Stop(unknown(SYMBOLIC_TEXT));
  const s = asString(v);
  if (s === undefined) stopFail(ctx, `${what} must be a string, got ${typeName(v)}`);
  return s;
}

export function needNumber(v: Value, ctx: FnContext, what = 'argument'): number {
  if (isOpaque(v)) stopUnknown(v);
  const n = asNumber(v);
  if (n === undefined) stopFail(ctx, `${what} must be a number, got ${typeName(v)}`);
  return n;
}

export function needInteger(v: Value, ctx: FnContext, what = 'argument'): number {
  const n = needNumber(v, ctx, what);
  if (!Number.isInteger(n)) stopFail(ctx, `${what} must be a whole number, got ${n}`);
  return n;
}

export function needBool(v: Value, ctx: FnContext, what = 'argument'): boolean {
  if (isOpaque(v)) stopUnknown(v);
  const b = asBool(v);
  if (b === undefined) stopFail(ctx, `${what} must be a bool, got ${typeName(v)}`);
  return b;
}

export function needList(v: Value, ctx: FnContext, what = 'argument'): readonly Value[] {
  if (isOpaque(v)) stopUnknown(v);
  if (v.k !== 'list') stopFail(ctx, `${what} must be a list, got ${typeName(v)}`);
  return v.items;
}

export function needMap(v: Value, ctx: FnContext, what = 'argument'): ReadonlyMap<string, Value> {
  if (isOpaque(v)) stopUnknown(v);
  if (v.k !== 'map') stopFail(ctx, `${what} must be a map or object, got ${typeName(v)}`);
  return v.entries;
}

/** Strings of a list; stops with unknown when one of them is unknown. */
export function needStrings(v: Value, ctx: FnContext, what = 'argument'): string[] {
  return needList(v, ctx, what).map((e) => needString(e, ctx, `every element of ${what}`));
}
