import { mapResources, type ResourceMapper, safely } from '../../../model/mapResources';
import type { NetworkElement } from '../../../model/types';
import type { CfnResource } from '../eval/evaluated';
import { mapFlowLog, mapInstance, mapListener, mapLoadBalancer, mapNetworkInterface, mapTargetGroup } from './compute';
import { MapContext } from './context';
import { collectFolds, type Folds } from './folds';
import {
  mapCustomerGateway,
  mapEgressOnlyInternetGateway,
  mapElasticIp,
  mapGatewayAttachment,
  mapInternetGateway,
  mapNatGateway,
  mapPeering,
  mapTransitGateway,
  mapTransitGatewayAttachment,
  mapTransitGatewayRoute,
  mapVpcEndpoint,
  mapVpnConnection,
  mapVpnGateway,
} from './gateways';
import { mapRoute, mapRouteTable, mapRouteTableAssociation } from './routing';
import { mapNaclAssociation, mapNetworkAcl, mapNetworkAclEntry, mapSecurityGroup, mapSecurityGroupRule } from './security';
import { mapSubnet, mapVpc, mapVpcCidrBlock } from './vpc';

type Mapper = ResourceMapper<CfnResource, MapContext, Folds>;

/**
 * CloudFormation resource type -> model elements. Types missing here map to nothing; `EIPAssociation` is
 * folded into its EIP (folds.ts).
 */
const MAPPERS: Readonly<Record<string, Mapper>> = {
  'AWS::EC2::VPC': mapVpc,
  'AWS::EC2::VPCCidrBlock': mapVpcCidrBlock,
  'AWS::EC2::Subnet': mapSubnet,
  'AWS::EC2::InternetGateway': mapInternetGateway,
  'AWS::EC2::VPCGatewayAttachment': mapGatewayAttachment,
  'AWS::EC2::EgressOnlyInternetGateway': mapEgressOnlyInternetGateway,
  'AWS::EC2::RouteTable': mapRouteTable,
  'AWS::EC2::Route': mapRoute,
  'AWS::EC2::SubnetRouteTableAssociation': mapRouteTableAssociation,
  'AWS::EC2::GatewayRouteTableAssociation': mapRouteTableAssociation,
  'AWS::EC2::NatGateway': mapNatGateway,
  'AWS::EC2::EIP': mapElasticIp,
  'AWS::EC2::SecurityGroup': mapSecurityGroup,
  'AWS::EC2::SecurityGroupIngress': mapSecurityGroupRule,
  'AWS::EC2::SecurityGroupEgress': mapSecurityGroupRule,
  'AWS::EC2::NetworkAcl': mapNetworkAcl,
  'AWS::EC2::NetworkAclEntry': mapNetworkAclEntry,
  'AWS::EC2::SubnetNetworkAclAssociation': mapNaclAssociation,
  'AWS::EC2::VPCPeeringConnection': mapPeering,
  'AWS::EC2::TransitGateway': mapTransitGateway,
  'AWS::EC2::TransitGatewayAttachment': mapTransitGatewayAttachment,
  'AWS::EC2::TransitGatewayVpcAttachment': mapTransitGatewayAttachment,
  'AWS::EC2::TransitGatewayRoute': mapTransitGatewayRoute,
  'AWS::EC2::VPCEndpoint': mapVpcEndpoint,
  'AWS::EC2::VPNGateway': mapVpnGateway,
  'AWS::EC2::CustomerGateway': mapCustomerGateway,
  'AWS::EC2::VPNConnection': mapVpnConnection,
  'AWS::EC2::FlowLog': mapFlowLog,
  'AWS::EC2::Instance': mapInstance,
  'AWS::EC2::NetworkInterface': mapNetworkInterface,
  'AWS::ElasticLoadBalancingV2::LoadBalancer': mapLoadBalancer,
  'AWS::ElasticLoadBalancingV2::Listener': mapListener,
  'AWS::ElasticLoadBalancingV2::TargetGroup': mapTargetGroup,
  'AWS::ElasticLoadBalancing::LoadBalancer': mapLoadBalancer,
};

/**
 * Maps evaluated CloudFormation resources (all of one unit, so references between them resolve) to
 * format-neutral model elements, in resource order. Back-references are left to `linkModel`. Never throws:
 * a resource that cannot be mapped is left out.
 */
export function resourcesToElements(resources: readonly CfnResource[]): NetworkElement[] {
  const ctx = new MapContext(resources);
  const folds = safely(() => collectFolds(resources, ctx)) ?? { eipAssociations: new Map() };
  return mapResources(resources, MAPPERS, ctx, folds);
}
