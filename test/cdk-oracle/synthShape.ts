// Synthesizes one oracle shape with the real aws-cdk-lib (a dev dependency) and reads the VPC back from
// the template. Test-only: core never loads aws-cdk-lib.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { CdkSubnetConfig, CdkSubnetType } from '../../server/src/core/frontends/cdk/vpcLayout';
import type { ObservedLayout, ObservedSubnet, SubnetKind } from './observed';
import type { OracleShape } from './shapes';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- CloudFormation template JSON

// ISOLATED and PRIVATE still exist at runtime but are gone from aws-cdk-lib's typings.
const subnetType = (type: CdkSubnetType): ec2.SubnetType => (ec2.SubnetType as unknown as Record<string, ec2.SubnetType>)[type]!;

function cdkSubnetConfig(config: CdkSubnetConfig): ec2.SubnetConfiguration {
  return { ...config, subnetType: subnetType(config.subnetType) };
}

function vpcProps(shape: OracleShape): ec2.VpcProps {
  const { cidr, subnetConfiguration, natGatewaySubnets, ...rest } = shape.vpc;
  return {
    ...rest,
    ...(cidr === undefined ? {} : shape.legacyCidr ? { cidr } : { ipAddresses: ec2.IpAddresses.cidr(cidr) }),
    ...(subnetConfiguration ? { subnetConfiguration: subnetConfiguration.map(cdkSubnetConfig) } : {}),
    ...(natGatewaySubnets
      ? {
          natGatewaySubnets: {
            ...(natGatewaySubnets.subnetGroupName === undefined ? {} : { subnetGroupName: natGatewaySubnets.subnetGroupName }),
            ...(natGatewaySubnets.subnetType === undefined ? {} : { subnetType: subnetType(natGatewaySubnets.subnetType) }),
          },
        }
      : {}),
  };
}

/** An AZ as the template gives it: a literal name, or `Fn::Select [i, Fn::GetAZs]` as 'az#i'. */
function azText(value: Json): string {
  if (typeof value === 'string') return value;
  const select = value?.['Fn::Select'];
  if (Array.isArray(select) && select[1]?.['Fn::GetAZs'] !== undefined) return `az#${select[0]}`;
  return JSON.stringify(value);
}

const tag = (resource: Json, key: string): string | undefined =>
  (resource.Properties?.Tags as { Key: string; Value: string }[] | undefined)?.find((t) => t.Key === key)?.Value;

function readTemplate(template: Json, vpcAzs: string[]): ObservedLayout {
  const resources = Object.entries<Json>(template.Resources ?? {});
  const ofType = (type: string) => resources.filter(([, r]) => r.Type === type);
  const vpc = ofType('AWS::EC2::VPC')[0]?.[1];
  const subnetIds: string[] = [];
  const subnets: ObservedSubnet[] = ofType('AWS::EC2::Subnet').map(([id, r]) => {
    subnetIds.push(id);
    return {
      logicalName: (tag(r, 'Name') ?? '').split('/').pop() ?? '',
      group: tag(r, 'aws-cdk:subnet-name') ?? '',
      kind: (tag(r, 'aws-cdk:subnet-type') ?? '') as SubnetKind,
      az: azText(r.Properties.AvailabilityZone),
      cidr: r.Properties.CidrBlock,
      mapPublicIpOnLaunch: r.Properties.MapPublicIpOnLaunch === true,
    };
  });
  const nats = ofType('AWS::EC2::NatGateway');
  const natGateways = nats.map(([, r]) => {
    const subnetIndex = subnetIds.indexOf(r.Properties.SubnetId.Ref);
    return { subnetIndex, az: subnets[subnetIndex]?.az ?? '?' };
  });
  const natIds = nats.map(([id]) => id);
  const subnetOfTable = new Map<string, number>(
    ofType('AWS::EC2::SubnetRouteTableAssociation').map(([, r]) => [r.Properties.RouteTableId.Ref, subnetIds.indexOf(r.Properties.SubnetId.Ref)]),
  );
  const defaultNat = new Map<number, number>();
  for (const [, route] of ofType('AWS::EC2::Route')) {
    const p = route.Properties;
    if (p.DestinationCidrBlock !== '0.0.0.0/0' || !p.NatGatewayId) continue;
    defaultNat.set(subnetOfTable.get(p.RouteTableId.Ref) ?? -1, natIds.indexOf(p.NatGatewayId.Ref));
  }
  const privateRoutes = subnets.flatMap((s, subnetIndex) => {
    if (s.kind === 'Public') return [];
    const natIndex = defaultNat.get(subnetIndex);
    return [natIndex === undefined ? { subnetIndex } : { subnetIndex, natIndex }];
  });
  return {
    ok: true,
    cidr: vpc?.Properties?.CidrBlock,
    azs: vpcAzs,
    subnets,
    natGateways,
    privateRoutes,
    internetGateway: ofType('AWS::EC2::InternetGateway').length > 0,
  };
}

/** Builds the shape's app in-process (`new App({ outdir })`, `app.synth()`) and observes its VPC. */
export function synthShape(shape: OracleShape): ObservedLayout {
  const outdir = mkdtempSync(join(tmpdir(), 'vpc-lens-cdk-oracle-'));
  try {
    const context: Record<string, unknown> = {};
    if (shape.env) context[`availability-zones:account=${shape.env.account}:region=${shape.env.region}`] = shape.env.azs;
    // The built-in template validation takes seconds on first use and checks nothing this oracle reads.
    const app = new App({ outdir, context, builtinCloudFormationValidation: false });
    const stack = new Stack(app, 'S', shape.env ? { env: { account: shape.env.account, region: shape.env.region } } : {});
    let vpc: ec2.Vpc;
    try {
      vpc = new ec2.Vpc(stack, 'Vpc', vpcProps(shape));
    } catch (error) {
      return { ok: false, message: (error as Error).message };
    }
    const azs = (stack.resolve(vpc.availabilityZones) as Json[]).map(azText).filter((az) => az !== 'fake-az');
    const template = app.synth().getStackByName('S').template;
    return readTemplate(template, azs);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
