import type { Field, Known } from '../../model/field';
import type { SecurityGroupRule } from '../../model/types';
import { defineRule } from '../catalog';
import { attrName } from '../elementAccess';
import type { Finding, Fix, TextEdit } from '../types';
import { hasPorts, isAllProtocols, isIcmp, protocolNumber } from './portSets';

/**
 * `sg-port-range`: for TCP/UDP, a port outside 0..65535 or from > to (fix: swap them); for ICMP, a type or
 * code outside -1..255 (from_port/to_port hold type/code, so from > to is fine there); for all protocols
 * (`-1`) or a protocol without ports, a port range that looks like a restriction: AWS ignores it and opens
 * every port. 0/0, -1/-1 and 0/65535 say "all" and are accepted.
 */
export const sgPortRange = defineRule('sg-port-range', function* (ctx): Iterable<Finding> {
  for (const rule of ctx.model.ofKind('sg-rule')) {
    if (!rule.protocol.known) continue;
    const protocol = rule.protocol.value;
    const from = known(rule.fromPort);
    const to = known(rule.toPort);
    // Most rules are fine: they are told apart here, before any part of a message is built.
    if (hasPorts(protocol)) {
      if (!inRange(from, 0, 65535) || !inRange(to, 0, 65535) || (from && to && from.value > to.value)) yield* tcpUdp(rule, protocol, from, to);
    } else if (isIcmp(protocol)) {
      if (!inRange(from, -1, 255) || !inRange(to, -1, 255)) yield* icmp(rule, protocol, from, to);
    } else if (isAllProtocols(protocol) || protocolNumber(protocol) !== undefined) yield* portless(protocol, from, to);
  }
});

function known(f: Field<number> | undefined): Known<number> | undefined {
  return f?.known ? f : undefined;
}

/** True when the port is not given, or is a whole number in lo..hi. */
function inRange(f: Known<number> | undefined, lo: number, hi: number): boolean {
  return !f || (Number.isInteger(f.value) && f.value >= lo && f.value <= hi);
}

/** The port attributes as the user wrote them (`from_port`, `FromPort`, `fromPort`). */
function portNames(rule: SecurityGroupRule): { from: string; to: string } {
  return { from: attrName(rule, 'from_port', 'FromPort'), to: attrName(rule, 'to_port', 'ToPort') };
}

function* tcpUdp(rule: SecurityGroupRule, protocol: string, from: Known<number> | undefined, to: Known<number> | undefined): Iterable<Finding> {
  const name = protocol.toUpperCase();
  const names = portNames(rule);
  let inRange = true;
  for (const [f, what] of [[from, names.from], [to, names.to]] as const) {
    if (f && (!Number.isInteger(f.value) || f.value < 0 || f.value > 65535)) {
      inRange = false;
      yield { ruleId: 'sg-port-range', message: `${name} port ${f.value} (${what}) is outside 0..65535`, span: f.span };
    }
  }
  if (!inRange || !from || !to || from.value <= to.value) return;
  const fix = swapFix(from, to, names);
  yield {
    ruleId: 'sg-port-range',
    message: `${name} port range is reversed: ${names.from} ${from.value} > ${names.to} ${to.value} in ${rule.address}`,
    span: from.span,
    related: [{ span: to.span, message: `${names.to} ${to.value}` }],
    ...(fix ? { fixes: [fix] } : {}),
  };
}

function* icmp(rule: SecurityGroupRule, protocol: string, from: Known<number> | undefined, to: Known<number> | undefined): Iterable<Finding> {
  const names = portNames(rule);
  for (const [f, what] of [[from, 'type'], [to, 'code']] as const) {
    if (f && (!Number.isInteger(f.value) || f.value < -1 || f.value > 255)) {
      yield { ruleId: 'sg-port-range', message: `${protocol.toUpperCase()} ${what} ${f.value} is outside -1..255 (for ICMP, ${names.from} is the type and ${names.to} the code)`, span: f.span };
    }
  }
}

function* portless(protocol: string, from: Known<number> | undefined, to: Known<number> | undefined): Iterable<Finding> {
  if (!from && !to) return;
  const lo = from?.value;
  const hi = to?.value;
  const saysAll = (lo === 0 && hi === 0) || (lo === -1 && hi === -1) || (lo === 0 && hi === 65535) || (lo === undefined && (hi === 0 || hi === -1)) || (hi === undefined && (lo === 0 || lo === -1));
  if (saysAll) return;
  const what = isAllProtocols(protocol) ? 'all protocols (-1)' : `protocol ${protocol}`;
  yield {
    ruleId: 'sg-port-range',
    message: `Ports ${lo ?? '?'}-${hi ?? '?'} are ignored for ${what}: the rule opens every port`,
    span: (from ?? to)!.span,
  };
}

/** Swaps two number literals in place; only when both spans are literals written in the rule (bare or quoted). */
function swapFix(from: Known<number>, to: Known<number>, names: { from: string; to: string }): Fix | undefined {
  const a = literalEdit(from, String(to.value));
  const b = literalEdit(to, String(from.value));
  if (!a || !b || a.span.file !== b.span.file || (a.span.start < b.span.end && b.span.start < a.span.end)) return undefined;
  return { title: `Swap ${names.from} and ${names.to} (${to.value}-${from.value})`, edits: [a, b], preferred: true };
}

function literalEdit(f: Known<number>, newText: string): TextEdit | undefined {
  // A value that flowed in from elsewhere (`at` set) is fixed there, maybe for other users too: not certain.
  if (f.at) return undefined;
  const { span } = f;
  const length = span.end - span.start;
  const text = String(f.value);
  if (length === text.length) return { span, newText };
  if (length === text.length + 2) return { span: { file: span.file, start: span.start + 1, end: span.end - 1 }, newText };
  return undefined;
}
