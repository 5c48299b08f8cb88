import type { Span } from '../text/span';
import type { Field } from './field';

/**
 * The format-neutral network model. Front-ends (Terraform, CloudFormation, CDK) produce it; rules, hovers
 * and the topology read only it. References between elements are element ids (`Field<ElementId>`); a
 * reference that could not be resolved is an unknown field, never a guess.
 */
export type ElementId = string;

export type SourceFormat = 'terraform' | 'cloudformation' | 'cdk';

export type ElementKind =
  | 'vpc'
  | 'vpc-cidr-block'
  | 'subnet'
  | 'route-table'
  | 'route'
  | 'route-table-association'
  | 'main-route-table-association'
  | 'igw'
  | 'egress-igw'
  | 'gateway-attachment'
  | 'nat'
  | 'eip'
  | 'sg'
  | 'sg-rule'
  | 'nacl'
  | 'nacl-entry'
  | 'nacl-association'
  | 'peering'
  | 'tgw'
  | 'tgw-attachment'
  | 'tgw-route'
  | 'endpoint'
  | 'vgw'
  | 'cgw'
  | 'vpn'
  | 'dx-gateway'
  | 'lb'
  | 'listener'
  | 'target-group'
  | 'instance'
  | 'eni'
  | 'flow-log';

export interface ElementBase<K extends ElementKind = ElementKind> {
  readonly kind: K;
  /** Unique in the workspace model, stable across edits that do not rename the resource. */
  readonly id: ElementId;
  /** Address as the user writes it: `aws_subnet.public[0]`, `module.net.aws_vpc.main`, `PublicSubnet1`. */
  readonly address: string;
  /** The `Name` tag when known, for display. */
  readonly displayName?: string;
  readonly format: SourceFormat;
  /** The whole resource (block or template entry). */
  readonly span: Span;
  /** The resource's name as written (Terraform label, CloudFormation logical id): hover target. */
  readonly nameSpan: Span;
  /** Native type: `aws_subnet`, `AWS::EC2::Subnet`, `ec2.Vpc`. */
  readonly nativeType: string;
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * The construct path CDK recorded for the resource (`aws:cdk:path` in a synthesized template's Metadata,
   * `Network/Vpc/PublicSubnet1/Subnet`): ties a `cdk.out` element to the CDK source construct it came from.
   */
  readonly cdkPath?: string;
}

/** One IPv4 or IPv6 block of a VPC; the primary block comes from the VPC itself, others from associations. */
export interface CidrBlock {
  readonly cidr: Field<string>;
  readonly ipv6: boolean;
  readonly primary: boolean;
  /** The element that declares it (the VPC, or the association resource). */
  readonly declaredBy: ElementId;
  /** IPAM pool allocation (size known, address not): `netmaskLength`. */
  readonly ipamNetmaskLength?: Field<number>;
  /** Amazon-provided IPv6 block (`assign_generated_ipv6_cidr_block`, `AmazonProvidedIpv6CidrBlock`). */
  readonly amazonProvided?: boolean;
}

export interface Vpc extends ElementBase<'vpc'> {
  /** All IPv4 and IPv6 blocks, primary first (associations added by the model builder). */
  readonly cidrBlocks: CidrBlock[];
  readonly enableDnsSupport?: Field<boolean>;
  readonly enableDnsHostnames?: Field<boolean>;
  readonly instanceTenancy?: Field<string>;
}

/** A secondary block resource (`aws_vpc_ipv4_cidr_block_association`, `AWS::EC2::VPCCidrBlock`). */
export interface VpcCidrBlockAssociation extends ElementBase<'vpc-cidr-block'> {
  readonly vpc: Field<ElementId>;
  readonly block: CidrBlock;
}

export interface Subnet extends ElementBase<'subnet'> {
  readonly vpc: Field<ElementId>;
  /** AZ name (`us-east-1a`) or a symbolic one a front-end could only order (`az#0`). */
  readonly availabilityZone?: Field<string>;
  readonly availabilityZoneId?: Field<string>;
  readonly cidr?: Field<string>;
  readonly ipv6Cidr?: Field<string>;
  readonly mapPublicIpOnLaunch?: Field<boolean>;
  readonly assignIpv6OnCreation?: Field<boolean>;
}

export type RouteTargetKind =
  | 'igw'
  | 'egress-igw'
  | 'nat'
  | 'peering'
  | 'tgw'
  | 'vgw'
  | 'endpoint'
  | 'eni'
  | 'instance'
  | 'local'
  | 'carrier'
  | 'lgw'
  | 'core-network';

export interface RouteTarget {
  readonly kind: RouteTargetKind;
  /** The target element; unknown when the id could not be resolved to a model element. */
  readonly ref: Field<ElementId>;
}

