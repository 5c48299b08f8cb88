import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateFiles, newFrontEnd, WS } from '../terraform/helpers';
import type { Expr, TemplateExpr } from '../../../server/src/core/frontends/terraform/syntax/ast';

function templateOf(expr: Expr | undefined): TemplateExpr {
  assert.equal(expr?.kind, 'template');
  return expr as TemplateExpr;
}

describe('Terraform JSON syntax', () => {
  test('the front-end claims .tf.json and .tfvars.json, not other JSON', async () => {
    const fe = await newFrontEnd();
    assert.equal(fe.claims(`${WS}/main.tf.json`, '{}'), true);
    assert.equal(fe.claims(`${WS}/terraform.tfvars.json`, '{}'), true);
    assert.equal(fe.claims(`${WS}/package.json`, '{}'), false);
  });

  test('an interpolation maps onto the characters of the JSON string, escapes included', async () => {
    const fe = await newFrontEnd();
    const text = '{"resource": {"aws_subnet": {"a": {"cidr_block": "\\"x\\u0041\\" ${var.base}", "vpc_id": "${aws_vpc.main.id}"}}}}';
    const parsed = fe.parse(`${WS}/main.tf.json`, text);
    assert.deepEqual(parsed.problems, []);
    const block = parsed.body.blocks[0]!;
    assert.equal(block.type, 'resource');
    assert.deepEqual(block.labels.map((l) => l.value), ['aws_subnet', 'a']);
    assert.equal(text.slice(block.labels[1]!.start, block.labels[1]!.end), '"a"');
    const [cidr, vpc] = block.body.attributes;
    const parts = templateOf(cidr!.value).parts;
    assert.deepEqual(parts[0], { kind: 'text', text: '"xA" ' });
    const interp = parts[1]!;
    assert.ok(interp.kind === 'interp');
    assert.equal(text.slice(interp.expr.start, interp.expr.end), 'var.base');
    const only = templateOf(vpc!.value).parts[0]!;
    assert.ok(only.kind === 'interp');
    assert.equal(text.slice(only.expr.start, only.expr.end), 'aws_vpc.main.id');
    assert.equal(text.slice(vpc!.nameStart, vpc!.nameEnd), 'vpc_id');
  });

  test('a .tf and a .tf.json in one folder are one module; "//" keys are comments', async () => {
    const r = await evaluateFiles({
      'net/variables.tf': 'variable "cidr" {\n  default = "10.0.0.0/16"\n}\n',
      'net/main.tf.json': JSON.stringify({
        '//': 'generated',
        resource: {
          aws_vpc: { main: { '//': 'a comment', cidr_block: '${var.cidr}' } },
          aws_subnet: { a: { vpc_id: '${aws_vpc.main.id}', cidr_block: '${cidrsubnet(var.cidr, 8, 2)}' } },
        },
      }),
    });
    assert.deepEqual(r.allProblems, []);
    assert.equal(r.attr('aws_vpc.main', 'cidr_block'), '10.0.0.0/16');
    assert.equal(r.attr('aws_subnet.a', 'cidr_block'), '10.0.2.0/24');
    assert.equal(r.resource('aws_vpc.main').body.attrs.has('//'), false);
    const vpcId = r.value('aws_subnet.a', 'vpc_id');
    assert.ok(vpcId.k === 'ref' && vpcId.target === r.resource('aws_vpc.main').elementId && vpcId.attr === 'id');
  });

  test('count, nested blocks as arrays of objects, and a variable default taken literally', async () => {
    const r = await evaluateFiles({
      'main.tf.json': JSON.stringify({
        variable: { literal: { default: '${not.interpolated}' } },
        resource: {
          aws_subnet: { s: { count: 2, cidr_block: '${cidrsubnet("10.0.0.0/16", 8, count.index)}', tags: { Name: '${var.literal}' } } },
          aws_security_group: { web: { ingress: [{ from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] }] } },
        },
      }),
    });
    assert.deepEqual(r.allProblems, []);
    assert.deepEqual(r.addresses().sort(), ['aws_security_group.web', 'aws_subnet.s[0]', 'aws_subnet.s[1]']);
    assert.equal(r.attr('aws_subnet.s[1]', 'cidr_block'), '10.0.1.0/24');
    assert.deepEqual(r.attr('aws_subnet.s[0]', 'tags'), { Name: '${not.interpolated}' });
    const sg = r.resource('aws_security_group.web');
    assert.deepEqual(sg.body.blocks.map((b) => b.type), ['ingress']);
    assert.equal(sg.body.blocks[0]!.body.attrs.get('from_port')?.value.k, 'number');
  });

  test('a .tfvars.json file sets variables (values taken literally)', async () => {
    const r = await evaluateFiles(
      {
        'main.tf.json': JSON.stringify({ variable: { cidr: {} }, resource: { aws_vpc: { v: { cidr_block: '${var.cidr}' } } } }),
        'prod.tfvars.json': '{ "cidr": "10.9.0.0/16" }',
      },
      ['prod.tfvars.json'],
    );
    assert.deepEqual(r.allProblems, []);
    assert.equal(r.attr('aws_vpc.v', 'cidr_block'), '10.9.0.0/16');
  });

  test('invalid JSON and an invalid template are parse errors at the spot; the rest is still read', async () => {
    const text = '{"resource": {"aws_vpc": {"a": {"cidr_block": "${var.x"}, "b": {"cidr_block": "10.0.0.0/16"}}}, }';
    const r = await evaluateFiles({ 'main.tf.json': text });
    const errors = r.allProblems.filter((p) => p.code === 'parse-error');
    assert.ok(errors.length >= 2, JSON.stringify(errors));
    const template = errors.find((p) => p.message.includes('template'));
    assert.ok(template, 'the template error is reported');
    assert.ok(template.span.start >= text.indexOf('"${var.x"') && template.span.end <= text.indexOf('"${var.x"') + 9);
    const json = errors.find((p) => p.message.startsWith('Invalid JSON'));
    assert.ok(json && json.span.start >= text.lastIndexOf(','), 'the trailing comma is reported where it is');
    assert.equal(r.attr('aws_vpc.b', 'cidr_block'), '10.0.0.0/16');
  });

  test('comments and a non-object document are reported, never thrown', async () => {
    const fe = await newFrontEnd();
    const commented = fe.parse(`${WS}/c.tf.json`, '// generated\n{"resource": {}}');
    assert.ok(commented.problems.some((p) => p.code === 'parse-error' && p.span.start === 0));
    const list = fe.parse(`${WS}/l.tf.json`, '[1, 2]');
    assert.equal(list.problems.length, 1);
    assert.deepEqual(list.body.blocks, []);
    const empty = fe.parse(`${WS}/e.tf.json`, '');
    assert.deepEqual(empty.body.blocks, []);
  });
});
