import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LspTestClient, TempWorkspace, hoverText, lineOf, positionOf } from './helpers/lspClient';

// Neovim's built-in client (and Helix, Emacs eglot) may send only `rootUri` and few capabilities: no
// workspace/configuration, no dynamic registration. The server must work from the disk alone.
const VPC_TF = 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n';
const SUBNET_TF = 'resource "aws_subnet" "a" {\n  vpc_id     = aws_vpc.main.id\n  cidr_block = "10.9.0.0/24"\n}\n';

describe('language server started as Neovim would', () => {
  let ws: TempWorkspace;
  let client: LspTestClient;

  before(async () => {
    ws = new TempWorkspace({ 'network/vpc.tf': VPC_TF, 'network/subnet.tf': SUBNET_TF, 'node_modules/x/bad.tf': SUBNET_TF });
    client = await LspTestClient.start(ws, { rootUri: ws.uri(''), capabilities: {} });
  });

  after(async () => {
    await client?.stop();
    ws?.dispose();
  });

  test('analyses the files under rootUri without any document being opened', async () => {
    const ds = await client.waitForDiagnostics(ws.uri('network/subnet.tf'), 'subnet-outside-vpc', (d) =>
      d.some((x) => x.code === 'subnet-outside-vpc'),
    );
    const d = ds.find((x) => x.code === 'subnet-outside-vpc')!;
    assert.equal(d.range.start.line, lineOf(SUBNET_TF, '10.9.0.0/24'));
    assert.equal(d.relatedInformation?.[0]?.location.uri, ws.uri('network/vpc.tf'));
  });

  test('skips node_modules', async () => {
    await client.waitFor('idle status', () => client.statuses.some((s) => s.state === 'idle'));
    assert.equal(client.statuses.filter((s) => s.state === 'idle').at(-1)!.files, 2);
    assert.equal(client.diagnostics.has(ws.uri('node_modules/x/bad.tf')), false);
  });

  test('asks the client for nothing it did not offer', () => {
    assert.deepEqual(
      client.serverRequests.filter((m) => m === 'client/registerCapability' || m === 'workspace/configuration' || m === 'workspace/inlayHint/refresh'),
      [],
    );
  });

  test('answers hovers on open documents', async () => {
    await client.open(ws.uri('network/vpc.tf'), VPC_TF);
    const h = await client.hover(ws.uri('network/vpc.tf'), positionOf(VPC_TF, '10.0.0.0/16', 4));
    assert.match(hoverText(h), /65,531 usable/);
  });
});
