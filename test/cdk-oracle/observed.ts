// What the oracle can observe of a VPC in a synthesized template, and the same view of allocateCdkVpc's result.
import type { CdkSubnetType, CdkVpcLayout } from '../../server/src/core/frontends/cdk/vpcLayout';

/** The `aws-cdk:subnet-type` tag CDK puts on each subnet. */
export type SubnetKind = 'Public' | 'Private' | 'Isolated';

export interface ObservedSubnet {
  logicalName: string;
  group: string;
  kind: SubnetKind;
  az: string;
  cidr: string;
  mapPublicIpOnLaunch: boolean;
}

export type ObservedLayout =
  | {
      ok: true;
      cidr: string;
      azs: string[];
      subnets: ObservedSubnet[];
      natGateways: { subnetIndex: number; az: string }[];
      privateRoutes: { subnetIndex: number; natIndex?: number }[];
      internetGateway: boolean;
    }
  | { ok: false; message: string };

const KIND: Record<CdkSubnetType, SubnetKind> = {
  PUBLIC: 'Public',
  PRIVATE_WITH_EGRESS: 'Private',
  PRIVATE_WITH_NAT: 'Private',
  PRIVATE: 'Private',
  PRIVATE_ISOLATED: 'Isolated',
  ISOLATED: 'Isolated',
};

/** allocateCdkVpc's result reduced to what a template shows. */
export function observeLayout(layout: CdkVpcLayout): ObservedLayout {
  if (!layout.ok) return { ok: false, message: layout.message };
  return {
    ok: true,
    cidr: layout.cidr,
    azs: layout.azs,
    subnets: layout.subnets.map((s) => ({
      logicalName: s.logicalName,
      group: s.group,
      kind: KIND[s.type],
      az: s.az,
      cidr: s.cidr,
      mapPublicIpOnLaunch: s.mapPublicIpOnLaunch,
    })),
    natGateways: layout.natGateways.map((n) => ({ subnetIndex: n.subnetIndex, az: n.az })),
    privateRoutes: layout.privateRoutes.map((r) => (r.natIndex === undefined ? { subnetIndex: r.subnetIndex } : { ...r })),
    internetGateway: layout.internetGateway,
  };
}
