/**
 * Parameter files chosen by setting (`AnalysisSettings.cloudFormationParameterFiles`, from the editor setting
 * `vpcLens.cloudformation.parameterFiles`, `.vpc-lens.json` and `check --parameters`) and the region setting
 * (`cloudFormationRegion`), through the real workspace.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createWorkspace } from '../../../server/src/host/createWorkspace';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../../../server/src/core/config/settings';
import type { Analysis } from '../../../server/src/core/analysis/workspace';

const TEMPLATE_URI = 'file:///repo/network.yaml';
const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  VpcCidr:
    Type: String
    Default: 10.0.0.0/16
  SubnetCidr:
    Type: String
    Default: 10.0.1.0/24
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: !Ref VpcCidr
  App:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: !Ref SubnetCidr
      AvailabilityZone: !Sub '\${AWS::Region}a'
  Data:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: 10.0.2.0/24
      AvailabilityZone: !Select [1, !GetAZs '']
`;
/** A name no automatic pattern matches, and not even `.json`. */
const CHOSEN_URI = 'file:///repo/config/prod.params';
const CHOSEN = '[{"ParameterKey": "SubnetCidr", "ParameterValue": "10.9.0.0/24"}]';
const BY_NAME_URI = 'file:///repo/network.parameters.json';
const BY_NAME = '{"Parameters": {"SubnetCidr": "10.0.7.0/24"}}';

const choose = (parameters: string): AnalysisSettings => ({
  ...DEFAULT_SETTINGS,
  cloudFormationParameterFiles: [{ template: TEMPLATE_URI, parameters }],
});

function subnet(a: Analysis, name: string) {
  const s = a.model.ofKind('subnet').find((e) => e.address.endsWith(`::${name}`) || e.address.endsWith(name));
  assert.ok(s, `subnet ${name}`);
  return s;
}

const cidrOf = (a: Analysis, name: string) => {
  const c = subnet(a, name).cidr;
  return c?.known ? c.value : undefined;
};

const codes = (a: Analysis, uri: string) => (a.diagnostics.get(uri) ?? []).map((d) => d.ruleId);

