import { type Cidr, cidrBounds } from '../../cidr';
import { addressText } from '../../cidr/parse';
import type { Known } from '../../model/field';
import type { Route, RouteTable, Vpc, VpcPeering } from '../../model/types';
import { defineRule } from '../catalog';
import type { Finding, RuleContext } from '../types';
import { cidrOf } from '../addressing/support';
import { resolve, vpcOfTable } from '../routing/support';
import { otherSide, parsedBlocks } from './support';

interface Interval {
  readonly first: bigint;
  readonly last: bigint;
}

/**
 * `peering-transitive-route`: a route sends addresses through a peering connection that the peer VPC does not
 * hold. Peering is not transitive and gives no edge-to-edge routing (the peer's IGW, NAT, VPN, Direct Connect
 * or other peerings), so that traffic is dropped.
 *
 * Longest-prefix match decides what the route really carries: its destination minus the more specific routes
 * of the same table (and the local route, the table's own VPC blocks). The route is reported, on its
 * destination, when some of what is left lies in no block of the peer VPC. Anything unseen that could carry
 * the rest (an unknown block on either side, a more specific route with an unknown or prefix-list
 * destination, propagated VGW routes) means no finding.
 */
export const peeringTransitiveRoute = defineRule('peering-transitive-route', function* (ctx): Iterable<Finding> {
  for (const route of ctx.model.ofKind('route')) {
    if (route.target?.kind !== 'peering') continue;
    const peering = resolve(ctx, 'peering', route.target.ref);
    const table = resolve(ctx, 'route-table', route.routeTable);
    const vpc = table && vpcOfTable(ctx, table);
    if (!peering || !table || !vpc) continue;
    const peerId = otherSide(peering, vpc.id);
    const peer = peerId !== undefined && peerId !== vpc.id ? ctx.model.getOf('vpc', peerId) : undefined;
    if (!peer) continue;
    const f = check(ctx, route, table, vpc, peering, peer);
    if (f) yield f;
  }
});

function destinationOf(route: Route): { field: Known<string>; cidr: Cidr } | undefined {
  for (const [field, version] of [[route.destination, 4], [route.destinationIpv6, 6]] as const) {
    if (!field?.known) continue;
    const cidr = cidrOf(field);
    return cidr && cidr.version === version ? { field, cidr } : undefined;
  }
  return undefined;
}

function check(ctx: RuleContext, route: Route, table: RouteTable, vpc: Vpc, peering: VpcPeering, peer: Vpc): Finding | undefined {
  const dest = destinationOf(route);
  if (!dest) return undefined;
  const version = dest.cidr.version;
  const peerBlocks = parsedBlocks(ctx, peer, version);
  const ownBlocks = parsedBlocks(ctx, vpc, version);
  if (!peerBlocks.complete || !ownBlocks.complete) return undefined;
  if (table.propagatingVgws && table.propagatingVgws.length > 0) return undefined;

  const covering: Interval[] = peerBlocks.blocks.map((b) => cidrBounds(b.cidr));
  // The local route: own VPC blocks win where they are more specific than this route.
  for (const b of ownBlocks.blocks) if (b.cidr.prefix > dest.cidr.prefix) covering.push(cidrBounds(b.cidr));
  for (const other of ctx.facts.routesOf(table.id)) {
    if (other === route) continue;
    const field = version === 4 ? other.destination : other.destinationIpv6;
    if (other.destinationPrefixList !== undefined) return undefined; // a prefix list may hold anything
    if (field === undefined) continue;
    const cidr = cidrOf(field);
    if (!field.known || !cidr) return undefined; // an unseen destination may be the more specific route
    if (cidr.version === version && cidr.prefix > dest.cidr.prefix) covering.push(cidrBounds(cidr));
  }
  const gap = firstUncovered(cidrBounds(dest.cidr), covering);
  if (gap === undefined) return undefined;

  const held = peerBlocks.blocks.length > 0 ? `which holds ${peerBlocks.blocks.map((b) => b.cidr.text).join(', ')}` : `which has no IPv${version} block`;
  return {
    ruleId: 'peering-transitive-route',
    message:
      `Route ${dest.cidr.text} through peering connection ${peering.address} sends traffic for addresses outside peer VPC ${peer.address} ` +
      `(${held}), e.g. ${addressText(version, gap)}; VPC peering is not transitive and gives no edge-to-edge routing through the peer's gateways, so that traffic is dropped`,
    span: dest.field.span,
    related: [
      { span: peering.nameSpan, message: `${peering.address}: between ${vpc.address} and ${peer.address}` },
      ...peerBlocks.blocks.map((b) => ({ span: b.field.span, message: `${peer.address} holds ${b.cidr.text}` })),
    ],
  };
}

/** The first address of `range` in none of `intervals`, or undefined when they cover it all. */
function firstUncovered(range: Interval, intervals: Interval[]): bigint | undefined {
  const inside = intervals.filter((i) => i.last >= range.first && i.first <= range.last).sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  let cursor = range.first;
  for (const i of inside) {
    if (i.first > cursor) return cursor;
    if (i.last >= cursor) cursor = i.last + 1n;
    if (cursor > range.last) return undefined;
  }
  return cursor <= range.last ? cursor : undefined;
}
