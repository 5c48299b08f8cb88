import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { DiagnosticSeverity, FileChangeType } from 'vscode-languageserver-protocol/node';
import { LspTestClient, TempWorkspace, VSCODE_LIKE_CAPABILITIES, hoverText } from './helpers/lspClient';

const HOST_BITS_TF = 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.7/16"\n}\n';
/** Host bits and a public range: two findings the settings below silence. */
const PUBLIC_RANGE_TF = 'resource "aws_vpc" "main" {\n  cidr_block = "11.0.0.7/16"\n}\n';

describe('settings and the project file', () => {
  let ws: TempWorkspace | undefined;
  let client: LspTestClient | undefined;

  afterEach(async () => {
    await client?.stop();
    ws?.dispose();
    client = undefined;
    ws = undefined;
  });

  async function start(files: Record<string, string>, settings?: unknown): Promise<{ ws: TempWorkspace; client: LspTestClient }> {
    ws = new TempWorkspace(files);
    client = await LspTestClient.start(
      ws,
      { workspaceFolders: [{ uri: ws.uri(''), name: 'test' }], capabilities: VSCODE_LIKE_CAPABILITIES },
      { settings },
    );
    await client.waitFor('first analysis', () => client!.statuses.some((s) => s.state === 'idle'));
    return { ws, client };
  }

  test('vpcLens.rules from the editor changes severities and turns rules off', async () => {
    const { ws, client } = await start(
      { 'main.tf': HOST_BITS_TF, 'other/x.tf': HOST_BITS_TF.replace('main', 'other') },
      { rules: { 'cidr-host-bits': 'error', 'vpc-flow-logs': 'off' } },
    );
    const ds = await client.waitForDiagnostics(ws.uri('main.tf'), 'cidr-host-bits', (d) => d.some((x) => x.code === 'cidr-host-bits'));
    assert.equal(ds.find((d) => d.code === 'cidr-host-bits')!.severity, DiagnosticSeverity.Error);
    assert.equal(ds.some((d) => d.code === 'vpc-flow-logs'), false);
  });

  test('.vpc-lens.json sets severities and excludes; editor settings win', async () => {
    const project = JSON.stringify({ rules: { 'cidr-host-bits': 'off', 'vpc-cidr-range': 'info' }, exclude: ['legacy'] });
    const { ws, client } = await start(
      { 'main.tf': PUBLIC_RANGE_TF, 'legacy/old.tf': HOST_BITS_TF.replace('main', 'old'), '.vpc-lens.json': project },
      { rules: { 'vpc-cidr-range': 'off' } },
    );
    assert.equal(client.statuses.filter((s) => s.state === 'idle').at(-1)!.files, 1, 'legacy/ is excluded');
    assert.equal(client.diagnostics.has(ws.uri('legacy/old.tf')), false);
    const main = client.diagnostics.get(ws.uri('main.tf')) ?? [];
    assert.deepEqual(main.filter((d) => d.code === 'cidr-host-bits' || d.code === 'vpc-cidr-range'), []);
  });

  test('an invalid .vpc-lens.json gets a diagnostic on that file, and fixing it clears it', async () => {
    const { ws, client } = await start({ 'main.tf': HOST_BITS_TF, '.vpc-lens.json': '{ "rules": { "cidr-host-bitz": "off" }, ' });
    const configUri = ws.uri('.vpc-lens.json');
    const ds = await client.waitForDiagnostics(configUri, 'config problems', (d) => d.length > 0);
    assert.ok(ds.some((d) => typeof d.message === 'string' && /cidr-host-bits/.test(d.message)), 'suggests the rule id it probably means');
    assert.ok(client.isRunning);

    ws.write('.vpc-lens.json', '{ "rules": { "cidr-host-bits": "off" } }');
    await client.filesChanged([{ uri: configUri, type: FileChangeType.Changed }]);
    await client.waitForDiagnostics(configUri, 'no config problems', (d) => d.length === 0);
    await client.waitForDiagnostics(ws.uri('main.tf'), 'host bits turned off', (d) => !d.some((x) => x.code === 'cidr-host-bits'));
  });

  test('vpcLens.terraform.varFiles apply a workspace-relative var file', async () => {
    const files = {
      'main.tf': `variable "vpc_cidr" {
  default = "10.0.0.0/16"
}

resource "aws_vpc" "main" {
  cidr_block = var.vpc_cidr
}

resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.5.1.0/24"
}
`,
      'env/prod.tfvars': 'vpc_cidr = "10.5.0.0/16"\n',
    };
    const without = await start(files);
    await without.client.waitForDiagnostics(without.ws.uri('main.tf'), 'outside with the default', (d) => d.some((x) => x.code === 'subnet-outside-vpc'));
    await without.client.stop();
    without.ws.dispose();

    const { ws, client } = await start(files, { terraform: { varFiles: ['env/prod.tfvars'] } });
    const h = await client.hover(ws.uri('main.tf'), { line: 5, character: 18 });
    assert.match(hoverText(h), /10\.5\.0\.0\/16/, 'the VPC block comes from the var file');
    assert.equal((client.diagnostics.get(ws.uri('main.tf')) ?? []).some((x) => x.code === 'subnet-outside-vpc'), false);
  });

  test('inlay hints can be turned off', async () => {
    const { ws, client } = await start({ 'main.tf': HOST_BITS_TF }, { inlayHints: { enabled: false } });
    const hints = await client.inlayHints(ws.uri('main.tf'), { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } });
    assert.deepEqual(hints, []);
  });
});
