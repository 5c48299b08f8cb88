// Terraform's file(), fileexists() and yamldecode(): a network described in a YAML file next to the code is
// evaluated from the text the workspace holds, and a change to that file is analysed again.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { type Analysis } from '../../../server/src/core/analysis/workspace';
import { type AnalysisSettings, DEFAULT_SETTINGS } from '../../../server/src/core/config/settings';
import { hoverAt } from '../../../server/src/core/features/hover';
import { unknownReason } from '../../../server/src/core/values/value';
import { createWorkspace } from '../../../server/src/host/createWorkspace';
import { MAIN_TF, NETWORK_YAML, NETWORK_YAML_FIXED } from '../../fixtures/terraformFileConfig';
import { evalExpr, evaluateFiles, offsetOf, WS } from './helpers';

const MAIN = `${WS}/net/main.tf`;
const YAML_FILE = `${WS}/net/network.yaml`;

const codes = (a: Analysis, uri: string) => (a.diagnostics.get(uri) ?? []).map((d) => d.ruleId);

describe('yamldecode', () => {
  test('maps, sequences, numbers, booleans and null, as YAML 1.2 reads them (yes stays a string)', async () => {
    const { plain, problems } = await evalExpr('yamldecode(local.text)', `locals {\n  text = <<EOT\nvpc: 10.0.0.0/16\nazs: [a, b]\ncount: 3\nipv6: true\nlegacy: yes\nnothing: ~\nEOT\n}\n`);
    assert.deepEqual(problems, []);
    assert.deepEqual(plain, { vpc: '10.0.0.0/16', azs: ['a', 'b'], count: 3, ipv6: true, legacy: 'yes', nothing: null });
  });

  test('aliases to earlier anchors are followed; an empty document is null', async () => {
    assert.deepEqual((await evalExpr('yamldecode("base: &b {cidr: 10.0.0.0/16}\\ncopy: *b")')).plain, { base: { cidr: '10.0.0.0/16' }, copy: { cidr: '10.0.0.0/16' } });
    assert.equal((await evalExpr('yamldecode("")')).plain, null);
  });

  test('text that is not YAML is an evaluation problem naming the function', async () => {
    const { plain, problems } = await evalExpr('yamldecode("a: [1, 2")');
    assert.equal(plain, undefined);
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /^yamldecode: the argument is not valid YAML: /);
  });
});

