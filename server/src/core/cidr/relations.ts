import { type Cidr, networkValueOf } from './parse';

/**
 * True when every address of `inner` is in `outer`. Host bits are ignored; never true across versions.
 * Compares first and last addresses (from ip-num's netmask, see prefixMath.ts): ip-num's own `contains` and
 * `isOverlapping` build string masks on every call, which cost one rule 15 ms on a 10k-resource workspace.
 */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  if (outer.version !== inner.version) return false;
  const o = cidrBounds(outer);
  const i = cidrBounds(inner);
  return o.first <= i.first && i.last <= o.last;
}

/** True when the two blocks share at least one address. Never true across versions. */
export function cidrOverlaps(a: Cidr, b: Cidr): boolean {
  if (a.version !== b.version) return false;
  const x = cidrBounds(a);
  const y = cidrBounds(b);
  return x.first <= y.last && y.first <= x.last;
}

export interface CidrBounds {
  readonly first: bigint;
  readonly last: bigint;
}

// Kept per parsed block (blocks are shared through the parse cache): sweeps and containment tests read them often.
const bounds = new WeakMap<Cidr, CidrBounds>();

/** First and last address as numbers, for comparisons, sorting and sweep-line overlap checks over many blocks. */
export function cidrBounds(c: Cidr): CidrBounds {
  let b = bounds.get(c);
  if (!b) {
    const first = networkValueOf(c);
    b = { first, last: first + c.size - 1n };
    bounds.set(c, b);
  }
  return b;
}
