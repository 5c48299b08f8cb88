/**
 * Traffic as real sets: a box is protocols x ports x addresses (each an inclusive interval), a set is a list
 * of disjoint boxes. NACL and security group rules are boxes; "do the lower-numbered entries decide all of
 * this entry's traffic" is then box subtraction until nothing is left, exact and independent of how the
 * entries happen to be cut (two /17 entries together cover a /16).
 *
 * The port dimension means what the protocol makes of it: TCP/UDP ports; for ICMP and ICMPv6 the type and
 * code packed as `type * 256 + code` (so "type 3, any code" is one interval); for protocols without ports
 * the whole range. A box for "all protocols" spans every protocol and every port, so the meanings never mix.
 * IPv4 and IPv6 are separate address spaces: boxes of different versions never intersect.
 */

export interface Interval {
  readonly lo: bigint;
  readonly hi: bigint;
}

export interface TrafficBox {
  readonly version: 4 | 6;
  readonly protocols: Interval;
  readonly ports: Interval;
  readonly addresses: Interval;
}

export type TrafficSet = readonly TrafficBox[];

export const ALL_PROTOCOLS: Interval = { lo: 0n, hi: 255n };
export const ALL_PORTS: Interval = { lo: 0n, hi: 65535n };

export function interval(lo: number | bigint, hi: number | bigint = lo): Interval {
  return { lo: BigInt(lo), hi: BigInt(hi) };
}

const DIMS = ['protocols', 'ports', 'addresses'] as const;

function intersectInterval(a: Interval, b: Interval): Interval | undefined {
  const lo = a.lo > b.lo ? a.lo : b.lo;
  const hi = a.hi < b.hi ? a.hi : b.hi;
  return lo <= hi ? { lo, hi } : undefined;
}

export function intersectBox(a: TrafficBox, b: TrafficBox): TrafficBox | undefined {
  if (a.version !== b.version) return undefined;
  const protocols = intersectInterval(a.protocols, b.protocols);
  const ports = protocols && intersectInterval(a.ports, b.ports);
  const addresses = ports && intersectInterval(a.addresses, b.addresses);
  return protocols && ports && addresses ? { version: a.version, protocols, ports, addresses } : undefined;
}

/** `a` minus `b` as at most six disjoint boxes: per dimension, the parts of `a` outside `b`, then narrow. */
export function subtractBox(a: TrafficBox, b: TrafficBox): TrafficBox[] {
  if (!intersectBox(a, b)) return [a];
  const out: TrafficBox[] = [];
  let rest: TrafficBox = a;
  for (const dim of DIMS) {
    const r = rest[dim];
    const cut = b[dim];
    if (r.lo < cut.lo) out.push({ ...rest, [dim]: { lo: r.lo, hi: cut.lo - 1n } });
    if (r.hi > cut.hi) out.push({ ...rest, [dim]: { lo: cut.hi + 1n, hi: r.hi } });
    rest = { ...rest, [dim]: { lo: r.lo > cut.lo ? r.lo : cut.lo, hi: r.hi < cut.hi ? r.hi : cut.hi } };
  }
  return out;
}

export function subtract(set: TrafficSet, boxes: TrafficSet): TrafficBox[] {
  let rest: TrafficBox[] = [...set];
  for (const b of boxes) {
    if (rest.length === 0) break;
    rest = rest.flatMap((r) => subtractBox(r, b));
  }
  return rest;
}

export function intersect(set: TrafficSet, boxes: TrafficSet): TrafficBox[] {
  const out: TrafficBox[] = [];
  for (const a of set) {
    for (const b of boxes) {
      const i = intersectBox(a, b);
      if (i) out.push(i);
    }
  }
  return out;
}

export function overlaps(set: TrafficSet, boxes: TrafficSet): boolean {
  return set.some((a) => boxes.some((b) => intersectBox(a, b) !== undefined));
}

/**
 * The address intervals (per version) of a set, merged: what remains after projecting the protocol and port
 * dimensions away. Used to ask "which clients get at least one port".
 */
export function addressCover(set: TrafficSet): Map<4 | 6, Interval[]> {
  const out = new Map<4 | 6, Interval[]>();
  for (const version of [4, 6] as const) {
    const sorted = set.filter((b) => b.version === version).map((b) => b.addresses).sort((x, y) => (x.lo < y.lo ? -1 : x.lo > y.lo ? 1 : 0));
    const merged: Interval[] = [];
    for (const i of sorted) {
      const last = merged[merged.length - 1];
      if (last && i.lo <= last.hi + 1n) {
        if (i.hi > last.hi) merged[merged.length - 1] = { lo: last.lo, hi: i.hi };
      } else merged.push(i);
    }
    if (merged.length > 0) out.set(version, merged);
  }
  return out;
}

/** True when the merged intervals hold every address of `wanted`. */
export function coversInterval(merged: readonly Interval[] | undefined, wanted: Interval): boolean {
  return (merged ?? []).some((m) => m.lo <= wanted.lo && wanted.hi <= m.hi);
}
