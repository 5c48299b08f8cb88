/**
 * Templates that use modules (CloudFormation registry modules, the `rain` tool's `!Rain::Module`) reference
 * resources the module creates (`<ModuleId><ResourceId>`), which the template itself cannot show: those
 * references are unknown, never reported as mistakes. References to names no module explains still are.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate } from './evalHelpers';

const RAIN = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Network:
    Type: !Rain::Module ../modules/vpc.yml
  Server:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      VpcId: !Ref NetworkVPC
  ServerSubnetCopy:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref NetworkVPC
      CidrBlock: !GetAtt NetworkPublicSubnet1.CidrBlock
      Tags:
        - Key: UserData
          Value:
            Fn::Sub: !Rain::Embed userdata.sh
  Broken:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: typo
      VpcId: !Ref Netwrk
`;

const REGISTRY = {
  AWSTemplateFormatVersion: '2010-09-09',
  Resources: {
    Net: { Type: 'MyOrg::Network::Vpc::MODULE', Properties: { Cidr: '10.0.0.0/16' } },
    Group: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'g', VpcId: { Ref: 'NetVpc' } } },
  },
};

describe('module resources', () => {
  test('references into a rain module and !Rain::Embed text are unknown without a problem', () => {
    const ev = evaluate(RAIN, 'yaml');
    assert.equal(ev.value('Server', 'VpcId')?.k, 'unknown');
    assert.equal(ev.value('ServerSubnetCopy', 'CidrBlock')?.k, 'unknown');
    const messages = ev.problems.map((p) => p.message);
    assert.deepEqual(
      messages.filter((m) => /NetworkVPC|NetworkPublicSubnet1|Fn::Sub/.test(m)),
      [],
    );
    // A name no module explains is still a mistake.
    assert.ok(messages.some((m) => /Ref to Netwrk/.test(m)), messages.join('\n'));
  });

  test('references into a registry module (::MODULE) are unknown without a problem', () => {
    const ev = evaluate(REGISTRY);
    assert.equal(ev.value('Group', 'VpcId')?.k, 'unknown');
    assert.deepEqual(ev.problems.map((p) => p.message), []);
  });
});
