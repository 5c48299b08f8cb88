import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Workspace } from '../../../server/src/core/analysis/workspace';
import type { Analysis } from '../../../server/src/core/analysis/workspace';
import { type AnalysisSettings, DEFAULT_SETTINGS } from '../../../server/src/core/config/settings';
import type { TerraformParsedFile } from '../../../server/src/core/frontends/terraform';
import type { NetworkElement } from '../../../server/src/core/model/types';
import { createWorkspace } from '../../../server/src/host/createWorkspace';
import { newFrontEnd } from '../terraform/helpers';

// `vpc-lens check` analyses with retainUnits: false: each Terraform root is analysed and let go before the
// next one is evaluated. The editor keeps the default (it reuses units on the next edit and reads the model).
const ONE_SHOT: AnalysisSettings = { ...DEFAULT_SETTINGS, retainUnits: false };

const FILES: Record<string, string> = {
  'file:///ws/a/main.tf':
    'resource "aws_vpc" "a" {\n  cidr_block = "10.0.0.0/16"\n}\nresource "aws_subnet" "s" {\n  vpc_id     = aws_vpc.a.id\n  cidr_block = "10.1.0.0/24"\n}\n' +
    'resource "aws_subnet" "quiet" {\n  vpc_id     = aws_vpc.a.id\n  cidr_block = "10.9.0.0/24" # vpc-lens-ignore subnet-outside-vpc\n}\n',
  'file:///ws/b/main.tf': 'module "net" {\n  source = "../mod"\n  cidr   = var.missing\n}\n',
  'file:///ws/c/main.tf': 'resource "aws_vpc" "c" {\n  cidr_block = "10.2.0.7/16"\n}\n',
  'file:///ws/mod/main.tf':
    'variable "cidr" {}\nresource "aws_vpc" "m" {\n  cidr_block = "10.3.0.0/16"\n}\nresource "aws_subnet" "m" {\n  vpc_id     = aws_vpc.m.id\n  cidr_block = "10.4.0.0/24"\n}\n' +
    'resource "aws_subnet" "n" {\n  vpc_id     = aws_vpc.m.id\n  cidr_block = cidrsubnet(aws_vpc.m.cidr_block, 8, 300)\n}\n',
  'file:///ws/broken/main.tf': 'resource "aws_vpc" "x" {\n  cidr_block = = "10.0.0.0/16"\n}\n',
  'file:///ws/cfn/network.json': JSON.stringify(
    {
      AWSTemplateFormatVersion: '2010-09-09',
      Resources: {
        Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.20.0.0/16' } },
        Subnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.21.0.0/24' } },
      },
    },
    null,
    2,
  ),
};

async function loaded(): Promise<Workspace> {
  const ws = await createWorkspace();
  for (const [uri, text] of Object.entries(FILES)) ws.setFile(uri, text);
  return ws;
}

/** Every diagnostic as the CLI prints it: file, position, code, severity, message, related locations. */
function shown(a: Analysis): string[] {
  return [...a.diagnostics].flatMap(([file, list]) =>
    list.map((d) => `${file}@${d.span.start}-${d.span.end} ${d.ruleId} ${d.severity}: ${d.message} ${JSON.stringify(d.related ?? [])}`),
  );
}

const formatsInModel = (a: Analysis): string[] => [...new Set([...a.model.all()].map((e) => e.format))].sort();

describe('retainUnits: false (a one-shot check)', () => {
  test('gives the same diagnostics and counts as an analysis that keeps its units', async () => {
    const kept = (await loaded()).analyze(DEFAULT_SETTINGS);
    const oneShot = (await loaded()).analyze(ONE_SHOT);
    const codes = shown(oneShot).map((line) => line.split(' ')[1]);
    for (const code of ['subnet-outside-vpc', 'cidr-host-bits', 'parse-error', 'evaluation']) assert.ok(codes.includes(code), `codes: ${codes.join(', ')}`);
    // The suppressed subnet stays suppressed.
    assert.deepEqual(shown(oneShot).filter((line) => line.includes('10.9.0.0/24')), []);
    assert.deepEqual(shown(oneShot), shown(kept));
    assert.equal(oneShot.resources, kept.resources);
    assert.equal(oneShot.files, kept.files);
  });

  test('lets the Terraform units go: the model keeps only the units of other front-ends', async () => {
    assert.deepEqual(formatsInModel((await loaded()).analyze(DEFAULT_SETTINGS)), ['cloudformation', 'terraform']);
    const ws = await loaded();
    assert.deepEqual(formatsInModel(ws.analyze(ONE_SHOT)), ['cloudformation']);
    // The same workspace analysed for the editor afterwards has the whole model again.
    assert.deepEqual(formatsInModel(ws.analyze(DEFAULT_SETTINGS)), ['cloudformation', 'terraform']);
  });

  test('a sharded one-shot pass (a check worker) yields what a sharded pass that keeps its units does', async () => {
    for (const index of [0, 1]) {
      const kept = Workspace.shardResult((await loaded()).analyzeUnits(DEFAULT_SETTINGS, { index, count: 2 }));
      const oneShot = Workspace.shardResult((await loaded()).analyzeUnits(ONE_SHOT, { index, count: 2 }));
      const sorted = (r: typeof kept) => r.findings.map((f) => `${f.span.file}@${f.span.start} ${f.ruleId}`).sort();
      assert.deepEqual(sorted(oneShot), sorted(kept), `share ${index}`);
      assert.equal(oneShot.resources, kept.resources);
      assert.equal(oneShot.problems.length, kept.problems.length);
    }
  });

  test("Terraform's buildEach evaluates a root only when the iteration reaches it", async () => {
    const fe = await newFrontEnd();
    const files = new Map<string, TerraformParsedFile>();
    const put = (uri: string, text: string) => files.set(uri, fe.parse(uri, text));
    put('file:///ws/a/main.tf', 'variable "cidr" {}\nresource "aws_vpc" "a" {\n  cidr_block = var.cidr\n}\n');
    put('file:///ws/b/main.tf', 'variable "cidr" {}\nresource "aws_vpc" "b" {\n  cidr_block = var.cidr\n}\n');
    put('file:///ws/a/terraform.tfvars', 'cidr = "10.0.0.0/16"\n');
    // Root b's variable file is read by b's evaluation alone (planning looks at its name only).
    const tfvars = fe.parse('file:///ws/b/terraform.tfvars', 'cidr = "10.1.0.0/16"\n');
    let bEvaluated = false;
    files.set(tfvars.uri, {
      ...tfvars,
      get body() {
        bEvaluated = true;
        return tfvars.body;
      },
    });

    const units = fe.buildEach!(files, { terraformVarFiles: [] })[Symbol.iterator]();
    const first = units.next();
    assert.equal(first.done, false);
    assert.equal(first.value?.key, 'terraform:file:///ws/a');
    assert.equal(bEvaluated, false, 'root b was evaluated before the first unit was used');
    const second = units.next();
    assert.equal(second.value?.key, 'terraform:file:///ws/b');
    assert.equal(bEvaluated, true);
    const elements: readonly NetworkElement[] = second.done ? [] : second.value.elements;
    const vpc = elements.find((e) => e.kind === 'vpc');
    const cidr = vpc?.kind === 'vpc' ? vpc.cidrBlocks[0]?.cidr : undefined;
    assert.equal(cidr?.known && cidr.value, '10.1.0.0/16');
    assert.equal(units.next().done, true);
  });
});
