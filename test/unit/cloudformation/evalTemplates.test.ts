import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCloudFormation } from '../../../server/src/core/frontends/cloudformation/eval';
import { parseParameterFile } from '../../../server/src/core/frontends/cloudformation/eval/parameterFiles';
import type { Subnet } from '../../../server/src/core/model/types';
import { build, evalValue, evaluate, parseFiles, textAt, WS } from './evalHelpers';

const evaluationProblems = (p: readonly { code: string; message: string }[]) => p.filter((x) => x.code === 'evaluation');

describe('conditions', () => {
  const params = { Parameters: { Env: { Type: 'String', Default: 'prod' } } };
  test('decidable: Fn::If takes the branch; And/Or/Not/Condition evaluate', () => {
    const extra = {
      ...params,
      Conditions: {
        IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] },
        NotProd: { 'Fn::Not': [{ Condition: 'IsProd' }] },
        Both: { 'Fn::And': [{ Condition: 'IsProd' }, { 'Fn::Equals': ['1', 1] }] },
        Either: { 'Fn::Or': [{ Condition: 'NotProd' }, { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'x'] }] },
        Settled: { 'Fn::Or': [{ Condition: 'IsProd' }, { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'x'] }] },
      },
    };
    assert.equal(evalValue({ 'Fn::If': ['IsProd', '10.0.0.0/24', '10.1.0.0/24'] }, extra).plain, '10.0.0.0/24');
    assert.equal(evalValue({ 'Fn::If': ['NotProd', 'a', 'b'] }, extra).plain, 'b');
    assert.equal(evalValue({ 'Fn::If': ['Both', 'a', 'b'] }, extra).plain, 'a');
    assert.equal(evalValue({ 'Fn::If': ['Either', 'a', 'b'] }, extra).value?.k, 'unknown');
    assert.equal(evalValue({ 'Fn::If': ['Settled', 'a', 'b'] }, extra).plain, 'a');
  });

  test('undecidable: unknown unless both branches agree', () => {
    const extra = { Conditions: { InUs: { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'us-east-1'] } } };
    const r = evalValue({ 'Fn::If': ['InUs', '10.0.0.0/24', '10.1.0.0/24'] }, extra);
    assert.equal(r.value?.k, 'unknown');
    assert.deepEqual(evaluationProblems(r.problems), []);
    assert.equal(evalValue({ 'Fn::If': ['InUs', '10.0.0.0/24', '10.0.0.0/24'] }, extra).plain, '10.0.0.0/24');
  });

  test('a resource whose condition is false does not exist; an undecidable one is kept', () => {
    const ev = evaluate({
      ...params,
      Conditions: { IsDev: { 'Fn::Equals': [{ Ref: 'Env' }, 'dev'] }, InUs: { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'us-east-1'] } },
      Resources: {
        Gone: { Type: 'AWS::EC2::VPC', Condition: 'IsDev', Properties: { CidrBlock: '10.0.0.0/16' } },
        Kept: { Type: 'AWS::EC2::VPC', Condition: 'InUs', DependsOn: 'Gone', Properties: { CidrBlock: '10.1.0.0/16' } },
      },
    });
    assert.equal(ev.has('Gone'), false);
    assert.equal(ev.has('Kept'), true);
  });

  test('a condition cycle ends in unknown with a problem', () => {
    const r = evalValue({ 'Fn::If': ['A', 'x', 'y'] }, { Conditions: { A: { Condition: 'B' }, B: { 'Fn::Not': [{ Condition: 'A' }] } } });
    assert.equal(r.value?.k, 'unknown');
    assert.ok(evaluationProblems(r.problems).some((p) => /depends on itself/.test(p.message)));
  });
});

describe('cycles', () => {
  test('GetAtt through a reference cycle ends in unknown with a problem', () => {
    const ev = evaluate({
      Resources: {
        A: { Type: 'AWS::EC2::Subnet', Properties: { CidrBlock: { 'Fn::GetAtt': ['B', 'CidrBlock'] } } },
        B: { Type: 'AWS::EC2::Subnet', Properties: { CidrBlock: { 'Fn::GetAtt': ['A', 'CidrBlock'] } } },
      },
    });
    assert.equal(ev.value('A', 'CidrBlock')?.k, 'unknown');
    assert.ok(evaluationProblems(ev.problems).some((p) => /cycle/.test(p.message)));
  });
});

