import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { at, fixture, parse, plain, textOf, where } from './syntaxHelpers';
import { parseJsonTemplate } from '../../../server/src/core/frontends/cloudformation/syntax/jsonTree';

describe('CloudFormation JSON syntax', () => {
  test('a valid template reads without problems, as JSON.parse would, every span on its text', () => {
    const { uri, text } = fixture('network.json');
    const { tree, problems } = parseJsonTemplate(uri, text);
    assert.deepEqual(problems, []);
    assert.deepEqual(plain(tree), JSON.parse(text));
    const resources = at(tree, 'Resources');
    assert.equal(resources.kind, 'object');
    const subnet = resources.kind === 'object' ? resources.entries[1]! : undefined;
    assert.equal(subnet?.key, 'Subnet');
    assert.equal(textOf(text, subnet!.keySpan), '"Subnet"');
    assert.equal(subnet!.keySpan.file, uri);
    const select = at(tree, 'Resources', 'Subnet', 'Properties', 'CidrBlock');
    assert.equal(textOf(text, select.span), '{ "Fn::Select": [0, { "Fn::Cidr": [{ "Fn::GetAtt": ["Vpc", "CidrBlock"] }, 4, 8] }] }');
    assert.equal(textOf(text, at(select, 'Fn::Select', 1, 'Fn::Cidr', 0, 'Fn::GetAtt', 1).span), '"CidrBlock"');
    assert.equal(textOf(text, at(select, 'Fn::Select', 1, 'Fn::Cidr', 2).span), '8');
    assert.equal(at(select, 'Fn::Select', 1, 'Fn::Cidr', 2).value, 8);
    assert.equal(textOf(text, at(tree, 'Resources', 'Vpc').span), '{\n      "Type": "AWS::EC2::VPC",\n      "Properties": { "CidrBlock": "10.0.0.0/16" }\n    }');
  });

  test('offsets are UTF-16 code units: values after non-ASCII text (an emoji is two) are found exactly', () => {
    const { uri, text } = fixture('network.json');
    const { tree } = parseJsonTemplate(uri, text);
    const cidr = at(tree, 'Resources', 'Vpc', 'Properties', 'CidrBlock');
    assert.equal(cidr.span.start, text.indexOf('"10.0.0.0/16"'));
    assert.equal(textOf(text, cidr.span), '"10.0.0.0/16"');
    assert.equal(at(tree, 'Description').value, 'ünïcödé 🚀');
  });

  test('every JSON value kind keeps its type', () => {
    const { tree } = parse('{"s": "x", "n": -1.5e2, "t": true, "f": false, "z": null, "a": [], "o": {}}', 'json');
    assert.deepEqual(
      ['s', 'n', 't', 'f', 'z', 'a', 'o'].map((k) => at(tree, k).kind),
      ['string', 'number', 'boolean', 'boolean', 'null', 'array', 'object'],
    );
    assert.equal(at(tree, 'n').value, -150);
  });

  test('a duplicate key is an error at the second key; the first one wins', () => {
    const text = '{\n  "Resources": {"A": {"Type": "AWS::EC2::VPC"}},\n  "Resources": {"B": {}}\n}';
    const { tree, problems } = parse(text, 'json');
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.code, 'parse-error');
    assert.equal(problems[0]!.severity, 'error');
    assert.equal(problems[0]!.message, "duplicate key 'Resources': the first one is used");
    assert.deepEqual(where(text, problems[0]!), { line: 2, text: '"Resources"' });
    assert.deepEqual(Object.keys(plain(at(tree, 'Resources')) as object), ['A']);
  });

  test('comments are reported as errors (CloudFormation rejects them) and the template is still read', () => {
    const text = '{\n  // the network\n  "Resources": {\n    "Vpc": {"Type": "AWS::EC2::VPC", /* main */ "Properties": {"CidrBlock": "10.0.0.0/16"}}\n  }\n}';
    const { tree, problems } = parse(text, 'json');
    assert.deepEqual(
      problems.map((p) => [p.severity, where(text, p)]),
      [
        ['error', { line: 1, text: '// the network' }],
        ['error', { line: 3, text: '/* main */' }],
      ],
    );
    assert.match(problems[0]!.message, /^JSON syntax error: comments are not allowed/);
    assert.equal(at(tree, 'Resources', 'Vpc', 'Properties', 'CidrBlock').value, '10.0.0.0/16');
  });

  test('a trailing comma is an error at the comma and the template is still read', () => {
    const text = '{"Resources": {"Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16",}},}}';
    const { tree, problems } = parse(text, 'json');
    assert.equal(problems.length, 2);
    assert.ok(problems.every((p) => p.message === 'JSON syntax error: trailing comma (CloudFormation rejects it)' && textOf(text, p.span) === ','));
    assert.equal(at(tree, 'Resources', 'Vpc', 'Properties', 'CidrBlock').value, '10.0.0.0/16');
  });

  test('a syntax error mid-file is reported at the spot in plain words; the rest of the template is kept', () => {
    const text = '{\n  "Resources": {\n    "A": {"Type": "AWS::EC2::VPC" "Properties": {}},\n    "B": {"Type": "AWS::EC2::Subnet"}\n  }\n}';
    const { tree, problems } = parse(text, 'json');
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.message, "JSON syntax error: ',' was expected");
    assert.deepEqual(where(text, problems[0]!), { line: 2, text: '"Properties"' });
    assert.equal(at(tree, 'Resources', 'B', 'Type').value, 'AWS::EC2::Subnet');
    assert.equal(at(tree, 'Resources', 'A', 'Type').value, 'AWS::EC2::VPC');
  });

  test('an unterminated template keeps what was read and says what is missing', () => {
    const text = '{"Resources": {"Vpc": {"Type": "AWS::EC2::VPC"';
    const { tree, problems } = parse(text, 'json');
    assert.ok(problems.some((p) => p.message === "JSON syntax error: '}' was expected"));
    assert.equal(at(tree, 'Resources', 'Vpc', 'Type').value, 'AWS::EC2::VPC');
    assert.equal(at(tree, 'Resources').span.end, text.length);
  });

  test('a byte-order mark is accepted and offsets still count it', () => {
    const text = '\ufeff{"Resources": {}}';
    const { tree, problems } = parse(text, 'json');
    assert.deepEqual(problems, []);
    assert.equal(textOf(text, at(tree, 'Resources').span), '{}');
  });

  test('an empty file has no tree and one problem', () => {
    const { tree, problems } = parse('', 'json');
    assert.equal(tree, undefined);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.message, 'JSON syntax error: a value was expected');
  });
});
