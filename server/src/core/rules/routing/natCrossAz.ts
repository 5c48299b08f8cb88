import type { NatGateway, Route, Subnet } from '../../model/types';
import { defineRule } from '../catalog';
import type { Finding, RelatedInfo, RuleContext } from '../types';
import { type AzKey, subnetAz } from '../../model/subnetAz';
import { isIpv4Default, natAz, resolve, subnetsByTable, targetSpan, type TableUse } from './support';

interface Placed {
  readonly use: TableUse;
  readonly az: AzKey;
}

/**
 * `nat-cross-az`: a subnet's default route (0.0.0.0/0) goes to a NAT gateway in another AZ, so losing that
 * AZ cuts this subnet's egress (and cross-AZ traffic is billed). AZs compare only when both are known and
 * written the same way (names with names, ids with ids).
 *
 * Reported where the fix goes: when no subnet using the table is in the NAT's AZ, the route's target is
 * wrong (report there, related: the NAT's subnet and the subnets); when the table also serves subnets in the
 * NAT's AZ, the cross-AZ subnets need a table of their own AZ (report on their association, or on the subnet
 * when it uses the main table implicitly).
 */
export const natCrossAz = defineRule('nat-cross-az', function* (ctx): Iterable<Finding> {
  const uses = subnetsByTable(ctx);
  for (const table of ctx.model.ofKind('route-table')) {
    const subnets = uses.get(table.id);
    if (!subnets || subnets.length === 0) continue;
    for (const route of ctx.facts.routesOf(table.id)) {
      if (!isIpv4Default(route) || route.target?.kind !== 'nat') continue;
      const nat = resolve(ctx, 'nat', route.target.ref);
      const home = nat && natAz(ctx, nat);
      if (!nat || !home) continue;
      yield* check(ctx, route, nat, home, subnets);
    }
  }
});

function* check(
  ctx: RuleContext,
  route: Route,
  nat: NatGateway,
  home: { subnet: Subnet; az: AzKey },
  uses: readonly TableUse[],
): Iterable<Finding> {
  const same: Placed[] = [];
  const cross: Placed[] = [];
  for (const use of uses) {
    const az = subnetAz(use.subnet);
    if (!az || az.kind !== home.az.kind) continue;
    (az.key === home.az.key ? same : cross).push({ use, az });
  }
  if (cross.length === 0) return;
  const natRelated: RelatedInfo = { span: home.subnet.availabilityZone?.span ?? home.subnet.nameSpan, message: `${nat.address} is in ${home.az.text} (subnet ${home.subnet.address})` };
  const natPlace: RelatedInfo = { span: nat.subnet.span ?? nat.nameSpan, message: `${nat.address} is placed in ${home.subnet.address}` };

  if (same.length === 0) {
    const names = cross.map((c) => `${c.use.subnet.address} (${c.az.text})`).join(', ');
    yield {
      ruleId: 'nat-cross-az',
      message: `Default route of ${names} goes to NAT gateway ${nat.address} in another AZ (${home.az.text}); an outage of ${home.az.text} cuts their internet egress. Use a NAT gateway in the subnets' own AZ`,
      span: targetSpan(route),
      related: [natPlace, natRelated, ...cross.map((c) => ({ span: c.az.span, message: `${c.use.subnet.address} is in ${c.az.text}` }))],
    };
    return;
  }
  for (const c of cross) {
    const assoc = c.use.association ? ctx.model.getOf('route-table-association', c.use.association) : undefined;
    const span = assoc?.routeTable.span ?? c.use.subnet.nameSpan;
    yield {
      ruleId: 'nat-cross-az',
      message: `Subnet ${c.use.subnet.address} (${c.az.text}) uses a route table whose default route goes to NAT gateway ${nat.address} in ${home.az.text}; an outage of ${home.az.text} cuts its internet egress. Associate it with a route table using a NAT gateway in ${c.az.text}`,
      span,
      related: [
        { span: targetSpan(route), message: `default route to ${nat.address}` },
        natPlace,
        natRelated,
        { span: c.az.span, message: `${c.use.subnet.address} is in ${c.az.text}` },
      ],
    };
  }
}
