import { CdkVpcError } from './cdkError';
import { SUBNET_TYPE_VALUE, configurationJson, subnetRole, type SubnetRole } from './subnetTypes';
import type { CdkSubnetConfig, CdkSubnetType, CdkVpcNatGateway, CdkVpcProps } from './types';

/** A subnet the Vpc created, as NAT placement sees it. */
export interface CreatedSubnet {
  group: string;
  role: SubnetRole;
  az: string;
  /** CDK's construct path of the subnet, used in its error messages. */
  path: string;
}

/**
 * determineNatGatewayCount (vpc.js): `natGateways` capped at the AZ count (reserved AZs included), by
 * default one per AZ when there are private subnets. Throws CDK's messages for the two impossible asks.
 */
export function natGatewayCount(requested: number | undefined, configs: readonly CdkSubnetConfig[], azCount: number): number {
  const privateTypes: CdkSubnetType[] = ['PRIVATE_WITH_EGRESS', 'PRIVATE', 'PRIVATE_WITH_NAT'];
  const hasPrivateSubnets = configs.some((c) => privateTypes.includes(c.subnetType) && !c.reserved);
  const hasPublicSubnets = configs.some((c) => c.subnetType === 'PUBLIC' && !c.reserved);
  // PRIVATE_WITH_EGRESS means "egress of your own making", so it may go without NAT (reserved or not).
  const hasCustomEgress = configs.some((c) => c.subnetType === 'PRIVATE_WITH_EGRESS');
  const count = requested !== undefined ? Math.min(requested, azCount) : hasPrivateSubnets ? azCount : 0;
  if (count === 0 && hasPrivateSubnets && !hasCustomEgress) {
    throw new CdkVpcError(
      "If you do not want NAT gateways (natGateways=0), make sure you don't configure any PRIVATE(_WITH_NAT) subnets in 'subnetConfiguration' (make them PUBLIC or ISOLATED instead)",
    );
  }
  if (count > 0 && !hasPublicSubnets) {
    throw new CdkVpcError(
      `If you configure PRIVATE subnets in 'subnetConfiguration', you must also configure PUBLIC subnets to put the NAT gateways into (got ${configurationJson(configs)}.`,
    );
  }
  return count;
}

// Keys of selectSubnetObjectsByType's table, in its order: the "Available types" of its message.
const TYPES_IN_CDK_ORDER: CdkSubnetType[] = ['PRIVATE_ISOLATED', 'ISOLATED', 'PRIVATE_WITH_NAT', 'PRIVATE_WITH_EGRESS', 'PRIVATE', 'PUBLIC'];

/** Vpc.selectSubnetObjects for `natGatewaySubnets` (default: all PUBLIC subnets), as indexes into `subnets`. */
function selectNatSubnets(placement: CdkVpcProps['natGatewaySubnets'], subnets: readonly CreatedSubnet[]): number[] {
  const selection = placement ?? { subnetType: 'PUBLIC' as const };
  const provided = (['subnetType', 'subnetGroupName'] as const).filter((key) => selection[key] !== undefined);
  if (provided.length > 1) {
    throw new CdkVpcError(`Only one of '${provided.join(',')}' can be supplied to subnet selection.`);
  }
  const byRole = (role: SubnetRole): number[] => subnets.flatMap((s, i) => (s.role === role ? [i] : []));
  // CDK lists the Vpc's subnets public first, then private, then isolated.
  const all = [...byRole('public'), ...byRole('private'), ...byRole('isolated')];
  if (selection.subnetGroupName !== undefined) {
    const name = selection.subnetGroupName;
    const chosen = all.filter((i) => subnets[i]?.group === name);
    if (chosen.length === 0) {
      const names = [...new Set(all.map((i) => subnets[i]?.group))];
      throw new CdkVpcError(`There are no subnet groups with name '${name}' in this VPC. Available names: ${names.join(',')}`);
    }
    return chosen;
  }
  const type: CdkSubnetType =
    selection.subnetType ?? (byRole('private').length ? 'PRIVATE_WITH_EGRESS' : byRole('isolated').length ? 'PRIVATE_ISOLATED' : 'PUBLIC');
  const role = subnetRole(type);
  const chosen = role ? byRole(role) : [];
  if (chosen.length === 0) {
    const available = TYPES_IN_CDK_ORDER.filter((t) => {
      const r = subnetRole(t);
      return r !== undefined && byRole(r).length > 0;
    }).map((t) => SUBNET_TYPE_VALUE[t]);
    throw new CdkVpcError(
      `There are no '${SUBNET_TYPE_VALUE[type] ?? type}' subnet groups in this VPC. Available types: ${available.join(',')}`,
    );
  }
  return chosen;
}

/**
 * Vpc.createNatGateways + NatGatewayProvider.configureNat (nat.js): one NAT gateway in each of the first
 * `count` selected public subnets; each private subnet routes to the NAT of its own AZ, else to the next
 * NAT in round-robin order (one counter across all private subnets, as CDK's PrefSet.pick).
 */
export function placeNatGateways(
  count: number,
  placement: CdkVpcProps['natGatewaySubnets'],
  subnets: readonly CreatedSubnet[],
): { natGateways: CdkVpcNatGateway[]; routes: Map<number, number> } {
  const selected = selectNatSubnets(placement, subnets);
  for (const index of selected) {
    const subnet = subnets[index];
    if (subnet && subnet.role !== 'public') {
      throw new CdkVpcError(`natGatewayPlacement [object Object] contains non public subnet ${subnet.path}`);
    }
  }
  const natGateways = selected.slice(0, count).map((subnetIndex) => ({ subnetIndex, az: subnets[subnetIndex]?.az ?? '' }));
  const byAz = new Map<string, number>();
  natGateways.forEach((nat, natIndex) => byAz.set(nat.az, natIndex));
  const routes = new Map<number, number>();
  let next = 0;
  subnets.forEach((subnet, subnetIndex) => {
    if (subnet.role !== 'private') return;
    if (natGateways.length === 0) throw new CdkVpcError('Cannot pick, set is empty');
    const own = byAz.get(subnet.az);
    routes.set(subnetIndex, own ?? next++ % natGateways.length);
  });
  return { natGateways, routes };
}