describe('file() and fileexists()', () => {
  test('a file the workspace does not hold is unknown, saying why (it may lie outside the checked folders)', async () => {
    const r = await evaluateFiles({ 'main.tf': MAIN_TF });
    const why = unknownReason(r.value('aws_vpc.main', 'cidr_block'));
    assert.match(why ?? '', /"\.\/network\.yaml" is not a file VPC Lens read/);
    assert.deepEqual(r.allProblems, [], 'not an error: the file may well exist');
  });

  test('a YAML file next to the code gives the VPC and subnets their blocks; the subnet outside the VPC is reported where the YAML writes it', async () => {
    const ws = await createWorkspace();
    ws.setFile(MAIN, MAIN_TF);
    ws.setFile(YAML_FILE, NETWORK_YAML);
    const analysis = ws.analyze(DEFAULT_SETTINGS);
    assert.equal(analysis.resources, 3);
    assert.ok(!codes(analysis, MAIN).includes('subnet-outside-vpc'));
    const outside = (analysis.diagnostics.get(YAML_FILE) ?? []).filter((d) => d.ruleId === 'subnet-outside-vpc');
    assert.equal(outside.length, 1, JSON.stringify([...analysis.diagnostics]));
    const at = offsetOf(NETWORK_YAML, '10.1.2.0/24');
    assert.deepEqual([outside[0]!.span.start, outside[0]!.span.end], [at, at + '10.1.2.0/24'.length]);
    assert.equal(outside[0]!.message, 'Subnet 10.1.2.0/24 is outside VPC aws_vpc.main (10.0.0.0/16)');
    // Related: the VPC in the code, and its block where the YAML writes it.
    assert.deepEqual(
      outside[0]!.related?.map((r) => [r.span.file, r.span.start]),
      [
        [MAIN, offsetOf(MAIN_TF, '"main"')],
        [YAML_FILE, offsetOf(NETWORK_YAML, '10.0.0.0/16')],
      ],
    );
  });

  test('editing the YAML file analyses the root again (the evaluation is not reused while the file changed)', async () => {
    const ws = await createWorkspace();
    ws.setFile(MAIN, MAIN_TF);
    ws.setFile(YAML_FILE, NETWORK_YAML);
    assert.deepEqual(codes(ws.analyze(DEFAULT_SETTINGS), YAML_FILE), ['subnet-outside-vpc']);
    ws.setFile(YAML_FILE, NETWORK_YAML_FIXED);
    assert.deepEqual(codes(ws.analyze(DEFAULT_SETTINGS), YAML_FILE), []);
    ws.setFile(YAML_FILE, NETWORK_YAML);
    assert.deepEqual(codes(ws.analyze(DEFAULT_SETTINGS), YAML_FILE), ['subnet-outside-vpc']);
    ws.deleteFile(YAML_FILE);
    const without = ws.analyze(DEFAULT_SETTINGS);
    assert.deepEqual(codes(without, YAML_FILE), []);
    // Without the file the blocks are unknown: no CIDR finding anywhere (the VPC still lacks a flow log).
    assert.deepEqual(codes(without, MAIN), ['vpc-flow-logs']);
  });

  test('jsondecode(file(...)) gives each value its place in the JSON file too; text that is not JSON fails the call', async () => {
    const json = '{\n  "vpc_cidr": "10.0.0.0/16",\n  "subnet": "10.2.0.0/24"\n}\n';
    const main = `locals {\n  network = jsondecode(file("network.json"))\n}\nresource "aws_vpc" "main" {\n  cidr_block = local.network.vpc_cidr\n}\nresource "aws_subnet" "a" {\n  vpc_id     = aws_vpc.main.id\n  cidr_block = local.network.subnet\n}\n`;
    const jsonUri = `${WS}/net/network.json`;
    const ws = await createWorkspace();
    ws.setFile(MAIN, main);
    ws.setFile(jsonUri, json);
    const outside = (ws.analyze(DEFAULT_SETTINGS).diagnostics.get(jsonUri) ?? []).filter((d) => d.ruleId === 'subnet-outside-vpc');
    assert.deepEqual(outside.map((d) => [d.span.start, d.span.end]), [[offsetOf(json, '"10.2.0.0/24"'), offsetOf(json, '"10.2.0.0/24"') + 13]]);
    ws.setFile(jsonUri, '{ "vpc_cidr": "10.0.0.0/16", }');
    const broken = ws.analyze(DEFAULT_SETTINGS);
    assert.deepEqual(
      (broken.diagnostics.get(MAIN) ?? []).filter((d) => d.ruleId === 'evaluation').map((d) => d.message),
      ['jsondecode: the argument is not valid JSON'],
    );
  });

  test('a hover on a block in the YAML file names the element it is and its share of the VPC', async () => {
    const ws = await createWorkspace();
    ws.setFile(MAIN, MAIN_TF);
    ws.setFile(YAML_FILE, NETWORK_YAML);
    const analysis = ws.analyze(DEFAULT_SETTINGS);
    const hover = (needle: string) => hoverAt(analysis, (uri) => ws.getText(uri), YAML_FILE, offsetOf(NETWORK_YAML, needle) + 3)?.markdown ?? '';
    assert.match(hover('10.0.1.0/24'), /^\*\*10\.0\.1\.0\/24\*\* · subnet `aws_subnet\.this\["app-a"\]`/);
    assert.match(hover('10.0.1.0/24'), /\| In VPC \| 0\.39% of `aws_vpc\.main` 10\.0\.0\.0\/16/);
    assert.match(hover('10.0.0.0/16'), /^\*\*10\.0\.0\.0\/16\*\* · VPC `aws_vpc\.main`/);
  });

  test('a YAML or JSON file nested too deeply to be a network fails the call with a message, no stack overflow', async () => {
    const ws = await createWorkspace();
    const jsonUri = `${WS}/net/deep.json`;
    ws.setFile(MAIN, 'locals {\n  a = yamldecode(file("network.yaml"))\n  b = jsondecode(file("deep.json"))\n}\n');
    ws.setFile(YAML_FILE, `${'['.repeat(5000)}${']'.repeat(5000)}`);
    ws.setFile(jsonUri, `${'['.repeat(5000)}${']'.repeat(5000)}`);
    const messages = (ws.analyze(DEFAULT_SETTINGS).diagnostics.get(MAIN) ?? []).map((d) => d.message).sort();
    assert.equal(messages.length, 2, messages.join('\n'));
    assert.match(messages[0]!, /^jsondecode: /);
    assert.match(messages[1]!, /^yamldecode: /);
  });

  test('a one-shot check (vpc-lens check) finds the same', async () => {
    const oneShot: AnalysisSettings = { ...DEFAULT_SETTINGS, retainUnits: false, recordTraces: false };
    const ws = await createWorkspace();
    ws.setFile(MAIN, MAIN_TF);
    ws.setFile(YAML_FILE, NETWORK_YAML);
    assert.deepEqual(codes(ws.analyze(oneShot), YAML_FILE), ['subnet-outside-vpc']);
  });

  test('fileexists() is true for a file the workspace holds and unknown otherwise, with paths relative to the root module', async () => {
    const ws = await createWorkspace();
    // The held file picks the block with host bits (a finding); the other call's block stays unknown (none).
    const choose = (file: string) => `fileexists("${file}") ? "10.0.0.1/16" : "10.0.0.0/16"`;
    const main = `resource "aws_vpc" "a" {\n  cidr_block = ${choose('network.yaml')}\n}\nresource "aws_vpc" "b" {\n  cidr_block = ${choose('./missing.yaml')}\n}\n`;
    ws.setFile(MAIN, main);
    ws.setFile(YAML_FILE, NETWORK_YAML);
    const hostBits = (ws.analyze(DEFAULT_SETTINGS).diagnostics.get(MAIN) ?? []).filter((d) => d.ruleId === 'cidr-host-bits');
    assert.deepEqual(hostBits.map((d) => d.message), ['VPC block 10.0.0.1/16 has host bits set: the block it names is 10.0.0.0/16']);
  });
});

