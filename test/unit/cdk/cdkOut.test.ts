import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS } from '../../../server/src/core/config/settings';
import type { Diagnostic } from '../../../server/src/core/rules/types';
import { createWorkspace } from '../../../server/src/host/createWorkspace';
import { analyse, ROOT, stack } from './helpers';

// A small CDK app (bin/, lib/) and the template aws-cdk-lib really synthesized from it (cdk.out/, regenerated
// by regenerate.ts in the fixture folder).
const FIXTURE = path.join(__dirname, '../../fixtures/cdk/with-cdk-out');
const TEMPLATE = 'cdk.out/NetStack.template.json';
const SOURCE = 'lib/net-stack.ts';

function fixture(...dirs: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const dir of dirs) {
    for (const name of fs.readdirSync(path.join(FIXTURE, dir))) out[`${dir}/${name}`] = fs.readFileSync(path.join(FIXTURE, dir, name), 'utf8');
  }
  return out;
}

/** `rule@"text"` of each diagnostic of a file, sorted. */
function summary(diagnostics: readonly Diagnostic[], text: string): string[] {
  return diagnostics.map((d) => `${d.ruleId}@${text.slice(d.span.start, d.span.end)}`).sort();
}

describe('cdk.out templates: the CDK path of each resource', () => {
  test('aws:cdk:path from the resource Metadata is on the element, inline parts included', async () => {
    const r = await analyse(fixture('cdk.out'));
    const byAddress = new Map(r.elements().map((e) => [e.address, e]));
    assert.equal(byAddress.get('Stray')?.cdkPath, 'NetStack/Stray');
    assert.equal(byAddress.get('VpcAppSubnet2Subnet8D65443B')?.cdkPath, 'NetStack/Vpc/AppSubnet2/Subnet');
    const ingress = r.elements().find((e) => e.kind === 'sg-rule' && e.address.startsWith('AdminC75D2A91.'));
    assert.equal(ingress?.cdkPath, 'NetStack/Admin/Resource');
    // Hand-written templates have no CDK path.
    const plain = await analyse({ 'net.yaml': 'Resources:\n  V:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/16\n' });
    assert.equal(plain.byPath('V').cdkPath, undefined);
  });
});

describe('a CDK app and its cdk.out in one workspace', () => {
  test('each mistake is reported once, on the source', async () => {
    const sourceOnly = await analyse(fixture('bin', 'lib'));
    const both = await analyse(fixture('bin', 'lib', 'cdk.out'));
    const text = fixture('lib')[SOURCE]!;
    const before = summary(sourceOnly.diagnostics(SOURCE), text);
    const after = summary(both.diagnostics(SOURCE), text);
    // The source findings are all still there, the template adds only what the source could not see.
    assert.ok(before.includes("subnet-outside-vpc@'10.60.1.0/24'"), before.join('\n'));
    assert.ok(before.includes('sg-world-admin-port@ec2.Peer.anyIpv4()'), before.join('\n'));
    assert.ok(before.includes('lb-http-listener@80'), before.join('\n'));
    assert.deepEqual(after, [...before, "subnet-outside-vpc@'Computed'"].sort());
    // In the template, only the resource with no source construct keeps its finding.
    const templateText = fixture('cdk.out')[TEMPLATE]!;
    assert.deepEqual(summary(both.diagnostics(TEMPLATE), templateText), ['subnet-outside-vpc@"10.80.1.0/24"']);
  });

  test('the template alone reports its findings where they are', async () => {
    const r = await analyse(fixture('cdk.out'));
    const found = summary(r.diagnostics(TEMPLATE), fixture('cdk.out')[TEMPLATE]!);
    for (const expected of ['subnet-outside-vpc@"10.60.1.0/24"', 'subnet-outside-vpc@"10.70.1.0/24"', 'sg-world-admin-port@"0.0.0.0/0"', 'lb-http-listener@"HTTP"']) {
      assert.ok(found.includes(expected), found.join('\n'));
    }
  });

  test('a finding only the template shows moves to the construct, naming the template, keeping its place as related', async () => {
    const both = await analyse(fixture('bin', 'lib', 'cdk.out'));
    const moved = both.diagnostics(SOURCE).find((d) => both.textAt(d.span) === "'Computed'");
    assert.ok(moved);
    assert.equal(moved.ruleId, 'subnet-outside-vpc');
    assert.match(moved.message, /^Subnet 10\.70\.1\.0\/24 is outside VPC Legacy \(10\.50\.0\.0\/16\) \(in the synthesized template: cdk\.out\/NetStack\.template\.json\)$/);
    const related = moved.related?.[0];
    assert.ok(related);
    assert.equal(related.span.file, `${ROOT}/${TEMPLATE}`);
    assert.equal(both.textAt(related.span), '"10.70.1.0/24"');
    assert.match(related.message, /NetStack\/Computed/);
    assert.equal(moved.fixes, undefined);
  });
});

