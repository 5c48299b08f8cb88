import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Subnet, Vpc } from '../../../server/src/core/model/types';
import { DEFAULT_SETTINGS } from '../../../server/src/core/config/settings';
import { createWorkspace } from '../../../server/src/host/createWorkspace';
import { analyse, HEADER, ROOT, stack, valueOf } from './helpers';

const vpcCidr = (v: Vpc) => valueOf(v.cidrBlocks[0]!.cidr);

describe('CDK evaluation', () => {
  test('constants, template strings and arithmetic in the file', async () => {
    const r = await analyse({
      'stack.ts': stack(
        `    const SECOND = 10 + 2 * 5;\n    new ec2.CfnVPC(this, 'V', { cidrBlock: \`10.\${SECOND}.0.0/\${32 - 16}\` });`,
        `${HEADER}const unused = 'x';\n`,
      ),
    });
    assert.equal(vpcCidr(r.byPath('S/V') as Vpc), '10.20.0.0/16');
  });

  test('constants and enums imported from a local module without CDK imports', async () => {
    const r = await analyse({
      'lib/config.ts': `export const BASE = '10.7';\nexport enum Size { Small = 24, Large = 20 }\nexport const SIZES = { web: Size.Small };\n`,
      'lib/stack.ts': stack(
        `    new ec2.CfnVPC(this, 'V', { cidrBlock: BASE + '.0.0/16' });\n    new ec2.CfnSubnet(this, 'Sn', { vpcId: 'vpc-1', cidrBlock: \`\${BASE}.1.0/\${SIZES.web}\` });`,
        `${HEADER}import { BASE, SIZES } from './config';\n`,
      ),
    });
    assert.equal(vpcCidr(r.byPath('S/V') as Vpc), '10.7.0.0/16');
    assert.equal(valueOf((r.byPath('S/Sn') as Subnet).cidr), '10.7.1.0/24');
  });

  test('enum members of the CDK library decide the subnet types', async () => {
    const r = await analyse({
      'stack.ts': stack(`    new ec2.Vpc(this, 'Vpc', { maxAzs: 1, subnetConfiguration: [{ name: 'Db', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 28 }] });`),
    });
    const subnets = r.ofKind('subnet');
    assert.deepEqual(subnets.map((s) => s.address), ['S/Vpc/DbSubnet1']);
    assert.equal(r.ofKind('igw').length, 0);
    assert.equal(r.ofKind('nat').length, 0);
  });

  test('props passed through a stack constructor are read at the call site', async () => {
    const r = await analyse({
      'lib/net.ts': `${HEADER}export interface NetProps extends cdk.StackProps { cidr: string; azs?: number }
export class Net extends cdk.Stack {
  constructor(scope: cdk.App, id: string, props: NetProps) {
    super(scope, id, props);
    new ec2.Vpc(this, 'Vpc', { ipAddresses: ec2.IpAddresses.cidr(props.cidr), maxAzs: props.azs ?? 3, natGateways: 0 });
  }
}
`,
      'bin/app.ts': `import * as cdk from 'aws-cdk-lib';\nimport { Net } from '../lib/net';\nconst app = new cdk.App();\nnew Net(app, 'Prod', { cidr: '10.1.0.0/16' });\nnew Net(app, 'Dev', { cidr: '10.2.0.0/16', azs: 1 });\n`,
    });
    const prod = r.byPath('Prod/Vpc') as Vpc;
    const dev = r.byPath('Dev/Vpc') as Vpc;
    assert.equal(vpcCidr(prod), '10.1.0.0/16');
    assert.equal(vpcCidr(dev), '10.2.0.0/16');
    // The CIDR is reported where it was written: the literal in bin/app.ts.
    assert.equal(r.textAt(prod.cidrBlocks[0]!.cidr.span!), "'10.1.0.0/16'");
    // maxAzs 3, but an environment-agnostic stack has 2 AZs: public + isolated (natGateways: 0) in each.
    assert.equal(r.ofKind('subnet').filter((s) => s.address.startsWith('Prod/')).length, 4);
    assert.equal(r.ofKind('subnet').filter((s) => s.address.startsWith('Dev/')).length, 2);
  });

  test('switch on a stage picks the case, falls through to break, and runs default; try runs its block and finally', async () => {
    const r = await analyse({
      'lib/net.ts': `${HEADER}const OCTET: Record<string, number> = { prod: 1, qa: 2, dev: 9 };
function cidrFor(stage: string): string {
  switch (stage) {
    case 'prod':
      return '10.1.0.0/16';
    case 'staging':
    case 'qa':
      return '10.2.0.0/16';
    default:
      return '10.9.0.0/16';
  }
}
export class Net extends cdk.Stack {
  constructor(scope: cdk.App, id: string, props: { stage: string }) {
    super(scope, id);
    const vpc = new ec2.CfnVPC(this, 'Vpc', { cidrBlock: cidrFor(props.stage) });
    let subnets = 0;
    switch (props.stage) {
      case 'prod':
        subnets = 3;
      case 'qa':
        subnets++;
        break;
      default:
        subnets = 1;
    }
    try {
      for (let i = 0; i < subnets; i++) new ec2.CfnSubnet(this, \`Sn\${i}\`, { vpcId: vpc.ref, cidrBlock: \`10.\${OCTET[props.stage]}.\${i}.0/24\` });
    } catch (e) {
      new ec2.CfnSubnet(this, 'Caught', { vpcId: vpc.ref, cidrBlock: '10.0.99.0/24' });
    } finally {
      new ec2.CfnSubnet(this, 'Finally', { vpcId: vpc.ref, cidrBlock: '192.168.0.0/24' });
    }
    switch (props.unknownStage) {
      case 'prod':
        new ec2.CfnSubnet(this, 'Guess', { vpcId: vpc.ref, cidrBlock: '10.0.98.0/24' });
    }
  }
}
`,
      'bin/app.ts': `import * as cdk from 'aws-cdk-lib';\nimport { Net } from '../lib/net';\nconst app = new cdk.App();\nnew Net(app, 'Prod', { stage: 'prod' });\nnew Net(app, 'Qa', { stage: 'qa' });\nnew Net(app, 'Dev', { stage: 'dev' });\n`,
    });
    assert.deepEqual(['Prod', 'Qa', 'Dev'].map((stack) => vpcCidr(r.byPath(`${stack}/Vpc`) as Vpc)), ['10.1.0.0/16', '10.2.0.0/16', '10.9.0.0/16']);
    const subnetsOf = (stack: string) => r.ofKind('subnet').filter((s) => s.address.startsWith(`${stack}/`)).map((s) => `${s.address} ${valueOf(s.cidr)}`);
    // prod falls through from 3 to 4 subnets; qa counts 1; dev takes default (1). The catch block never runs.
    assert.deepEqual(subnetsOf('Prod'), ['Prod/Sn0 10.1.0.0/24', 'Prod/Sn1 10.1.1.0/24', 'Prod/Sn2 10.1.2.0/24', 'Prod/Sn3 10.1.3.0/24', 'Prod/Finally 192.168.0.0/24']);
    assert.deepEqual(subnetsOf('Qa'), ['Qa/Sn0 10.2.0.0/24', 'Qa/Finally 192.168.0.0/24']);
    assert.deepEqual(subnetsOf('Dev'), ['Dev/Sn0 10.9.0.0/24', 'Dev/Finally 192.168.0.0/24']);
    // The subnet in finally is outside each VPC: reported where it is written.
    assert.ok(r.findings('lib/net.ts').includes("subnet-outside-vpc@'192.168.0.0/24'@34"), r.findings('lib/net.ts').join(', '));
  });

  test("the stack's AZs (Stack.of(this), this.availabilityZones) and a Vpc's vpcCidrBlock are read where the app uses them", async () => {
    const r = await analyse({
      'stack.ts': stack(`    const vpc = new ec2.Vpc(this, 'Vpc', { ipAddresses: ec2.IpAddresses.cidr('10.0.0.0/16'), maxAzs: 2, natGateways: 0, subnetConfiguration: [] });
    const peer = new ec2.Vpc(this, 'Peer', { maxAzs: 1, natGateways: 0 });
    cdk.Stack.of(this).availabilityZones.slice(0, 3).forEach((az, i) => {
      new ec2.CfnSubnet(this, \`Pod\${i}\`, { vpcId: vpc.vpcId, cidrBlock: \`10.0.\${i}.0/24\`, availabilityZone: az });
    });
    new ec2.CfnSubnet(this, 'Own', { vpcId: vpc.vpcId, cidrBlock: '10.0.9.0/24', availabilityZone: this.availabilityZones[1] });
    const rt = new ec2.CfnRouteTable(this, 'Rt', { vpcId: vpc.vpcId });
    new ec2.CfnRoute(this, 'ToPeer', { routeTableId: rt.ref, destinationCidrBlock: peer.vpcCidrBlock, vpcPeeringConnectionId: 'pcx-1' });
    const acl = new ec2.NetworkAcl(this, 'Acl', { vpc });
    acl.addEntry('FromVpc', { ruleNumber: 100, cidr: ec2.AclCidr.ipv4(vpc.vpcCidrBlock), traffic: ec2.AclTraffic.tcpPort(5432), direction: ec2.TrafficDirection.INGRESS });`),
    });
    // An environment-agnostic stack has two AZs: Fn::Select 0 and 1 of Fn::GetAZs, the region's first two.
    const written = r.ofKind('subnet').filter((s) => !s.address.startsWith('S/Peer/'));
    assert.deepEqual(written.map((s) => `${s.address} ${valueOf(s.availabilityZone)}`), ['S/Pod0 az#0', 'S/Pod1 az#1', 'S/Own az#1']);
    const route = r.ofKind('route').find((x) => x.address === 'S/ToPeer')!;
    // The peer Vpc has no block written: CDK's default. The value is reported where the app reads it.
    assert.equal(valueOf(route.destination), '10.0.0.0/16');
    assert.equal(r.textAt(route.destination!.span!), 'peer.vpcCidrBlock');
    const entry = r.ofKind('nacl-entry').find((x) => x.address === 'S/Acl/FromVpc')!;
    assert.equal(valueOf(entry.cidr), '10.0.0.0/16');
    assert.match(r.hover('stack.ts', 'vpc.vpcCidrBlock)')!, /10\.0\.0\.0\/16/);
  });

  test("tryGetContext reads the nearest cdk.json's context; an edit to it analyses the app again", async () => {
    const ws = await createWorkspace();
    ws.setFile(`${ROOT}/lib/stack.ts`, stack(`    const cidr = this.node.tryGetContext('vpcCidr') ?? '10.9.0.0/16';
    new ec2.CfnVPC(this, 'V', { cidrBlock: cidr });`));
    const cidrOf = () => {
      const vpc = [...ws.analyze(DEFAULT_SETTINGS).model.all()].find((e) => e.kind === 'vpc') as Vpc;
      return valueOf(vpc.cidrBlocks[0]!.cidr);
    };
    // No cdk.json: not known. An empty context: the key is absent, so the default applies.
    assert.throws(cidrOf);
    ws.setFile(`${ROOT}/cdk.json`, '{ "app": "npx ts-node bin/app.ts", "context": {} }');
    assert.equal(cidrOf(), '10.9.0.0/16');
    ws.setFile(`${ROOT}/cdk.json`, '{ "context": { "vpcCidr": "10.42.0.0/16" } }');
    assert.equal(cidrOf(), '10.42.0.0/16');
  });

  test('props from outside the workspace stay unknown: no crash, no guess', async () => {
    const r = await analyse({
      'lib/net.ts': `${HEADER}export class Net extends cdk.Stack {
  constructor(scope: cdk.App, id: string, props: { cidr: string }) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, 'Vpc', { ipAddresses: ec2.IpAddresses.cidr(props.cidr), maxAzs: 2 });
    new ec2.CfnSubnet(this, 'Extra', { vpcId: vpc.vpcId, cidrBlock: process.env.CIDR! });
    if (props.cidr.startsWith('10.')) { new ec2.CfnVPC(this, 'Maybe', { cidrBlock: '10.9.0.0/16' }); }
  }
}
`,
    });
    const vpc = r.byPath('Net/Vpc') as Vpc;
    assert.equal(vpc.cidrBlocks[0]!.cidr.known, false);
    const subnets = r.ofKind('subnet');
    assert.ok(subnets.length >= 4);
    assert.ok(subnets.every((s) => s.cidr?.known === false));
    // A branch on an unknown condition is not run.
    assert.equal(r.elements().some((e) => e.address.endsWith('Maybe')), false);
    assert.deepEqual(r.diagnostics('lib/net.ts').filter((d) => d.severity === 'error'), []);
  });

  test('helper functions and methods that make constructs are followed', async () => {
    const r = await analyse({
      'stack.ts': `${HEADER}function subnetCidr(i: number): string { return \`10.0.\${i}.0/24\`; }
export class S extends cdk.Stack {
  constructor(scope: cdk.App, id: string) {
    super(scope, id);
    const vpc = this.makeVpc('10.0.0.0/16');
    new ec2.CfnSubnet(this, 'A', { vpcId: vpc.ref, cidrBlock: subnetCidr(3) });
  }
  private makeVpc(cidr: string) {
    return new ec2.CfnVPC(this, 'Vpc', { cidrBlock: cidr });
  }
}
`,
    });
    const subnet = r.byPath('S/A') as Subnet;
    assert.equal(valueOf(subnet.cidr), '10.0.3.0/24');
    assert.equal(valueOf(subnet.vpc), r.byPath('S/Vpc').id);
  });
});
