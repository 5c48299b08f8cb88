import { type Cidr, cidrBounds } from '../../cidr';
import type { Known } from '../../model/field';
import type { Subnet } from '../../model/types';
import { defineRule } from '../catalog';
import type { Finding, RuleContext } from '../types';
import { cidrOf, subnetsByVpc, vpcLabel } from './support';

interface Entry {
  readonly subnet: Subnet;
  readonly field: Known<string>;
  readonly cidr: Cidr;
  readonly first: bigint;
  readonly last: bigint;
}

/**
 * `subnet-overlap`: two subnets of one VPC share addresses; reported on both, each pointing at the other.
 *
 * CIDR blocks are either nested or disjoint, so after sorting by first address (larger block first on a tie)
 * the "open" blocks left on a stack when a block comes up are exactly the blocks containing it, outermost
 * first. Every overlapping pair is one such (container, block), so each is found once: O(n log n + pairs) per
 * VPC. A subnet inside several others (or holding several) gets one finding per subnet it overlaps.
 */
export const subnetOverlap = defineRule('subnet-overlap', function* (ctx): Iterable<Finding> {
  for (const [vpcId, subnets] of subnetsByVpc(ctx)) {
    if (subnets.length < 2) continue;
    for (const version of [4, 6] as const) yield* overlapsIn(ctx, vpcId, entries(subnets, version));
  }
});

function entries(subnets: readonly Subnet[], version: 4 | 6): Entry[] {
  const out: Entry[] = [];
  for (const subnet of subnets) {
    const field = version === 4 ? subnet.cidr : subnet.ipv6Cidr;
    const cidr = cidrOf(field);
    if (!cidr || !field?.known || cidr.version !== version) continue;
    const { first, last } = cidrBounds(cidr);
    out.push({ subnet, field, cidr, first, last });
  }
  return out;
}

/**
 * Overlaps reported per subnet; past that, one finding says how many more there are. A thousand instances
 * with one block (a `count` whose CIDR forgot `count.index`) would otherwise make a million findings.
 */
export const MAX_OVERLAPS_PER_SUBNET = 10;

function* overlapsIn(ctx: RuleContext, vpcId: string, list: Entry[]): Iterable<Finding> {
  if (list.length < 2) return;
  list.sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : a.last > b.last ? -1 : a.last < b.last ? 1 : 0));
  const vpc = vpcLabel(ctx, vpcId);
  const reported = new Map<Entry, number>();
  const report = function* (at: Entry, other: Entry): Iterable<Finding> {
    const n = (reported.get(at) ?? 0) + 1;
    reported.set(at, n);
    if (n <= MAX_OVERLAPS_PER_SUBNET) yield finding(at, other, vpc);
  };
  const open: Entry[] = [];
  for (const current of list) {
    while (open.length > 0 && open[open.length - 1]!.last < current.first) open.pop();
    for (const container of open) {
      yield* report(current, container);
      yield* report(container, current);
    }
    open.push(current);
  }
  for (const [at, n] of reported) if (n > MAX_OVERLAPS_PER_SUBNET) yield moreFinding(at, n - MAX_OVERLAPS_PER_SUBNET, vpc);
}

function moreFinding(at: Entry, more: number, vpc: string): Finding {
  const what = at.cidr.version === 6 ? 'Subnet IPv6 block' : 'Subnet';
  return {
    ruleId: 'subnet-overlap',
    message: `${what} ${at.cidr.text} of ${at.subnet.address} also overlaps ${more} more subnet${more === 1 ? '' : 's'} in VPC ${vpc} (the first ${MAX_OVERLAPS_PER_SUBNET} are reported one by one)`,
    span: at.field.span,
  };
}

function finding(at: Entry, other: Entry, vpc: string): Finding {
  const what = at.cidr.version === 6 ? 'Subnet IPv6 block' : 'Subnet';
  return {
    ruleId: 'subnet-overlap',
    message: `${what} ${at.cidr.text} of ${at.subnet.address} overlaps ${other.cidr.text} of ${other.subnet.address} in VPC ${vpc}`,
    span: at.field.span,
    related: [{ span: other.field.span, message: `${other.subnet.address}: ${other.cidr.text}` }],
  };
}
