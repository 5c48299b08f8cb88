import { allocateSubnetCidrs } from './allocateCidrs';
import { FAKE_AZ_NAME, vpcAvailabilityZones } from './availabilityZones';
import { CdkVpcError } from './cdkError';
import { natGatewayCount, placeNatGateways, type CreatedSubnet } from './natPlacement';
import { NetworkBuilder } from './networkBuilder';
import { SUBNET_TYPE_VALUE, defaultSubnetConfiguration, subnetRole } from './subnetTypes';
import type { CdkVpcLayout, CdkVpcProps, CdkVpcPrivateRoute, CdkVpcReservedBlock, CdkVpcSubnet } from './types';

/** The block of a Vpc written without one. */
export const DEFAULT_CIDR = '10.0.0.0/16';

/**
 * The subnets, NAT gateways and private default routes aws-cdk-lib 2.276's `new ec2.Vpc(scope, id, props)`
 * synthesizes, computed without running CDK. Where CDK would throw, returns `ok: false` with CDK's message.
 * Never throws.
 */
export function allocateCdkVpc(props: CdkVpcProps): CdkVpcLayout {
  try {
    return allocate(props);
  } catch (error) {
    if (error instanceof CdkVpcError) return { ok: false, message: error.message };
    return { ok: false, message: `cannot reproduce the CDK VPC layout: ${error instanceof Error ? error.message : String(error)}` };
  }
}

// The steps below follow the Vpc constructor's order, so the first problem found is the one CDK reports.
function allocate(props: CdkVpcProps): CdkVpcLayout {
  const vpcPath = props.constructPath ?? 'Vpc';
  if (props.availabilityZones && props.maxAzs) {
    throw new CdkVpcError("Vpc supports 'availabilityZones' or 'maxAzs', but not both.");
  }
  const builder = new NetworkBuilder(props.cidr ?? DEFAULT_CIDR);
  const azs = vpcAvailabilityZones(props);
  const configs = props.subnetConfiguration ?? defaultSubnetConfiguration(props.natGateways);
  const natCount = natGatewayCount(props.natGateways, configs, azs.length);

  // createSubnets: one request per (group, AZ), groups outer, AZs inner.
  const requests = configs.flatMap((config) => azs.map((az, azIndex) => ({ config, az, azIndex })));
  const blocks = allocateSubnetCidrs(builder, requests.map((r) => r.config.cidrMask));

  // createSubnetResources: reserved groups and reserved AZs keep their space but get no subnet.
  const subnets: CdkVpcSubnet[] = [];
  const created: CreatedSubnet[] = [];
  const reserved: CdkVpcReservedBlock[] = [];
  const constructIds = new Set<string>();
  requests.forEach(({ config, az, azIndex }, i) => {
    const cidr = blocks[i] ?? '';
    if (config.reserved === true || az === FAKE_AZ_NAME) {
      reserved.push({ group: config.name, azIndex, cidr });
      return;
    }
    const role = subnetRole(config.subnetType);
    const mapPublicIpOnLaunch = mapPublicIp(config.subnetType, config.mapPublicIpOnLaunch, props.dualStack === true);
    const logicalName = `${config.name}Subnet${azIndex + 1}`;
    if (!role) throw new CdkVpcError(`Unrecognized subnet type: ${String(config.subnetType)}`);
    if (constructIds.has(logicalName)) {
      // The constructs library names the parent by its class, which aws-cdk-lib's decorators leave as Vpc2.
      throw new CdkVpcError(`There is already a Construct with name '${logicalName}' in Vpc2 [${vpcPath.split('/').pop()}]`);
    }
    constructIds.add(logicalName);
    subnets.push({ group: config.name, type: config.subnetType, azIndex, az, cidr, mapPublicIpOnLaunch, logicalName });
    created.push({ group: config.name, role, az, path: `${vpcPath}/${logicalName}` });
  });

  const internetGateway = configs.some((c) => subnetRole(c.subnetType) !== 'isolated' && !c.reserved);
  const nat = internetGateway && natCount > 0 ? placeNatGateways(natCount, props.natGatewaySubnets, created) : undefined;
  const privateRoutes: CdkVpcPrivateRoute[] = created.flatMap((subnet, subnetIndex) => {
    if (subnet.role === 'public') return [];
    const natIndex = nat?.routes.get(subnetIndex);
    return [natIndex === undefined ? { subnetIndex } : { subnetIndex, natIndex }];
  });

  return {
    ok: true,
    cidr: builder.networkCidr,
    azs: azs.filter((az) => az !== FAKE_AZ_NAME),
    subnets,
    natGateways: nat?.natGateways ?? [],
    privateRoutes,
    reserved,
    internetGateway,
  };
}

/** Vpc.calculateMapPublicIpOnLaunch: public subnets default to true (false in a dual-stack VPC), others refuse the prop. */
function mapPublicIp(type: CdkVpcSubnet['type'], requested: boolean | undefined, dualStack: boolean): boolean {
  if (type === 'PUBLIC') return requested ?? !dualStack;
  if (requested !== undefined) {
    throw new CdkVpcError(`${SUBNET_TYPE_VALUE[type] ?? type} subnet cannot include mapPublicIpOnLaunch parameter`);
  }
  return false;
}
