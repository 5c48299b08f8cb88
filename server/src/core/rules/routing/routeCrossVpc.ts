import type { NetworkElement, Route, Vpc } from '../../model/types';
import { defineRule } from '../catalog';
import type { Finding, RelatedInfo, RuleContext } from '../types';
import { attachment, gatewayIndex, labelOf, resolve, targetSpan, vpcOfTable } from './support';

/**
 * `route-cross-vpc`: a route's target belongs to another VPC than the route's table: a NAT gateway, endpoint,
 * network interface, instance or egress-only gateway of another VPC, an internet or virtual private gateway
 * not attached to this VPC, or a peering connection this VPC is not a side of. AWS rejects such a route.
 * Transit gateways are regional (they serve any attached VPC) and are not judged here. Reported on the
 * target attribute; related: where the target's VPC is decided.
 */
export const routeCrossVpc = defineRule('route-cross-vpc', function* (ctx): Iterable<Finding> {
  for (const route of ctx.model.ofKind('route')) {
    if (!route.target?.ref.known || route.target.kind === 'local') continue;
    const table = resolve(ctx, 'route-table', route.routeTable);
    const vpc = table && vpcOfTable(ctx, table);
    if (!vpc) continue;
    const target = ctx.model.get(route.target.ref.value);
    if (!target) continue;
    const f = check(ctx, route, vpc, target);
    if (f) yield f;
  }
});

function check(ctx: RuleContext, route: Route, vpc: Vpc, target: NetworkElement): Finding | undefined {
  switch (target.kind) {
    case 'igw':
    case 'vgw': {
      if (attachment(ctx, target.id, vpc.id) !== 'not-attached') return undefined;
      const vpcs = [...(gatewayIndex(ctx).vpcsByGateway.get(target.id) ?? [])];
      const what = target.kind === 'igw' ? 'internet gateway' : 'virtual private gateway';
      const where = vpcs.length > 0 ? `attached to ${vpcs.map((v) => labelOf(ctx, v)).join(', ')}` : 'not attached to any VPC';
      const attachedAt = gatewayIndex(ctx).attachmentSpans.get(target.id)?.values().next().value;
      return finding(
        route,
        `Route ${destText(route)} in a table of VPC ${vpc.address} targets ${what} ${target.address}, which is ${where}, not to ${vpc.address}`,
        [{ span: attachedAt ?? target.nameSpan, message: `${target.address}: ${where}` }],
      );
    }
    case 'peering': {
      if (!target.vpc.known || !target.peerVpc.known) return undefined;
      if (target.vpc.value === vpc.id || target.peerVpc.value === vpc.id) return undefined;
      return finding(
        route,
        `Route ${destText(route)} in a table of VPC ${vpc.address} uses peering connection ${target.address}, which connects ${labelOf(ctx, target.vpc.value)} and ${labelOf(ctx, target.peerVpc.value)}, not ${vpc.address}`,
        [{ span: target.nameSpan, message: `${target.address}: between ${labelOf(ctx, target.vpc.value)} and ${labelOf(ctx, target.peerVpc.value)}` }],
      );
    }
    case 'nat':
    case 'endpoint':
    case 'eni':
    case 'instance':
    case 'egress-igw': {
      const other = ctx.facts.vpcOf(target.id);
      if (!other || other.id === vpc.id) return undefined;
      return finding(
        route,
        `Route ${destText(route)} in a table of VPC ${vpc.address} targets ${KIND_NAMES[target.kind]} ${target.address} of another VPC, ${other.address}`,
        [{ span: placeOfVpc(target) ?? target.nameSpan, message: `${target.address} is in VPC ${other.address}` }],
      );
    }
    default:
      return undefined;
  }
}

const KIND_NAMES: Readonly<Record<string, string>> = {
  nat: 'NAT gateway',
  endpoint: 'VPC endpoint',
  eni: 'network interface',
  instance: 'instance',
  'egress-igw': 'egress-only internet gateway',
};

/** The attribute that puts a target in its VPC (subnet or VPC reference), for related information. */
function placeOfVpc(target: NetworkElement) {
  switch (target.kind) {
    case 'nat':
    case 'eni':
      return target.subnet.span;
    case 'instance':
      return target.subnet?.span;
    case 'endpoint':
    case 'egress-igw':
      return target.vpc.span;
    default:
      return undefined;
  }
}

function destText(route: Route): string {
  const f = route.destination ?? route.destinationIpv6 ?? route.destinationPrefixList;
  return f?.known ? f.value : '(unresolved destination)';
}

function finding(route: Route, message: string, related: RelatedInfo[]): Finding {
  return { ruleId: 'route-cross-vpc', message, span: targetSpan(route), related };
}