export interface Route extends ElementBase<'route'> {
  readonly routeTable: Field<ElementId>;
  readonly destination?: Field<string>;
  readonly destinationIpv6?: Field<string>;
  readonly destinationPrefixList?: Field<string>;
  readonly target?: RouteTarget;
  /** Declared inside its table (inline `route {}` block, CDK-generated) rather than as its own resource. */
  readonly inline: boolean;
}

export interface RouteTable extends ElementBase<'route-table'> {
  readonly vpc: Field<ElementId>;
  /** `aws_default_route_table` / the VPC's implicit main table. */
  readonly isDefault: boolean;
  /** Element ids of the routes of this table, inline and standalone alike (filled by the model builder). */
  readonly routes: ElementId[];
  /** Gateways it propagates VGW routes from. */
  readonly propagatingVgws?: Field<ElementId>[];
}

export interface RouteTableAssociation extends ElementBase<'route-table-association'> {
  readonly routeTable: Field<ElementId>;
  readonly subnet?: Field<ElementId>;
  /** Edge association (`gateway_id`). */
  readonly gateway?: Field<ElementId>;
}

export interface MainRouteTableAssociation extends ElementBase<'main-route-table-association'> {
  readonly vpc: Field<ElementId>;
  readonly routeTable: Field<ElementId>;
}

export interface InternetGateway extends ElementBase<'igw'> {
  /** The VPC written on the gateway itself (`vpc_id`); attachment resources are separate elements. */
  readonly vpc?: Field<ElementId>;
}

export interface EgressOnlyInternetGateway extends ElementBase<'egress-igw'> {
  readonly vpc: Field<ElementId>;
}

/** Attaches an IGW or VGW to a VPC (`aws_internet_gateway_attachment`, `AWS::EC2::VPCGatewayAttachment`). */
export interface GatewayAttachment extends ElementBase<'gateway-attachment'> {
  readonly vpc: Field<ElementId>;
  readonly gateway: Field<ElementId>;
}

export interface NatGateway extends ElementBase<'nat'> {
  readonly subnet: Field<ElementId>;
  /** EIP allocation; absent = none written. */
  readonly allocation?: Field<ElementId | string>;
  /** `public` (default) or `private`. */
  readonly connectivity?: Field<'public' | 'private'>;
}

export interface ElasticIp extends ElementBase<'eip'> {
  readonly domainVpc?: Field<boolean>;
  readonly instance?: Field<ElementId>;
  readonly networkInterface?: Field<ElementId>;
  /** Set by the model builder when a NAT gateway, association or instance uses it. */
  readonly associatedWith: ElementId[];
}

export type Direction = 'ingress' | 'egress';

export type SgPeer =
  | { readonly kind: 'cidr'; readonly cidr: Field<string>; readonly ipv6: boolean }
  | { readonly kind: 'sg'; readonly group: Field<ElementId> }
  | { readonly kind: 'self' }
  | { readonly kind: 'prefix-list'; readonly prefixList: Field<string> };

export interface SecurityGroupRule extends ElementBase<'sg-rule'> {
  readonly group: Field<ElementId>;
  readonly direction: Direction;
  /** `-1`/`all`, `tcp`, `udp`, `icmp`, `icmpv6` or a protocol number, normalised to lower case names. */
  readonly protocol: Field<string>;
  readonly fromPort?: Field<number>;
  readonly toPort?: Field<number>;
  /** One rule may name several peers (`cidr_blocks = [...]`); each keeps its span. */
  readonly peers: SgPeer[];
  readonly inline: boolean;
  readonly description?: Field<string>;
}

export interface SecurityGroup extends ElementBase<'sg'> {
  readonly vpc?: Field<ElementId>;
  readonly groupName?: Field<string>;
  readonly isDefault: boolean;
  /** Rule element ids, inline and standalone (filled by the model builder). */
  readonly rules: ElementId[];
}

export interface NaclEntry extends ElementBase<'nacl-entry'> {
  readonly nacl: Field<ElementId>;
  readonly egress: boolean;
  readonly ruleNumber: Field<number>;
  readonly protocol: Field<string>;
  readonly action: Field<'allow' | 'deny'>;
  readonly cidr?: Field<string>;
  readonly ipv6Cidr?: Field<string>;
  readonly fromPort?: Field<number>;
  readonly toPort?: Field<number>;
  readonly icmpType?: Field<number>;
  readonly icmpCode?: Field<number>;
  readonly inline: boolean;
}

export interface NetworkAcl extends ElementBase<'nacl'> {
  readonly vpc: Field<ElementId>;
  readonly isDefault: boolean;
  readonly entries: ElementId[];
  /** Subnets associated inline (`subnet_ids`) or by association resources (filled by the model builder). */
  readonly subnets: Field<ElementId>[];
}

export interface NaclAssociation extends ElementBase<'nacl-association'> {
  readonly nacl: Field<ElementId>;
  readonly subnet: Field<ElementId>;
}

