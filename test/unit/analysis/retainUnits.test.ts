import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { Workspace } from '../../../server/src/core/analysis/workspace';
import type { Analysis } from '../../../server/src/core/analysis/workspace';
import { type AnalysisSettings, DEFAULT_SETTINGS } from '../../../server/src/core/config/settings';
import type { TerraformParsedFile } from '../../../server/src/core/frontends/terraform';
import type { AnalysisUnit, FrontEnd, LazyFiles } from '../../../server/src/core/frontends/types';
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
  // Loaded by no root (not terraform.tfvars, not *.auto.tfvars): its syntax error is reported all the same.
  'file:///ws/a/prod.tfvars': 'cidr = = "10.0.0.0/16"\n',
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
    const parseErrors = shown(oneShot).filter((line) => line.includes(' parse-error ')).map((line) => line.split('@')[0]);
    assert.deepEqual(parseErrors, ['file:///ws/broken/main.tf', 'file:///ws/a/prod.tfvars']);
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

  test('sharded one-shot passes (check workers) together yield what sharded passes that keep their units do', async () => {
    const together = async (settings: AnalysisSettings) => {
      const shares = await Promise.all([0, 1].map(async (index) => Workspace.shardResult((await loaded()).analyzeUnits(settings, { index, count: 2 }))));
      const lines = (pick: (r: (typeof shares)[number]) => readonly { span: { file: string; start: number }; message: string }[]) =>
        [...new Set(shares.flatMap((r) => pick(r).map((x) => `${x.span.file}@${x.span.start} ${x.message}`)))].sort();
      return { findings: lines((r) => r.findings), problems: lines((r) => r.problems), resources: shares.reduce((n, r) => n + r.resources, 0) };
    };
    const kept = await together(DEFAULT_SETTINGS);
    const oneShot = await together(ONE_SHOT);
    assert.ok(kept.problems.some((p) => p.startsWith('file:///ws/a/prod.tfvars@')), `problems: ${kept.problems.join('; ')}`);
    assert.deepEqual(oneShot, kept);
  });

  test("calls the host's afterUnitReleased after each root it lets go, and only in a one-shot pass", async () => {
    let calls = 0;
    const ws = await createWorkspace(undefined, undefined, { afterUnitReleased: () => calls++ });
    for (const [uri, text] of Object.entries(FILES)) ws.setFile(uri, text);
    ws.analyze(DEFAULT_SETTINGS);
    assert.equal(calls, 0, 'an analysis that keeps its units lets none go');
    ws.analyze(ONE_SHOT);
    // The Terraform roots a, b (with its module), c and broken; CloudFormation keeps its unit.
    assert.equal(calls, 4);
  });

  test('lets each root go before the next is parsed: no frame keeps its syntax trees or its unit', async () => {
    // A full garbage collection on demand (the flag makes V8 install gc() in contexts created from now on).
    v8.setFlagsFromString('--expose-gc');
    const collectGarbage = vm.runInNewContext('gc') as () => void;
    // Roots are analysed in folder order. Root a warms up (the functions the pass runs get their bytecode);
    // root b is large (its trees, values and model take megabytes); c is small. None calls a module, so each
    // file is parsed when the pass reaches its root.
    const subnets = (count: number, vpc: string) =>
      Array.from(
        { length: count },
        (_, i) =>
          `resource "aws_subnet" "s${i}" {\n  vpc_id     = aws_vpc.${vpc}.id\n  cidr_block = cidrsubnet(aws_vpc.${vpc}.cidr_block, 12, ${i})\n` +
          `  tags = {\n    Name  = "${vpc}-subnet-${i}"\n    Tier  = "private"\n    Owner = "team-${i % 7}"\n  }\n}\n`,
      ).join('');
    const texts: Record<string, string> = {
      'file:///ws/a/main.tf': `resource "aws_vpc" "a" {\n  cidr_block = "10.0.0.0/8"\n}\n${subnets(200, 'a')}`,
      'file:///ws/b/main.tf': `resource "aws_vpc" "b" {\n  cidr_block = "11.0.0.0/8"\n}\n${subnets(4000, 'b')}`,
      'file:///ws/c/main.tf': 'resource "aws_vpc" "c" {\n  cidr_block = "10.2.0.0/16"\n}\n',
    };
    // The heap in use after a full collection, each time the pass asks for a file.
    const heapAtParse = new Map<string, number>();
    const terraform = await newFrontEnd();
    const measuring: FrontEnd<TerraformParsedFile> = {
      ...terraform,
      buildEach: (files, options) =>
        terraform.buildEach!(
          {
            uris: files.uris,
            text: files.text,
            parse: (uri) => {
              collectGarbage();
              heapAtParse.set(uri.slice('file:///ws/'.length, -'/main.tf'.length), v8.getHeapStatistics().used_heap_size);
              return files.parse(uri);
            },
          },
          options,
        ),
    };
    const ws = new Workspace([measuring]);
    for (const [uri, text] of Object.entries(texts)) ws.setFile(uri, text);
    assert.equal(ws.analyze(ONE_SHOT).resources, 4203);
    assert.deepEqual([...heapAtParse.keys()], ['a', 'b', 'c']);
    // While a frame still held root b (its syntax trees, values and model), the heap grew by about 16 MB from
    // b's parse to c's. Let go, by 2 to 6 MB: what stays on purpose (the bounded cache of parsed CIDR blocks)
    // and code V8 compiled meanwhile.
    const grown = (heapAtParse.get('c')! - heapAtParse.get('b')!) / (1024 * 1024);
    assert.ok(grown < 10, `the heap grew by ${grown.toFixed(1)} MB from root b's parse to root c's`);
  });

  test("Terraform's buildEach parses a root's files only when the iteration reaches it, and each file once", async () => {
    const fe = await newFrontEnd();
    const texts: Record<string, string> = {
      'file:///ws/a/main.tf': 'variable "cidr" {}\nmodule "net" {\n  source = "../mod"\n  cidr   = var.cidr\n}\n',
      'file:///ws/a/terraform.tfvars': 'cidr = "10.0.0.0/16"\n',
      'file:///ws/b/main.tf': 'variable "cidr" {}\nmodule "net" {\n  source = "../mod"\n  cidr   = var.cidr\n}\n',
      'file:///ws/b/terraform.tfvars': 'cidr = "10.1.0.0/16"\n',
      'file:///ws/c/main.tf': 'resource "aws_vpc" "c" {\n  cidr_block = "10.2.0.0/16"\n}\n',
      'file:///ws/c/prod.tfvars': 'cidr = "10.3.0.0/16"\n',
      'file:///ws/mod/main.tf': 'variable "cidr" {}\nresource "aws_vpc" "m" {\n  cidr_block = var.cidr\n}\n',
    };
    const parsed: string[] = [];
    const files: LazyFiles<TerraformParsedFile> = {
      uris: Object.keys(texts),
      text: (uri) => texts[uri]!,
      parse: (uri) => {
        parsed.push(uri.slice('file:///ws/'.length));
        return fe.parse(uri, texts[uri]!);
      },
    };
    const units = fe.buildEach!(files, { terraformVarFiles: [] })[Symbol.iterator]();
    const next = () => {
      const step = units.next();
      return step.done ? undefined : step.value;
    };
    const vpcs = (unit: AnalysisUnit | undefined) =>
      (unit?.elements ?? []).flatMap((e) => (e.kind === 'vpc' && e.cidrBlocks[0]?.cidr.known ? [`${e.address} ${e.cidrBlocks[0].cidr.value}`] : []));

    // Finding the roots reads the files that call modules; root a then reads its own files and the module.
    assert.deepEqual(vpcs(next()), ['module.net.aws_vpc.m 10.0.0.0/16']);
    assert.deepEqual(parsed, ['a/main.tf', 'b/main.tf', 'mod/main.tf', 'a/terraform.tfvars']);
    // Root b reuses the module it shares with a.
    assert.deepEqual(vpcs(next()), ['module.net.aws_vpc.m 10.1.0.0/16']);
    assert.deepEqual(parsed.slice(4), ['b/terraform.tfvars']);
    assert.deepEqual(vpcs(next()), ['aws_vpc.c 10.2.0.0/16']);
    assert.deepEqual(parsed.slice(5), ['c/main.tf']);
    // Last, for its syntax errors, the variable file no root loads.
    assert.equal(next(), undefined);
    assert.deepEqual(parsed.slice(6), ['c/prod.tfvars']);
  });
});
