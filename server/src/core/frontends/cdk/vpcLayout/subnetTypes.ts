import type { CdkSubnetConfig, CdkSubnetType } from './types';

/** The runtime value of each `ec2.SubnetType` member: what CDK prints in its messages. */
export const SUBNET_TYPE_VALUE: Readonly<Record<CdkSubnetType, string>> = {
  PRIVATE_ISOLATED: 'Isolated',
  ISOLATED: 'Deprecated_Isolated',
  PRIVATE_WITH_EGRESS: 'Private',
  PRIVATE_WITH_NAT: 'Deprecated_Private_NAT',
  PRIVATE: 'Deprecated_Private',
  PUBLIC: 'Public',
};

/** Which of the Vpc's subnet lists (publicSubnets, privateSubnets, isolatedSubnets) a type lands in. */
export type SubnetRole = 'public' | 'private' | 'isolated';

/** Accepts any string (a type read from user code): unknown types have no role. */
export function subnetRole(type: CdkSubnetType | string | undefined): SubnetRole | undefined {
  switch (type) {
    case 'PUBLIC':
      return 'public';
    case 'PRIVATE_WITH_EGRESS':
    case 'PRIVATE_WITH_NAT':
    case 'PRIVATE':
      return 'private';
    case 'PRIVATE_ISOLATED':
    case 'ISOLATED':
      return 'isolated';
    default:
      return undefined;
  }
}

/** Vpc.DEFAULT_SUBNETS, or DEFAULT_SUBNETS_NO_NAT when `natGateways: 0`. */
export function defaultSubnetConfiguration(natGateways: number | undefined): CdkSubnetConfig[] {
  return natGateways === 0
    ? [
        { subnetType: 'PUBLIC', name: 'Public' },
        { subnetType: 'PRIVATE_ISOLATED', name: 'Isolated' },
      ]
    : [
        { subnetType: 'PUBLIC', name: 'Public' },
        { subnetType: 'PRIVATE_WITH_EGRESS', name: 'Private' },
      ];
}

/** JSON.stringify of the configuration as CDK sees it (enum values instead of member names). */
export function configurationJson(configs: readonly CdkSubnetConfig[]): string {
  return JSON.stringify(
    configs.map((config) =>
      Object.fromEntries(
        Object.entries(config).map(([key, value]) =>
          key === 'subnetType' ? [key, SUBNET_TYPE_VALUE[value as CdkSubnetType] ?? value] : [key, value],
        ),
      ),
    ),
  );
}
