import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateFiles, WS } from './helpers';

describe('count and for_each', () => {
  test('count expands instances with count.index', async () => {
    const r = await evaluateFiles({
      'main.tf': `
resource "aws_vpc" "main" { cidr_block = "10.0.0.0/16" }
resource "aws_subnet" "s" {
  count      = 3
  vpc_id     = aws_vpc.main.id
  cidr_block = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index)
}`,
    });
    assert.deepEqual(r.addresses(), ['aws_vpc.main', 'aws_subnet.s[0]', 'aws_subnet.s[1]', 'aws_subnet.s[2]']);
    assert.equal(r.attr('aws_subnet.s[2]', 'cidr_block'), '10.0.2.0/24');
    assert.equal(r.resource('aws_subnet.s[1]').key, 1);
    assert.equal(r.resource('aws_subnet.s[1]').elementId, `${WS}::aws_subnet.s[1]`);
    assert.equal(r.attr('aws_subnet.s[0]', 'vpc_id'), `\${${WS}::aws_vpc.main.id}`);
  });

  test('for_each over a map gives each.key and each.value, keys sorted', async () => {
    const r = await evaluateFiles({
      'main.tf': `
resource "aws_subnet" "s" {
  for_each          = { b = "10.0.2.0/24", a = "10.0.1.0/24" }
  cidr_block        = each.value
  availability_zone = "us-east-1\${each.key}"
}`,
    });
    assert.deepEqual(r.addresses(), ['aws_subnet.s["a"]', 'aws_subnet.s["b"]']);
    assert.equal(r.attr('aws_subnet.s["b"]', 'cidr_block'), '10.0.2.0/24');
    assert.equal(r.attr('aws_subnet.s["a"]', 'availability_zone'), 'us-east-1a');
    assert.equal(r.resource('aws_subnet.s["a"]').key, 'a');
  });

  test('for_each over a set of strings', async () => {
    const r = await evaluateFiles({
      'main.tf': `
resource "aws_eip" "e" {
  for_each = toset(["z", "y", "z"])
  tags     = { Name = each.value }
}`,
    });
    assert.deepEqual(r.addresses(), ['aws_eip.e["y"]', 'aws_eip.e["z"]']);
    assert.deepEqual(r.attr('aws_eip.e["z"]', 'tags'), { Name: 'z' });
  });

  test('references into instances: index, splat, whole collection, unwritten attributes', async () => {
    const r = await evaluateFiles({
      'main.tf': `
resource "aws_subnet" "s" {
  count      = 2
  cidr_block = "10.0.\${count.index}.0/24"
}
resource "aws_subnet" "m" {
  for_each   = { a = 1 }
  cidr_block = "10.1.\${each.value}.0/24"
}
resource "test" "refs" {
  first      = aws_subnet.s[0].cidr_block
  all_ids    = aws_subnet.s[*].id
  legacy     = aws_subnet.s.*.cidr_block
  by_key     = aws_subnet.m["a"].cidr_block
  whole      = [for s in aws_subnet.s : s.cidr_block]
  whole_ids  = [for k, s in aws_subnet.m : s.id]
  n          = length(aws_subnet.s)
}`,
    });
    const refs = 'test.refs';
    assert.equal(r.attr(refs, 'first'), '10.0.0.0/24');
    assert.deepEqual(r.attr(refs, 'all_ids'), [`\${${WS}::aws_subnet.s[0].id}`, `\${${WS}::aws_subnet.s[1].id}`]);
    assert.deepEqual(r.attr(refs, 'legacy'), ['10.0.0.0/24', '10.0.1.0/24']);
    assert.equal(r.attr(refs, 'by_key'), '10.1.1.0/24');
    assert.deepEqual(r.attr(refs, 'whole'), ['10.0.0.0/24', '10.0.1.0/24']);
    assert.deepEqual(r.attr(refs, 'whole_ids'), [`\${${WS}::aws_subnet.m["a"].id}`]);
    assert.equal(r.attr(refs, 'n'), 2);
  });

  test('count = 0 gives no instances; an unknown count gives one representative instance', async () => {
    const r = await evaluateFiles({
      'main.tf': `
variable "n" {}
resource "aws_nat_gateway" "none" { count = 0 }
resource "aws_subnet" "some" {
  count      = var.n
  cidr_block = cidrsubnet("10.0.0.0/16", 8, count.index)
}`,
    });
    assert.deepEqual(r.addresses(), ['aws_subnet.some[?]']);
    assert.equal(r.value('aws_subnet.some[?]', 'cidr_block').k, 'unknown');
    assert.deepEqual(r.problems, []);
  });

  test('count larger than the limit is unknown with a problem', async () => {
    const r = await evaluateFiles({ 'main.tf': 'resource "aws_eip" "e" { count = 20000 }' });
    assert.deepEqual(r.addresses(), ['aws_eip.e[?]']);
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0]!.message, /more instances than VPC Lens expands/);
  });

  test('nested blocks and dynamic blocks are evaluated', async () => {
    const r = await evaluateFiles({
      'main.tf': `
locals { ports = [22, 443] }
resource "aws_security_group" "sg" {
  ingress {
    from_port   = 80
    cidr_blocks = ["0.0.0.0/0"]
  }
  dynamic "ingress" {
    for_each = local.ports
    iterator = p
    content {
      from_port = p.value
      to_port   = p.key
    }
  }
  lifecycle { create_before_destroy = true }
}`,
    });
    const blocks = r.resource('aws_security_group.sg').body.blocks;
    assert.deepEqual(
      blocks.map((b) => [b.type, b.body.attrs.get('from_port')?.value]).map(([t, v]) => [t, (v as { v: number }).v]),
      [
        ['ingress', 80],
        ['ingress', 22],
        ['ingress', 443],
      ],
    );
    assert.equal((blocks[2]!.body.attrs.get('to_port')!.value as { v: number }).v, 1);
  });
});
