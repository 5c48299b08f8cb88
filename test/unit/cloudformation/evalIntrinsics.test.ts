import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { evalValue, evaluate } from './evalHelpers';

const evaluationProblems = (p: readonly { code: string; message: string }[]) => p.filter((x) => x.code === 'evaluation');

describe('Ref', () => {
  test('a parameter gives its Default', () => {
    const r = evalValue({ Ref: 'Cidr' }, { Parameters: { Cidr: { Type: 'String', Default: '10.0.1.0/24' } } });
    assert.equal(r.plain, '10.0.1.0/24');
  });

  test('a parameter without Default and value is unknown, without a problem', () => {
    const r = evalValue({ Ref: 'Cidr' }, { Parameters: { Cidr: { Type: 'String' } } });
    assert.equal(r.value?.k, 'unknown');
    assert.deepEqual(evaluationProblems(r.problems), []);
  });

  test('an SSM parameter is resolved at deployment: its Default is a parameter name, not the value', () => {
    const r = evalValue({ Ref: 'Cidr' }, { Parameters: { Cidr: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/net/cidr' } } });
    assert.equal(r.value?.k, 'unknown');
  });

  test('pseudo-parameters are unknown', () => {
    for (const name of ['AWS::Region', 'AWS::StackName', 'AWS::AccountId']) {
      assert.equal(evalValue({ Ref: name }).value?.k, 'unknown', name);
    }
  });

  test('AWS::NoValue removes the property and list items', () => {
    const ev = evaluate({
      Resources: {
        S: { Type: 'AWS::EC2::Subnet', Properties: { CidrBlock: { Ref: 'AWS::NoValue' }, Tags: [{ Ref: 'AWS::NoValue' }, { Key: 'Name', Value: 'a' }] } },
      },
    });
    assert.equal(ev.value('S', 'CidrBlock'), undefined);
    assert.deepEqual(ev.prop('S', 'Tags'), [{ Key: 'Name', Value: 'a' }]);
  });

  test('a resource gives a reference to its element', () => {
    const r = evalValue({ Ref: 'Vpc' }, { Resources: { Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } } } });
    assert.equal(r.plain, '${file:///ws/template.json::Vpc.Ref}');
  });

  test('an undefined name is unknown with an evaluation problem', () => {
    const r = evalValue({ Ref: 'Nope' });
    assert.equal(r.value?.k, 'unknown');
    assert.match(evaluationProblems(r.problems)[0]!.message, /Nope/);
  });
});

describe('Fn::GetAtt', () => {
  const vpc = { Resources: { Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } } } };

  test('VPC CidrBlock is the VPC\'s own value, in both forms', () => {
    assert.equal(evalValue({ 'Fn::GetAtt': ['Vpc', 'CidrBlock'] }, vpc).plain, '10.0.0.0/16');
    assert.equal(evalValue({ 'Fn::GetAtt': 'Vpc.CidrBlock' }, vpc).plain, '10.0.0.0/16');
  });

  test('other attributes are references', () => {
    assert.equal(evalValue({ 'Fn::GetAtt': ['Vpc', 'DefaultSecurityGroup'] }, vpc).plain, '${file:///ws/template.json::Vpc.DefaultSecurityGroup}');
  });

  test('a subnet\'s AvailabilityZone and VpcId are what the subnet wrote', () => {
    const ev = evaluate({
      Resources: {
        Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
        A: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, AvailabilityZone: 'eu-west-1a', CidrBlock: '10.0.0.0/24' } },
        B: {
          Type: 'AWS::EC2::Subnet',
          Properties: { VpcId: { 'Fn::GetAtt': ['A', 'VpcId'] }, AvailabilityZone: { 'Fn::GetAtt': ['A', 'AvailabilityZone'] }, CidrBlock: '10.0.1.0/24' },
        },
      },
    });
    assert.equal(ev.prop('B', 'AvailabilityZone'), 'eu-west-1a');
    assert.equal(ev.prop('B', 'VpcId'), '${file:///ws/template.json::Vpc.Ref}');
  });

  test('malformed or of an undefined resource: unknown with a problem', () => {
    assert.equal(evaluationProblems(evalValue({ 'Fn::GetAtt': ['Vpc'] }, vpc).problems).length, 1);
    assert.equal(evaluationProblems(evalValue({ 'Fn::GetAtt': 'Nope.CidrBlock' }, vpc).problems).length, 1);
  });
});

