// Nested stacks: a template created by an AWS::CloudFormation::Stack of another takes its parameters from that
// resource, and the parent reads the nested template's outputs (Fn::GetAtt [Stack, Outputs.Name]). Linked in a
// cdk.out by the asset metadata the CDK CLI writes, and in a hand-written template by a relative TemplateURL
// (as `aws cloudformation package` takes it).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Analysis } from '../../../server/src/core/analysis/workspace';
import { DEFAULT_SETTINGS } from '../../../server/src/core/config/settings';
import { createWorkspace } from '../../../server/src/host/createWorkspace';
import { fixtureTree } from '../../fixtures/tree';

const CDK = fixtureTree('cloudformation/cdk-nested-stack');
const NESTED = 'cdk.out/ParentNetCBE74EF2.nested.template.json';

async function analysed(files: Record<string, string>): Promise<Analysis> {
  const ws = await createWorkspace();
  for (const [path, text] of Object.entries(files)) ws.setFile(`file:///w/${path}`, text);
  return ws.analyze(DEFAULT_SETTINGS);
}

const findings = (a: Analysis, path: string): string[] =>
  (a.diagnostics.get(`file:///w/${path}`) ?? []).map((d) => `${d.ruleId} ${d.message.split(';')[0]}`);

const PARENT_YAML = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  Network:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./network.yaml
      Parameters:
        VpcId: !Ref Vpc
        SubnetCidr: 10.9.0.0/24
`;

const NETWORK_YAML = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  VpcId:
    Type: AWS::EC2::VPC::Id
  SubnetCidr:
    Type: String
Resources:
  Subnet:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref VpcId
      CidrBlock: !Ref SubnetCidr
`;

describe('nested stacks', () => {
  test("cdk.out (aws-cdk-lib's synth): the nested subnet is checked against the parent's VPC, and the parent's association reaches it", async () => {
    const files = Object.fromEntries(Object.entries(CDK).filter(([p]) => p.endsWith('.json')).map(([p, t]) => [`cdk.out/${p}`, t]));
    const a = await analysed(files);
    assert.deepEqual(findings(a, NESTED), [
      // Sub2 is associated with the parent's route table through the nested stack's output: no finding.
      "subnet-implicit-route-table Subnet Sub has no route table association and silently uses its VPC's main route table (not managed here: AWS's default, with only the local route)",
      'subnet-outside-vpc Subnet 10.1.0.0/24 is outside VPC Vpc (10.0.0.0/16)',
    ]);
  });

  test('without the asset metadata (an S3 URL only) the nested template is checked on its own, as before', async () => {
    const files = Object.fromEntries(
      Object.entries(CDK)
        .filter(([p]) => p.endsWith('.json'))
        .map(([p, t]) => [`cdk.out/${p}`, t.replace(/"aws:asset:path": "[^"]*",/, '')]),
    );
    const a = await analysed(files);
    // Its VpcId parameter has no value: its subnets belong to no known VPC, and nothing is said of them.
    assert.deepEqual(findings(a, NESTED), []);
  });

  test('a hand-written template with a relative TemplateURL passes its values to the nested one', async () => {
    const a = await analysed({ 'parent.yaml': PARENT_YAML, 'network.yaml': NETWORK_YAML });
    // Reported where the wrong block is written: the parent's parameter value.
    const outside = a.diagnostics.get('file:///w/parent.yaml')?.find((d) => d.ruleId === 'subnet-outside-vpc');
    assert.equal(outside?.message, 'Subnet 10.9.0.0/24 is outside VPC Vpc (10.0.0.0/16)');
    assert.equal(outside.span.start, PARENT_YAML.indexOf('10.9.0.0/24'));
    // Alone, its parameters have no value: nothing to check.
    const alone = await analysed({ 'network.yaml': NETWORK_YAML });
    assert.deepEqual(findings(alone, 'network.yaml').filter((f) => f.startsWith('subnet-outside-vpc')), []);
  });

  test('a template two stacks create keeps its own parameters (which parent is meant is not known)', async () => {
    const second = PARENT_YAML.replace('10.0.0.0/16', '10.9.0.0/16');
    const a = await analysed({ 'a/parent.yaml': PARENT_YAML.replace('./network.yaml', '../network.yaml'), 'b/parent.yaml': second.replace('./network.yaml', '../network.yaml'), 'network.yaml': NETWORK_YAML });
    const outside = [...a.diagnostics.values()].flat().filter((d) => d.ruleId === 'subnet-outside-vpc');
    assert.deepEqual(outside, []);
  });

  test("a parameter that depends on the nested stack's own output ends in unknown with a problem, not a hang", async () => {
    const parent = PARENT_YAML.replace('SubnetCidr: 10.9.0.0/24', 'SubnetCidr: !GetAtt Network.Outputs.Cidr');
    const network = `${NETWORK_YAML}Outputs:\n  Cidr:\n    Value: !Ref SubnetCidr\n`;
    const a = await analysed({ 'parent.yaml': parent, 'network.yaml': network });
    const problems = [...a.diagnostics.values()].flat().filter((d) => d.ruleId === 'evaluation').map((d) => d.message);
    assert.ok(problems.some((m) => m.includes('a cycle between stacks')), problems.join('\n'));
  });
});
