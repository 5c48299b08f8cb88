// The VPC shapes the oracle synthesizes with aws-cdk-lib and allocateCdkVpc must reproduce.
import type { CdkSubnetConfig, CdkVpcProps } from '../../server/src/core/frontends/cdk/vpcLayout';

/** A concrete stack environment; `azs` is what cdk.context.json would hold for its AZ lookup. */
export interface OracleEnv {
  account: string;
  region: string;
  azs: string[];
}

export interface OracleShape {
  name: string;
  /** Absent: an environment-agnostic stack. */
  env?: OracleEnv;
  /** Pass the block through the deprecated `cidr` prop instead of `ipAddresses: IpAddresses.cidr(...)`. */
  legacyCidr?: boolean;
  vpc: Omit<CdkVpcProps, 'region' | 'envAgnostic' | 'stackAvailabilityZones' | 'constructPath'>;
}

const US_EAST_1: OracleEnv = {
  account: '123456789012',
  region: 'us-east-1',
  azs: ['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d', 'us-east-1e', 'us-east-1f'],
};
const EU_WEST_3: OracleEnv = { account: '123456789012', region: 'eu-west-3', azs: ['eu-west-3a', 'eu-west-3b', 'eu-west-3c'] };

/** The props allocateCdkVpc gets for a shape: the stack as the front-end would describe it. */
export function allocateProps(shape: OracleShape): CdkVpcProps {
  return {
    ...shape.vpc,
    ...(shape.env ? { region: shape.env.region, stackAvailabilityZones: shape.env.azs } : {}),
    constructPath: 'S/Vpc',
  };
}

const pub = (name: string, cidrMask?: number, extra: Partial<CdkSubnetConfig> = {}): CdkSubnetConfig => ({
  name,
  subnetType: 'PUBLIC',
  ...(cidrMask === undefined ? {} : { cidrMask }),
  ...extra,
});
const priv = (name: string, cidrMask?: number, extra: Partial<CdkSubnetConfig> = {}): CdkSubnetConfig => ({
  name,
  subnetType: 'PRIVATE_WITH_EGRESS',
  ...(cidrMask === undefined ? {} : { cidrMask }),
  ...extra,
});
const iso = (name: string, cidrMask?: number, extra: Partial<CdkSubnetConfig> = {}): CdkSubnetConfig => ({
  name,
  subnetType: 'PRIVATE_ISOLATED',
  ...(cidrMask === undefined ? {} : { cidrMask }),
  ...extra,
});

