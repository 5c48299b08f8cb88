// Static reproduction of aws-cdk-lib's L2 ec2.Vpc subnet allocation (see allocateCdkVpc).
export { allocateCdkVpc, DEFAULT_CIDR } from './allocateCdkVpc';
export type {
  CdkSubnetType,
  CdkSubnetConfig,
  CdkVpcProps,
  CdkVpcLayout,
  CdkVpcSubnet,
  CdkVpcNatGateway,
  CdkVpcPrivateRoute,
  CdkVpcReservedBlock,
} from './types';
