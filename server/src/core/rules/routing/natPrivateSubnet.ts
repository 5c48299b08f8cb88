import type { NatGateway, Subnet } from '../../model/types';
import { defineRule } from '../catalog';
import type { Finding, RelatedInfo, RuleContext } from '../types';
import { attrName, privateReason, resolve } from './support';

/** A NAT gateway is public unless it says `private`; an unknown connectivity type decides nothing. */
export function isPublicNat(nat: NatGateway): boolean | undefined {
  if (!nat.connectivity) return true;
  return nat.connectivity.known ? nat.connectivity.value === 'public' : undefined;
}

/**
 * `nat-private-subnet`: a public NAT gateway sits in a subnet without a default route to an internet
 * gateway, so it cannot reach the internet and every subnet routed through it has no egress. Reported on the
 * NAT's `subnet_id`; related: the route table that decides (or the subnet, when AWS's implicit main table
 * applies).
 */
export const natPrivateSubnet = defineRule('nat-private-subnet', function* (ctx): Iterable<Finding> {
  for (const nat of ctx.model.ofKind('nat')) {
    if (isPublicNat(nat) !== true || !nat.subnet.known) continue;
    const subnet = resolve(ctx, 'subnet', nat.subnet);
    if (!subnet) continue;
    const p = ctx.facts.publicness(subnet);
    if (p.public !== false) continue;
    yield {
      ruleId: 'nat-private-subnet',
      message: `Public NAT gateway ${nat.address} is in subnet ${subnet.address}, which is not public (${privateReason(p.reason)}); it cannot reach the internet. Place it in a public subnet, or make it a private NAT gateway (${attrName(nat, 'connectivity_type = "private"', 'ConnectivityType: private')})`,
      span: nat.subnet.span,
      related: deciding(ctx, subnet),
    };
  }
});

function deciding(ctx: RuleContext, subnet: Subnet): RelatedInfo[] {
  const choice = ctx.facts.routeTableOf(subnet);
  const out: RelatedInfo[] = [{ span: subnet.nameSpan, message: `subnet ${subnet.address}` }];
  if (choice.how === 'explicit' || choice.how === 'main') {
    const how = choice.how === 'explicit' ? 'its route table' : 'its VPC\'s main route table';
    out.push({ span: choice.table.nameSpan, message: `${choice.table.address}: ${how}, without a default route to an internet gateway` });
  }
  return out;
}
