import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createCloudFormationFrontEnd, metadataIgnores } from '../../../server/src/core/frontends/cloudformation';
import { defaultFrontEnds } from '../../../server/src/core/frontends/registry';
import { loadGrammars } from '../../../server/src/host/grammars';
import { createWorkspace } from '../../../server/src/host/createWorkspace';
import { DEFAULT_SETTINGS } from '../../../server/src/core/config/settings';
import { fixture, textOf } from './syntaxHelpers';
import { parseTemplateText } from '../../../server/src/core/frontends/cloudformation/syntax/parseTemplate';

const overlapping = (cidrB: string) => `Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  A:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: !Select [0, !Cidr [!GetAtt Vpc.CidrBlock, 4, 8]]
  B:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: ${cidrB}
`;

async function findings(files: Record<string, string>): Promise<{ rule: string; text: string; file: string }[]> {
  const ws = await createWorkspace();
  for (const [uri, text] of Object.entries(files)) ws.setFile(uri, text);
  const analysis = ws.analyze(DEFAULT_SETTINGS);
  return [...analysis.diagnostics].flatMap(([file, list]) =>
    list.map((d) => ({ rule: d.ruleId, text: textOf(files[file] ?? '', d.span), file })),
  );
}

describe('CloudFormation front-end shell', () => {
  test('claims templates and parameter files, nothing else', () => {
    const fe = createCloudFormationFrontEnd();
    const { uri, text } = fixture('network.yaml');
    assert.equal(fe.id, 'cloudformation');
    assert.equal(fe.claims(uri, text), true);
    assert.equal(fe.claims('file:///ws/net.parameters.json', '[{"ParameterKey": "A", "ParameterValue": "b"}]'), true);
    assert.equal(fe.claims('file:///ws/package.json', '{"name": "x"}'), false);
    assert.equal(fe.claims('file:///ws/main.tf', 'resource "aws_vpc" "x" {}'), false);
  });

  test('parse keeps format, role, tree and problems', () => {
    const fe = createCloudFormationFrontEnd();
    const yaml = fe.parse('file:///ws/net.template', 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n  Vpc:\n    Type: AWS::EC2::VPC\n');
    assert.equal(yaml.frontEnd, 'cloudformation');
    assert.equal(yaml.format, 'yaml');
    assert.equal(yaml.role, 'template');
    assert.equal(yaml.tree?.kind, 'object');
    assert.deepEqual(yaml.problems.map((p) => p.message), ["duplicate key 'Vpc': the first one is used"]);
    const params = fe.parse('file:///ws/net.parameters.json', '[{"ParameterKey": "A", "ParameterValue": "b"}]');
    assert.equal(params.format, 'json');
    assert.equal(params.role, 'parameters');
    assert.equal(params.tree?.kind, 'array');
  });

  test('the registry lists CloudFormation after Terraform', async () => {
    const ids: string[] = defaultFrontEnds(await loadGrammars()).map((f) => f.id);
    assert.ok(ids.includes('cloudformation'), ids.join());
    assert.ok(ids.indexOf('terraform') < ids.indexOf('cloudformation'), ids.join());
  });

  test('a YAML template goes through the whole pipeline, and `# vpc-lens-ignore` suppresses on its line', async () => {
    const plainRun = await findings({ 'file:///ws/net.yaml': overlapping('10.0.0.0/24') });
    assert.deepEqual(
      plainRun.filter((f) => f.rule === 'subnet-overlap').map((f) => f.text).sort(),
      ['!Select [0, !Cidr [!GetAtt Vpc.CidrBlock, 4, 8]]', '10.0.0.0/24'],
    );
    const suppressed = await findings({ 'file:///ws/net.yaml': overlapping('10.0.0.0/24 # vpc-lens-ignore subnet-overlap -- reviewed') });
    assert.deepEqual(
      suppressed.filter((f) => f.rule === 'subnet-overlap').map((f) => f.text),
      ['!Select [0, !Cidr [!GetAtt Vpc.CidrBlock, 4, 8]]'],
    );
  });

  test('a parse error is a diagnostic of the template file, and the rest is still analysed', async () => {
    const text = overlapping('10.0.0.0/24').replace('  B:\n', '  B:\n    Type: AWS::EC2::Subnet\n');
    const ws = await createWorkspace();
    ws.setFile('file:///ws/net.yaml', text);
    const list = ws.analyze(DEFAULT_SETTINGS).diagnostics.get('file:///ws/net.yaml') ?? [];
    const parseErrors = list.filter((d) => d.ruleId === 'parse-error');
    assert.equal(parseErrors.length, 1);
    assert.match(parseErrors[0]!.message, /duplicate key 'Type'/);
    assert.equal(list.filter((d) => d.ruleId === 'subnet-overlap').length, 2);
  });

  test('metadataIgnores lists each resource\'s ignored rule ids with the span of the whole resource', () => {
    const { uri, text } = fixture('network.json');
    const { tree } = parseTemplateText(uri, text, 'json');
    const ignores = metadataIgnores(tree);
    assert.equal(ignores.length, 1);
    assert.equal(ignores[0]!.logicalId, 'Subnet');
    assert.deepEqual(ignores[0]!.ids, new Set(['subnet-overlap', 'subnet-az']));
    const covered = textOf(text, ignores[0]!.resourceSpan);
    assert.ok(covered.startsWith('"Subnet": {'));
    assert.ok(covered.endsWith('}'));
    assert.ok(covered.includes('"CidrBlock": { "Fn::Select"'));

    const yaml = fixture('network.yaml');
    const fromYaml = metadataIgnores(parseTemplateText(yaml.uri, yaml.text, 'yaml').tree);
    assert.deepEqual(fromYaml.map((i) => [i.logicalId, i.ids]), [['SubnetB', new Set(['subnet-overlap'])]]);
  });

  test('metadataIgnores: a string, "all", and entries that suppress nothing', () => {
    const text = JSON.stringify({
      Resources: {
        One: { Type: 'AWS::EC2::Subnet', Metadata: { 'vpc-lens': { ignore: 'subnet-overlap, subnet-az' } } },
        All: { Type: 'AWS::EC2::Subnet', Metadata: { 'vpc-lens': { ignore: ['all'] } } },
        Empty: { Type: 'AWS::EC2::Subnet', Metadata: { 'vpc-lens': { ignore: [] } } },
        Numbers: { Type: 'AWS::EC2::Subnet', Metadata: { 'vpc-lens': { ignore: [1] } } },
        Other: { Type: 'AWS::EC2::Subnet', Metadata: { cfn_nag: { rules_to_suppress: [] } } },
      },
    });
    const ignores = metadataIgnores(parseTemplateText('file:///ws/a.json', text, 'json').tree);
    assert.deepEqual(ignores.map((i) => [i.logicalId, i.ids]), [
      ['One', new Set(['subnet-overlap', 'subnet-az'])],
      ['All', 'all'],
    ]);
    assert.deepEqual(metadataIgnores(undefined), []);
  });
});
