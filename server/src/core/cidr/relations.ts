import type { IPv4CidrRange, IPv6CidrRange } from 'ip-num';
import { type Cidr, networkValueOf, rangeOf } from './parse';

/** True when every address of `inner` is in `outer`. Host bits are ignored; never true across versions. */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  if (outer.version !== inner.version) return false;
  if (outer.version === 4) return (rangeOf(outer) as IPv4CidrRange).contains(rangeOf(inner) as IPv4CidrRange);
  return (rangeOf(outer) as IPv6CidrRange).contains(rangeOf(inner) as IPv6CidrRange);
}

/** True when the two blocks share at least one address. Never true across versions. */
export function cidrOverlaps(a: Cidr, b: Cidr): boolean {
  if (a.version !== b.version) return false;
  if (a.version === 4) return (rangeOf(a) as IPv4CidrRange).isOverlapping(rangeOf(b) as IPv4CidrRange);
  return (rangeOf(a) as IPv6CidrRange).isOverlapping(rangeOf(b) as IPv6CidrRange);
}

/** First and last address as numbers, for sorting and sweep-line overlap checks over many blocks. */
export function cidrBounds(c: Cidr): { readonly first: bigint; readonly last: bigint } {
  const first = networkValueOf(c);
  return { first, last: first + c.size - 1n };
}
