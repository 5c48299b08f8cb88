// Escape hatches: what a CDK app changes on the CloudFormation resources behind its constructs after making
// them (`node.defaultChild`, `addPropertyOverride`, L1 property assignments). CDK applies these when it
// synthesizes, so the model has the changed values, and findings about them land where the change is written.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Subnet, Vpc } from '../../../server/src/core/model/types';
import { synthesizedSubnets, synthSource } from '../../cdk-oracle/synthSource';
import { analyse, stack, valueOf } from './helpers';

const TWO_TIERS = `    const vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr('10.1.0.0/16'),
      maxAzs: 2,
      natGateways: 0,
      subnetConfiguration: [
        { cidrMask: 28, name: 'public', subnetType: ec2.SubnetType.PUBLIC },
        { cidrMask: 28, name: 'private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      ],
    });\n`;

const subnet = (r: Awaited<ReturnType<typeof analyse>>, path: string) => r.byPath(path) as Subnet;

describe('CDK escape hatches', () => {
  test("addPropertyOverride('CidrBlock') on a planned subnet's defaultChild replaces its block; findings land on the override", async () => {
    const r = await analyse({
      'stack.ts': stack(`${TWO_TIERS}
    const cfnPublicSubnet1 = vpc.publicSubnets[0].node.defaultChild as ec2.CfnSubnet;
    cfnPublicSubnet1.addPropertyOverride('CidrBlock', '10.1.0.0/28');
    const cfnPublicSubnet2 = vpc.publicSubnets[1].node.defaultChild as ec2.CfnSubnet;
    cfnPublicSubnet2.addPropertyOverride('CidrBlock', '10.2.1.0/28');`),
    });
    assert.equal(valueOf(subnet(r, 'S/Vpc/publicSubnet1').cidr), '10.1.0.0/28');
    assert.equal(valueOf(subnet(r, 'S/Vpc/publicSubnet2').cidr), '10.2.1.0/28');
    // The planned private subnets keep CDK's allocation.
    assert.equal(valueOf(subnet(r, 'S/Vpc/privateSubnet1').cidr), '10.1.0.32/28');
    assert.deepEqual(r.findings('stack.ts').filter((f) => f.startsWith('subnet-')), ["subnet-outside-vpc@'10.2.1.0/28'@20"]);
    assert.match(r.hover('stack.ts', "'10.2.1.0/28'")!, /\*\*10\.2\.1\.0\/28\*\* · subnet `S\/Vpc\/publicSubnet2`[^]*\| Addresses \| 16 \|/);
  });

  test('assignments on defaultChild in a loop: mapPublicIpOnLaunch, availabilityZone; a deleted CidrBlock', async () => {
    const r = await analyse({
      'stack.ts': stack(`${TWO_TIERS}
    for (const s of vpc.publicSubnets) (s.node.defaultChild as ec2.CfnSubnet).mapPublicIpOnLaunch = false;
    vpc.isolatedSubnets.forEach((s, index) => {
      (s.node.defaultChild as ec2.CfnSubnet).availabilityZone = ['eu-west-1c', 'eu-west-1a'][index];
    });
    const cfnPrivate = vpc.isolatedSubnets[0].node.defaultChild as ec2.CfnSubnet;
    cfnPrivate.overrideLogicalId('Private');
    cfnPrivate.addDependency(vpc.node.defaultChild as ec2.CfnVPC);
    cfnPrivate.addPropertyDeletionOverride('CidrBlock');`),
    });
    const publics = r.ofKind('subnet').filter((s) => s.address.includes('public'));
    assert.deepEqual(publics.map((s) => valueOf(s.mapPublicIpOnLaunch)), [false, false]);
    assert.deepEqual(['S/Vpc/privateSubnet1', 'S/Vpc/privateSubnet2'].map((p) => valueOf(subnet(r, p).availabilityZone)), ['eu-west-1c', 'eu-west-1a']);
    assert.equal(subnet(r, 'S/Vpc/privateSubnet1').cidr, undefined);
    assert.equal(valueOf(subnet(r, 'S/Vpc/privateSubnet2').cidr), '10.1.0.48/28');
  });

  test("the Vpc's defaultChild: DNS hostnames turned off; L1 props assigned after the constructor and read back", async () => {
    const r = await analyse({
      'stack.ts': stack(`${TWO_TIERS}
    const cfnVpc = vpc.node.defaultChild as ec2.CfnVPC;
    cfnVpc.enableDnsHostnames = false;
    const extra = new ec2.CfnSubnet(this, 'Extra', { vpcId: vpc.vpcId, cidrBlock: '10.1.200.0/24', availabilityZone: 'eu-west-1a' });
    extra.cidrBlock = '10.1.201.0/24';
    new ec2.CfnSubnet(this, 'Copy', { vpcId: vpc.vpcId, cidrBlock: extra.cidrBlock, availabilityZone: 'eu-west-1b' });
    extra.addOverride('Properties.AvailabilityZone', 'eu-west-1c');`),
    });
    assert.equal(valueOf((r.byPath('S/Vpc') as Vpc).enableDnsHostnames), false);
    assert.equal(valueOf(subnet(r, 'S/Extra').cidr), '10.1.201.0/24');
    assert.equal(valueOf(subnet(r, 'S/Extra').availabilityZone), 'eu-west-1c');
    // The copy reads the assigned value: the two subnets overlap, reported on the assignment's literal.
    assert.deepEqual(r.findings('stack.ts').filter((f) => f.startsWith('subnet-overlap')), ["subnet-overlap@'10.1.201.0/24'@20", "subnet-overlap@'10.1.201.0/24'@20"]);
  });

  test('every escape hatch above gives the subnets aws-cdk-lib synthesizes from the same source', async () => {
    const files = {
      'stack.ts': stack(`${TWO_TIERS}
    (vpc.publicSubnets[0].node.defaultChild as ec2.CfnSubnet).addPropertyOverride('CidrBlock', '10.1.0.0/28');
    (vpc.publicSubnets[1].node.defaultChild as ec2.CfnSubnet).addPropertyOverride('CidrBlock', '10.2.1.0/28');
    for (const s of vpc.publicSubnets) (s.node.defaultChild as ec2.CfnSubnet).mapPublicIpOnLaunch = false;
    vpc.isolatedSubnets.forEach((s, index) => {
      (s.node.defaultChild as ec2.CfnSubnet).availabilityZone = ['eu-west-1c', 'eu-west-1a'][index];
    });
    const cfnPrivate = vpc.isolatedSubnets[0].node.defaultChild as ec2.CfnSubnet;
    cfnPrivate.overrideLogicalId('Private');
    cfnPrivate.addPropertyDeletionOverride('CidrBlock');
    const extra = new ec2.CfnSubnet(this, 'Extra', { vpcId: vpc.vpcId, cidrBlock: '10.1.200.0/24', availabilityZone: 'eu-west-1a' });
    extra.cidrBlock = '10.1.201.0/24';
    new ec2.CfnSubnet(this, 'Copy', { vpcId: vpc.vpcId, cidrBlock: extra.cidrBlock, availabilityZone: 'eu-west-1b' });
    extra.addOverride('Properties.AvailabilityZone', 'eu-west-1c');`),
    };
    const synthesized = synthesizedSubnets(synthSource(files, 'stack.ts').get('S'));
    const r = await analyse(files);
    const ours = new Map(
      r.ofKind('subnet').map((s) => [
        s.address,
        {
          ...(s.cidr?.known ? { cidr: s.cidr.value } : {}),
          ...(synthesized.get(s.address)?.az !== undefined ? { az: valueOf(s.availabilityZone) } : {}),
          ...(s.mapPublicIpOnLaunch?.known ? { mapPublicIpOnLaunch: s.mapPublicIpOnLaunch.value } : {}),
        },
      ]),
    );
    assert.deepEqual(ours, synthesized);
    assert.equal(ours.size, 6);
  });
});