describe('parameter files chosen by setting', () => {
  test('a chosen file gives the values whatever its name, and findings follow them', async () => {
    const ws = await createWorkspace();
    ws.setFile(TEMPLATE_URI, TEMPLATE);
    // Detection alone leaves the file alone: only the setting makes it a parameter file.
    assert.equal(ws.setFile(CHOSEN_URI, CHOSEN), false);
    assert.equal(cidrOf(ws.analyze(DEFAULT_SETTINGS), 'App'), '10.0.1.0/24');

    const a = ws.analyze(choose(CHOSEN_URI));
    assert.equal(cidrOf(a, 'App'), '10.9.0.0/24');
    // The value comes from the parameter file, so the finding is reported where it is written.
    assert.ok(codes(a, CHOSEN_URI).includes('subnet-outside-vpc'), JSON.stringify([...a.diagnostics]));
    assert.ok(a.diagnostics.has(CHOSEN_URI), 'the chosen file is analysed (its diagnostics are published)');

    // The setting gone, the defaults are back and the file is no longer analysed.
    const back = ws.analyze(DEFAULT_SETTINGS);
    assert.equal(cidrOf(back, 'App'), '10.0.1.0/24');
    assert.equal(back.diagnostics.has(CHOSEN_URI), false);
  });

  test('the chosen file wins over the one found by name next to the template', async () => {
    const ws = await createWorkspace();
    ws.setFile(TEMPLATE_URI, TEMPLATE);
    ws.setFile(BY_NAME_URI, BY_NAME);
    ws.setFile(CHOSEN_URI, CHOSEN);
    assert.equal(cidrOf(ws.analyze(DEFAULT_SETTINGS), 'App'), '10.0.7.0/24');
    assert.equal(cidrOf(ws.analyze(choose(CHOSEN_URI)), 'App'), '10.9.0.0/24');
  });

  test('the CodePipeline shape works as a chosen file too, and an edit of it is picked up', async () => {
    const ws = await createWorkspace();
    ws.setFile(TEMPLATE_URI, TEMPLATE);
    const uri = 'file:///repo/stages/prod-config.json';
    ws.setFile(uri, '{"Parameters": {"SubnetCidr": "10.0.3.0/24"}}');
    assert.equal(cidrOf(ws.analyze(choose(uri)), 'App'), '10.0.3.0/24');
    ws.setFile(uri, '{"Parameters": {"SubnetCidr": "10.0.4.0/24"}}');
    assert.equal(cidrOf(ws.analyze(choose(uri)), 'App'), '10.0.4.0/24');
  });

  test('a chosen file that is missing or has no parameter shape is said on the template; defaults apply', async () => {
    const ws = await createWorkspace();
    ws.setFile(TEMPLATE_URI, TEMPLATE);
    const missing = ws.analyze(choose('file:///repo/nowhere.json'));
    assert.equal(cidrOf(missing, 'App'), '10.0.1.0/24');
    const problem = (missing.diagnostics.get(TEMPLATE_URI) ?? []).find((d) => d.ruleId === 'evaluation');
    assert.match(problem?.message ?? '', /parameter file chosen for this template \(file:\/\/\/repo\/nowhere\.json\) was not read/);

    ws.setFile('file:///repo/notes.json', '{"hello": "world"}');
    const shapeless = ws.analyze(choose('file:///repo/notes.json'));
    assert.match((shapeless.diagnostics.get(TEMPLATE_URI) ?? []).map((d) => d.message).join('\n'), /has neither parameter file shape/);
  });

  test('a chosen file with broken JSON gives a parse error there, never a crash', async () => {
    const ws = await createWorkspace();
    ws.setFile(TEMPLATE_URI, TEMPLATE);
    ws.setFile(CHOSEN_URI, '[{"ParameterKey": "SubnetCidr", "ParameterValue": "10.9.0.0/24"');
    const a = ws.analyze(choose(CHOSEN_URI));
    assert.ok(codes(a, CHOSEN_URI).includes('parse-error'));
  });
});

describe('the region setting', () => {
  test('AWS::Region resolves to the setting; unknown without it', async () => {
    const ws = await createWorkspace();
    ws.setFile(TEMPLATE_URI, TEMPLATE);
    assert.equal(subnet(ws.analyze(DEFAULT_SETTINGS), 'App').availabilityZone?.known, false);
    const a = ws.analyze({ ...DEFAULT_SETTINGS, cloudFormationRegion: 'eu-west-1' });
    const az = subnet(a, 'App').availabilityZone;
    assert.deepEqual(az?.known ? az.value : undefined, 'eu-west-1a');
  });

  test('Fn::GetAZs stays symbolic even with a known region (the AZ list is the account\'s)', async () => {
    const ws = await createWorkspace();
    ws.setFile(TEMPLATE_URI, TEMPLATE);
    const az = subnet(ws.analyze({ ...DEFAULT_SETTINGS, cloudFormationRegion: 'eu-west-1' }), 'Data').availabilityZone;
    assert.deepEqual(az?.known ? az.value : undefined, 'az#1');
  });

  test('AWS::Partition and AWS::URLSuffix follow the region', async () => {
    const ws = await createWorkspace();
    const uri = 'file:///repo/partition.yaml';
    ws.setFile(
      uri,
      `Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  Endpoint:
    Type: AWS::EC2::VPCEndpoint
    Properties:
      VpcId: !Ref Vpc
      VpcEndpointType: Gateway
      ServiceName: !Sub 'com.\${AWS::URLSuffix}.\${AWS::Region}.\${AWS::Partition}'
`,
    );
    const a = ws.analyze({ ...DEFAULT_SETTINGS, cloudFormationRegion: 'cn-north-1' });
    const service = a.model.ofKind('endpoint')[0]?.serviceName;
    assert.equal(service?.known ? service.value : undefined, 'com.amazonaws.com.cn.cn-north-1.aws-cn');
  });
});
