// The diagram panel's protocol: vpcLens/topology, vpcLens/elementAt and vpcLens/topologyChanged.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TopologyGraph } from '../../server/src/core/topology/types';
import { ElementAtRequest, TopologyChangedNotification, type TopologyChangedParams, TopologyRequest } from '../../server/src/protocol';
import { LspTestClient, TempWorkspace, VSCODE_LIKE_CAPABILITIES, positionOf } from './helpers/lspClient';

const VPC_TF = `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "app" {
  vpc_id            = aws_vpc.main.id
  availability_zone = "us-east-1a"
  cidr_block        = "10.0.1.0/24"
}
`;

const OTHER_TF = `resource "aws_vpc" "other" {
  cidr_block = "10.9.0.0/16"
}
`;

describe('topology over LSP', () => {
  let ws: TempWorkspace;
  let client: LspTestClient;
  let vpcUri: string;
  /** Resolvers waiting for the next vpcLens/topologyChanged. */
  let waiting: ((p: TopologyChangedParams) => void)[] = [];
  const nextChange = () => new Promise<TopologyChangedParams>((resolve) => waiting.push(resolve));
  const topology = (uri?: string) => client.connection.sendRequest(TopologyRequest, uri === undefined ? {} : { uri });
  const subnetOf = (g: TopologyGraph) => g.nodes.find((n) => n.kind === 'subnet' && n.id.endsWith('::aws_subnet.app'));

  before(async () => {
    ws = new TempWorkspace({ 'net/vpc.tf': VPC_TF, 'other/main.tf': OTHER_TF });
    vpcUri = ws.uri('net/vpc.tf');
    client = await LspTestClient.start(ws, {
      workspaceFolders: [{ uri: ws.uri(''), name: 'test' }],
      rootUri: ws.uri(''),
      capabilities: VSCODE_LIKE_CAPABILITIES,
    });
    client.connection.onNotification(TopologyChangedNotification, (p) => {
      const resolvers = waiting;
      waiting = [];
      for (const r of resolvers) r(p);
    });
  });

  after(async () => {
    await client?.stop();
    ws?.dispose();
  });

  test('vpcLens/topology returns the workspace graph with document URIs and 0-based ranges', async () => {
    const g = await topology();
    assert.equal(g.version, 1);
    const subnet = subnetOf(g);
    assert.ok(subnet, JSON.stringify(g.nodes.map((n) => n.id)));
    assert.equal(subnet.file, vpcUri);
    assert.deepEqual(subnet.range?.start, { line: 4, character: 0 });
    assert.equal(subnet.label, 'aws_subnet.app\n10.0.1.0/24 · 251 usable');
    assert.ok(g.nodes.some((n) => n.id.endsWith('::aws_vpc.other')));
  });

  test('with a uri: only that file\'s unit', async () => {
    const g = await topology(vpcUri);
    assert.ok(subnetOf(g));
    assert.ok(!g.nodes.some((n) => n.id.endsWith('::aws_vpc.other')));
  });

  test('vpcLens/elementAt gives the node under the cursor, or null', async () => {
    const subnet = subnetOf(await topology())!;
    const inCidr = positionOf(VPC_TF, '10.0.1.0/24', 2);
    assert.deepEqual(await client.connection.sendRequest(ElementAtRequest, { uri: vpcUri, position: inCidr }), { id: subnet.id });
    assert.equal(await client.connection.sendRequest(ElementAtRequest, { uri: vpcUri, position: { line: 3, character: 0 } }), null);
  });

  test('vpcLens/topologyChanged follows an edit, and the graph then shows it', async () => {
    await client.open(vpcUri, VPC_TF);
    const at = positionOf(VPC_TF, '10.0.1.0/24');
    const changed = nextChange();
    await client.change(vpcUri, { start: at, end: { line: at.line, character: at.character + '10.0.1.0/24'.length } }, '10.0.2.0/24');
    let revision = (await changed).revision;
    // Notifications of analyses started before the edit may still arrive: wait until one shows the edit.
    for (;;) {
      const g = await topology(vpcUri);
      if (subnetOf(g)?.cidr === '10.0.2.0/24') break;
      const next = (await nextChange()).revision;
      assert.ok(next > revision, 'revisions increase');
      revision = next;
    }
    assert.equal(subnetOf(await topology(vpcUri))?.label, 'aws_subnet.app\n10.0.2.0/24 · 251 usable');
  });
});
