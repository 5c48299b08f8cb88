import { orDefault, orMissing } from '../../../model/fields';
import type {
  CustomerGateway,
  DxGateway,
  EgressOnlyInternetGateway,
  ElasticIp,
  GatewayAttachment,
  InternetGateway,
  NatGateway,
  TransitGateway,
  TransitGatewayAttachment,
  TransitGatewayRoute,
  VpcEndpoint,
  VpcPeering,
  VpnConnection,
  VpnGateway,
} from '../../../model/types';
import type { EvaluatedResource } from '../evaluated';
import { BodyView } from './body';
import { baseOf, type MapContext } from './context';
import type { Folds } from './folds';
import { withFields } from '../../../model/withFields';

function view(r: EvaluatedResource, ctx: MapContext): BodyView {
  return new BodyView(r.body, r.nameSpan, ctx);
}

export function mapInternetGateway(r: EvaluatedResource, ctx: MapContext): InternetGateway {
  return withFields(baseOf(r, 'igw', ctx), { vpc: view(r, ctx).id('vpc_id') });
}

export function mapEgressOnlyInternetGateway(r: EvaluatedResource, ctx: MapContext): EgressOnlyInternetGateway {
  return { ...baseOf(r, 'egress-igw', ctx), vpc: orMissing(view(r, ctx).id('vpc_id'), r.nameSpan, 'vpc_id') };
}

/** `aws_internet_gateway_attachment` and `aws_vpn_gateway_attachment`. */
export function mapGatewayAttachment(r: EvaluatedResource, ctx: MapContext): GatewayAttachment {
  const b = view(r, ctx);
  const gatewayAttr = r.type === 'aws_vpn_gateway_attachment' ? 'vpn_gateway_id' : 'internet_gateway_id';
  return withFields(baseOf(r, 'gateway-attachment', ctx), {
    vpc: orMissing(b.id('vpc_id'), r.nameSpan, 'vpc_id'),
    gateway: orMissing(b.id(gatewayAttr), r.nameSpan, gatewayAttr),
  });
}

export function mapNatGateway(r: EvaluatedResource, ctx: MapContext): NatGateway {
  const b = view(r, ctx);
  // A literal allocation id (`eipalloc-...`) is an EIP made elsewhere: still an allocation.
  const allocation = b.value('allocation_id')?.k === 'string' ? b.str('allocation_id') : b.id('allocation_id');
  return withFields(baseOf(r, 'nat', ctx), {
    subnet: orMissing(b.id('subnet_id'), r.nameSpan, 'subnet_id'),
    allocation,
    connectivity: b.oneOf('connectivity_type', ['public', 'private'] as const),
  });
}

export function mapElasticIp(r: EvaluatedResource, ctx: MapContext, folds: Folds): ElasticIp {
  const b = view(r, ctx);
  const domain = b.str('domain');
  const domainVpc = domain
    ? domain.known
      ? { ...domain, value: domain.value.toLowerCase() === 'vpc' }
      : domain
    : b.bool('vpc');
  const association = folds.eipAssociations.get(r.elementId);
  return withFields(baseOf(r, 'eip', ctx), {
    domainVpc,
    instance: b.id('instance') ?? association?.instance,
    networkInterface: b.id('network_interface') ?? association?.networkInterface,
    associatedWith: [],
  });
}

/**
 * `aws_vpc_peering_connection`. The accepter resource (`aws_vpc_peering_connection_accepter`) adds no element:
 * it accepts a connection the model already has (or one outside the workspace, whose VPCs we cannot know);
 * references to it are read as references to the connection (see `folds.ts`).
 */
export function mapPeering(r: EvaluatedResource, ctx: MapContext): VpcPeering {
  const b = view(r, ctx);
  return withFields(baseOf(r, 'peering', ctx), {
    vpc: orMissing(b.id('vpc_id'), r.nameSpan, 'vpc_id'),
    peerVpc: orMissing(b.id('peer_vpc_id'), r.nameSpan, 'peer_vpc_id'),
    peerOwnerId: b.str('peer_owner_id'),
    peerRegion: b.str('peer_region'),
  });
}

export function mapTransitGateway(r: EvaluatedResource, ctx: MapContext): TransitGateway {
  return withFields(baseOf(r, 'tgw', ctx), { amazonSideAsn: view(r, ctx).num('amazon_side_asn') });
}

export function mapTransitGatewayAttachment(r: EvaluatedResource, ctx: MapContext): TransitGatewayAttachment {
  const b = view(r, ctx);
  return withFields(baseOf(r, 'tgw-attachment', ctx), {
    transitGateway: orMissing(b.id('transit_gateway_id'), r.nameSpan, 'transit_gateway_id'),
    vpc: orMissing(b.id('vpc_id'), r.nameSpan, 'vpc_id'),
    subnets: b.ids('subnet_ids'),
  });
}

export function mapTransitGatewayRoute(r: EvaluatedResource, ctx: MapContext): TransitGatewayRoute {
  const b = view(r, ctx);
  return withFields(baseOf(r, 'tgw-route', ctx), {
    destination: orMissing(b.str('destination_cidr_block'), r.nameSpan, 'destination_cidr_block'),
    attachment: b.id('transit_gateway_attachment_id'),
    blackhole: b.bool('blackhole'),
  });
}

const ENDPOINT_TYPES = ['Gateway', 'Interface', 'GatewayLoadBalancer'] as const;

export function mapVpcEndpoint(r: EvaluatedResource, ctx: MapContext, folds: Folds): VpcEndpoint {
  const b = view(r, ctx);
  const extra = folds.endpointParts.get(r.elementId);
  return withFields(baseOf(r, 'endpoint', ctx), {
    vpc: orMissing(b.id('vpc_id'), r.nameSpan, 'vpc_id'),
    serviceName: orMissing(b.str('service_name'), r.nameSpan, 'service_name'),
    endpointType: orDefault(b.oneOf('vpc_endpoint_type', ENDPOINT_TYPES), 'Gateway', r.nameSpan),
    routeTables: [...b.ids('route_table_ids'), ...(extra?.routeTables ?? [])],
    subnets: [...b.ids('subnet_ids'), ...(extra?.subnets ?? [])],
    securityGroups: [...b.ids('security_group_ids'), ...(extra?.securityGroups ?? [])],
    privateDnsEnabled: b.bool('private_dns_enabled'),
  });
}

export function mapVpnGateway(r: EvaluatedResource, ctx: MapContext): VpnGateway {
  return withFields(baseOf(r, 'vgw', ctx), { vpc: view(r, ctx).id('vpc_id') });
}

export function mapCustomerGateway(r: EvaluatedResource, ctx: MapContext): CustomerGateway {
  const b = view(r, ctx);
  return withFields(baseOf(r, 'cgw', ctx), { ipAddress: b.str('ip_address'), bgpAsn: b.num('bgp_asn') });
}

export function mapVpnConnection(r: EvaluatedResource, ctx: MapContext): VpnConnection {
  const b = view(r, ctx);
  return withFields(baseOf(r, 'vpn', ctx), {
    customerGateway: orMissing(b.id('customer_gateway_id'), r.nameSpan, 'customer_gateway_id'),
    vpnGateway: b.id('vpn_gateway_id'),
    transitGateway: b.id('transit_gateway_id'),
    staticRoutesOnly: b.bool('static_routes_only'),
  });
}

export function mapDxGateway(r: EvaluatedResource, ctx: MapContext): DxGateway {
  return withFields(baseOf(r, 'dx-gateway', ctx), { amazonSideAsn: view(r, ctx).num('amazon_side_asn') });
}
