import type { VpcDefaultPart } from '../../../model/fields';

/**
 * What `Ref` and `Fn::GetAtt` of a resource mean for the network model. Shared by the evaluator (which
 * attributes are values written in the template) and the model mapping (which attributes stand for the
 * resource itself). Names per the AWS CloudFormation resource reference ("Return values").
 */

/** `Fn::GetAtt` attributes that are a property the template writes: the evaluator returns that value. */
export const FOLLOWED_ATTRIBUTES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'AWS::EC2::VPC': { CidrBlock: 'CidrBlock' },
  'AWS::EC2::Subnet': {
    AvailabilityZone: 'AvailabilityZone',
    AvailabilityZoneId: 'AvailabilityZoneId',
    CidrBlock: 'CidrBlock',
    VpcId: 'VpcId',
  },
  'AWS::EC2::SecurityGroup': { VpcId: 'VpcId' },
  'AWS::EC2::NetworkInterface': { PrimaryPrivateIpAddress: 'PrivateIpAddress' },
};

/** Attributes every resource type answers with its own id (`Ref` is the usual one). */
const GENERIC_IDENTITY = new Set(['Ref', 'Id', 'Arn']);

/** Type-specific attributes that return the resource's own id. */
const IDENTITY_BY_TYPE: Readonly<Record<string, readonly string[]>> = {
  'AWS::EC2::VPC': ['VpcId'],
  'AWS::EC2::Subnet': ['SubnetId'],
  'AWS::EC2::SecurityGroup': ['GroupId'],
  'AWS::EC2::EIP': ['AllocationId', 'PublicIp'],
  'AWS::EC2::InternetGateway': ['InternetGatewayId'],
  'AWS::EC2::RouteTable': ['RouteTableId'],
  'AWS::EC2::NatGateway': ['NatGatewayId'],
  'AWS::EC2::VPNGateway': ['VPNGatewayId'],
  'AWS::EC2::CustomerGateway': ['CustomerGatewayId'],
  'AWS::EC2::VPNConnection': ['VpnConnectionId'],
  'AWS::EC2::Instance': ['InstanceId'],
  'AWS::ElasticLoadBalancingV2::LoadBalancer': ['LoadBalancerArn'],
  'AWS::ElasticLoadBalancingV2::TargetGroup': ['TargetGroupArn'],
  'AWS::ElasticLoadBalancingV2::Listener': ['ListenerArn'],
};

/** True when `Fn::GetAtt Res.<attr>` (or `Ref Res`, attr `Ref`) is the resource's own id. */
export function isIdentityAttribute(type: string | undefined, attr: string): boolean {
  if (GENERIC_IDENTITY.has(attr)) return true;
  return type !== undefined && (IDENTITY_BY_TYPE[type]?.includes(attr) ?? false);
}

/** `!GetAtt Vpc.DefaultSecurityGroup` / `DefaultNetworkAcl`: parts AWS creates with the VPC. */
export function vpcDefaultPartOf(type: string | undefined, attr: string): VpcDefaultPart | undefined {
  if (type !== 'AWS::EC2::VPC') return undefined;
  if (attr === 'DefaultSecurityGroup') return 'sg';
  if (attr === 'DefaultNetworkAcl') return 'nacl';
  return undefined;
}
