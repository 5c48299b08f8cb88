/**
 * Input and output of the static reproduction of aws-cdk-lib's L2 `ec2.Vpc` subnet allocation
 * (aws-cdk-lib 2.276: aws-ec2/lib/vpc.js, network-util.js, ip-addresses.js, nat.js).
 */

/** `ec2.SubnetType` member names (not their runtime values, which CDK prints in its messages). */
export type CdkSubnetType =
  | 'PUBLIC'
  | 'PRIVATE_WITH_EGRESS'
  | 'PRIVATE_WITH_NAT'
  | 'PRIVATE_ISOLATED'
  | 'ISOLATED'
  | 'PRIVATE';

export interface CdkSubnetConfig {
  name: string;
  subnetType: CdkSubnetType;
  cidrMask?: number;
  reserved?: boolean;
  mapPublicIpOnLaunch?: boolean;
}

export interface CdkVpcProps {
  /** `IpAddresses.cidr(...)` or the legacy `cidr`; default 10.0.0.0/16. */
  cidr?: string;
  maxAzs?: number;
  /** Explicit AZ names (`availabilityZones`). */
  availabilityZones?: string[];
  natGateways?: number;
  natGatewaySubnets?: { subnetGroupName?: string; subnetType?: CdkSubnetType };
  subnetConfiguration?: CdkSubnetConfig[];
  reservedAzs?: number;
  /** The stack's region; unknown (undefined) means an environment-agnostic stack. */
  region?: string;
  /**
   * Overrides the environment-agnostic test. CDK treats a stack as agnostic unless BOTH account and
   * region are concrete, so a front-end that sees `env: { region: 'x' }` without an account passes true.
   */
  envAgnostic?: boolean;
  /**
   * The stack's AZ list when it is known: the `availability-zones:account=..:region=..` entry of
   * cdk.context.json for a concrete environment, or the `aws:cdk:availability-zones:fallback` context for an
   * agnostic one. Without it CDK's AZs are placeholders, reported as symbolic names 'az#0', 'az#1', ...
   */
  stackAvailabilityZones?: string[];
  /** Construct path of the Vpc, only used to word CDK's error messages (default 'Vpc'). */
  constructPath?: string;
  /** `ipProtocol: ec2.IpProtocol.DUAL_STACK`: public subnets then map no public IPv4 addresses by default. */
  dualStack?: boolean;
}

export interface CdkVpcSubnet {
  group: string;
  type: CdkSubnetType;
  /** Index of the AZ in the VPC's AZ list (CDK's `index` in `${name}Subnet${index + 1}`). */
  azIndex: number;
  az: string;
  cidr: string;
  mapPublicIpOnLaunch: boolean;
  /** CDK's construct id of the subnet, e.g. PublicSubnet1. */
  logicalName: string;
}

export interface CdkVpcNatGateway {
  /** Index into `subnets` of the public subnet that holds the NAT gateway. */
  subnetIndex: number;
  az: string;
}

export interface CdkVpcPrivateRoute {
  /** Index into `subnets` of a non-public subnet. */
  subnetIndex: number;
  /** The NAT gateway (index into `natGateways`) its 0.0.0.0/0 route goes to; absent: no default route. */
  natIndex?: number;
}

/** Address space CDK allocated for a `reserved` group or a `reservedAzs` placeholder, with no subnet in it. */
export interface CdkVpcReservedBlock {
  group: string;
  azIndex: number;
  cidr: string;
}

export type CdkVpcLayout =
  | {
      ok: true;
      /** The VPC block CDK writes to AWS::EC2::VPC CidrBlock. */
      cidr: string;
      /** AZs that get subnets: real names when known, else symbolic 'az#0', 'az#1', ... */
      azs: string[];
      subnets: CdkVpcSubnet[];
      natGateways: CdkVpcNatGateway[];
      /** Default route of each non-public subnet (private and isolated), in `subnets` order. */
      privateRoutes: CdkVpcPrivateRoute[];
      /** Allocated but unused space: reserved groups and reserved AZs. */
      reserved: CdkVpcReservedBlock[];
      /** Whether CDK creates an internet gateway (any non-isolated, non-reserved group). */
      internetGateway: boolean;
    }
  | { ok: false; message: string };
