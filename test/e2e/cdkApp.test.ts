// A CDK app in a real VS Code (code-server + headless Chromium): a subnet block pinned with an escape hatch
// (`addPropertyOverride('CidrBlock', ...)`) outside its VPC is squiggled on the override, and SSH opened on a
// bastion host is squiggled on its peer; hovering the override shows its AWS math. Screenshots go to
// test-results/e2e/cdk-app/.
import { describe, test } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { useEditorSession } from './run';

const STEP_MS = 90_000;
const PINNED = '10.2.1.0/28';
const STACK = `import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';

export class EdgeStack extends cdk.Stack {
  constructor(scope: cdk.App, id: string) {
    super(scope, id);
    const vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr('10.1.0.0/16'),
      maxAzs: 2,
      natGateways: 0,
      subnetConfiguration: [{ name: 'edge', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 28 }],
    });
    const pinned = vpc.publicSubnets[1].node.defaultChild as ec2.CfnSubnet;
    pinned.addPropertyOverride('CidrBlock', '${PINNED}');
    const bastion = new ec2.BastionHostLinux(this, 'Bastion', { vpc, subnetSelection: { subnetType: ec2.SubnetType.PUBLIC } });
    bastion.allowSshAccessFrom(ec2.Peer.anyIpv4());
  }
}

new EdgeStack(new cdk.App(), 'Edge');
`;

describe('a CDK app with an escape hatch, in code-server', { timeout: 5 * 60_000 }, () => {
  const editor = useEditorSession(
    { name: 'cdk-app' },
    {
      beforeOpen: () => {
        const folder = path.join(editor.session.scenario.folder, 'cdkapp', 'lib');
        fs.mkdirSync(folder, { recursive: true });
        fs.writeFileSync(path.join(folder, 'edge-stack.ts'), STACK);
      },
    },
  );

  test('the pinned block outside the VPC and the SSH opened to anyone are squiggled; the override hovers with its math', { timeout: STEP_MS }, async () => {
    const { workbench } = editor.session;
    try {
      await workbench.quickOpen('edge-stack.ts');
      await workbench.waitForEditorText('the stack', /addPropertyOverride/, 30_000);
      await workbench.waitForSquiggleUnder('error', `'CidrBlock', '${PINNED}'`, `'${PINNED}'`, 60_000);
      // The context stops before the inlay hint drawn after the peer (0.0.0.0/0's address count).
      await workbench.waitForSquiggleUnder('warning', 'allowSshAccessFrom(ec2.Peer.anyIpv4()', 'ec2.Peer.anyIpv4()', 30_000);
      await workbench.screenshot('squiggles');
      await workbench.hoverOver(`'CidrBlock', '${PINNED}'`, PINNED, /11 usable/, 30_000);
    } finally {
      await workbench.screenshot('after-the-hover');
    }
  });
});
