/**
 * Observability and cost rules: what the fixtures do not show (modules, CloudFormation JSON which cannot carry
 * annotations, suppression, several analysis units, bad models never throwing) and scale.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createWorkspace } from '../../../server/src/host/createWorkspace';
import { DEFAULT_SETTINGS } from '../../../server/src/core/config/settings';
import { known, unknownField } from '../../../server/src/core/model/field';
import { computeFacts } from '../../../server/src/core/model/facts-impl';
import { NetworkModel } from '../../../server/src/core/model/network';
import type { ElementKind, NetworkElement } from '../../../server/src/core/model/types';
import { RULES } from '../../../server/src/core/rules/registry';
import { runRules } from '../../../server/src/core/rules/runner';
import type { Diagnostic } from '../../../server/src/core/rules/types';

const CODES = ['vpc-flow-logs', 'eip-unassociated'];

/** Diagnostics of this family for several files analysed together, through the real pipeline. */
async function diagnose(files: Record<string, string>): Promise<Map<string, Diagnostic[]>> {
  const errors: string[] = [];
  const ws = await createWorkspace({ error: (m) => errors.push(m) });
  for (const [uri, text] of Object.entries(files)) ws.setFile(uri, text);
  const analysis = ws.analyze(DEFAULT_SETTINGS);
  assert.deepEqual(errors, []);
  const out = new Map<string, Diagnostic[]>();
  for (const [uri, list] of analysis.diagnostics) {
    const mine = list.filter((d) => CODES.includes(d.ruleId));
    if (mine.length > 0) out.set(uri, mine);
  }
  return out;
}

function textAt(text: string, span: { start: number; end: number }): string {
  return text.slice(span.start, span.end);
}

describe('vpc-flow-logs', () => {
  test('a flow log made in a local module for the root VPC counts', async () => {
    const found = await diagnose({
      'file:///obs/main.tf': `
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

module "flow_logs" {
  source = "./modules/flow-logs"
  vpc_id = aws_vpc.main.id
}
`,
      'file:///obs/modules/flow-logs/main.tf': `
variable "vpc_id" {
  type = string
}

resource "aws_flow_log" "this" {
  vpc_id               = var.vpc_id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::flow-logs"
}
`,
    });
    assert.deepEqual([...found.keys()], []);
  });

  test('is info on the VPC name, with no fix, and a suppression comment silences it', async () => {
    const text = `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

# vpc-lens-ignore vpc-flow-logs
resource "aws_vpc" "sandbox" {
  cidr_block = "10.1.0.0/16"
}
`;
    const found = (await diagnose({ 'file:///obs/main.tf': text })).get('file:///obs/main.tf') ?? [];
    assert.equal(found.length, 1);
    assert.equal(found[0]!.ruleId, 'vpc-flow-logs');
    assert.equal(textAt(text, found[0]!.span), '"main"');
    assert.equal(found[0]!.severity, 'info');
    assert.equal(found[0]!.fixes, undefined);
  });

  test('an unknown flow log in one analysis unit does not silence another unit', async () => {
    const found = await diagnose({
      'file:///obs/a/main.tf': `
variable "vpc_id" {
  type = string
}

resource "aws_vpc" "a" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_flow_log" "somewhere" {
  vpc_id          = var.vpc_id
  log_destination = "arn:aws:s3:::flow-logs"
}
`,
      'file:///obs/b/main.tf': `
resource "aws_vpc" "b" {
  cidr_block = "10.1.0.0/16"
}
`,
    });
    assert.deepEqual([...found.keys()], ['file:///obs/b/main.tf']);
  });
});

describe('CloudFormation JSON (no comments, so no annotated fixture)', () => {
  test('an idle EIP and a VPC without flow log are reported on their logical ids; used EIPs are not', async () => {
    const uri = 'file:///obs/template.json';
    const text = JSON.stringify(
      {
        AWSTemplateFormatVersion: '2010-09-09',
        Resources: {
          Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
          Subnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.0.0.0/24' } },
          IdleEip: { Type: 'AWS::EC2::EIP', Properties: { Domain: 'vpc' } },
          NatEip: { Type: 'AWS::EC2::EIP', Properties: { Domain: 'vpc' } },
          Nat: { Type: 'AWS::EC2::NatGateway', Properties: { SubnetId: { Ref: 'Subnet' }, AllocationId: { 'Fn::GetAtt': ['NatEip', 'AllocationId'] } } },
          // The classic form: the association names the address by its public IP (`Ref`).
          Instance: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-0123456789abcdef0', SubnetId: { Ref: 'Subnet' } } },
          PublicIpEip: { Type: 'AWS::EC2::EIP', Properties: { Domain: 'vpc' } },
          PublicIpAssociation: { Type: 'AWS::EC2::EIPAssociation', Properties: { EIP: { Ref: 'PublicIpEip' }, InstanceId: { Ref: 'Instance' } } },
        },
      },
      null,
      2,
    );
    const found = (await diagnose({ [uri]: text })).get(uri) ?? [];
    assert.deepEqual(found.map((d) => `${d.ruleId} ${textAt(text, d.span)}`).sort(), ['eip-unassociated "IdleEip"', 'vpc-flow-logs "Vpc"']);
  });
});