describe('Fn::Cidr (AWS docs examples)', () => {
  test('!Cidr ["192.168.0.0/24", 6, 5] gives six /27 blocks', () => {
    const r = evalValue({ 'Fn::Select': [5, { 'Fn::Cidr': ['192.168.0.0/24', 6, 5] }] });
    assert.equal(r.plain, '192.168.0.160/27');
  });

  test('the third argument counts host bits: 8 -> /24', () => {
    assert.equal(evalValue({ 'Fn::Select': [1, { 'Fn::Cidr': ['10.0.0.0/16', 4, 8] }] }).plain, '10.0.1.0/24');
  });

  test('IPv6: 64 host bits -> /64', () => {
    assert.equal(evalValue({ 'Fn::Select': [1, { 'Fn::Cidr': ['2600:1f14:abc:de00::/56', 2, 64] }] }).plain, '2600:1f14:abc:de01::/64');
  });

  test('count and bits as strings (from parameters) are accepted', () => {
    assert.equal(evalValue({ 'Fn::Select': ['0', { 'Fn::Cidr': ['10.0.0.0/16', '2', '12'] }] }).plain, '10.0.0.0/20');
  });

  test('too many blocks requested: unknown with a problem', () => {
    const r = evalValue({ 'Fn::Select': [0, { 'Fn::Cidr': ['10.0.0.0/24', 4, 7] }] });
    assert.equal(r.value?.k, 'unknown');
    assert.match(evaluationProblems(r.problems)[0]!.message, /holds only 2/);
  });

  test('an unknown block stays unknown without a problem', () => {
    const r = evalValue({ 'Fn::Select': [0, { 'Fn::Cidr': [{ 'Fn::ImportValue': 'x' }, 4, 8] }] });
    assert.equal(r.value?.k, 'unknown');
    assert.deepEqual(evaluationProblems(r.problems), []);
  });
});

describe('Fn::Select and Fn::GetAZs', () => {
  test('Select of a literal list and of a comma-delimited list parameter', () => {
    assert.equal(evalValue({ 'Fn::Select': [1, ['a', 'b']] }).plain, 'b');
    const r = evalValue({ 'Fn::Select': [1, { Ref: 'Cidrs' }] }, { Parameters: { Cidrs: { Type: 'CommaDelimitedList', Default: '10.0.0.0/24, 10.0.1.0/24' } } });
    assert.equal(r.plain, '10.0.1.0/24');
  });

  test('index out of range: unknown with a problem', () => {
    const r = evalValue({ 'Fn::Select': [3, ['a', 'b']] });
    assert.equal(r.value?.k, 'unknown');
    assert.match(evaluationProblems(r.problems)[0]!.message, /out of range/);
  });

  test('GetAZs gives symbolic AZs: index 0 and 1 differ even with the region unknown', () => {
    assert.equal(evalValue({ 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }).plain, 'az#0');
    assert.equal(evalValue({ 'Fn::Select': [1, { 'Fn::GetAZs': { Ref: 'AWS::Region' } }] }).plain, 'az#1');
    assert.equal(evalValue({ 'Fn::GetAZs': '' }).value?.k, 'unknown');
  });
});

