// `vpc-lens check --parameters TEMPLATE=FILE --region REGION` and `.vpc-lens.json` "cloudformation", as a user runs them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ensureCliBuilt, hasStackTrace, makeWorkspace, removeWorkspace, runCli } from './helpers';

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  SubnetCidr:
    Type: String
    Default: 10.0.1.0/24
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  App:
    Type: AWS::EC2::Subnet
    Metadata:
      vpc-lens:
        ignore: [subnet-implicit-route-table]
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: !Ref SubnetCidr
  FlowLog:
    Type: AWS::EC2::FlowLog
    Properties:
      ResourceId: !Ref Vpc
      ResourceType: VPC
      TrafficType: ALL
      LogDestinationType: s3
      LogDestination: arn:aws:s3:::logs
`;
/** Outside the VPC: only this file's value makes the check fail. */
const PROD = '[{"ParameterKey": "SubnetCidr", "ParameterValue": "10.9.0.0/24"}]\n';

interface JsonReport {
  diagnostics: { file: string; code: string; range: { start: { line: number } } }[];
}

const roots: string[] = [];
function project(files: Record<string, string>): string {
  const root = makeWorkspace(files);
  roots.push(root);
  return root;
}

describe('check: CloudFormation parameter files and region', () => {
  before(() => ensureCliBuilt());
  after(() => roots.forEach(removeWorkspace));

  test('without --parameters the defaults apply: clean', () => {
    const root = project({ 'network.yaml': TEMPLATE, 'config/prod.params': PROD });
    const run = runCli(['check', '--format', 'json'], root);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.deepEqual((JSON.parse(run.stdout) as JsonReport).diagnostics, []);
  });

  test('--parameters TEMPLATE=FILE applies a file of any name; the finding is reported in it', () => {
    const root = project({ 'network.yaml': TEMPLATE, 'config/prod.params': PROD });
    const run = runCli(['check', '--format', 'json', '--parameters', 'network.yaml=config/prod.params'], root);
    assert.equal(run.status, 1, run.stdout + run.stderr);
    const found = (JSON.parse(run.stdout) as JsonReport).diagnostics.map((d) => `${d.file}:${d.code}`);
    assert.deepEqual(found, ['config/prod.params:subnet-outside-vpc']);
  });

  test('.vpc-lens.json "cloudformation.parameterFiles" does the same; --parameters overrides it per template', () => {
    const root = project({
      'network.yaml': TEMPLATE,
      'config/prod.params': PROD,
      'config/dev.params': '{"Parameters": {"SubnetCidr": "10.0.5.0/24"}}\n',
      '.vpc-lens.json': '{"cloudformation": {"parameterFiles": {"network.yaml": "config/prod.params"}}}\n',
    });
    assert.equal(runCli(['check'], root).status, 1);
    const run = runCli(['check', '--parameters=network.yaml=config/dev.params'], root);
    assert.equal(run.status, 0, run.stdout + run.stderr);
  });

  test('a missing parameter file exits 2 with one line naming it', () => {
    const root = project({ 'network.yaml': TEMPLATE });
    const run = runCli(['check', '--parameters', 'network.yaml=nope.json'], root);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /nope\.json/);
    assert.equal(hasStackTrace(run.stderr), false);
  });

  for (const [label, argv] of [
    ['--parameters without =', ['check', '--parameters', 'network.yaml']],
    ['--parameters with no file', ['check', '--parameters', 'network.yaml=']],
    ['--region that is no region name', ['check', '--region', 'Ireland']],
  ] as const) {
    test(`${label} is a usage error`, () => {
      const root = project({ 'network.yaml': TEMPLATE });
      const run = runCli([...argv], root);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /usage: vpc-lens check/);
    });
  }

  test('--region resolves AWS::Region: two subnets built as ${AWS::Region}a are one AZ, so the ALB is single-AZ', () => {
    const alb = `Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  A:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: 10.0.1.0/24
      AvailabilityZone: !Sub '\${AWS::Region}a'
  B:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: 10.0.2.0/24
      AvailabilityZone: !Sub '\${AWS::Region}a'
  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Type: application
      Scheme: internal
      Subnets: [!Ref A, !Ref B]
`;
    const root = project({ 'alb.yaml': alb });
    const codes = (args: string[]) => (JSON.parse(runCli(['check', '--format', 'json', ...args], root).stdout) as JsonReport).diagnostics.map((d) => d.code);
    assert.equal(codes([]).includes('lb-single-az'), false);
    assert.equal(codes(['--region', 'eu-west-1']).includes('lb-single-az'), true);
  });

  test('help documents --parameters and --region', () => {
    const run = runCli(['help', 'check'], process.cwd());
    assert.match(run.stdout, /--parameters TEMPLATE=FILE/);
    assert.match(run.stdout, /--region REGION/);
  });
});
