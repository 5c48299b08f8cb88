import { known } from '../../../model/field';
import { orMissing } from '../../../model/fields';
import type { Route, RouteTable, RouteTableAssociation, RouteTarget, RouteTargetKind } from '../../../model/types';
import type { CfnResource } from '../eval/evaluated';
import { baseOf, opt, Props, type MapContext } from './context';

/** Route target properties of `AWS::EC2::Route`; a route names exactly one. */
const TARGET_PROPERTIES: readonly (readonly [string, RouteTargetKind])[] = [
  ['GatewayId', 'igw'],
  ['NatGatewayId', 'nat'],
  ['VpcPeeringConnectionId', 'peering'],
  ['TransitGatewayId', 'tgw'],
  ['VpcEndpointId', 'endpoint'],
  ['NetworkInterfaceId', 'eni'],
  ['EgressOnlyInternetGatewayId', 'egress-igw'],
  ['CarrierGatewayId', 'carrier'],
  ['LocalGatewayId', 'lgw'],
  ['CoreNetworkArn', 'core-network'],
  ['InstanceId', 'instance'],
];

/** `GatewayId` takes an internet gateway, a virtual private gateway or `local`. */
const GATEWAY_KIND_BY_TYPE: Readonly<Record<string, RouteTargetKind>> = {
  'AWS::EC2::InternetGateway': 'igw',
  'AWS::EC2::VPNGateway': 'vgw',
  'AWS::EC2::VPCEndpoint': 'endpoint',
  'AWS::EC2::EgressOnlyInternetGateway': 'egress-igw',
};
const GATEWAY_KIND_BY_PREFIX: readonly (readonly [string, RouteTargetKind])[] = [
  ['igw-', 'igw'],
  ['vgw-', 'vgw'],
  ['vpce-', 'endpoint'],
  ['eigw-', 'egress-igw'],
];

function routeTarget(p: Props, ctx: MapContext): RouteTarget | undefined {
  for (const [property, kind] of TARGET_PROPERTIES) {
    const v = p.get(property);
    if (v === undefined || v.k === 'null') continue;
    const ref = orMissing(p.id(property), p.span(property), property);
    if (property !== 'GatewayId') return { kind, ref };
    if (v.k === 'string') {
      if (v.v === 'local') return { kind: 'local', ref: known('local', v.origin ?? p.span(property)) };
      return { kind: GATEWAY_KIND_BY_PREFIX.find(([prefix]) => v.v.startsWith(prefix))?.[1] ?? 'igw', ref };
    }
    const type = v.k === 'ref' ? ctx.typeOf(v.target) : undefined;
    // An unresolved gateway may well be an IGW: kind `igw` with an unknown ref keeps publicness undecided.
    return { kind: (type && GATEWAY_KIND_BY_TYPE[type]) || 'igw', ref };
  }
  return undefined;
}

export function mapRouteTable(r: CfnResource, ctx: MapContext): RouteTable {
  const p = Props.of(r, ctx);
  return { ...baseOf(r, 'route-table'), vpc: orMissing(p.id('VpcId'), r.nameSpan, 'VpcId'), isDefault: false, routes: [] };
}

export function mapRoute(r: CfnResource, ctx: MapContext): Route {
  const p = Props.of(r, ctx);
  return {
    ...baseOf(r, 'route'),
    routeTable: orMissing(p.id('RouteTableId'), r.nameSpan, 'RouteTableId'),
    ...opt('destination', p.str('DestinationCidrBlock')),
    ...opt('destinationIpv6', p.str('DestinationIpv6CidrBlock')),
    ...opt('destinationPrefixList', p.str('DestinationPrefixListId')),
    ...opt('target', routeTarget(p, ctx)),
    inline: false,
  };
}

/** `SubnetRouteTableAssociation` (subnet) and `GatewayRouteTableAssociation` (edge association). */
export function mapRouteTableAssociation(r: CfnResource, ctx: MapContext): RouteTableAssociation {
  const p = Props.of(r, ctx);
  return {
    ...baseOf(r, 'route-table-association'),
    routeTable: orMissing(p.id('RouteTableId'), r.nameSpan, 'RouteTableId'),
    ...opt('subnet', p.id('SubnetId')),
    ...opt('gateway', p.id('GatewayId')),
  };
}
