import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateFiles, newFrontEnd, offsetOf } from './helpers';
import { LineIndex } from '../../../server/src/core/text/lineIndex';

describe('terraform syntax', () => {
  test('a syntax error mid-file keeps the resources before and after it', async () => {
    const text = `resource "aws_vpc" "before" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "broken" {
  cidr_block = = "10.0.1.0/24"
}

resource "aws_vpc" "after" {
  cidr_block = "10.1.0.0/16"
}
`;
    const r = await evaluateFiles({ 'main.tf': text });
    assert.equal(r.attr('aws_vpc.before', 'cidr_block'), '10.0.0.0/16');
    assert.equal(r.attr('aws_vpc.after', 'cidr_block'), '10.1.0.0/16');
    const parseErrors = r.allProblems.filter((p) => p.code === 'parse-error');
    assert.ok(parseErrors.length >= 1);
    const lines = new LineIndex(text);
    assert.equal(lines.positionAt(parseErrors[0]!.span.start).line, 5);
    assert.match(parseErrors[0]!.message, /^Syntax error: unexpected '='/);
    assert.equal(parseErrors[0]!.severity, 'error');
  });

  test('an unterminated string reports a missing quote and spares the next block', async () => {
    const text = 'resource "a" "one" {\n  x = "open\n}\nresource "a" "two" {\n  y = "ok"\n}\n';
    const r = await evaluateFiles({ 'main.tf': text });
    assert.equal(r.attr('a.two', 'y'), 'ok');
    assert.ok(r.allProblems.some((p) => p.message === `Syntax error: missing '"'`));
  });

  test('binary junk gives one problem', async () => {
    const junk = Array.from({ length: 5000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('') + '\uFFFD'.repeat(50);
    const r = await evaluateFiles({ 'main.tf': junk });
    assert.equal(r.allProblems.length, 1);
    assert.match(r.allProblems[0]!.message, /not text/);
    assert.deepEqual(r.resources, []);
  });

  test('nesting deeper than the limit is cut with a problem, no stack overflow', async () => {
    const depth = 20000;
    const text = `resource "a" "deep" {\n  v = ${'['.repeat(depth)}${']'.repeat(depth)}\n  w = "ok"\n}\n`;
    const r = await evaluateFiles({ 'main.tf': text });
    assert.equal(r.attr('a.deep', 'w'), 'ok');
    assert.equal(r.value('a.deep', 'v').k, 'list');
    assert.ok(r.allProblems.some((p) => /Nesting deeper than 500/.test(p.message)));
  });

  test('offsets are UTF-16 with non-ASCII comments and strings', async () => {
    const text = '# héllo 😀 wörld\nresource "aws_vpc" "ü" {\n  name       = "naïve 😀"\n  cidr_block = "10.0.0.0/16"\n}\n';
    const r = await evaluateFiles({ 'main.tf': text });
    const vpc = r.resource('aws_vpc.ü');
    const cidr = vpc.body.attrs.get('cidr_block')!;
    assert.equal(text.slice(cidr.span.start, cidr.span.end), '"10.0.0.0/16"');
    assert.equal(text.slice(vpc.nameSpan.start, vpc.nameSpan.end), '"ü"');
    assert.equal(r.attr('aws_vpc.ü', 'name'), 'naïve 😀');
    assert.equal(vpc.span.start, offsetOf(text, 'resource'));
  });

  test('a syntax error after non-ASCII text is reported at the right offset', async () => {
    const text = 'locals {\n  a = "😀😀"\n  b = )\n}\n';
    const fe = await newFrontEnd();
    const parsed = fe.parse('file:///ws/x.tf', text);
    assert.ok(parsed.problems.length >= 1);
    assert.equal(parsed.problems[0]!.span.start, offsetOf(text, ')'));
  });

  test('a 5 MB file parses and yields its resources', async () => {
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 5_000_000; i++) {
      const block = `resource "aws_subnet" "s${i}" {\n  vpc_id     = aws_vpc.main.id\n  cidr_block = cidrsubnet("10.0.0.0/8", 16, ${i % 65536})\n  tags = {\n    Name = "subnet-${i}"\n  }\n}\n\n`;
      parts.push(block);
      size += block.length;
    }
    const text = `resource "aws_vpc" "main" { cidr_block = "10.0.0.0/8" }\n${parts.join('')}`;
    const started = performance.now();
    const r = await evaluateFiles({ 'big.tf': text });
    const ms = performance.now() - started;
    assert.equal(r.resources.length, parts.length + 1);
    assert.equal(r.attr('aws_subnet.s3', 'cidr_block'), '10.0.3.0/24');
    console.log(`5 MB file (${parts.length} resources): parse + evaluate in ${ms.toFixed(0)} ms`);
  });

  test('tfvars files are bodies of attributes; JSON-style objects too', async () => {
    const fe = await newFrontEnd();
    const p = fe.parse('file:///ws/terraform.tfvars', 'region = "eu-west-1"\nazs = ["a", "b"]\n');
    assert.equal(p.kind, 'tfvars');
    assert.deepEqual(
      p.body.attributes.map((a) => a.name),
      ['region', 'azs'],
    );
    assert.equal(fe.claims('file:///ws/main.tf', ''), true);
    assert.equal(fe.claims('file:///ws/x.tfvars', ''), true);
    assert.equal(fe.claims('file:///ws/x.tf.json', ''), true); // Terraform JSON syntax: see test/unit/terraform-json
  });
});
