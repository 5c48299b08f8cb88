import type { Known } from '../../model/field';
import type { NetworkElement, Subnet } from '../../model/types';
import { defineRule } from '../catalog';
import type { Finding, RuleContext } from '../types';
import { attrName, privateReason, resolve } from './support';

/**
 * `public-ip-private-subnet`: a subnet maps public IPv4 addresses on launch, or an instance asks for one, but
 * the subnet has no default route to an internet gateway: the addresses are billed and unreachable. Reported
 * on the attribute that asks for the address. No quick fix: the user may have meant to route the subnet to
 * the internet gateway instead.
 */
export const publicIpPrivateSubnet = defineRule('public-ip-private-subnet', function* (ctx): Iterable<Finding> {
  for (const subnet of ctx.model.ofKind('subnet')) {
    const f = subnet.mapPublicIpOnLaunch;
    if (!f?.known || f.value !== true) continue;
    const found = check(ctx, subnet, subnet, f, `maps public IPs on launch (${attrName(subnet, 'map_public_ip_on_launch', 'MapPublicIpOnLaunch')})`);
    if (found) yield found;
  }
  for (const instance of ctx.model.ofKind('instance')) {
    const f = instance.associatePublicIp;
    if (!f?.known || f.value !== true) continue;
    const subnet = resolve(ctx, 'subnet', instance.subnet);
    if (!subnet) continue;
    const found = check(ctx, subnet, instance, f, `asks for a public IP (${attrName(instance, 'associate_public_ip_address', 'AssociatePublicIpAddress')}) in subnet ${subnet.address}`);
    if (found) yield found;
  }
});

function check(ctx: RuleContext, subnet: Subnet, owner: NetworkElement, f: Known<boolean>, what: string): Finding | undefined {
  const p = ctx.facts.publicness(subnet);
  if (p.public !== false) return undefined;
  const choice = ctx.facts.routeTableOf(subnet);
  return {
    ruleId: 'public-ip-private-subnet',
    message: `${owner === subnet ? 'Subnet' : 'Instance'} ${owner.address} ${what}, but the subnet has no route to an internet gateway (${privateReason(p.reason)}); the public IPs are unreachable`,
    span: f.span,
    related:
      choice.how === 'explicit' || choice.how === 'main'
        ? [{ span: choice.table.nameSpan, message: `${choice.table.address}: route table of ${subnet.address}, no default route to an internet gateway` }]
        : [{ span: subnet.nameSpan, message: `${subnet.address} uses AWS's implicit main route table (local route only)` }],
  };
}
