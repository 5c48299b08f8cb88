import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { detectCloudFormationFile, isCloudFormationTemplate } from '../../../server/src/core/frontends/cloudformation/detect';
import { fixture } from './syntaxHelpers';

const yamlTemplate = 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/16\n';
const jsonTemplate = '{"Resources": {"Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}}}}';

describe('CloudFormation detection', () => {
  test('templates by AWSTemplateFormatVersion or AWS:: resource types, in JSON, YAML and .template files', () => {
    assert.equal(detectCloudFormationFile('file:///ws/net.yaml', yamlTemplate), 'template');
    assert.equal(detectCloudFormationFile('file:///ws/net.yml', yamlTemplate), 'template');
    assert.equal(detectCloudFormationFile('file:///ws/net.json', jsonTemplate), 'template');
    assert.equal(detectCloudFormationFile('file:///ws/net.template', jsonTemplate), 'template');
    assert.equal(detectCloudFormationFile('file:///ws/net.template', yamlTemplate), 'template');
    assert.equal(detectCloudFormationFile('file:///ws/a.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nDescription: empty\n'), 'template');
    assert.equal(detectCloudFormationFile('file:///ws/a.json', '{"Description": "x", "AWSTemplateFormatVersion": "2010-09-09"}'), 'template');
    assert.equal(detectCloudFormationFile('file:///ws/a.yaml', '---\n# net\n"Resources":\n  Vpc:\n    "Type": "AWS::EC2::VPC"\n'), 'template');
    assert.equal(detectCloudFormationFile('file:///ws/sam.yaml', 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n'), 'template');
    assert.ok(isCloudFormationTemplate('file:///ws/net.json', jsonTemplate));
    // A JSON template saved as .yaml is still one.
    assert.equal(detectCloudFormationFile('file:///ws/a.yaml', jsonTemplate), 'template');
  });

  test('the fixtures: both templates, the cdk.out template, and not the plan', () => {
    for (const name of ['network.yaml', 'network.json', 'cdk.out/NetworkStack.template.json']) {
      const { uri, text } = fixture(name);
      assert.equal(detectCloudFormationFile(uri, text), 'template', name);
    }
    const plan = fixture('plan.json');
    assert.equal(detectCloudFormationFile(plan.uri, plan.text), undefined);
  });

  test('cdk.out/*.template.json counts even without an AWS:: resource', () => {
    assert.equal(detectCloudFormationFile('file:///ws/cdk.out/Stack.template.json', '{"Resources": {}}'), 'template');
    assert.equal(detectCloudFormationFile('file:///ws/cdk.out/assembly-Prod/Prod-Net.template.json', '{}'), 'template');
    assert.equal(detectCloudFormationFile('file:///ws/cdk.out/manifest.json', '{"version": "36.0.0", "artifacts": {"Stack": {"type": "aws:cloudformation:stack"}}}'), undefined);
    assert.equal(detectCloudFormationFile('file:///ws/cdk.out/tree.json', '{"tree": {"id": "App", "attributes": {"aws:cdk:cloudformation:type": "AWS::EC2::VPC"}}}'), undefined);
  });

  test('ordinary JSON and YAML files are not claimed', () => {
    const cases: [string, string][] = [
      ['file:///ws/package.json', '{"name": "x", "version": "1.0.0", "dependencies": {"aws-cdk-lib": "^2"}}'],
      ['file:///ws/tsconfig.json', '{"compilerOptions": {"strict": true}, // c\n "include": ["src"]}'],
      ['file:///ws/.github/workflows/ci.yml', 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n'],
      ['file:///ws/docker-compose.yaml', 'services:\n  web:\n    image: nginx\n'],
      ['file:///ws/k8s.yaml', 'apiVersion: v1\nkind: ConfigMap\ndata:\n  note: "AWS::EC2::VPC in a string"\n'],
      ['file:///ws/doc.json', '{"text": "Resources with Type AWS::EC2::VPC are described here"}'],
      ['file:///ws/custom.yaml', 'Resources:\n  Thing:\n    Type: Custom::Thing\n'],
      ['file:///ws/alexa.json', '{"Resources": {"Skill": {"Type": "Alexa::ASK::Skill"}}}'],
      ['file:///ws/nested.json', '{"stack": {"Resources": {"Vpc": {"Type": "AWS::EC2::VPC"}}}}'],
      ['file:///ws/notes.yaml', 'Resources:\n  - name: AWS::EC2::VPC docs\nOther:\n  Type: AWS::EC2::VPC\n'],
      ['file:///ws/main.tf', 'resource "aws_vpc" "x" {} # AWS::EC2::VPC'],
      ['file:///ws/README.md', jsonTemplate],
      ['file:///ws/empty.json', ''],
    ];
    for (const [uri, text] of cases) assert.equal(detectCloudFormationFile(uri, text), undefined, uri);
  });

  test('Terraform JSON and plan JSON belong to other front-ends', () => {
    assert.equal(detectCloudFormationFile('file:///ws/main.tf.json', '{"resource": {"aws_cloudformation_stack": {"s": {"template_body": "AWSTemplateFormatVersion"}}}}'), undefined);
    assert.equal(detectCloudFormationFile('file:///ws/prod.tfvars.json', '{"template": "AWS::EC2::VPC"}'), undefined);
    // Even a template-shaped .tf.json is Terraform's (its syntax is Terraform's).
    assert.equal(detectCloudFormationFile('file:///ws/weird.tf.json', jsonTemplate), undefined);
    const plan = '{"format_version": "1.2", "planned_values": {"root_module": {}}, "Resources": {"A": {"Type": "AWS::EC2::VPC"}}}';
    assert.equal(detectCloudFormationFile('file:///ws/plan.json', plan), undefined);
  });

  test('parameter files of both shapes are claimed as parameters', () => {
    assert.equal(detectCloudFormationFile('file:///ws/net.parameters.json', '[{"ParameterKey": "VpcCidr", "ParameterValue": "10.1.0.0/16"}]'), 'parameters');
    assert.equal(detectCloudFormationFile('file:///ws/prod.json', '{"Parameters": {"VpcCidr": "10.1.0.0/16"}, "Tags": {"env": "prod"}}'), 'parameters');
    assert.equal(detectCloudFormationFile('file:///ws/other.json', '{"Parameters": {"VpcCidr": "10.1.0.0/16"}, "Steps": []}'), undefined);
    assert.equal(detectCloudFormationFile('file:///ws/list.json', '[{"Name": "x"}]'), undefined);
    assert.equal(detectCloudFormationFile('file:///ws/params.yaml', '- ParameterKey: A\n  ParameterValue: b\n'), undefined);
  });

  test('a big package-lock.json is turned down by the substring check, without parsing', () => {
    const packages = Object.fromEntries(
      Array.from({ length: 40_000 }, (_, i) => [`node_modules/p${i}`, { version: '1.0.0', integrity: `sha512-${'a'.repeat(80)}` }]),
    );
    const lock = JSON.stringify({ name: 'x', lockfileVersion: 3, packages }, null, 2);
    const started = performance.now();
    assert.equal(detectCloudFormationFile('file:///ws/package-lock.json', lock), undefined);
    const ms = performance.now() - started;
    assert.ok(lock.length > 5_000_000);
    // A substring scan of 5+ MB; parsing it would take hundreds of milliseconds.
    assert.ok(ms < 2000, `took ${ms.toFixed(1)} ms`);
  });

  test('a big template is recognised from its first keys', () => {
    const resources = Object.fromEntries(Array.from({ length: 30_000 }, (_, i) => [`S${i}`, { Type: 'AWS::EC2::Subnet', Properties: { CidrBlock: '10.0.0.0/24' } }]));
    const text = JSON.stringify({ Resources: resources }, null, 2);
    const started = performance.now();
    assert.equal(detectCloudFormationFile('file:///ws/big.json', text), 'template');
    assert.ok(performance.now() - started < 2000); // bounded, not a speed target
  });

  test('binary junk is not claimed and does not throw', () => {
    const junk = Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 7919 + 13) % 256)).toString('latin1');
    assert.equal(detectCloudFormationFile('file:///ws/blob.json', junk), undefined);
    assert.equal(detectCloudFormationFile('file:///ws/blob.yaml', `AWS::${junk}`), undefined);
    assert.equal(detectCloudFormationFile('file:///ws/blob.json', `{"AWS::${junk}`), undefined);
  });
});
