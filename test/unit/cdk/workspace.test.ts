import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inlayHintsFor } from '../../../server/src/core/features/inlayHints';
import { createWorkspace } from '../../../server/src/host/createWorkspace';
import { analyse, HEADER, ROOT, stack } from './helpers';

const FIXTURE = path.join(__dirname, '../../fixtures/cdk/network');

function fixtureFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const dir of ['bin', 'lib']) {
    for (const name of fs.readdirSync(path.join(FIXTURE, dir))) out[`${dir}/${name}`] = fs.readFileSync(path.join(FIXTURE, dir, name), 'utf8');
  }
  return out;
}

describe('CDK app through the workspace', () => {
  test('a host that needs no TypeScript gets a workspace without the CDK front-end; later it can have one', async () => {
    const stackText = fixtureFiles()['lib/network-stack.ts']!;
    const terraformOnly = await createWorkspace(undefined, { typescript: false });
    assert.equal(terraformOnly.setFile(`${ROOT}/lib/network-stack.ts`, stackText), false, 'nobody claims the .ts file');
    assert.equal(terraformOnly.setFile(`${ROOT}/main.tf`, 'resource "aws_vpc" "a" {}\n'), true);
    const decidedLater = await createWorkspace(undefined, { typescript: Promise.resolve(true) });
    assert.equal(decidedLater.setFile(`${ROOT}/lib/network-stack.ts`, stackText), true);
  });

  test('a small stack gives the rule findings on the props that cause them', async () => {
    const r = await analyse(fixtureFiles());
    const findings = r.findings('lib/network-stack.ts');
    assert.ok(findings.includes("subnet-outside-vpc@'10.60.1.0/24'@33"), findings.join('\n'));
    assert.ok(findings.includes('sg-world-admin-port@ec2.Peer.anyIpv4()@28'), findings.join('\n'));
    // natGateways: 1 with two private subnets: the second AZ's route crosses AZs, reported on the prop.
    assert.ok(findings.some((f) => f.startsWith('nat-cross-az@1@20')), findings.join('\n'));
    assert.deepEqual(r.diagnostics('bin/app.ts').filter((d) => d.severity === 'error'), []);
    assert.deepEqual(r.diagnostics('lib/config.ts'), []);
  });

  test('hover on cidrMask lists the block it yields in each AZ; on IpAddresses.cidr, the VPC math', async () => {
    const r = await analyse(fixtureFiles());
    const mask = r.hover('lib/network-stack.ts', 'cidrMask: 24', 'cidrMask: '.length + 1)!;
    assert.match(mask, /2 instances/);
    assert.match(mask, /`PublicSubnet1 \(az#0\)` 10\.20\.0\.0\/24 · 251 usable/);
    assert.match(mask, /`PublicSubnet2 \(az#1\)` 10\.20\.1\.0\/24 · 251 usable/);
    const app = r.hover('lib/network-stack.ts', 'cidrMask: 20', 'cidrMask: '.length + 1)!;
    assert.match(app, /10\.20\.16\.0\/20 · 4,091 usable/);
    const vpc = r.hover('lib/network-stack.ts', 'ec2.IpAddresses.cidr(', 3)!;
    assert.match(vpc, /10\.20\.0\.0\/16/);
    assert.match(vpc, /65,531 usable/);
    const hints = inlayHintsFor(r.analysis, `${ROOT}/lib/network-stack.ts`).map((h) => h.label);
    assert.ok(hints.some((l) => /251 usable/.test(String(l))), JSON.stringify(hints));
  });

  test('suppression comments silence a finding on the next line', async () => {
    const r = await analyse({
      'stack.ts': stack(`    const sg = new ec2.SecurityGroup(this, 'Sg', { vpc: new ec2.Vpc(this, 'Vpc') });
    // vpc-lens-ignore sg-world-admin-port
    sg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(22));`),
    });
    assert.deepEqual(r.findings('stack.ts').filter((f) => f.startsWith('sg-world-admin-port')), []);
  });

  test('half-typed code: a parse error where tree-sitter marks it, the rest still analysed', async () => {
    const text = stack(`    const v = new ec2.CfnVPC(this, 'V', { cidrBlock: '10.0.0.0/16' });
    new ec2.CfnSubnet(this, 'Out', { vpcId: v.ref, cidrBlock: '10.9.0.0/24' });
    const sg = new ec2.SecurityGroup(this, 'Sg', { vpc: ;
    new ec2.CfnSubnet(this, 'Bad', { vpcId: (this.node.findChild('V') as ec2.CfnVPC).ref, cidrBlock: '10.1.0.0/24' });`);
    const r = await analyse({ 'stack.ts': text });
    const errors = r.findings('stack.ts').filter((f) => f.startsWith('parse-error'));
    assert.ok(errors.length >= 1);
    // The first error is on the half-typed line (9); tree-sitter may mark more after it, never before.
    assert.equal(Number(errors[0]!.split('@')[2]), 9, errors.join('\n'));
    assert.ok(errors.every((f) => Number(f.split('@')[2]) >= 9), errors.join('\n'));
    // Statements before the error are still analysed: the subnet outside its VPC is found.
    assert.ok(r.elements().some((e) => e.kind === 'vpc' && e.address.endsWith('V')));
    assert.ok(r.findings('stack.ts').some((f) => f.startsWith("subnet-outside-vpc@'10.9.0.0/24'")), r.findings('stack.ts').join('\n'));
  });

  test('nonsense and dynamic code never crash and produce no guesses', async () => {
    const inputs = [
      `import * as ec2 from 'aws-cdk-lib/aws-ec2';\n`,
      `import * as cdk from 'aws-cdk-lib';\nclass A extends cdk.Stack { constructor(s, i) { super(s, i); new this.x(this, 'q'); } }`,
      `${HEADER}const f = (n: number): number => f(n + 1);\nnew ec2.CfnVPC(undefined as any, 'V', { cidrBlock: f(1) as any });`,
      `${HEADER}function loop(n: number): string { return loop(n + 1); }\nnew ec2.CfnVPC(undefined as any, 'V', { cidrBlock: loop(0) });`,
      `${HEADER}new ec2.Vpc(undefined as any, 'V', { maxAzs: Math.max(1, 2), subnetConfiguration: configs.map((c) => c) });`,
      `${HEADER}for (const cidr of ['10.0.0.0/16']) { new ec2.CfnVPC(undefined as any, cidr, { cidrBlock: cidr }); }`,
      `${HEADER}${'('.repeat(2000)}1${')'.repeat(2000)};`,
      `${HEADER}new ec2.Vpc(this, 'V', { ipAddresses: ec2.IpAddresses.cidr('10.0.0.0/28') });`,
      `import * as cdk from 'aws-cdk-lib' \u0000\u0001 export = {`,
    ];
    for (const text of inputs) {
      const r = await analyse({ 'stack.ts': text });
      for (const v of r.ofKind('vpc')) {
        const cidr = v.cidrBlocks[0]?.cidr;
        assert.ok(!cidr?.known || /^10\.0\.0\.0\/(16|28)$/.test(cidr.value), `${text}: ${JSON.stringify(cidr)}`);
      }
    }
  });

  test('CDK rejects a VPC too small for its subnets: reported on the construct, not a crash', async () => {
    const text = `${HEADER}new ec2.Vpc(undefined as any, 'Tiny', { ipAddresses: ec2.IpAddresses.cidr('10.0.0.0/28'), maxAzs: 2 });`;
    const r = await analyse({ 'stack.ts': text });
    const d = r.diagnostics('stack.ts').find((x) => /CDK would reject/.test(x.message));
    assert.ok(d, r.findings('stack.ts').join('\n'));
    assert.equal(r.textAt(d.span), "'Tiny'");
  });
});
