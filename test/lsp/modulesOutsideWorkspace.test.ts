// An editor opened on one environment of a repository whose modules live beside it (`envs/prod` calling
// `../../modules/network`): the server reads the module as Terraform would, and follows edits to the calls.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { fixtureTree } from '../fixtures/tree';
import { hoverText, positionOf, serveFolder } from './helpers/lspClient';

const LAYOUT = fixtureTree('terraform-layouts/envs-and-modules');
const PROD = LAYOUT['envs/prod/main.tf']!;

const CALL_DNS = `
module "dns" {
  source = "../../modules/dns"
}
`;

const codes = (ds: readonly Diagnostic[]): string[] => ds.map((d) => String(d.code));

describe('language server: local modules outside the workspace folder', () => {
  const served = serveFolder(LAYOUT, 'envs/prod');
  const prodUri = () => served.ws.uri('envs/prod/main.tf');
  const endpointsUri = () => served.ws.uri('modules/endpoints/main.tf');
  const dnsUri = () => served.ws.uri('modules/dns/main.tf');

  test('the modules are read: a wrong input is reported at the call, a module\'s own mistake in its file', async () => {
    const { client } = served;
    const ds = await client.waitForDiagnostics(prodUri(), 'subnet-outside-vpc', (d) => d.some((x) => x.code === 'subnet-outside-vpc'));
    assert.deepEqual(codes(ds), ['subnet-outside-vpc']);
    assert.equal(ds[0]!.range.start.line, 3);
    assert.match(String(ds[0]!.message), /^Subnet 10\.1\.0\.0\/24 is outside VPC module\.network\.aws_vpc\.this \(10\.0\.0\.0\/16\)/);
    // The module the module calls, outside the workspace folder too.
    const endpoints = await client.waitForDiagnostics(endpointsUri(), 'sg-world-admin-port', (d) => d.some((x) => x.code === 'sg-world-admin-port'));
    assert.deepEqual(endpoints.map((d) => [d.code, d.range.start.line]), [['sg-world-admin-port', 8]]);
    // Only the modules' own .tf files: not a module's example subfolder, its .tfvars, nor the module nobody calls.
    await client.waitFor('idle', () => client.statuses.some((s) => s.state === 'idle'));
    assert.equal(client.statuses.filter((s) => s.state === 'idle').at(-1)!.files, 3);
  });

  test('hover on the wrong input explains it with a link to the VPC in the module file', async () => {
    const { client, ws } = served;
    await client.open(prodUri(), PROD);
    const h = hoverText(await client.hover(prodUri(), positionOf(PROD, '10.1.0.0/24', 2)));
    assert.ok(h.includes(`[../../modules/network/main.tf:4](${ws.uri('modules/network/main.tf')}#L4)  VPC module.network.aws\\_vpc.this`), h);
    assert.match(h, /251 usable/);
  });

  test('a call added by an edit is followed: the new module is read and its findings published', async () => {
    const { client } = served;
    const end = { line: PROD.split('\n').length - 1, character: 0 };
    await client.change(prodUri(), { start: end, end }, CALL_DNS);
    const ds = await client.waitForDiagnostics(dnsUri(), 'cidr-host-bits in the module', (d) => d.some((x) => x.code === 'cidr-host-bits'));
    assert.deepEqual(ds.map((d) => [d.code, d.range.start.line]), [['cidr-host-bits', 1]]);
    const prod = await client.waitForDiagnostics(prodUri(), 'no module-not-found', (d) => !d.some((x) => x.code === 'evaluation'));
    assert.deepEqual(codes(prod), ['subnet-outside-vpc']);
  });

  test('the module folders are watched: a module file changed on disk is analysed again', async () => {
    const { client, ws } = served;
    const watched = () => client.watchedRelativePatterns();
    await client.waitFor('a watcher on modules/endpoints', () => watched().includes(`${ws.uri('modules/endpoints')} {*.tf,*.tf.json,modules.json}`));
    assert.ok(watched().includes(`${ws.uri('modules/network')} {*.tf,*.tf.json,modules.json}`), watched().join('\n'));
    // What the editor sends when another tool (git pull, a generator) rewrites the module.
    ws.write('modules/endpoints/main.tf', LAYOUT['modules/endpoints/main.tf']!.replace('["0.0.0.0/0"]', '["10.0.0.0/8"]'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: endpointsUri(), type: 2 }] });
    await client.waitForDiagnostics(endpointsUri(), 'the SSH finding gone', (d) => !d.some((x) => x.code === 'sg-world-admin-port'));
  });

  test('removing the call lets the module go: its diagnostics are cleared', async () => {
    const { client } = served;
    const text = PROD + CALL_DNS;
    const start = positionOf(text, 'module "dns"');
    const end = { line: text.split('\n').length - 1, character: 0 };
    await client.change(prodUri(), { start, end }, '');
    await client.waitForDiagnostics(dnsUri(), 'cleared', (d) => d.length === 0);
  });
});
