import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { newFrontEnd } from './helpers';
import type { TerraformParsedFile } from '../../../server/src/core/frontends/terraform';

describe('terraform build caching', () => {
  test('only roots whose files changed are evaluated again', async () => {
    const fe = await newFrontEnd();
    const files = new Map<string, TerraformParsedFile>();
    const put = (uri: string, text: string) => files.set(uri, fe.parse(uri, text));
    put('file:///ws/a/main.tf', 'resource "aws_vpc" "a" { cidr_block = "10.0.0.0/16" }');
    put('file:///ws/b/main.tf', 'module "m" { source = "../mod" }');
    put('file:///ws/mod/main.tf', 'resource "aws_vpc" "m" { cidr_block = "10.1.0.0/16" }');
    const options = { terraformVarFiles: [] };

    const first = fe.evaluate(files, options);
    const second = fe.evaluate(files, options);
    const byId = (rs: typeof first.resources, id: string) => rs.find((r) => r.elementId === id)!;
    assert.equal(byId(second.resources, 'file:///ws/a::aws_vpc.a'), byId(first.resources, 'file:///ws/a::aws_vpc.a'));

    // Editing the module re-evaluates root b (which reaches it) but not root a.
    put('file:///ws/mod/main.tf', 'resource "aws_vpc" "m" { cidr_block = "10.2.0.0/16" }');
    const third = fe.evaluate(files, options);
    assert.equal(byId(third.resources, 'file:///ws/a::aws_vpc.a'), byId(first.resources, 'file:///ws/a::aws_vpc.a'));
    const m = byId(third.resources, 'file:///ws/b::module.m.aws_vpc.m');
    assert.notEqual(m, byId(first.resources, 'file:///ws/b::module.m.aws_vpc.m'));
    assert.equal((m.body.attrs.get('cidr_block')!.value as { v: string }).v, '10.2.0.0/16');
  });

  test('a var file change re-evaluates', async () => {
    const fe = await newFrontEnd();
    const files = new Map<string, TerraformParsedFile>();
    const put = (uri: string, text: string) => files.set(uri, fe.parse(uri, text));
    put('file:///ws/main.tf', 'variable "c" {}\nresource "aws_vpc" "v" { cidr_block = var.c }');
    put('file:///ws/prod.tfvars', 'c = "10.0.0.0/16"');
    const options = { terraformVarFiles: ['file:///ws/prod.tfvars'] };
    const cidr = () => (fe.evaluate(files, options).resources[0]!.body.attrs.get('cidr_block')!.value as { v?: string }).v;
    assert.equal(cidr(), '10.0.0.0/16');
    put('file:///ws/prod.tfvars', 'c = "10.7.0.0/16"');
    assert.equal(cidr(), '10.7.0.0/16');
  });

  test('an edit in a large workspace rebuilds quickly', async () => {
    const fe = await newFrontEnd();
    const files = new Map<string, TerraformParsedFile>();
    const put = (uri: string, text: string) => files.set(uri, fe.parse(uri, text));
    for (let f = 0; f < 100; f++) {
      const blocks: string[] = [`resource "aws_vpc" "v" { cidr_block = "10.${f}.0.0/16" }`];
      for (let i = 0; i < 100; i++) {
        blocks.push(`resource "aws_subnet" "s${i}" {\n  vpc_id = aws_vpc.v.id\n  cidr_block = cidrsubnet(aws_vpc.v.cidr_block, 8, ${i})\n}`);
      }
      put(`file:///ws/env${f}/main.tf`, blocks.join('\n'));
    }
    const options = { terraformVarFiles: [] };
    let t = performance.now();
    const all = fe.build(files, options);
    const full = performance.now() - t;
    put('file:///ws/env3/main.tf', 'resource "aws_vpc" "v" { cidr_block = "10.3.0.0/16" }');
    t = performance.now();
    fe.build(files, options);
    const incremental = performance.now() - t;
    assert.ok(all.units.reduce((n, u) => n + u.traces.length, 0) >= 10_000);
    console.log(`10k resources in 100 roots: full build ${full.toFixed(0)} ms, after one edit ${incremental.toFixed(1)} ms`);
  });
});