/** A template as CDK writes it for stack `S`: one VPC and one subnet outside it, both with their CDK paths. */
function template(subnetPath: string, extraMetadata = ''): string {
  return JSON.stringify(
    {
      Resources: {
        VpcABC: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' }, Metadata: { 'aws:cdk:path': 'S/Vpc' } },
        SubDEF: {
          Type: 'AWS::EC2::Subnet',
          Properties: { VpcId: { Ref: 'VpcABC' }, CidrBlock: '10.9.0.0/24' },
          Metadata: { 'aws:cdk:path': subnetPath, ...(extraMetadata ? JSON.parse(extraMetadata) : {}) },
        },
      },
    },
    null,
    1,
  );
}

/** The source the template came from, but with the subnet's CIDR computed (unknown to static analysis). */
const SOURCE_STACK = stack(`    const vpc = new ec2.CfnVPC(this, 'Vpc', { cidrBlock: '10.0.0.0/16' });
    new ec2.CfnSubnet(this, 'Sub', { vpcId: vpc.ref, cidrBlock: process.env.SUBNET_CIDR! });`);

describe('mapping template findings to the source construct', () => {
  test('the construct whose path is the longest prefix of the CDK path takes the finding', async () => {
    const r = await analyse({ 'stack.ts': SOURCE_STACK, 'cdk.out/S.template.json': template('S/Sub/Resource') });
    assert.deepEqual(r.findings('stack.ts').filter((f) => f.startsWith('subnet-outside-vpc')), ["subnet-outside-vpc@'Sub'@8"]);
    assert.deepEqual(r.diagnostics('cdk.out/S.template.json'), []);
  });

  test('another stack of the same name is not a match', async () => {
    const r = await analyse({ 'stack.ts': SOURCE_STACK, 'cdk.out/Other.template.json': template('Other/Sub/Resource') });
    assert.deepEqual(r.findings('stack.ts').filter((f) => f.startsWith('subnet-outside-vpc')), []);
    assert.equal(r.diagnostics('cdk.out/Other.template.json').filter((d) => d.ruleId === 'subnet-outside-vpc').length, 1);
  });

  test("the app beside cdk.out is preferred over another app's construct with the same path", async () => {
    const r = await analyse({ 'a/stack.ts': SOURCE_STACK, 'b/stack.ts': SOURCE_STACK, 'b/cdk.out/S.template.json': template('S/Sub/Resource') });
    assert.deepEqual(r.findings('a/stack.ts').filter((f) => f.startsWith('subnet-outside-vpc')), []);
    assert.deepEqual(r.findings('b/stack.ts').filter((f) => f.startsWith('subnet-outside-vpc')), ["subnet-outside-vpc@'Sub'@8"]);
  });

  test('a vpc-lens ignore in the template Metadata (cfn.addMetadata) still suppresses the finding', async () => {
    const r = await analyse({ 'stack.ts': SOURCE_STACK, 'cdk.out/S.template.json': template('S/Sub/Resource', '{"vpc-lens": {"ignore": ["subnet-outside-vpc"]}}') });
    assert.deepEqual(r.findings('stack.ts').filter((f) => f.startsWith('subnet-outside-vpc')), []);
    assert.deepEqual(r.diagnostics('cdk.out/S.template.json'), []);
  });

  test('editing the source updates the result; a stale template still speaks through the source', async () => {
    const ws = await createWorkspace();
    const literal = SOURCE_STACK.replace('process.env.SUBNET_CIDR!', "'10.9.0.0/24'");
    ws.setFile(`${ROOT}/stack.ts`, literal);
    ws.setFile(`${ROOT}/cdk.out/S.template.json`, template('S/Sub/Resource'));
    const first = ws.analyze(DEFAULT_SETTINGS).diagnostics.get(`${ROOT}/stack.ts`)!.filter((d) => d.ruleId === 'subnet-outside-vpc');
    // Both see it: reported once, by the source, on the literal.
    assert.equal(first.length, 1);
    assert.doesNotMatch(first[0]!.message, /synthesized template/);
    // Fixed in the source, not yet re-synthesized: the template's finding now shows on the construct.
    ws.setFile(`${ROOT}/stack.ts`, literal.replace("'10.9.0.0/24'", "'10.0.9.0/24'"));
    const second = ws.analyze(DEFAULT_SETTINGS).diagnostics.get(`${ROOT}/stack.ts`)!.filter((d) => d.ruleId === 'subnet-outside-vpc');
    assert.equal(second.length, 1);
    assert.match(second[0]!.message, /in the synthesized template: cdk\.out\/S\.template\.json/);
    assert.deepEqual(ws.analyze(DEFAULT_SETTINGS).diagnostics.get(`${ROOT}/cdk.out/S.template.json`), []);
  });
});
