import { sameSpan, type Span } from '../text/span';
import { type RefValue, unknownReason, type Value } from '../values/value';
import { known, unknownField, type Field } from './field';
import type { ElementId } from './types';

/**
 * Value -> Field conversion shared by every front-end (Terraform now, CloudFormation and CDK later).
 * Conventions: an absent or null value gives `undefined` (AWS's default applies); an unresolvable or
 * ill-typed value gives an unknown field (rules skip it); a known value's `span` is where it was written
 * (`value.origin`), with `at` = the attribute's own expression when that is elsewhere. Never throws.
 */

/** Maps a reference to the element id it stands for; undefined when it names no model element. */
export type RefToId = (ref: RefValue) => ElementId | undefined;

const refTarget: RefToId = (ref) => ref.target;

function knownAt<T>(value: T, v: Value, attrSpan: Span): Field<T> {
  const span = v.origin ?? attrSpan;
  return sameSpan(span, attrSpan) ? known(value, span) : known(value, span, attrSpan);
}

function unknownAt(v: Value, attrSpan: Span, why?: string): Field<never> {
  const span = v.origin ?? attrSpan;
  return unknownField(span, why ?? unknownReason(v), sameSpan(span, attrSpan) ? undefined : attrSpan);
}

/** Absent (not written or null): the caller falls back to AWS's default. */
function isAbsent(v: Value | undefined): v is undefined {
  return v === undefined || v.k === 'null';
}

export function stringField(v: Value | undefined, attrSpan: Span): Field<string> | undefined {
  if (isAbsent(v)) return undefined;
  switch (v.k) {
    case 'string':
      return knownAt(v.v, v, attrSpan);
    // Terraform converts primitives to strings where a string is expected.
    case 'number':
    case 'bool':
      return knownAt(String(v.v), v, attrSpan);
    case 'ref':
      return unknownAt(v, attrSpan);
    default:
      return unknownAt(v, attrSpan, v.k === 'unknown' ? undefined : `expected a string, got a ${v.k}`);
  }
}

export function numberField(v: Value | undefined, attrSpan: Span): Field<number> | undefined {
  if (isAbsent(v)) return undefined;
  if (v.k === 'number') return Number.isFinite(v.v) ? knownAt(v.v, v, attrSpan) : unknownAt(v, attrSpan);
  if (v.k === 'string') {
    const text = v.v.trim();
    // Numbers written as strings ("22", "300") are common in provider schemas that type them as strings.
    if (/^[-+]?\d+(\.\d+)?$/.test(text)) return knownAt(Number(text), v, attrSpan);
    return unknownAt(v, attrSpan, `"${v.v}" is not a number`);
  }
  return unknownAt(v, attrSpan, v.k === 'unknown' ? undefined : `expected a number, got a ${v.k}`);
}

export function boolField(v: Value | undefined, attrSpan: Span): Field<boolean> | undefined {
  if (isAbsent(v)) return undefined;
  if (v.k === 'bool') return knownAt(v.v, v, attrSpan);
  if (v.k === 'string') {
    const text = v.v.trim().toLowerCase();
    if (text === 'true' || text === 'false') return knownAt(text === 'true', v, attrSpan);
    return unknownAt(v, attrSpan, `"${v.v}" is not a boolean`);
  }
  return unknownAt(v, attrSpan, v.k === 'unknown' ? undefined : `expected a boolean, got a ${v.k}`);
}

/**
 * A reference to another model element. A literal id (`"vpc-0abc"`) names something outside the
 * workspace: unknown, never guessed.
 */
export function idField(v: Value | undefined, attrSpan: Span, refToId: RefToId = refTarget): Field<ElementId> | undefined {
  if (isAbsent(v)) return undefined;
  if (v.k === 'ref') {
    const id = refToId(v);
    return id === undefined ? unknownAt(v, attrSpan, `${v.attr} of ${v.target} is not a model element`) : knownAt(id, v, attrSpan);
  }
  if (v.k === 'string') return unknownAt(v, attrSpan, `${v.v} is not defined in the workspace`);
  return unknownAt(v, attrSpan, v.k === 'unknown' ? undefined : `expected a reference, got a ${v.k}`);
}