describe('parameter files', () => {
  const template = {
    AWSTemplateFormatVersion: '2010-09-09',
    Parameters: { VpcCidr: { Type: 'String', Default: '10.0.0.0/16' }, Azs: { Type: 'CommaDelimitedList', Default: 'a,b' } },
    Resources: { Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: { Ref: 'VpcCidr' } } } },
  };

  test('parseParameterFile reads the CLI/console and the CodePipeline shapes', () => {
    assert.deepEqual(
      [...parseParameterFile('[{"ParameterKey": "VpcCidr", "ParameterValue": "10.9.0.0/16"}, {"ParameterKey": "Old", "UsePreviousValue": true}]')],
      [['VpcCidr', '10.9.0.0/16']],
    );
    assert.deepEqual([...parseParameterFile('{"Parameters": {"VpcCidr": "10.8.0.0/16", "Count": 3}, "Tags": {}}')], [['VpcCidr', '10.8.0.0/16'], ['Count', '3']]);
    assert.deepEqual([...parseParameterFile('not json')], []);
  });

  for (const [name, content] of [
    ['network.parameters.json', [{ ParameterKey: 'VpcCidr', ParameterValue: '10.9.0.0/16' }]],
    ['network-parameters.json', { Parameters: { VpcCidr: '10.9.0.0/16' } }],
    ['parameters/network.json', { Parameters: { VpcCidr: '10.9.0.0/16' } }],
  ] as const) {
    test(`${name} next to the template overrides the Default, and findings point into it`, () => {
      const files = { 'network.yaml': JSON.stringify(template), [name]: JSON.stringify(content) };
      const b = build(files);
      const vpc = b.element('Vpc', 'network.yaml');
      assert.equal(vpc.kind, 'vpc');
      const cidr = vpc.kind === 'vpc' ? vpc.cidrBlocks[0]!.cidr : undefined;
      assert.ok(cidr?.known);
      assert.equal(cidr.value, '10.9.0.0/16');
      assert.equal(cidr.span.file, `${WS}/${name}`);
      assert.equal(textAt(files[name]!, cidr.span), '"10.9.0.0/16"');
    });
  }

  test('without a parameter file the Default applies', () => {
    const vpc = build({ 'network.json': template }).element('Vpc', 'network.json');
    assert.ok(vpc.kind === 'vpc' && vpc.cidrBlocks[0]!.cidr.known && vpc.cidrBlocks[0]!.cidr.value === '10.0.0.0/16');
  });
});

describe('Fn::ImportValue across templates', () => {
  const network = (exportName: unknown) => ({
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: { Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } } },
    Outputs: {
      VpcId: { Value: { Ref: 'Vpc' }, Export: { Name: exportName } },
      Cidr: { Value: { 'Fn::GetAtt': ['Vpc', 'CidrBlock'] }, Export: { Name: 'net-cidr' } },
    },
  });
  const workload = (importName: unknown, extra: object = {}) => ({
    AWSTemplateFormatVersion: '2010-09-09',
    ...extra,
    Resources: {
      Sub: {
        Type: 'AWS::EC2::Subnet',
        Properties: {
          VpcId: { 'Fn::ImportValue': importName },
          CidrBlock: { 'Fn::Select': [0, { 'Fn::Cidr': [{ 'Fn::ImportValue': 'net-cidr' }, 2, 8] }] },
        },
      },
    },
  });

  test('a literal export joins the two templates into one unit; the subnet belongs to the exported VPC', () => {
    const b = build({ 'network.json': network('net-vpc'), 'app.json': workload('net-vpc') });
    assert.equal(b.units.length, 1);
    assert.equal(b.units[0]!.key, `cloudformation:${WS}/app.json|${WS}/network.json`);
    const sub = b.element('Sub', 'app.json') as Subnet;
    assert.ok(sub.vpc.known);
    assert.equal(sub.vpc.value, `${WS}/network.json::Vpc`);
    assert.ok(sub.cidr?.known && sub.cidr.value === '10.0.0.0/24');
  });

  test('"${AWS::StackName}-VpcId" matches "${NetworkStack}-VpcId" (parameter unknown) and "network-VpcId" (its default)', () => {
    const exp = network({ 'Fn::Sub': '${AWS::StackName}-VpcId' });
    const withUnknown = workload({ 'Fn::Sub': '${NetworkStack}-VpcId' }, { Parameters: { NetworkStack: { Type: 'String' } } });
    assert.equal(build({ 'network.json': exp, 'app.json': withUnknown }).units.length, 1);
    const withDefault = workload({ 'Fn::Sub': '${NetworkStack}-VpcId' }, { Parameters: { NetworkStack: { Type: 'String', Default: 'network' } } });
    const b = build({ 'network.json': exp, 'app.json': withDefault });
    assert.equal(b.units.length, 1);
    assert.ok((b.element('Sub', 'app.json') as Subnet).vpc.known);
  });

  test('no matching export, or two: separate units and an unknown VPC, never a guess', () => {
    const none = build({ 'network.json': network('net-vpc'), 'app.json': workload('other-vpc') });
    const sub = none.element('Sub', 'app.json') as Subnet;
    assert.equal(sub.vpc.known, false);
    const two = build({ 'a.json': network({ 'Fn::Sub': '${AWS::StackName}-VpcId' }), 'b.json': network({ 'Fn::Sub': '${AWS::StackName}-VpcId' }), 'app.json': workload('x-VpcId') });
    assert.equal((two.element('Sub', 'app.json') as Subnet).vpc.known, false);
  });

  test('a cycle between stacks ends in unknown with a problem', () => {
    const a = {
      Resources: { S: { Type: 'AWS::EC2::Subnet', Properties: { CidrBlock: { 'Fn::ImportValue': 'b-out' } } } },
      Outputs: { O: { Value: { 'Fn::ImportValue': 'b-out' }, Export: { Name: 'a-out' } } },
    };
    const b = { Resources: {}, Outputs: { O: { Value: { 'Fn::ImportValue': 'a-out' }, Export: { Name: 'b-out' } } } };
    const built = build({ 'a.json': a, 'b.json': b });
    assert.equal(built.units.length, 1);
    assert.ok(evaluationProblems(built.problems).some((p) => /cycle/.test(p.message)));
  });
});

