import { orDefault, orMissing } from '../../../model/fields';
import type {
  CustomerGateway,
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
import type { CfnResource } from '../eval/evaluated';
import { baseOf, opt, Props, type MapContext } from './context';
import type { Folds } from './folds';

export function mapInternetGateway(r: CfnResource): InternetGateway {
  // CloudFormation attaches gateways only through AWS::EC2::VPCGatewayAttachment.
  return baseOf(r, 'igw');
}

export function mapEgressOnlyInternetGateway(r: CfnResource, ctx: MapContext): EgressOnlyInternetGateway {
  return { ...baseOf(r, 'egress-igw'), vpc: orMissing(Props.of(r, ctx).id('VpcId'), r.nameSpan, 'VpcId') };
}

/** `AWS::EC2::VPCGatewayAttachment`: an internet gateway or a virtual private gateway. */
export function mapGatewayAttachment(r: CfnResource, ctx: MapContext): GatewayAttachment {
  const p = Props.of(r, ctx);
  const property = p.has('VpnGatewayId') && !p.has('InternetGatewayId') ? 'VpnGatewayId' : 'InternetGatewayId';
  return {
    ...baseOf(r, 'gateway-attachment'),
    vpc: orMissing(p.id('VpcId'), r.nameSpan, 'VpcId'),
    gateway: orMissing(p.id(property), r.nameSpan, 'InternetGatewayId or VpnGatewayId'),
  };
}

export function mapNatGateway(r: CfnResource, ctx: MapContext): NatGateway {
  const p = Props.of(r, ctx);
  // A literal allocation id (`eipalloc-...`) is an EIP made elsewhere: still an allocation.
  const allocation = p.get('AllocationId')?.k === 'string' ? p.str('AllocationId') : p.id('AllocationId');
  return {
    ...baseOf(r, 'nat'),
    subnet: orMissing(p.id('SubnetId'), r.nameSpan, 'SubnetId'),
    ...opt('allocation', allocation),
    ...opt('connectivity', p.oneOf('ConnectivityType', ['public', 'private'] as const)),
  };
}

export function mapElasticIp(r: CfnResource, ctx: MapContext, folds: Folds): ElasticIp {
  const p = Props.of(r, ctx);
  const domain = p.str('Domain');
  const association = folds.eipAssociations.get(r.elementId);
  return {
    ...baseOf(r, 'eip'),
    ...opt('domainVpc', domain && (domain.known ? { ...domain, value: domain.value.toLowerCase() === 'vpc' } : domain)),
    ...opt('instance', p.id('InstanceId') ?? association?.instance),
    ...opt('networkInterface', association?.networkInterface),
    associatedWith: [],
  };
}

export function mapPeering(r: CfnResource, ctx: MapContext): VpcPeering {
  const p = Props.of(r, ctx);
  return {
    ...baseOf(r, 'peering'),
    vpc: orMissing(p.id('VpcId'), r.nameSpan, 'VpcId'),
    peerVpc: orMissing(p.id('PeerVpcId'), r.nameSpan, 'PeerVpcId'),
    ...opt('peerOwnerId', p.str('PeerOwnerId')),
    ...opt('peerRegion', p.str('PeerRegion')),
  };
}

export function mapTransitGateway(r: CfnResource, ctx: MapContext): TransitGateway {
  return { ...baseOf(r, 'tgw'), ...opt('amazonSideAsn', Props.of(r, ctx).num('AmazonSideAsn')) };
}

/** `AWS::EC2::TransitGatewayAttachment` and `AWS::EC2::TransitGatewayVpcAttachment`. */
export function mapTransitGatewayAttachment(r: CfnResource, ctx: MapContext): TransitGatewayAttachment {
  const p = Props.of(r, ctx);
  return {
    ...baseOf(r, 'tgw-attachment'),
    transitGateway: orMissing(p.id('TransitGatewayId'), r.nameSpan, 'TransitGatewayId'),
    vpc: orMissing(p.id('VpcId'), r.nameSpan, 'VpcId'),
    subnets: p.ids('SubnetIds'),
  };
}

export function mapTransitGatewayRoute(r: CfnResource, ctx: MapContext): TransitGatewayRoute {
  const p = Props.of(r, ctx);
  return {
    ...baseOf(r, 'tgw-route'),
    destination: orMissing(p.str('DestinationCidrBlock'), r.nameSpan, 'DestinationCidrBlock'),
    ...opt('attachment', p.id('TransitGatewayAttachmentId')),
    ...opt('blackhole', p.bool('Blackhole')),
  };
}

const ENDPOINT_TYPES = ['Gateway', 'Interface', 'GatewayLoadBalancer'] as const;

/** `AWS::EC2::VPCEndpoint`: `VpcEndpointType` defaults to Gateway. */
export function mapVpcEndpoint(r: CfnResource, ctx: MapContext): VpcEndpoint {
  const p = Props.of(r, ctx);
  return {
    ...baseOf(r, 'endpoint'),
    vpc: orMissing(p.id('VpcId'), r.nameSpan, 'VpcId'),
    serviceName: orMissing(p.str('ServiceName'), r.nameSpan, 'ServiceName'),
    endpointType: orDefault(p.oneOf('VpcEndpointType', ENDPOINT_TYPES), 'Gateway', r.nameSpan),
    routeTables: p.ids('RouteTableIds'),
    subnets: p.ids('SubnetIds'),
    securityGroups: p.ids('SecurityGroupIds'),
    ...opt('privateDnsEnabled', p.bool('PrivateDnsEnabled')),
  };
}

export function mapVpnGateway(r: CfnResource): VpnGateway {
  return baseOf(r, 'vgw');
}

export function mapCustomerGateway(r: CfnResource, ctx: MapContext): CustomerGateway {
  const p = Props.of(r, ctx);
  return { ...baseOf(r, 'cgw'), ...opt('ipAddress', p.str('IpAddress')), ...opt('bgpAsn', p.num('BgpAsn')) };
}

export function mapVpnConnection(r: CfnResource, ctx: MapContext): VpnConnection {
  const p = Props.of(r, ctx);
  return {
    ...baseOf(r, 'vpn'),
    customerGateway: orMissing(p.id('CustomerGatewayId'), r.nameSpan, 'CustomerGatewayId'),
    ...opt('vpnGateway', p.id('VpnGatewayId')),
    ...opt('transitGateway', p.id('TransitGatewayId')),
    ...opt('staticRoutesOnly', p.bool('StaticRoutesOnly')),
  };
}
