import type { Rule } from './types';
import { cidrSyntax } from './addressing/cidrSyntax';
import { cidrHostBits } from './addressing/cidrHostBits';
import { vpcCidrSize } from './addressing/vpcCidrSize';
import { subnetCidrSize } from './addressing/subnetCidrSize';
import { vpcCidrRange } from './addressing/vpcCidrRange';
import { vpcSecondaryCidr } from './addressing/vpcSecondaryCidr';
import { vpcCidrLimit } from './addressing/vpcCidrLimit';
import { subnetOutsideVpc } from './addressing/subnetOutsideVpc';
import { subnetOverlap } from './addressing/subnetOverlap';
import { subnetPublicOversized } from './addressing/subnetPublicOversized';
import { endpointGatewayService } from './endpoints/endpointGatewayService';
import { endpointGatewayNoRouteTable } from './endpoints/endpointGatewayNoRouteTable';
import { endpointPrivateDns } from './endpoints/endpointPrivateDns';
import { endpointInterfaceSingleAz } from './endpoints/endpointInterfaceSingleAz';
import { sgWorldAdminPort } from './security/sgWorldAdminPort';
import { sgWorldAllTraffic } from './security/sgWorldAllTraffic';
import { sgPortRange } from './security/sgPortRange';
import { sgCrossVpcReference } from './security/sgCrossVpcReference';
import { naclRuleNumber } from './security/naclRuleNumber';
import { naclShadowedRule } from './security/naclShadowedRule';
import { naclEphemeralReturn } from './security/naclEphemeralReturn';
import { naclWorldAdminPort } from './security/naclWorldAdminPort';
// Routing and gateways; peering, transit and hybrid
import { routeDuplicate } from './routing/routeDuplicate';
import { routeCrossVpc } from './routing/routeCrossVpc';
import { igwMultiple } from './routing/igwMultiple';
import { natPrivateSubnet } from './routing/natPrivateSubnet';
import { natMissingEip } from './routing/natMissingEip';
import { natCrossAz } from './routing/natCrossAz';
import { subnetImplicitRouteTable } from './routing/subnetImplicitRouteTable';
import { publicIpPrivateSubnet } from './routing/publicIpPrivateSubnet';
import { peeringCidrOverlap } from './peering/peeringCidrOverlap';
import { peeringTransitiveRoute } from './peering/peeringTransitiveRoute';
import { peeringMissingRoute } from './peering/peeringMissingRoute';
import { tgwAttachmentAz } from './peering/tgwAttachmentAz';
// Load balancers; observability and cost
import { lbSingleAz } from './loadBalancing/lbSingleAz';
import { lbInternetFacingPrivate } from './loadBalancing/lbInternetFacingPrivate';
import { lbHttpsCertificate } from './loadBalancing/lbHttpsCertificate';
import { lbDeregistrationDelay } from './loadBalancing/lbDeregistrationDelay';
import { lbHttpListener } from './loadBalancing/lbHttpListener';
import { vpcFlowLogs } from './observability/vpcFlowLogs';
import { eipUnassociated } from './observability/eipUnassociated';

/**
 * Every implemented rule, listed explicitly (no discovery magic): adding a rule means adding it here and
 * setting `implemented: true` in its catalog entry (a unit test holds the two in step).
 */
export const RULES: readonly Rule[] = [
  // Addressing
  cidrSyntax,
  cidrHostBits,
  vpcCidrSize,
  subnetCidrSize,
  vpcCidrRange,
  vpcSecondaryCidr,
  vpcCidrLimit,
  subnetOutsideVpc,
  subnetOverlap,
  subnetPublicOversized,
  // VPC endpoints
  endpointGatewayService,
  endpointGatewayNoRouteTable,
  endpointPrivateDns,
  endpointInterfaceSingleAz,
  // Security groups and network ACLs
  sgWorldAdminPort,
  sgWorldAllTraffic,
  sgPortRange,
  sgCrossVpcReference,
  naclRuleNumber,
  naclShadowedRule,
  naclEphemeralReturn,
  naclWorldAdminPort,
  // Routing and gateways
  routeDuplicate,
  routeCrossVpc,
  igwMultiple,
  natPrivateSubnet,
  natMissingEip,
  natCrossAz,
  subnetImplicitRouteTable,
  publicIpPrivateSubnet,
  // Peering, transit and hybrid
  peeringCidrOverlap,
  peeringTransitiveRoute,
  peeringMissingRoute,
  tgwAttachmentAz,
  // Load balancers
  lbSingleAz,
  lbInternetFacingPrivate,
  lbHttpsCertificate,
  lbDeregistrationDelay,
  lbHttpListener,
  // Observability and cost
  vpcFlowLogs,
  eipUnassociated,
];
