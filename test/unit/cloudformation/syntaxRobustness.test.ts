import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { at, parse } from './syntaxHelpers';
import { MAX_SYNTAX_PROBLEMS, MAX_TREE_DEPTH } from '../../../server/src/core/frontends/cloudformation/syntax/problems';
import { MAX_YAML_CHARS } from '../../../server/src/core/frontends/cloudformation/syntax/yamlTree';
import type { TNode } from '../../../server/src/core/frontends/cloudformation/syntax/templateTree';

function subnets(count: number): Record<string, unknown> {
  const resources: Record<string, unknown> = { Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/8' } } };
  for (let i = 0; i < count; i++) {
    resources[`Subnet${i}`] = {
      Type: 'AWS::EC2::Subnet',
      Properties: {
        VpcId: { Ref: 'Vpc' },
        CidrBlock: { 'Fn::Select': [i % 256, { 'Fn::Cidr': [{ 'Fn::GetAtt': ['Vpc', 'CidrBlock'] }, 256, 8] }] },
        Tags: [{ Key: 'Name', Value: `subnet-${i}-ü` }],
      },
    };
  }
  return resources;
}

function depthOf(node: TNode | undefined): number {
  let depth = 0;
  for (let current = node; current && (current.kind === 'array' || current.kind === 'object'); depth++) {
    current = current.kind === 'array' ? current.items[0] : current.entries[0]?.value;
  }
  return depth;
}

describe('CloudFormation syntax on pathological input', () => {
  test('a 10 MB JSON template parses in a few seconds, without problems', (t) => {
    const text = JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: subnets(17_000) }, null, 2);
    assert.ok(text.length > 10_000_000, `${text.length} chars`);
    const started = performance.now();
    const { tree, problems } = parse(text, 'json');
    const ms = performance.now() - started;
    t.diagnostic(`${(text.length / 1e6).toFixed(1)} MB JSON parsed in ${ms.toFixed(0)} ms`);
    assert.deepEqual(problems, []);
    assert.equal(at(tree, 'Resources', 'Subnet16999', 'Properties', 'CidrBlock', 'Fn::Select', 0).value, 16999 % 256);
    assert.ok(ms < 10_000, `took ${ms.toFixed(0)} ms`);
  });

  test('a 1 MB YAML template (CloudFormation\'s own size limit) parses without problems', (t) => {
    const lines = ['Resources:'];
    let length = 0;
    for (let i = 0; length < 1_000_000; i++) {
      const resource = [`  Subnet${i}:`, '    Type: AWS::EC2::Subnet', '    Properties:', '      VpcId: !Ref Vpc', `      CidrBlock: !Select [${i % 256}, !Cidr [!GetAtt Vpc.CidrBlock, 256, 8]]`];
      lines.push(...resource);
      length += resource.join('\n').length + 1;
    }
    const text = `${lines.join('\n')}\n`;
    const started = performance.now();
    const { tree, problems } = parse(text, 'yaml');
    const ms = performance.now() - started;
    t.diagnostic(`${(text.length / 1e6).toFixed(1)} MB YAML parsed in ${ms.toFixed(0)} ms`);
    assert.deepEqual(problems, []);
    assert.deepEqual(at(tree, 'Resources', 'Subnet0', 'Properties', 'VpcId', 'Ref').value, 'Vpc');
  });

  test('a YAML file beyond the size VPC Lens reads gets a warning instead of a long stall', () => {
    const text = `Resources:\n${'  # padding\n'.repeat(Math.ceil(MAX_YAML_CHARS / 12) + 1)}`;
    const started = performance.now();
    const { tree, problems } = parse(text, 'yaml');
    assert.ok(performance.now() - started < 5000); // bounded, not a speed target
    assert.equal(tree, undefined);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.severity, 'warning');
    assert.match(problems[0]!.message, /more than VPC Lens reads .* it is not analysed/);
  });

  for (const format of ['json', 'yaml'] as const) {
    test(`${format}: binary junk ends in problems or an odd tree, never a throw or hang`, () => {
      const junk = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7919 + 13) % 256)).toString('latin1');
      for (const text of [junk, `{${junk}`, `Resources:\n  ${junk}`, '\u0000\u0001\u0002{[', '\ud800\udfff\ud800']) {
        const { problems } = parse(text, format);
        assert.ok(problems.length <= MAX_SYNTAX_PROBLEMS + 1);
        assert.ok(problems.every((p) => p.code === 'parse-error' && p.span.start <= text.length));
      }
    });

    test(`${format}: 200,000 nested brackets end in one problem, not a stack overflow`, () => {
      for (const text of ['['.repeat(200_000), '{"a":'.repeat(100_000), '[1,'.repeat(5_000)]) {
        const { tree, problems } = parse(text, format);
        assert.equal(problems.filter((p) => /nests deeper than/.test(p.message)).length, 1, text.slice(0, 10));
        assert.ok(depthOf(tree) <= MAX_TREE_DEPTH + 1);
      }
    });

    test(`${format}: nesting below the limit is read in full`, () => {
      const text = `${'['.repeat(150)}"deep"${']'.repeat(150)}`;
      const { tree, problems } = parse(text, format);
      assert.deepEqual(problems, []);
      assert.equal(depthOf(tree), 150);
    });
  }

  test('YAML: brackets hidden between quotes cannot slip past the nesting guard; brackets in strings do not trip it', () => {
    const sneaky = parse('[ "]" '.repeat(150_000), 'yaml');
    assert.equal(sneaky.tree, undefined);
    assert.equal(sneaky.problems.filter((p) => /nests deeper than/.test(p.message)).length, 1);
    const quoted = parse(`A: "${'['.repeat(5000)}"\nB: '${'{'.repeat(5000)}'\nC: x # ${'['.repeat(5000)}\n`, 'yaml');
    assert.deepEqual(quoted.problems, []);
    assert.equal(at(quoted.tree, 'A').value, '['.repeat(5000));
  });

  test('JSON: a problem per token of junk is capped, with a summary', () => {
    const { problems } = parse(`[${'1 '.repeat(5000)}]`, 'json');
    assert.equal(problems.length, MAX_SYNTAX_PROBLEMS + 1);
    assert.match(problems[MAX_SYNTAX_PROBLEMS]!.message, /more syntax problem\(s\) in this file are not shown/);
  });

  test('YAML: a "billion laughs" of aliases is cut off with a problem, quickly', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    const started = performance.now();
    const { problems } = parse(`${levels.join('\n')}\n`, 'yaml');
    assert.ok(performance.now() - started < 10_000); // bounded, not a speed target
    assert.ok(problems.some((p) => /aliases expand to more than/.test(p.message)));
  });

  test('YAML: an alias inside its own anchor reads as null with a problem', () => {
    const { tree, problems } = parse('a: &x [1, *x]\n', 'yaml');
    assert.equal(at(tree, 'a', 0).value, 1);
    assert.equal(at(tree, 'a', 1).kind, 'null');
    assert.equal(problems.length, 1);
  });
});