describe('units and caching', () => {
  test('a template whose inputs did not change keeps its unit object; an edited one gets a new one', () => {
    const a = { Resources: { V: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } } } };
    const b = { Resources: { V: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.1.0.0/16' } } } };
    const files = parseFiles({ 'a.json': a, 'b.json': b });
    const first = buildCloudFormation(files, { terraformVarFiles: [] }).units;
    const edited = new Map(files);
    edited.set(`${WS}/b.json`, parseFiles({ 'b.json': { ...b, Description: 'x' } }).get(`${WS}/b.json`)!);
    const second = buildCloudFormation(edited, { terraformVarFiles: [] }).units;
    assert.equal(first.length, 2);
    assert.equal(second.find((u) => u.key.endsWith('a.json')), first.find((u) => u.key.endsWith('a.json')));
    assert.notEqual(second.find((u) => u.key.endsWith('b.json')), first.find((u) => u.key.endsWith('b.json')));
  });

  test('parameter files are not templates: they make no unit', () => {
    assert.equal(build({ 'x.parameters.json': [{ ParameterKey: 'A', ParameterValue: 'b' }] }).units.length, 0);
  });
});

describe('traces and origins', () => {
  const yaml = [
    'Parameters:',
    '  VpcCidr:',
    '    Type: String',
    '    Default: 10.0.0.0/16',
    'Resources:',
    '  Vpc:',
    '    Type: AWS::EC2::VPC',
    '    Properties:',
    '      CidrBlock: !Ref VpcCidr',
    '  Sub:',
    '    Type: AWS::EC2::Subnet',
    '    Properties:',
    '      VpcId: !Ref Vpc',
    '      CidrBlock: !Select [1, !Cidr [!GetAtt Vpc.CidrBlock, 4, 8]]',
    '',
  ].join('\n');

  test('a computed CIDR has a trace at the expression, owned by the resource attribute', () => {
    const ev = evaluate(yaml, 'yaml');
    const select = ev.traces.find((t) => textAt(yaml, t.span).startsWith('!Select'));
    assert.ok(select, JSON.stringify(ev.traces.map((t) => textAt(yaml, t.span))));
    assert.deepEqual(select.instances, [{ value: '10.0.1.0/24' }]);
    assert.equal(select.owner, `${WS}/template.yaml::Sub`);
    assert.equal(select.attribute, 'CidrBlock');
    assert.ok(ev.traces.some((t) => textAt(yaml, t.span) === '!GetAtt Vpc.CidrBlock'));
  });

  test('a value from a parameter default is reported at the default; a computed one at the expression', () => {
    const ev = evaluate(yaml, 'yaml');
    assert.equal(textAt(yaml, ev.value('Vpc', 'CidrBlock')!.origin!), '10.0.0.0/16');
    assert.match(textAt(yaml, ev.value('Sub', 'CidrBlock')!.origin!), /^!Select \[1, !Cidr/);
  });
});
