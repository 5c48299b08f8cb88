import type { Field } from '../../model/field';
import { ALL_PORTS, ALL_PROTOCOLS, type Interval, interval } from './trafficSets';

/**
 * What a protocol field and its port fields select, as intervals of the traffic-set dimensions (see
 * trafficSets.ts). Undefined means "cannot be decided" (an unknown or missing value, a protocol name AWS does
 * not have): rules then stay silent rather than guess.
 */
export interface PortSelection {
  readonly protocols: Interval;
  readonly ports: Interval;
  /** Normalised protocol: `-1`, `tcp`, `udp`, `icmp`, `icmpv6` or a protocol number. */
  readonly protocol: string;
}

export const TCP = 6;
export const UDP = 17;
export const ICMP = 1;
export const ICMPV6 = 58;

const NUMBERS: Readonly<Record<string, number>> = { tcp: TCP, udp: UDP, icmp: ICMP, icmpv6: ICMPV6 };

/** The protocol number of a normalised protocol (`-1` -> undefined: all of them); undefined when unknown. */
export function protocolNumber(protocol: string): number | undefined {
  const named = NUMBERS[protocol];
  if (named !== undefined) return named;
  if (!/^\d+$/.test(protocol)) return undefined;
  const n = Number(protocol);
  return n >= 0 && n <= 255 ? n : undefined;
}

export function isAllProtocols(protocol: string): boolean {
  return protocol === '-1';
}

export function hasPorts(protocol: string): boolean {
  return protocol === 'tcp' || protocol === 'udp';
}

export function isIcmp(protocol: string): boolean {
  return protocol === 'icmp' || protocol === 'icmpv6';
}

function knownNumber(f: Field<number> | undefined): number | undefined {
  return f?.known && Number.isInteger(f.value) ? f.value : undefined;
}

/** A TCP/UDP port range when both ends are known, in 0..65535 and in order. */
export function portRange(from: Field<number> | undefined, to: Field<number> | undefined): Interval | undefined {
  const lo = knownNumber(from);
  const hi = knownNumber(to);
  if (lo === undefined || hi === undefined || lo < 0 || hi > 65535 || lo > hi) return undefined;
  return interval(lo, hi);
}

/** ICMP type and code (-1 = any) packed into the port dimension. */
export function icmpRange(type: number | undefined, code: number | undefined): Interval | undefined {
  if (type === undefined) return undefined;
  if (type === -1) return ALL_PORTS;
  if (type < 0 || type > 255) return undefined;
  if (code === undefined || code === -1) return interval(type * 256, type * 256 + 255);
  if (code < 0 || code > 255) return undefined;
  return interval(type * 256 + code);
}

/**
 * Protocol x ports of a rule whose ports are `from`/`to` for TCP/UDP and ICMP type/code in `icmp` (security
 * groups put the ICMP type in from_port and the code in to_port; NACLs have their own fields).
 */
export function selection(
  protocolField: Field<string> | undefined,
  from: Field<number> | undefined,
  to: Field<number> | undefined,
  icmp: { readonly type: Field<number> | undefined; readonly code: Field<number> | undefined },
): PortSelection | undefined {
  if (!protocolField?.known) return undefined;
  const protocol = protocolField.value;
  if (isAllProtocols(protocol)) return { protocol, protocols: ALL_PROTOCOLS, ports: ALL_PORTS };
  const n = protocolNumber(protocol);
  if (n === undefined) return undefined;
  const protocols = interval(n);
  if (hasPorts(protocol)) {
    const ports = portRange(from, to);
    return ports && { protocol, protocols, ports };
  }
  if (isIcmp(protocol)) {
    // An unknown code could narrow the entry to anything: undecidable. An absent one means any code.
    if (icmp.code && knownNumber(icmp.code) === undefined) return undefined;
    const ports = icmpRange(knownNumber(icmp.type), knownNumber(icmp.code));
    return ports && { protocol, protocols, ports };
  }
  // Other protocols (ESP, GRE, ...) have no ports: AWS lets all of that protocol through.
  return { protocol, protocols, ports: ALL_PORTS };
}

export function contains(i: Interval, port: number): boolean {
  return i.lo <= BigInt(port) && BigInt(port) <= i.hi;
}

export function isAllPorts(i: Interval): boolean {
  return i.lo <= 0n && i.hi >= 65535n;
}

export function describePorts(sel: PortSelection): string {
  if (isAllProtocols(sel.protocol)) return 'all traffic';
  if (isIcmp(sel.protocol)) return isAllPorts(sel.ports) ? `all ${sel.protocol.toUpperCase()}` : sel.protocol.toUpperCase();
  if (!hasPorts(sel.protocol)) return `protocol ${sel.protocol}`;
  const name = sel.protocol.toUpperCase();
  if (isAllPorts(sel.ports)) return `all ${name} ports`;
  return sel.ports.lo === sel.ports.hi ? `${name} port ${sel.ports.lo}` : `${name} ports ${sel.ports.lo}-${sel.ports.hi}`;
}
