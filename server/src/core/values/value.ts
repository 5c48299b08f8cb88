import type { Span } from '../text/span';

/**
 * A value computed by a front-end's evaluator. Format-neutral: Terraform expressions, CloudFormation
 * intrinsics and CDK props all evaluate to these. `origin` is where the value was written (the literal a
 * module input came from), which is where a finding about it is reported.
 */
export type Value =
  | UnknownValue
  | NullValue
  | StringValue
  | NumberValue
  | BoolValue
  | ListValue
  | MapValue
  | RefValue;

interface Base {
  readonly origin?: Span;
}

/** A value that could not be resolved. Never guessed: rules skip it. */
export interface UnknownValue extends Base {
  readonly k: 'unknown';
  readonly why?: string;
  /**
   * A list of unknown length whose element `i`, where it exists, is the string `${symbolicItems}${i}`: the
   * names of a region's availability zones, which a front-end can only order (`az#0`, `az#1`, as CloudFormation's
   * `!GetAZs` and CDK give them). Indexing it gives that string; its length, and so anything that counts or
   * wraps around it, stays unknown.
   */
  readonly symbolicItems?: string;
}
export interface NullValue extends Base {
  readonly k: 'null';
}
export interface StringValue extends Base {
  readonly k: 'string';
  readonly v: string;
  /**
   * A name only its place is known of (`az#0`, an element of `UnknownValue.symbolicItems`): it can be carried,
   * compared with its kind and used as a key, but what functions read from its text (a regular expression,
   * a substring) is unknown. Text built around it (a template, a `for_each` key) is plain text that still
   * says `az#0`, which is how the model and the rules recognise a symbolic AZ.
   */
  readonly symbolic?: true;
}
export interface NumberValue extends Base {
  readonly k: 'number';
  readonly v: number;
}
export interface BoolValue extends Base {
  readonly k: 'bool';
  readonly v: boolean;
}
/** Tuples, lists and sets. */
export interface ListValue extends Base {
  readonly k: 'list';
  readonly items: readonly Value[];
}
/** Objects and maps (insertion-ordered; Terraform sorts map keys where the language does). */
export interface MapValue extends Base {
  readonly k: 'map';
  readonly entries: ReadonlyMap<string, Value>;
}
/**
 * An attribute of a model element that is only known after deployment (`aws_vpc.main.id`, `!Ref MyVpc`,
 * `!GetAtt Vpc.DefaultSecurityGroup`). `target` is the model element id it points to.
 */
export interface RefValue extends Base {
  readonly k: 'ref';
  readonly target: string;
  readonly attr: string;
}

export const UNKNOWN: UnknownValue = { k: 'unknown' };
export const NULL: NullValue = { k: 'null' };

export function unknown(why?: string, origin?: Span): UnknownValue {
  return why || origin ? { k: 'unknown', why, origin } : UNKNOWN;
}

/**
 * Why a value is not known, in words for a hover: an unknown's own reason, or for a reference to an attribute
 * nobody wrote, that AWS sets it (`aws_vpc.main.ipv6_cidr_block`). Undefined for known values.
 */
export function unknownReason(v: Value): string | undefined {
  if (v.k === 'unknown') return v.why;
  if (v.k === 'ref') return `${elementAddress(v.target)}.${v.attr} is set by AWS when the resource is created`;
  return undefined;
}

/** `aws_vpc.main` of the element id `file:///w::aws_vpc.main` (every front-end's ids are `<file or folder>::<address>`). */
function elementAddress(id: string): string {
  const at = id.lastIndexOf('::');
  return at < 0 ? id : id.slice(at + 2);
}

export function str(v: string, origin?: Span): StringValue {
  return { k: 'string', v, origin };
}
export function symbolicStr(v: string, origin?: Span): StringValue {
  return { k: 'string', v, origin, symbolic: true };
}
export function num(v: number, origin?: Span): NumberValue {
  return { k: 'number', v, origin };
}
export function bool(v: boolean, origin?: Span): BoolValue {
  return { k: 'bool', v, origin };
}
export function list(items: readonly Value[], origin?: Span): ListValue {
  return { k: 'list', items, origin };
}
export function map(entries: ReadonlyMap<string, Value>, origin?: Span): MapValue {
  return { k: 'map', entries, origin };
}
export function ref(target: string, attr: string, origin?: Span): RefValue {
  return { k: 'ref', target, attr, origin };
}

/** The same value, re-attributed to another origin (only when it has none of its own). */
export function withOrigin<V extends Value>(value: V, origin: Span | undefined): V {
  if (!origin || value.origin) return value;
  return { ...value, origin };
}

export function isKnown(v: Value | undefined): boolean {
  return v !== undefined && v.k !== 'unknown';
}

/** True when the value or anything inside it is unknown. */
export function containsUnknown(v: Value): boolean {
  switch (v.k) {
    case 'unknown':
      return true;
    case 'list':
      return v.items.some(containsUnknown);
    case 'map':
      for (const e of v.entries.values()) if (containsUnknown(e)) return true;
      return false;
    default:
      return false;
  }
}

/** Plain JS rendering for messages and tests (`ref`s render as `<target>.<attr>`). */
export function toPlain(v: Value): unknown {
  switch (v.k) {
    case 'unknown':
      return undefined;
    case 'null':
      return null;
    case 'string':
    case 'number':
    case 'bool':
      return v.v;
    case 'list':
      return v.items.map(toPlain);
    case 'map':
      return Object.fromEntries([...v.entries].map(([k, e]) => [k, toPlain(e)]));
    case 'ref':
      return `\${${v.target}.${v.attr}}`;
  }
}