/**
 * The items of a list-valued attribute, each converted by `item`. An unresolvable (or non-list) value gives
 * one unknown entry, so "no subnets" and "subnets we cannot see" stay distinguishable.
 */
export function listField<T>(
  v: Value | undefined,
  attrSpan: Span,
  item: (value: Value, span: Span) => Field<T> | undefined,
): Field<T>[] {
  if (isAbsent(v)) return [];
  if (v.k !== 'list') return [unknownAt(v, attrSpan, v.k === 'unknown' ? undefined : `expected a list, got a ${v.k}`)];
  const out: Field<T>[] = [];
  for (const e of v.items) {
    const f = item(e, attrSpan);
    if (f) out.push(f);
  }
  return out;
}

export function idListField(v: Value | undefined, attrSpan: Span, refToId: RefToId = refTarget): Field<ElementId>[] {
  return listField(v, attrSpan, (e, span) => idField(e, span, refToId));
}

export function stringListField(v: Value | undefined, attrSpan: Span): Field<string>[] {
  return listField(v, attrSpan, stringField);
}

const PROTOCOL_ALIASES: Readonly<Record<string, string>> = {
  '-1': '-1',
  all: '-1',
  '6': 'tcp',
  tcp: 'tcp',
  '17': 'udp',
  udp: 'udp',
  '1': 'icmp',
  icmp: 'icmp',
  '58': 'icmpv6',
  icmpv6: 'icmpv6',
};

/** `-1`/`all` -> `-1`, `6`/`tcp` -> `tcp`, `17` -> `udp`, `1` -> `icmp`, `58` -> `icmpv6`; others lower-cased. */
export function normaliseProtocol(text: string): string {
  const t = text.trim().toLowerCase();
  return PROTOCOL_ALIASES[t] ?? t;
}

export function protocolField(v: Value | undefined, attrSpan: Span): Field<string> | undefined {
  const f = stringField(v, attrSpan);
  return f && f.known ? { ...f, value: normaliseProtocol(f.value) } : f;
}

/** A string restricted to a few values, matched case-insensitively and returned in canonical spelling. */
export function enumField<T extends string>(v: Value | undefined, attrSpan: Span, allowed: readonly T[]): Field<T> | undefined {
  const f = stringField(v, attrSpan);
  if (!f || !f.known) return f;
  const match = allowed.find((a) => a.toLowerCase() === f.value.trim().toLowerCase());
  return match === undefined ? unknownField(f.span, `"${f.value}" is not one of ${allowed.join(', ')}`) : { ...f, value: match };
}

/** A required field that was not written: unknown at the resource, so rules stay quiet. */
export function orMissing<T>(f: Field<T> | undefined, span: Span, what: string): Field<T> {
  return f ?? unknownField(span, `${what} is not set`);
}

/** AWS's default for an unwritten attribute, reported at `span` (the resource's name). */
export function orDefault<T>(f: Field<T> | undefined, value: T, span: Span): Field<T> {
  return f ?? known(value, span);
}

/**
 * Parts every VPC gets from AWS at creation: its default (initially main) route table, default network ACL
 * and default security group. A reference such as `aws_vpc.main.default_route_table_id` or
 * `!GetAtt Vpc.DefaultSecurityGroup` points at one of them; front-ends turn it into this id, and the linker
 * maps it to the resource that manages the part (`aws_default_route_table`, ...) when there is one.
 */
export type VpcDefaultPart = 'route-table' | 'nacl' | 'sg';

const DEFAULT_PART_SEPARATOR = '#default-';

export function vpcDefaultPartId(vpcId: ElementId, part: VpcDefaultPart): ElementId {
  return `${vpcId}${DEFAULT_PART_SEPARATOR}${part}`;
}

export function parseVpcDefaultPartId(id: ElementId): { vpcId: ElementId; part: VpcDefaultPart } | undefined {
  const at = id.lastIndexOf(DEFAULT_PART_SEPARATOR);
  if (at <= 0) return undefined;
  const part = id.slice(at + DEFAULT_PART_SEPARATOR.length);
  if (part !== 'route-table' && part !== 'nacl' && part !== 'sg') return undefined;
  return { vpcId: id.slice(0, at), part };
}