describe('files a configuration reads, for hosts to read them (referencedFiles)', () => {
  test('paths written in full are found, relative to the file folder; computed ones and .tfvars are not', async () => {
    const ws = await createWorkspace();
    ws.setFile('file:///repo/envs/prod/main.tf', `locals {
  net    = yamldecode(file("\${path.module}/../../shared/network.yaml"))
  peers  = jsondecode(file("peers.json"))
  extra  = fileexists("\${path.root}/extra.yaml") ? file("\${path.root}/extra.yaml") : ""
  cwd    = file("\${path.cwd}/cwd.txt")
  abs    = file("/etc/vpc/ranges.yaml")
  nested = { a = [for k in ["x"] : upper(file("nested/\${k}.yaml"))] }
  dyn    = file(var.path)
  mixed  = file("\${var.dir}/net.yaml")
}
`);
    ws.setFile('file:///repo/envs/prod/terraform.tfvars', 'path = "file(\\"x.yaml\\")"\n');
    ws.setFile('file:///repo/envs/prod/other.tf', 'resource "aws_vpc" "v" { cidr_block = "10.0.0.0/16" }\n');
    assert.deepEqual(ws.referencedFiles(), [
      'file:///etc/vpc/ranges.yaml',
      'file:///repo/envs/prod/cwd.txt',
      'file:///repo/envs/prod/extra.yaml',
      'file:///repo/envs/prod/peers.json',
      'file:///repo/shared/network.yaml',
    ]);
  });
});