export interface VpcPeering extends ElementBase<'peering'> {
  readonly vpc: Field<ElementId>;
  readonly peerVpc: Field<ElementId>;
  readonly peerOwnerId?: Field<string>;
  readonly peerRegion?: Field<string>;
}

export interface TransitGateway extends ElementBase<'tgw'> {
  readonly amazonSideAsn?: Field<number>;
}

export interface TransitGatewayAttachment extends ElementBase<'tgw-attachment'> {
  readonly transitGateway: Field<ElementId>;
  readonly vpc: Field<ElementId>;
  readonly subnets: Field<ElementId>[];
}

export interface TransitGatewayRoute extends ElementBase<'tgw-route'> {
  readonly destination: Field<string>;
  readonly attachment?: Field<ElementId>;
  readonly blackhole?: Field<boolean>;
}

export interface VpcEndpoint extends ElementBase<'endpoint'> {
  readonly vpc: Field<ElementId>;
  readonly serviceName: Field<string>;
  /** `Gateway` (AWS default for Terraform is Gateway), `Interface`, `GatewayLoadBalancer`. */
  readonly endpointType: Field<'Gateway' | 'Interface' | 'GatewayLoadBalancer'>;
  readonly routeTables: Field<ElementId>[];
  readonly subnets: Field<ElementId>[];
  readonly securityGroups: Field<ElementId>[];
  readonly privateDnsEnabled?: Field<boolean>;
}

export interface VpnGateway extends ElementBase<'vgw'> {
  readonly vpc?: Field<ElementId>;
}

export interface CustomerGateway extends ElementBase<'cgw'> {
  readonly ipAddress?: Field<string>;
  readonly bgpAsn?: Field<number>;
}

export interface VpnConnection extends ElementBase<'vpn'> {
  readonly customerGateway: Field<ElementId>;
  readonly vpnGateway?: Field<ElementId>;
  readonly transitGateway?: Field<ElementId>;
  readonly staticRoutesOnly?: Field<boolean>;
}

export interface DxGateway extends ElementBase<'dx-gateway'> {
  readonly amazonSideAsn?: Field<number>;
}

export interface LoadBalancer extends ElementBase<'lb'> {
  readonly lbType: Field<'application' | 'network' | 'gateway' | 'classic'>;
  readonly internal: Field<boolean>;
  readonly subnets: Field<ElementId>[];
  readonly securityGroups: Field<ElementId>[];
}

export interface ListenerAction {
  readonly type: Field<string>;
  readonly redirectProtocol?: Field<string>;
  readonly targetGroup?: Field<ElementId>;
}

export interface Listener extends ElementBase<'listener'> {
  readonly loadBalancer: Field<ElementId>;
  readonly protocol?: Field<string>;
  readonly port?: Field<number>;
  readonly certificate?: Field<string>;
  readonly defaultActions: ListenerAction[];
}

export interface TargetGroup extends ElementBase<'target-group'> {
  readonly vpc?: Field<ElementId>;
  readonly protocol?: Field<string>;
  readonly port?: Field<number>;
  readonly targetType?: Field<string>;
  readonly deregistrationDelay?: Field<number>;
}

export interface Instance extends ElementBase<'instance'> {
  readonly subnet?: Field<ElementId>;
  readonly securityGroups: Field<ElementId>[];
  readonly associatePublicIp?: Field<boolean>;
  readonly privateIp?: Field<string>;
}

export interface NetworkInterface extends ElementBase<'eni'> {
  readonly subnet: Field<ElementId>;
  readonly securityGroups: Field<ElementId>[];
  readonly privateIps: Field<string>[];
}

export interface FlowLog extends ElementBase<'flow-log'> {
  /** The VPC, subnet or ENI it logs. */
  readonly resource: Field<ElementId>;
  readonly trafficType?: Field<string>;
}

export type NetworkElement =
  | Vpc
  | VpcCidrBlockAssociation
  | Subnet
  | RouteTable
  | Route
  | RouteTableAssociation
  | MainRouteTableAssociation
  | InternetGateway
  | EgressOnlyInternetGateway
  | GatewayAttachment
  | NatGateway
  | ElasticIp
  | SecurityGroup
  | SecurityGroupRule
  | NetworkAcl
  | NaclEntry
  | NaclAssociation
  | VpcPeering
  | TransitGateway
  | TransitGatewayAttachment
  | TransitGatewayRoute
  | VpcEndpoint
  | VpnGateway
  | CustomerGateway
  | VpnConnection
  | DxGateway
  | LoadBalancer
  | Listener
  | TargetGroup
  | Instance
  | NetworkInterface
  | FlowLog;

export type ElementOfKind<K extends ElementKind> = Extract<NetworkElement, { kind: K }>;
