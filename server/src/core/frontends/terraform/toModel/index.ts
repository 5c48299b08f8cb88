import { mapResources, type ResourceMapper, safely } from '../../../model/mapResources';
import type { NetworkElement } from '../../../model/types';
import type { EvaluatedResource } from '../evaluated';
import {
  mapFlowLog,
  mapInstance,
  mapListener,
  mapLoadBalancer,
  mapNetworkInterface,
  mapTargetGroup,
} from './compute';
import { MapContext } from './context';
import { collectFolds, type Folds } from './folds';
import {
  mapCustomerGateway,
  mapDxGateway,
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
import {
  mapMainRouteTableAssociation,
  mapRoute,
  mapRouteTable,
  mapRouteTableAssociation,
} from './routing';
import {
  mapNaclAssociation,
  mapNetworkAcl,
  mapNetworkAclRule,
  mapSecurityGroup,
  mapSecurityGroupRule,
  mapVpcSecurityGroupRule,
} from './security';
import { mapSubnet, mapVpc, mapVpcCidrAssociation } from './vpc';

type Mapper = ResourceMapper<EvaluatedResource, MapContext, Folds>;

/**
 * Terraform resource type -> model elements. Types missing here map to nothing. Folded resources
 * (`aws_eip_association`, endpoint associations, the peering accepter) are read by `collectFolds` instead.
 */
const MAPPERS: Readonly<Record<string, Mapper>> = {
  aws_vpc: mapVpc,
  aws_vpc_ipv4_cidr_block_association: mapVpcCidrAssociation,
  aws_vpc_ipv6_cidr_block_association: mapVpcCidrAssociation,
  aws_subnet: mapSubnet,
  aws_route_table: mapRouteTable,
  aws_default_route_table: mapRouteTable,
  aws_route: mapRoute,
  aws_route_table_association: mapRouteTableAssociation,
  aws_main_route_table_association: mapMainRouteTableAssociation,
  aws_internet_gateway: mapInternetGateway,
  aws_internet_gateway_attachment: mapGatewayAttachment,
  aws_egress_only_internet_gateway: mapEgressOnlyInternetGateway,
  aws_nat_gateway: mapNatGateway,
  aws_eip: mapElasticIp,
  aws_security_group: mapSecurityGroup,
  aws_default_security_group: mapSecurityGroup,
  aws_security_group_rule: mapSecurityGroupRule,
  aws_vpc_security_group_ingress_rule: mapVpcSecurityGroupRule,
  aws_vpc_security_group_egress_rule: mapVpcSecurityGroupRule,
  aws_network_acl: mapNetworkAcl,
  aws_default_network_acl: mapNetworkAcl,
  aws_network_acl_rule: mapNetworkAclRule,
  aws_network_acl_association: mapNaclAssociation,
  aws_vpc_peering_connection: mapPeering,
  aws_ec2_transit_gateway: mapTransitGateway,
  aws_ec2_transit_gateway_vpc_attachment: mapTransitGatewayAttachment,
  aws_ec2_transit_gateway_route: mapTransitGatewayRoute,
  aws_vpc_endpoint: mapVpcEndpoint,
  aws_vpn_gateway: mapVpnGateway,
  aws_vpn_gateway_attachment: mapGatewayAttachment,
  aws_customer_gateway: mapCustomerGateway,
  aws_vpn_connection: mapVpnConnection,
  aws_dx_gateway: mapDxGateway,
  aws_lb: mapLoadBalancer,
  aws_alb: mapLoadBalancer,
  aws_elb: mapLoadBalancer,
  aws_lb_listener: mapListener,
  aws_alb_listener: mapListener,
  aws_lb_target_group: mapTargetGroup,
  aws_alb_target_group: mapTargetGroup,
  aws_instance: mapInstance,
  aws_network_interface: mapNetworkInterface,
  aws_flow_log: mapFlowLog,
};

/**
 * Maps evaluated Terraform resources (all of one workspace, so references between them resolve) to
 * format-neutral model elements, in resource order. Back-references (routes of a table, VPC blocks from
 * associations, ...) are left to `linkModel`. Never throws: a resource that cannot be mapped is left out.
 */
export function resourcesToElements(resources: readonly EvaluatedResource[]): NetworkElement[] {
  const ctx = new MapContext(resources);
  const folds = safely(() => collectFolds(resources, ctx)) ?? { eipAssociations: new Map(), endpointParts: new Map() };
  return mapResources(resources, MAPPERS, ctx, folds);
}
