import type { ElementId, Route, Vpc } from '../../model/types';
import { defineRule } from '../catalog';
import type { Finding, RelatedInfo, RuleContext } from '../types';
import { resolve, vpcOfTable } from '../routing/support';
import { peeringSides } from './support';

interface PeeringRoutes {
  /** VPC id -> the routes through this connection in that VPC's tables. */
  readonly bySide: Map<ElementId, Route[]>;
  /** A route through this connection whose table (or its VPC) is unknown: it may be on either side. */
  uncertain: boolean;
}

/**
 * `peering-missing-route`: traffic over a peering connection needs a route on both sides; a connection
 * routed on one side only (or on none) carries nothing, since replies have no way back. Reported on the side
 * that lacks routes (`vpc_id` or `peer_vpc_id`), or on the connection when neither side has any; related: the
 * routes of the other side. Silent when a route through an unresolved connection, or in an unresolved table,
 * could be the missing one.
 */
export const peeringMissingRoute = defineRule('peering-missing-route', function* (ctx): Iterable<Finding> {
  const peerings = ctx.model.ofKind('peering');
  if (peerings.length === 0) return;
  const { byPeering, uncertainVpcs, anyUncertain } = index(ctx);
  if (anyUncertain) return;
  for (const peering of peerings) {
    const sides = peeringSides(ctx, peering);
    if (!sides || sides.requester.id === sides.accepter.id) continue;
    const routes = byPeering.get(peering.id);
    if (routes?.uncertain) continue;
    const routed = (vpc: Vpc): boolean => (routes?.bySide.get(vpc.id)?.length ?? 0) > 0 || uncertainVpcs.has(vpc.id);
    const a = routed(sides.requester);
    const b = routed(sides.accepter);
    if (a && b) continue;
    if (!a && !b) {
      yield {
        ruleId: 'peering-missing-route',
        message: `Peering connection ${peering.address} has no routes on either side (${sides.requester.address}, ${sides.accepter.address}); it carries no traffic until both VPCs route the other's blocks through it`,
        span: peering.nameSpan,
      };
      continue;
    }
    const [missing, present, field] = a ? [sides.accepter, sides.requester, peering.peerVpc] : [sides.requester, sides.accepter, peering.vpc];
    const theirs = routes?.bySide.get(present.id) ?? [];
    yield {
      ruleId: 'peering-missing-route',
      message: `Peering connection ${peering.address} is routed only from ${present.address}: no route table of ${missing.address} sends traffic through it, so replies to ${present.address} have no way back. Add a route for ${present.address}'s blocks to ${missing.address}'s route tables`,
      span: field.span ?? peering.nameSpan,
      related: theirs.slice(0, 5).map((r): RelatedInfo => ({ span: r.target?.ref.span ?? r.nameSpan, message: `${r.address}: route of ${present.address} through ${peering.address}` })),
    };
  }
});

function index(ctx: RuleContext): { byPeering: Map<ElementId, PeeringRoutes>; uncertainVpcs: Set<ElementId>; anyUncertain: boolean } {
  const byPeering = new Map<ElementId, PeeringRoutes>();
  const uncertainVpcs = new Set<ElementId>();
  let anyUncertain = false;
  for (const route of ctx.model.ofKind('route')) {
    if (route.target?.kind !== 'peering') continue;
    const table = resolve(ctx, 'route-table', route.routeTable);
    const vpc = table && vpcOfTable(ctx, table);
    if (!route.target.ref.known) {
      // A route through some unresolved connection: any connection of its VPC may be the one it serves.
      if (vpc) uncertainVpcs.add(vpc.id);
      else anyUncertain = true;
      continue;
    }
    let entry = byPeering.get(route.target.ref.value);
    if (!entry) byPeering.set(route.target.ref.value, (entry = { bySide: new Map(), uncertain: false }));
    if (!vpc) {
      entry.uncertain = true;
      continue;
    }
    const list = entry.bySide.get(vpc.id);
    if (list) list.push(route);
    else entry.bySide.set(vpc.id, [route]);
  }
  return { byPeering, uncertainVpcs, anyUncertain };
}
