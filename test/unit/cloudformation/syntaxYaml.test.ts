import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { at, fixture, parse, plain, textOf, where } from './syntaxHelpers';
import { parseYamlTemplate } from '../../../server/src/core/frontends/cloudformation/syntax/yamlTree';

/** Parses `Value: <written>` and returns the value as plain data, failing on any problem. */
function valueOf(written: string): unknown {
  const { tree, problems } = parse(`Value: ${written}\n`, 'yaml');
  assert.deepEqual(problems, [], written);
  return plain(at(tree, 'Value'));
}

describe('CloudFormation YAML syntax', () => {
  test('a valid template reads without problems, with short forms in long form', () => {
    const { uri, text } = fixture('network.yaml');
    const { tree, problems } = parseYamlTemplate(uri, text);
    assert.deepEqual(problems, []);
    assert.deepEqual(plain(at(tree, 'Resources', 'SubnetA', 'Properties')), {
      VpcId: { Ref: 'Vpc' },
      AvailabilityZone: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] },
      CidrBlock: { 'Fn::Select': [0, { 'Fn::Cidr': [{ 'Fn::GetAtt': ['Vpc', 'CidrBlock'] }, 4, 8] }] },
    });
    // Block-style sequences after a tag read the same as flow ones.
    assert.deepEqual(plain(at(tree, 'Resources', 'SubnetB', 'Properties', 'CidrBlock')), {
      'Fn::Select': [1, { 'Fn::Cidr': [{ 'Fn::GetAtt': ['Vpc', 'CidrBlock'] }, 4, 8] }],
    });
    assert.equal(at(tree, 'Parameters', 'VpcCidr', 'Default').value, '10.0.0.0/16');
  });

  test('spans: keys, scalars, a tagged value spans its tag, the long-form key is the tag', () => {
    const { uri, text } = fixture('network.yaml');
    const { tree } = parseYamlTemplate(uri, text);
    const resources = at(tree, 'Resources');
    const subnetA = resources.kind === 'object' ? resources.entries.find((e) => e.key === 'SubnetA')! : undefined;
    assert.equal(textOf(text, subnetA!.keySpan), 'SubnetA');
    assert.equal(subnetA!.keySpan.file, uri);
    const cidr = at(tree, 'Resources', 'SubnetA', 'Properties', 'CidrBlock');
    assert.equal(textOf(text, cidr.span), '!Select [0, !Cidr [!GetAtt Vpc.CidrBlock, 4, 8]]');
    assert.equal(cidr.kind === 'object' && textOf(text, cidr.entries[0]!.keySpan), '!Select');
    assert.equal(textOf(text, at(cidr, 'Fn::Select').span), '[0, !Cidr [!GetAtt Vpc.CidrBlock, 4, 8]]');
    const getAtt = at(cidr, 'Fn::Select', 1, 'Fn::Cidr', 0);
    assert.equal(textOf(text, getAtt.span), '!GetAtt Vpc.CidrBlock');
    // The scalar form is split into [resource, attribute], each with its own span.
    assert.equal(textOf(text, at(getAtt, 'Fn::GetAtt').span), 'Vpc.CidrBlock');
    assert.equal(textOf(text, at(getAtt, 'Fn::GetAtt', 0).span), 'Vpc');
    assert.equal(textOf(text, at(getAtt, 'Fn::GetAtt', 1).span), 'CidrBlock');
    // A block collection ends with its last value, not at the next key or blank line.
    assert.equal(textOf(text, at(tree, 'Resources', 'Vpc').span), 'Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: !Ref VpcCidr');
    const block = at(tree, 'Resources', 'SubnetB', 'Properties', 'CidrBlock');
    assert.ok(textOf(text, block.span).startsWith('!Select\n        - 1'));
    assert.ok(textOf(text, block.span).endsWith('- 8'));
  });

  test('offsets are UTF-16 code units after non-ASCII text (an emoji is two)', () => {
    const text = 'Description: "ü 🚀 ü"\nResources:\n  Vpc: {Type: "AWS::EC2::VPC", Properties: {CidrBlock: 10.0.0.0/16}}\n';
    const { tree } = parse(text, 'yaml');
    const cidr = at(tree, 'Resources', 'Vpc', 'Properties', 'CidrBlock');
    assert.equal(cidr.span.start, text.indexOf('10.0.0.0/16'));
    assert.equal(textOf(text, cidr.span), '10.0.0.0/16');
    assert.equal(at(tree, 'Description').value, 'ü 🚀 ü');
  });

  test('every short-form tag reads as its long form', () => {
    const cases: [string, unknown][] = [
      ['!Ref Vpc', { Ref: 'Vpc' }],
      ['!Condition IsProd', { Condition: 'IsProd' }],
      ['!GetAtt Vpc.CidrBlock', { 'Fn::GetAtt': ['Vpc', 'CidrBlock'] }],
      ['!GetAtt Db.Endpoint.Address', { 'Fn::GetAtt': ['Db', 'Endpoint.Address'] }],
      ['!GetAtt "Vpc.CidrBlock"', { 'Fn::GetAtt': ['Vpc', 'CidrBlock'] }],
      ['!GetAtt [Vpc, CidrBlock]', { 'Fn::GetAtt': ['Vpc', 'CidrBlock'] }],
      ['!Sub "${AWS::StackName}-vpc"', { 'Fn::Sub': '${AWS::StackName}-vpc' }],
      ['!Sub ["${P}-x", {P: !Ref Name}]', { 'Fn::Sub': ['${P}-x', { P: { Ref: 'Name' } }] }],
      ['!Select [1, !GetAZs ""]', { 'Fn::Select': [1, { 'Fn::GetAZs': '' }] }],
      ['\n  Fn::GetAZs: !Ref AWS::Region', { 'Fn::GetAZs': { Ref: 'AWS::Region' } }],
      ['!Cidr [10.0.0.0/16, 4, 8]', { 'Fn::Cidr': ['10.0.0.0/16', 4, 8] }],
      ['!Join ["", [a, b]]', { 'Fn::Join': ['', ['a', 'b']] }],
      ['!Split [",", "a,b"]', { 'Fn::Split': [',', 'a,b'] }],
      ['!If [IsProd, 10.0.0.0/16, !Ref AWS::NoValue]', { 'Fn::If': ['IsProd', '10.0.0.0/16', { Ref: 'AWS::NoValue' }] }],
      ['!Equals [!Ref Env, prod]', { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] }],
      ['!Not [!Condition IsProd]', { 'Fn::Not': [{ Condition: 'IsProd' }] }],
      ['!And [!Condition A, !Condition B]', { 'Fn::And': [{ Condition: 'A' }, { Condition: 'B' }] }],
      ['!Or [!Condition A, !Condition B]', { 'Fn::Or': [{ Condition: 'A' }, { Condition: 'B' }] }],
      ['!FindInMap [Cidrs, !Ref AWS::Region, Vpc]', { 'Fn::FindInMap': ['Cidrs', { Ref: 'AWS::Region' }, 'Vpc'] }],
      ['!ImportValue network-VpcId', { 'Fn::ImportValue': 'network-VpcId' }],
      ['!ImportValue {"Fn::Sub": "${Net}-VpcId"}', { 'Fn::ImportValue': { 'Fn::Sub': '${Net}-VpcId' } }],
      ['!Base64 "#!/bin/sh"', { 'Fn::Base64': '#!/bin/sh' }],
      ['!Transform {Name: AWS::Include, Parameters: {Location: s3://b/k}}', { 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://b/k' } } }],
      ['!Length [a, b]', { 'Fn::Length': ['a', 'b'] }],
      ['!ToJsonString {a: 1}', { 'Fn::ToJsonString': { a: 1 } }],
      ['!Contains [[a], a]', { 'Fn::Contains': [['a'], 'a'] }],
      ['!Rain::Embed script.sh', { 'Rain::Embed': 'script.sh' }],
    ];
    for (const [written, expected] of cases) assert.deepEqual(valueOf(written), expected, written);
  });

  test("YAML 1.1 booleans, as CloudFormation reads them: plain yes/no/on/off are booleans, quoted ones strings", () => {
    for (const written of ['yes', 'Yes', 'YES', 'on', 'On', 'ON', 'true']) assert.equal(valueOf(written), true, written);
    for (const written of ['no', 'No', 'NO', 'off', 'Off', 'OFF', 'false']) assert.equal(valueOf(written), false, written);
    for (const written of ['"yes"', "'off'", 'y', 'n', 'yess', 'nope']) assert.equal(typeof valueOf(written), 'string', written);
    assert.deepEqual(valueOf('[yes, "no", off]'), [true, 'no', false]);
    assert.deepEqual(valueOf('!Equals [!Ref Public, yes]'), { 'Fn::Equals': [{ Ref: 'Public' }, true] });
  });

  test('long forms written out read unchanged', () => {
    assert.deepEqual(valueOf('{"Fn::GetAtt": [Vpc, CidrBlock]}'), { 'Fn::GetAtt': ['Vpc', 'CidrBlock'] });
    assert.deepEqual(valueOf('\n  Ref: Vpc'), { Ref: 'Vpc' });
  });

  test('a tagged plain scalar keeps the type it would have untagged', () => {
    assert.deepEqual(valueOf('!Select [0, [a]]'), { 'Fn::Select': [0, ['a']] });
    assert.deepEqual(valueOf('!Base64 42'), { 'Fn::Base64': 42 });
    assert.deepEqual(valueOf('!Base64 "42"'), { 'Fn::Base64': '42' });
    assert.deepEqual(valueOf('!Ref'), { Ref: null });
  });

  test('an unknown tag is an error at the tag and the value reads as if untagged', () => {
    const text = 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: !Foo 10.0.0.0/16\n      Count: !Bar 3\n';
    const { tree, problems } = parse(text, 'yaml');
    assert.deepEqual(
      problems.map((p) => [p.code, p.severity, p.message, where(text, p)]),
      [
        ['parse-error', 'error', 'unknown tag !Foo: the value is read as if it had no tag', { line: 4, text: '!Foo' }],
        ['parse-error', 'error', 'unknown tag !Bar: the value is read as if it had no tag', { line: 5, text: '!Bar' }],
      ],
    );
    assert.equal(at(tree, 'Resources', 'Vpc', 'Properties', 'CidrBlock').value, '10.0.0.0/16');
    assert.equal(at(tree, 'Resources', 'Vpc', 'Properties', 'Count').value, 3);
  });

  test('YAML standard tags are fine; other global tags are unknown', () => {
    const { tree, problems } = parse('A: !!str 5\nB: !!int "7"\nC: !!foo x\n', 'yaml');
    assert.equal(at(tree, 'A').value, '5');
    assert.equal(at(tree, 'B').value, 7);
    assert.deepEqual(problems.map((p) => p.message), ['unknown tag !!foo: the value is read as if it had no tag']);
  });

  test('two short forms on one value are an error that says how to write it', () => {
    const text = 'AZ: !GetAZs !Ref AWS::Region\n';
    const { problems } = parse(text, 'yaml');
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /short forms cannot be nested directly.*write the outer one in long form/);
    assert.equal(where(text, problems[0]!).line, 0);
  });

  test('a duplicate key is an error at the second key; the first one wins', () => {
    const text = 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n  Vpc:\n    Type: AWS::EC2::Subnet\n';
    const { tree, problems } = parse(text, 'yaml');
    assert.deepEqual(problems.map((p) => [p.severity, p.message, where(text, p)]), [['error', "duplicate key 'Vpc': the first one is used", { line: 3, text: 'Vpc' }]]);
    assert.equal(at(tree, 'Resources', 'Vpc', 'Type').value, 'AWS::EC2::VPC');
  });

  test('invalid YAML mid-file is an error at the spot; what the library recovers is still read', () => {
    const text = 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/16\n     Bad: indent\n  Subnet:\n    Type: AWS::EC2::Subnet\n';
    const { tree, problems } = parse(text, 'yaml');
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.code, 'parse-error');
    assert.equal(problems[0]!.severity, 'error');
    assert.match(problems[0]!.message, /^YAML syntax error: /);
    assert.equal(where(text, problems[0]!).line, 5);
    assert.equal(at(tree, 'Resources', 'Vpc', 'Properties', 'CidrBlock').value, '10.0.0.0/16');
    assert.equal(at(tree, 'Resources', 'Subnet', 'Type').value, 'AWS::EC2::Subnet');
  });

  test('an unclosed flow sequence is reported and the keys after it are read', () => {
    const text = 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    DependsOn: [A, B\n  Subnet:\n    Type: AWS::EC2::Subnet\n';
    const { tree, problems } = parse(text, 'yaml');
    assert.ok(problems.length >= 1);
    assert.ok(problems.every((p) => p.code === 'parse-error' && p.message.startsWith('YAML syntax error: ')));
    assert.equal(at(tree, 'Resources', 'Vpc', 'Type').value, 'AWS::EC2::VPC');
  });

  test('aliases read as their anchor node, with its span', () => {
    const text = 'Tags: &tags\n  - Key: team\n    Value: net\nOther: *tags\nCidr: &c !Ref VpcCidr\nAgain: *c\n';
    const { tree, problems } = parse(text, 'yaml');
    assert.deepEqual(problems, []);
    assert.deepEqual(plain(at(tree, 'Other')), [{ Key: 'team', Value: 'net' }]);
    assert.equal(at(tree, 'Other'), at(tree, 'Tags'));
    assert.deepEqual(plain(at(tree, 'Again')), { Ref: 'VpcCidr' });
    assert.equal(textOf(text, at(tree, 'Again').span), '!Ref VpcCidr');
  });

  test('an alias to an undefined anchor is an error and reads as null', () => {
    const { tree, problems } = parse('A: *nowhere\n', 'yaml');
    assert.equal(at(tree, 'A').kind, 'null');
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.severity, 'error');
  });

  test('only the first document is read; later ones get a warning at their start', () => {
    const text = 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n---\nResources:\n  Other:\n    Type: AWS::EC2::VPC\n';
    const { tree, problems } = parse(text, 'yaml');
    assert.deepEqual(problems.map((p) => [p.severity, where(text, p)]), [['warning', { line: 3, text: '---' }]]);
    assert.match(problems[0]!.message, /documents after the first are not analysed/);
    assert.deepEqual(Object.keys(plain(at(tree, 'Resources')) as object), ['Vpc']);
  });

  test('a file of comments only has no tree and no problem', () => {
    const { tree, problems } = parse('# nothing here\n', 'yaml');
    assert.equal(tree, undefined);
    assert.deepEqual(problems, []);
  });

  test('a JSON-style (flow) YAML template reads the same as JSON', () => {
    const text = '{"Resources": {"Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}}}}';
    const yaml = parse(text, 'yaml');
    const json = parse(text, 'json');
    assert.deepEqual(yaml.problems, []);
    assert.deepEqual(plain(yaml.tree), plain(json.tree));
    assert.deepEqual(at(yaml.tree, 'Resources', 'Vpc', 'Properties', 'CidrBlock').span.start, at(json.tree, 'Resources', 'Vpc', 'Properties', 'CidrBlock').span.start);
  });
});