function handWritten(): OracleShape[] {
  return [
    // Defaults.
    { name: 'defaults, agnostic', vpc: {} },
    { name: 'defaults, us-east-1', env: US_EAST_1, vpc: {} },
    { name: 'defaults, eu-west-3', env: EU_WEST_3, vpc: {} },
    { name: 'legacy cidr prop', legacyCidr: true, vpc: { cidr: '10.20.0.0/16' } },
    { name: 'cidr 172.16.0.0/20', vpc: { cidr: '172.16.0.0/20' } },
    { name: 'cidr 192.168.0.0/24, 3 AZs', env: US_EAST_1, vpc: { cidr: '192.168.0.0/24' } },
    { name: 'cidr with host bits rounds up', vpc: { cidr: '10.0.0.5/16' } },
    { name: 'cidr /8 with /16 subnets', vpc: { cidr: '10.0.0.0/8', subnetConfiguration: [pub('Public', 16), priv('Private', 16)] } },
    { name: 'cidr /28, one isolated /28', vpc: { cidr: '10.0.0.0/28', maxAzs: 1, subnetConfiguration: [iso('Iso')] } },

    // AZ count.
    { name: 'maxAzs 1, agnostic', vpc: { maxAzs: 1 } },
    { name: 'maxAzs 3, agnostic caps at 2', vpc: { maxAzs: 3 } },
    { name: 'maxAzs 6, agnostic caps at 2', vpc: { maxAzs: 6 } },
    { name: 'maxAzs 0', vpc: { maxAzs: 0 } },
    { name: 'maxAzs 4, eu-west-3 has 3', env: EU_WEST_3, vpc: { maxAzs: 4 } },
    { name: 'maxAzs 6, us-east-1', env: US_EAST_1, vpc: { maxAzs: 6 } },
    { name: 'explicit 1 AZ, agnostic', vpc: { availabilityZones: ['us-west-2a'] } },
    { name: 'explicit 3 AZs, agnostic', vpc: { availabilityZones: ['us-west-2a', 'us-west-2b', 'us-west-2c'] } },
    { name: 'explicit 2 AZs out of order, us-east-1', env: US_EAST_1, vpc: { availabilityZones: ['us-east-1d', 'us-east-1b'] } },
    { name: 'explicit 4 AZs, us-east-1', env: US_EAST_1, vpc: { availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d'] } },
    { name: 'explicit empty AZ list', vpc: { availabilityZones: [] } },

    // NAT gateways.
    { name: 'natGateways 0, default subnets become isolated', vpc: { natGateways: 0 } },
    { name: 'natGateways 1, 3 AZs', env: US_EAST_1, vpc: { natGateways: 1 } },
    { name: 'natGateways 2, 3 AZs: round robin', env: US_EAST_1, vpc: { natGateways: 2 } },
    { name: 'natGateways 5, capped at 3 AZs', env: US_EAST_1, vpc: { natGateways: 5 } },
    { name: 'natGateways 2, 1 AZ', vpc: { maxAzs: 1, natGateways: 2 } },
    {
      name: 'natGateways 0 with PRIVATE_WITH_EGRESS: no default route',
      vpc: { natGateways: 0, subnetConfiguration: [pub('Public'), priv('App')] },
    },
    {
      name: 'natGateways 0 with PRIVATE_WITH_NAT throws',
      vpc: { natGateways: 0, subnetConfiguration: [pub('Public'), { name: 'App', subnetType: 'PRIVATE_WITH_NAT' }] },
    },
    {
      name: 'natGateways 1 with two private groups, 3 AZs',
      env: US_EAST_1,
      vpc: { natGateways: 1, subnetConfiguration: [pub('Public', 24), priv('App', 22), priv('Data', 24)] },
    },
    {
      name: 'natGateways 2 with two private groups, 3 AZs: counter runs across groups',
      env: US_EAST_1,
      vpc: { natGateways: 2, subnetConfiguration: [pub('Public', 24), priv('App', 22), priv('Data', 24)] },
    },
    {
      name: 'private without public throws',
      vpc: { subnetConfiguration: [priv('App')] },
    },
    {
      name: 'natGatewaySubnets by group name',
      env: US_EAST_1,
      vpc: {
        natGateways: 2,
        natGatewaySubnets: { subnetGroupName: 'Egress' },
        subnetConfiguration: [pub('Ingress', 24), pub('Egress', 28), priv('App', 20)],
      },
    },
    {
      name: 'natGatewaySubnets by type with two public groups',
      env: US_EAST_1,
      vpc: {
        natGateways: 3,
        natGatewaySubnets: { subnetType: 'PUBLIC' },
        subnetConfiguration: [pub('Ingress', 24), pub('Egress', 28), priv('App', 20)],
      },
    },
    {
      name: 'natGatewaySubnets names a private group',
      vpc: { natGatewaySubnets: { subnetGroupName: 'Private' } },
    },
    {
      name: 'natGatewaySubnets names a missing group',
      vpc: { natGatewaySubnets: { subnetGroupName: 'Nope' } },
    },
    {
      name: 'natGatewaySubnets by isolated type with none',
      vpc: { natGatewaySubnets: { subnetType: 'PRIVATE_ISOLATED' } },
    },

    // Reserved groups and AZs.
    {
      name: 'reserved middle group keeps its space',
      vpc: { subnetConfiguration: [pub('Public', 24), priv('Future', 24, { reserved: true }), iso('Data', 24)] },
    },
    {
      name: 'reserved group without mask shares the split',
      env: US_EAST_1,
      vpc: { subnetConfiguration: [pub('Public'), priv('Private'), iso('Spare', undefined, { reserved: true })] },
    },
    {
      name: 'reserved public group, isolated only otherwise: no IGW',
      vpc: { subnetConfiguration: [pub('Public', 24, { reserved: true }), iso('Data', 24)] },
    },
    {
      name: 'reserved private group with natGateways 0',
      vpc: { natGateways: 0, subnetConfiguration: [pub('Public', 24), priv('Later', 24, { reserved: true })] },
    },
    { name: 'reservedAzs 1, agnostic', vpc: { reservedAzs: 1 } },
    { name: 'reservedAzs 2 with maxAzs 2, us-east-1', env: US_EAST_1, vpc: { maxAzs: 2, reservedAzs: 2 } },
    { name: 'reservedAzs 1 with natGateways 3', env: US_EAST_1, vpc: { maxAzs: 2, reservedAzs: 1, natGateways: 3 } },
    {
      name: 'reservedAzs with masks',
      vpc: { reservedAzs: 1, subnetConfiguration: [pub('Public', 26), iso('Data', 24)] },
    },

    // Isolated-only VPCs.
    { name: 'isolated only', vpc: { subnetConfiguration: [iso('Isolated')] } },
    { name: 'isolated only, natGateways 0, 3 AZs', env: US_EAST_1, vpc: { natGateways: 0, subnetConfiguration: [iso('A', 24), iso('B', 20)] } },
    { name: 'isolated only with natGateways 1 throws', vpc: { natGateways: 1, subnetConfiguration: [iso('Isolated')] } },
    {
      name: 'deprecated ISOLATED and PRIVATE types',
      vpc: { subnetConfiguration: [pub('Public', 24), { name: 'Old', subnetType: 'PRIVATE', cidrMask: 24 }, { name: 'Iso', subnetType: 'ISOLATED', cidrMask: 24 }] },
    },
    { name: 'empty subnet configuration', vpc: { subnetConfiguration: [] } },

    // mapPublicIpOnLaunch.
    { name: 'public mapPublicIpOnLaunch false', vpc: { subnetConfiguration: [pub('Public', 24, { mapPublicIpOnLaunch: false }), iso('Data', 24)] } },
    { name: 'public mapPublicIpOnLaunch true', vpc: { subnetConfiguration: [pub('Public', 24, { mapPublicIpOnLaunch: true })] } },
    { name: 'private mapPublicIpOnLaunch throws', vpc: { subnetConfiguration: [pub('Public'), priv('App', undefined, { mapPublicIpOnLaunch: false })] } },
    {
      name: 'reserved isolated mapPublicIpOnLaunch is ignored',
      vpc: { subnetConfiguration: [pub('Public', 24), iso('Later', 24, { reserved: true, mapPublicIpOnLaunch: true })] },
    },

    // Unequal splits and alignment.
    { name: 'unequal: public /24, private takes the rest', env: US_EAST_1, vpc: { subnetConfiguration: [pub('Public', 24), priv('Private')] } },
    { name: 'unequal: sized groups allocated before unsized ones', vpc: { subnetConfiguration: [pub('Public'), priv('Private', 24), iso('Data')] } },
    { name: 'alignment: /28 then /24', vpc: { subnetConfiguration: [pub('Public', 28), priv('Private', 24)] } },
    {
      name: 'alignment: /28, /24, /26, rest',
      env: US_EAST_1,
      vpc: { subnetConfiguration: [pub('A', 28), priv('B', 24), iso('C', 26), iso('D')] },
    },
    { name: 'alignment: /27 then /20 in a /18', vpc: { cidr: '10.1.0.0/18', subnetConfiguration: [pub('A', 27), priv('B', 20)] } },
    { name: 'three unsized groups, 3 AZs: 9 subnets split to /20', env: US_EAST_1, vpc: { subnetConfiguration: [pub('A'), priv('B'), iso('C')] } },
    { name: 'unsized split after large sized group', vpc: { cidr: '10.0.0.0/20', subnetConfiguration: [pub('Public', 22), priv('Private')] } },

    // Errors.
    { name: 'maxAzs with availabilityZones throws', vpc: { maxAzs: 2, availabilityZones: ['us-east-1a'] } },
    { name: 'availabilityZones outside the stack throws', env: US_EAST_1, vpc: { availabilityZones: ['us-west-2a'] } },
    { name: 'cidrMask 29 throws', vpc: { subnetConfiguration: [pub('Public', 29)] } },
    { name: 'cidrMask 15 throws', vpc: { subnetConfiguration: [pub('Public', 15)] } },
    { name: 'prefix too small for the masks', vpc: { cidr: '10.0.0.0/24', subnetConfiguration: [pub('Public', 24)] } },
    { name: 'prefix too small after alignment', vpc: { cidr: '10.0.0.0/24', subnetConfiguration: [pub('A', 28), priv('B', 25)] } },
    { name: 'unsized split below /28 throws', env: US_EAST_1, vpc: { cidr: '10.0.0.0/26' } },
    { name: 'unsized split with no room left throws', vpc: { cidr: '10.0.0.0/24', subnetConfiguration: [pub('A', 25), priv('B')] } },
    { name: 'unsized split above /16 throws', vpc: { cidr: '10.0.0.0/8' } },
    { name: 'duplicate group names throw', vpc: { subnetConfiguration: [pub('A', 24), iso('A', 24)] } },
    { name: 'invalid cidr address throws', vpc: { cidr: '10.0.300.0/16' } },
  ];
}

/** Masks 18..28: three equal groups on 2 AZs; a sized public group beside an unsized one on 3 AZs. */
function maskSweep(): OracleShape[] {
  const shapes: OracleShape[] = [];
  for (let mask = 18; mask <= 28; mask++) {
    shapes.push({ name: `masks /${mask}, agnostic`, vpc: { subnetConfiguration: [pub('Public', mask), priv('Private', mask), iso('Isolated', mask)] } });
    shapes.push({
      name: `masks /${mask} public, unsized private, /28 isolated, us-east-1`,
      env: US_EAST_1,
      vpc: { subnetConfiguration: [pub('Public', mask), priv('Private'), iso('Isolated', 28)] },
    });
  }
  return shapes;
}

/** maxAzs 1..3 (concrete) crossed with natGateways unset/0/1/2 on the default subnets. */
function natSweep(): OracleShape[] {
  const shapes: OracleShape[] = [];
  for (const maxAzs of [1, 2, 3]) {
    for (const natGateways of [undefined, 0, 1, 2]) {
      shapes.push({
        name: `maxAzs ${maxAzs}, natGateways ${natGateways ?? 'default'}, us-east-1`,
        env: US_EAST_1,
        vpc: { maxAzs, ...(natGateways === undefined ? {} : { natGateways }) },
      });
    }
  }
  return shapes;
}

export const ORACLE_SHAPES: OracleShape[] = [...handWritten(), ...maskSweep(), ...natSweep()];
