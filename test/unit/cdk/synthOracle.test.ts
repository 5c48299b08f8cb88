// The CDK front-end against aws-cdk-lib itself: each fixture app under test/fixtures/cdk/oracle is synthesized
// for real, and the network VPC Lens reads from its source must be the one it reads from the templates
// (through the CloudFormation front-end), with the same findings. See test/cdk-oracle/compareModels.ts.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Instance } from '../../../server/src/core/model/types';
import { compareModels } from '../../cdk-oracle/compareModels';
import { readAwsCdkLib } from '../../cdk-oracle/endpointServiceNames';
import { IRREGULAR_SHORT_NAMES, NON_HTTPS_PORTS } from '../../../server/src/core/frontends/cdk/eval/endpointServiceNames';
import { inlayHintsFor } from '../../../server/src/core/features/inlayHints';
import { analyse, ROOT, valueOf } from './helpers';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'cdk', 'oracle');
/** A fixture app, with its `<name>.cdk.json` and `<name>.cdk.context.json` as the project's when it has them. */
const appOf = (name: string): Record<string, string> => {
  const files: Record<string, string> = { 'app.ts': readFileSync(join(FIXTURES, `${name}.ts`), 'utf8') };
  for (const project of ['cdk.json', 'cdk.context.json']) {
    const file = join(FIXTURES, `${name}.${project}`);
    if (existsSync(file)) files[project] = readFileSync(file, 'utf8');
  }
  return files;
};

describe('CDK source and its synthesized templates give the same network', () => {
  for (const [name, covers] of [
    ['servers', 'instances and the groups CDK makes for them, connections both ways, imported groups, a load balancer listener open to the world, target groups'],
    ['endpoints', 'interface endpoints and their groups, open to the VPC, named by service short names; network ACLs on the VPC block; associateNetworkAcl'],
    ['natInstances', 'VPCs whose NAT is instances: routes to them, the group CDK makes (open to the world by default) or the one given'],
    ['addressMath', 'blocks computed with split/parseInt/reduce, bit operators, join, Math.pow, padStart, find/some, array destructuring'],
    ['manualSubnets', 'subnets made one by one with a NAT gateway added to one, optional props, declared fields, node.path'],
    ['dualStack', 'dual-stack VPCs: IPv6 block, ::/0 to the internet and egress-only gateways, no public IPv4 by default; node.findChild'],
    ['services', 'the groups CDK makes for functions, databases, file systems, ECS services, auto scaling groups and a bastion host; default ports'],
    ['vpn', "site-to-site VPN: a Vpc's gateway by prop, connection or call; customer gateways, connections, routes to the gateway"],
    ['appStyles', 'import x = require(...), plain builder classes with methods, a network load balancer given a security group later'],
    ['context', "per-stage configuration read from cdk.json's context with this.node.tryGetContext"],
    ['envStacks', 'stacks with a concrete env: the AZs cdk.context.json recorded for it (three by default), next to an agnostic one'],
    ['l1Network', 'L1 subnets over the stack AZs in while/switch code, routes to a peer vpcCidrBlock, escape hatches, an L2 subnet and an imported one'],
  ] as const) {
    test(`${name}: ${covers}`, async () => {
      const c = await compareModels(appOf(name), 'app.ts');
      assert.deepEqual({ onlySynthesized: c.onlySynthesized, onlySource: c.onlySource }, { onlySynthesized: [], onlySource: [] });
      assert.deepEqual(c.sourceFindings, c.synthesizedFindings);
      assert.ok(c.sourceFindings.length > 0);
    });
  }
});

describe('what the oracle fixtures show a user', () => {
  test('SSH opened on an instance through connections is reported on that call; the instance sits in the subnet CDK picks', async () => {
    const files = appOf('servers');
    const r = await analyse(files);
    assert.deepEqual(r.findings('app.ts').filter((f) => f.startsWith('sg-world-admin-port')), [
      "sg-world-admin-port@bastion.connections.allowFromAnyIpv4(ec2.Port.tcp(22), 'SSH from anywhere')@27",
    ]);
    // The target group addTargets makes keeps the delay written in the call.
    assert.deepEqual(r.findings('app.ts').filter((f) => f.startsWith('lb-deregistration-delay')), ['lb-deregistration-delay@4000@35']);
    const subnetOf = (path: string) => valueOf((r.byPath(path) as Instance).subnet).replace(/^.*::/, '');
    // Bastion: vpcSubnets PUBLIC; Web: the default (private with egress) in the Vpc's second AZ; Db: isolated.
    assert.deepEqual(['S/Bastion', 'S/Web', 'S/Db'].map(subnetOf), ['S/Vpc/webSubnet1', 'S/Vpc/appSubnet2', 'S/Vpc/dataSubnet1']);
  });

  test('inlay hints stand after CIDRs the app writes, not after construct ids where CDK adds its own (allow-all egress, open listeners)', async () => {
    const files = appOf('servers');
    const text = files['app.ts']!;
    const r = await analyse(files);
    const after = inlayHintsFor(r.analysis, `${ROOT}/app.ts`).map((h) => text.slice(Math.max(0, h.offset - 12), h.offset));
    assert.deepEqual(after, ["'10.10.0.0/16')", 'cidrMask: 24', 'cidrMask: 22', 'cidrMask: 26', "m anywhere')"].map((s) => s.slice(-12)));
  });

  test("a bastion host's SSH opened to anyone is reported on that peer of allowSshAccessFrom", async () => {
    const r = await analyse(appOf('services'));
    assert.deepEqual(r.findings('app.ts').filter((f) => f.startsWith('sg-world-admin-port')).map((f) => f.replace(/@\d+$/, '')), [
      'sg-world-admin-port@ec2.Peer.anyIpv4()',
    ]);
  });
});

test("the endpoint service short names and ports VPC Lens keeps are the installed aws-cdk-lib's", () => {
  assert.deepEqual(readAwsCdkLib(), { irregularShortNames: IRREGULAR_SHORT_NAMES, ports: NON_HTTPS_PORTS }, 'regenerate: node --import tsx test/cdk-oracle/endpointServiceNames.ts');
});

test("a Vpc whose subnet lists the app changes in place: its selections are not known, rather than wrongly empty", async () => {
  const r = await analyse({
    'app.ts': `import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
class S extends cdk.Stack {
  constructor(scope: cdk.App, id: string) {
    super(scope, id);
    const vpc = new ec2.Vpc(this, 'Vpc', { subnetConfiguration: [], maxAzs: 2 });
    const subnet = new ec2.PrivateSubnet(this, 'Private', { vpcId: vpc.vpcId, cidrBlock: '10.0.1.0/24', availabilityZone: vpc.availabilityZones[0] });
    vpc.privateSubnets.push(subnet);
    vpc.addGatewayEndpoint('S3', { service: ec2.GatewayVpcEndpointAwsService.S3 });
  }
}
new S(new cdk.App(), 'S');
`,
  });
  // CDK would give the endpoint the pushed subnet's route table; VPC Lens does not follow the push.
  assert.deepEqual(r.findings('app.ts').filter((f) => f.startsWith('endpoint-')), []);
  const endpoint = r.ofKind('endpoint')[0]!;
  assert.deepEqual(endpoint.routeTables.map((t) => t.known), [false]);
});
