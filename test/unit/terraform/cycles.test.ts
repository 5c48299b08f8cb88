import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateFiles } from './helpers';

describe('cycles and runaway work', () => {
  test('locals that refer to each other are unknown with one problem naming the cycle', async () => {
    const r = await evaluateFiles({
      'main.tf': 'locals {\n  a = local.b\n  b = local.a\n}\nresource "test" "t" { v = local.a }',
    });
    assert.equal(r.value('test.t', 'v').k, 'unknown');
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0]!.message, /Cycle: local\.a -> local\.b -> local\.a/);
  });

  test('a resource referring to itself is unknown, not a hang', async () => {
    const r = await evaluateFiles({
      'main.tf': 'resource "aws_vpc" "v" {\n  cidr_block = aws_vpc.v.cidr_block\n  id_ok = aws_vpc.v.id\n}',
    });
    assert.equal(r.value('aws_vpc.v', 'cidr_block').k, 'unknown');
    assert.equal(r.value('aws_vpc.v', 'id_ok').k, 'ref');
    assert.equal(r.problems.length, 1);
  });

  test('a cycle through a resource attribute and a local is named by both, where it closes', async () => {
    const r = await evaluateFiles({
      'main.tf': 'locals {\n  x = aws_vpc.v.cidr_block\n}\nresource "aws_vpc" "v" {\n  cidr_block = local.x\n}',
    });
    assert.equal(r.value('aws_vpc.v', 'cidr_block').k, 'unknown');
    assert.equal(r.problems.length, 1);
    assert.equal(r.problems[0]!.message, 'Cycle: aws_vpc.v.cidr_block -> local.x -> aws_vpc.v.cidr_block refer to each other, so VPC Lens cannot evaluate them');
    // Reported on the expression of the attribute the cycle comes back to.
    const text = 'locals {\n  x = aws_vpc.v.cidr_block\n}\nresource "aws_vpc" "v" {\n  cidr_block = local.x\n}';
    assert.deepEqual([r.problems[0]!.span.start, r.problems[0]!.span.end], [text.lastIndexOf('local.x'), text.lastIndexOf('local.x') + 'local.x'.length]);
  });

  test('count depending on its own resource ends', async () => {
    const r = await evaluateFiles({ 'main.tf': 'resource "aws_eip" "e" { count = length(aws_eip.e) }' });
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0]!.message, /Cycle/);
  });

  test('runaway for expressions stop at the work budget', async () => {
    const r = await evaluateFiles({
      'main.tf': `
locals {
  big = range(5000)
  sq  = flatten([for a in local.big : [for b in local.big : a * b]])
}
resource "test" "t" { v = length(local.sq) }`,
    });
    assert.equal(r.value('test.t', 'v').k, 'unknown');
    assert.ok(r.problems.some((p) => /evaluation work/.test(p.message)));
  });
});