describe('eip-unassociated', () => {
  test('an internal Network Load Balancer cannot hold Elastic IPs, so it does not silence the rule', async () => {
    const text = `
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.0.0/24"
}

resource "aws_eip" "idle" {
  domain = "vpc"
}

resource "aws_lb" "internal" {
  name               = "internal"
  load_balancer_type = "network"
  internal           = true
  subnets            = [aws_subnet.a.id]
}

resource "aws_flow_log" "main" {
  vpc_id          = aws_vpc.main.id
  log_destination = "arn:aws:s3:::flow-logs"
}
`;
    const found = (await diagnose({ 'file:///obs/main.tf': text })).get('file:///obs/main.tf') ?? [];
    assert.deepEqual(found.map((d) => `${d.ruleId} ${textAt(text, d.span)} ${d.severity}`), ['eip-unassociated "idle" info']);
    assert.equal(found[0]!.fixes, undefined);
  });
});

// --- hand-built models -------------------------------------------------------------------------------

function builder() {
  const elements: NetworkElement[] = [];
  let offset = 0;
  const span = () => ({ file: 'file:///hand.tf', start: offset, end: (offset += 10) });
  const base = <K extends ElementKind>(kind: K, type: string, name: string) => ({
    kind, id: `${type}.${name}`, address: `${type}.${name}`, format: 'terraform' as const, span: span(), nameSpan: span(), nativeType: type,
  });
  return { elements, span, base, ref: (id: string) => known(id, span()), str: (v: string) => known(v, span()) };
}

function run(elements: NetworkElement[]) {
  const model = new NetworkModel(elements);
  const errors: unknown[] = [];
  const findings = runRules(RULES.filter((r) => r.category === 'observability'), { model, facts: computeFacts(model) }, (_id, e) => errors.push(e));
  assert.deepEqual(errors, []);
  return findings;
}

describe('bad models', () => {
  test('unknown and dangling references never throw; unknown ones keep the rules silent', () => {
    const { elements, base, ref, str } = builder();
    elements.push({ ...base('vpc', 'aws_vpc', 'main'), cidrBlocks: [] });
    elements.push({ ...base('flow-log', 'aws_flow_log', 'dangling'), resource: ref('aws_vpc.elsewhere') });
    elements.push({ ...base('eip', 'aws_eip', 'maybe_instance'), instance: unknownField(), associatedWith: [] });
    elements.push({ ...base('eip', 'aws_eip', 'maybe_eni'), networkInterface: unknownField(), associatedWith: [] });
    elements.push({ ...base('eip', 'aws_eip', 'used'), associatedWith: ['aws_nat_gateway.gone'] });
    elements.push({ ...base('nat', 'aws_nat_gateway', 'literal'), subnet: unknownField(), allocation: str('eipalloc-0123456789abcdef0') });
    assert.deepEqual(run(elements).map((f) => f.ruleId), ['vpc-flow-logs']);

    elements.push({ ...base('flow-log', 'aws_flow_log', 'unknown'), resource: unknownField() });
    elements.push({ ...base('eip', 'aws_eip', 'idle'), associatedWith: [] });
    elements.push({ ...base('nat', 'aws_nat_gateway', 'unknown'), subnet: unknownField(), allocation: unknownField() });
    assert.deepEqual(run(elements), []);
  });
});

describe('scale', () => {
  test('5,000 VPCs with flow logs and 5,000 used EIPs: both rules run quickly, with exactly the planted findings', () => {
    const { elements, base, ref, span } = builder();
    for (let i = 0; i < 5000; i++) {
      elements.push({ ...base('vpc', 'aws_vpc', `v${i}`), cidrBlocks: [] });
      elements.push({ ...base('flow-log', 'aws_flow_log', `v${i}`), resource: ref(`aws_vpc.v${i}`), trafficType: known('ALL', span()) });
      elements.push({ ...base('eip', 'aws_eip', `e${i}`), associatedWith: [`aws_nat_gateway.n${i}`] });
    }
    elements.push({ ...base('vpc', 'aws_vpc', 'unlogged'), cidrBlocks: [] });
    elements.push({ ...base('eip', 'aws_eip', 'idle'), associatedWith: [] });
    const started = performance.now();
    const findings = run(elements);
    const elapsed = performance.now() - started;
    assert.deepEqual(findings.map((f) => `${f.ruleId} ${/aws_\w+\.\w+/.exec(f.message)?.[0]}`), [
      'vpc-flow-logs aws_vpc.unlogged',
      'eip-unassociated aws_eip.idle',
    ]);
    assert.ok(elapsed < 15_000, // a bound against runaway (quadratic) work on a busy CI machine, not a speed target (npm run bench measures speed)
      `took ${elapsed.toFixed(0)} ms`);
  });
});
