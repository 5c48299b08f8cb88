import type { ElementId } from '../../model/types';
import { defineRule } from '../catalog';
import type { Finding, RuleContext } from '../types';

/**
 * `subnet-implicit-route-table`: a subnet has no route table association, so it silently uses its VPC's main
 * route table; editing or replacing the main table then changes this subnet's routing too. Reported on the
 * subnet's name, related to the main table when the configuration manages it. No quick fix: which table the
 * subnet should use is a choice.
 *
 * Only where the configuration manages routing for the VPC (it declares a route table of the VPC): a VPC whose
 * tables and associations all live elsewhere (another stack or root) would otherwise be flagged subnet by
 * subnet for associations we cannot see. A subnet whose association could not be resolved is not reported.
 */
export const subnetImplicitRouteTable = defineRule('subnet-implicit-route-table', function* (ctx): Iterable<Finding> {
  const managed = vpcsWithTables(ctx);
  for (const subnet of ctx.model.ofKind('subnet')) {
    const choice = ctx.facts.routeTableOf(subnet);
    if (choice.how === 'main') {
      yield {
        ruleId: 'subnet-implicit-route-table',
        message: `Subnet ${subnet.address} has no route table association and silently uses its VPC's main route table ${choice.table.address}; associate it with a route table explicitly`,
        span: subnet.nameSpan,
        related: [{ span: choice.table.nameSpan, message: `${choice.table.address}: main route table of the VPC` }],
      };
    } else if (choice.how === 'implicit-main' && subnet.vpc.known && managed.has(subnet.vpc.value)) {
      yield {
        ruleId: 'subnet-implicit-route-table',
        message: `Subnet ${subnet.address} has no route table association and silently uses its VPC's main route table (not managed here: AWS's default, with only the local route); associate it with a route table explicitly`,
        span: subnet.nameSpan,
      };
    }
  }
});

function vpcsWithTables(ctx: RuleContext): Set<ElementId> {
  const out = new Set<ElementId>();
  for (const t of ctx.model.ofKind('route-table')) if (t.vpc.known) out.add(t.vpc.value);
  return out;
}