describe('Fn::FindInMap', () => {
  const mappings = { Mappings: { Net: { prod: { Cidr: '10.1.0.0/16' } } } };
  test('looks up the mapping, keys may be computed', () => {
    assert.equal(evalValue({ 'Fn::FindInMap': ['Net', 'prod', 'Cidr'] }, mappings).plain, '10.1.0.0/16');
    const withParam = { ...mappings, Parameters: { Env: { Type: 'String', Default: 'prod' } } };
    assert.equal(evalValue({ 'Fn::FindInMap': ['Net', { Ref: 'Env' }, 'Cidr'] }, withParam).plain, '10.1.0.0/16');
  });
  test('a missing entry is a problem; DefaultValue is used when given', () => {
    assert.equal(evaluationProblems(evalValue({ 'Fn::FindInMap': ['Net', 'dev', 'Cidr'] }, mappings).problems).length, 1);
    assert.equal(evalValue({ 'Fn::FindInMap': ['Net', 'dev', 'Cidr', { DefaultValue: '10.9.0.0/16' }] }, mappings).plain, '10.9.0.0/16');
  });
});

describe('Fn::Sub, Fn::Join, Fn::Split, Fn::Base64', () => {
  const extra = {
    Parameters: { Second: { Type: 'String', Default: '1' } },
    Resources: { Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } } },
  };
  test('Sub string form: parameters, Res.Attr and ${!Literal}', () => {
    assert.equal(evalValue({ 'Fn::Sub': '10.0.${Second}.0/24' }, extra).plain, '10.0.1.0/24');
    assert.equal(evalValue({ 'Fn::Sub': '${Vpc.CidrBlock}' }, extra).plain, '10.0.0.0/16');
    assert.equal(evalValue({ 'Fn::Sub': '${!Literal}-${Second}' }, extra).plain, '${Literal}-1');
  });
  test('Sub list form with its own variables', () => {
    assert.equal(evalValue({ 'Fn::Sub': ['10.${A}.0.0/16', { A: { Ref: 'Second' } }] }, extra).plain, '10.1.0.0/16');
  });
  test('Sub of a value known only after deployment is unknown', () => {
    assert.equal(evalValue({ 'Fn::Sub': '${Vpc}-x' }, extra).value?.k, 'unknown');
    assert.equal(evalValue({ 'Fn::Sub': '${AWS::Region}-x' }, extra).value?.k, 'unknown');
  });
  test('Join, Split and Base64', () => {
    assert.equal(evalValue({ 'Fn::Join': ['', ['10.0.', { Ref: 'Second' }, '.0/24']] }, extra).plain, '10.0.1.0/24');
    assert.equal(evalValue({ 'Fn::Select': [1, { 'Fn::Split': [',', 'a,10.0.2.0/24'] }] }).plain, '10.0.2.0/24');
    assert.equal(evalValue({ 'Fn::Base64': 'abc' }).plain, 'abc');
  });
});

describe('wrong arity and argument kinds: unknown plus an evaluation problem, never a throw', () => {
  const cases: Record<string, unknown> = {
    'Fn::Cidr': ['10.0.0.0/16', 2],
    'Fn::Select': [0],
    'Fn::FindInMap': ['A', 'B'],
    'Fn::If': ['C', 'a'],
    'Fn::Sub': 42,
    'Fn::Join': [','],
    'Fn::Split': [','],
    'Fn::GetAtt': ['A', 'B', 'C'],
    Ref: ['x'],
  };
  for (const [fn, arg] of Object.entries(cases)) {
    test(fn, () => {
      const r = evalValue({ [fn]: arg }, { Conditions: { C: { 'Fn::Equals': ['a', 'a'] } } });
      assert.equal(r.value?.k, 'unknown');
      assert.equal(evaluationProblems(r.problems).length, 1, JSON.stringify(r.problems));
    });
  }
  test('Fn::Equals/Not/And/Or in conditions', () => {
    for (const cond of [{ 'Fn::Equals': ['a'] }, { 'Fn::Not': [] }, { 'Fn::And': [{ 'Fn::Equals': ['a', 'a'] }] }, { 'Fn::Or': 'x' }]) {
      const r = evalValue({ 'Fn::If': ['C', 'a', 'b'] }, { Conditions: { C: cond } });
      assert.equal(r.value?.k, 'unknown');
      assert.equal(evaluationProblems(r.problems).length, 1, JSON.stringify(cond));
    }
  });
});
