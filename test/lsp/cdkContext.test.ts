// An editor on a CDK app that keeps its configuration in cdk.json's context (`this.node.tryGetContext`): the
// findings follow what cdk.json says, and editing cdk.json in the editor analyses the app again.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { positionOf, serveFolder } from './helpers/lspClient';

const STACK = `import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';

export class NetStack extends cdk.Stack {
  constructor(scope: cdk.App, id: string) {
    super(scope, id);
    const vpc = new ec2.Vpc(this, 'Vpc', { maxAzs: 1, natGateways: 0 });
    const admin = new ec2.SecurityGroup(this, 'Admin', { vpc });
    admin.addIngressRule(ec2.Peer.ipv4(this.node.tryGetContext('adminCidr')), ec2.Port.tcp(22));
  }
}
new NetStack(new cdk.App(), 'Net');
`;
const CDK_JSON = '{\n  "app": "npx ts-node bin/app.ts",\n  "context": { "adminCidr": "0.0.0.0/0" }\n}\n';

describe("language server: a CDK app configured in cdk.json's context", () => {
  const served = serveFolder({ 'app/lib/net.ts': STACK, 'app/cdk.json': CDK_JSON }, 'app');

  test('SSH opened to the CIDR cdk.json gives is reported on the peer that reads it; narrowing it in cdk.json clears it', async () => {
    const { client, ws } = served;
    const stackUri = ws.uri('app/lib/net.ts');
    const ds = await client.waitForDiagnostics(stackUri, 'sg-world-admin-port', (d) => d.some((x) => x.code === 'sg-world-admin-port'));
    const finding = ds.find((d) => d.code === 'sg-world-admin-port')!;
    assert.deepEqual(finding.range.start, positionOf(STACK, "ec2.Peer.ipv4(this.node.tryGetContext('adminCidr'))"));
    const jsonUri = ws.uri('app/cdk.json');
    await client.open(jsonUri, CDK_JSON, 'json');
    const at = positionOf(CDK_JSON, '0.0.0.0/0');
    await client.change(jsonUri, { start: at, end: { line: at.line, character: at.character + '0.0.0.0/0'.length } }, '203.0.113.0/24');
    await client.waitForDiagnostics(stackUri, 'no finding once cdk.json narrows the CIDR', (d) => !d.some((x) => x.code === 'sg-world-admin-port'));
    await client.close(jsonUri);
    await client.waitForDiagnostics(stackUri, 'the finding back from the disk', (d) => d.some((x) => x.code === 'sg-world-admin-port'));
  });
});
