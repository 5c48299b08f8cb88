import { type Cidr } from './parse';
import { cidrContains, cidrOverlaps } from './relations';

const HUGE = 10n ** 15n;
const NEAR_POWER = 1000n;

/**
 * Address counts for people. Up to 10^15: digits grouped by commas ("65,536").
 * Above (IPv6 sizes), the power of two comes first and the exact digits follow in parentheses:
 * "2^64 (18,446,744,073,709,551,616)", and a count just below a power of two, as usable counts are,
 * reads "2^64 - 5 (18,446,744,073,709,551,611)". Other huge counts are grouped digits only.
 */
export function formatCount(n: bigint): string {
  if (n < 0n) return `-${formatCount(-n)}`;
  const digits = groupDigits(n);
  if (n <= HUGE) return digits;
  const bitLength = n.toString(2).length;
  const below = 2n ** BigInt(bitLength - 1);
  if (n === below) return `2^${bitLength - 1} (${digits})`;
  const gap = 2n ** BigInt(bitLength) - n;
  return gap <= NEAR_POWER ? `2^${bitLength} - ${gap} (${digits})` : digits;
}

function groupDigits(n: bigint): string {
  return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * The percentage of `outer`'s addresses that `inner` takes: "0.39%", "25%", "100%", "<0.01%" for tiny
 * shares, at most two decimals. Blocks are either nested or disjoint, so a block outside `outer`
 * (or of the other IP version) takes "0%" and one that contains `outer` takes "100%".
 */
export function shareOfParent(inner: Cidr, outer: Cidr): string {
  if (!cidrOverlaps(inner, outer)) return '0%';
  if (cidrContains(inner, outer)) return '100%';
  // Both sizes are powers of two, so the share is exactly 100 / 2^(prefix difference).
  const halvings = inner.prefix - outer.prefix;
  const rounded = Math.round((100 / 2 ** halvings) * 100) / 100;
  return rounded === 0 ? '<0.01%' : `${rounded}%`;
}
