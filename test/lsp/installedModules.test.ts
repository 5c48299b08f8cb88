// An editor on a Terraform root that calls a registry module: once `terraform init` has installed it, the server
// reads it from .terraform/modules (which it never indexes otherwise) and shows its findings at the module block.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { INITIALISED, ROOT } from '../fixtures/installedModule';
import { positionOf, serveFolder } from './helpers/lspClient';

describe('language server: modules installed by terraform init', () => {
  const served = serveFolder({ 'live/main.tf': ROOT }, 'live');

  test('before terraform init the call is not followed: one file read, no findings', async () => {
    const { client, ws } = served;
    await client.waitFor('idle', () => client.statuses.some((s) => s.state === 'idle'));
    assert.equal(client.statuses.at(-1)?.files, 1);
    assert.deepEqual(client.diagnostics.get(ws.uri('live/main.tf')) ?? [], []);
  });

  test('terraform init writes the manifest and the module: their findings appear at the module block', async () => {
    const { client, ws } = served;
    // What terraform init writes, and the change the editor reports for the manifest (the watcher's glob covers it).
    for (const [name, text] of Object.entries(INITIALISED)) if (name !== 'live/main.tf') ws.write(name, text);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: ws.uri('live/.terraform/modules/modules.json'), type: 1 }],
    });
    const ds = await client.waitForDiagnostics(ws.uri('live/main.tf'), 'the module read', (d) => d.some((x) => x.code === 'sg-world-admin-port'));
    const label = positionOf(ROOT, '"vpc"');
    const ssh = ds.find((d) => d.code === 'sg-world-admin-port')!;
    assert.deepEqual(ssh.range.start, label);
    assert.equal(ssh.relatedInformation?.[0]?.location.uri, ws.uri('live/.terraform/modules/vpc/modules/sg/main.tf'));
    const outside = ds.find((d) => d.code === 'subnet-outside-vpc');
    assert.deepEqual(outside?.range.start, positionOf(ROOT, '"10.9.2.0/24"'));
    // The installed files are read (the root, the manifest and the module's two files), and none has diagnostics.
    await client.waitFor('idle with 4 files', () => client.statuses.at(-1)?.state === 'idle' && client.statuses.at(-1)?.files === 4);
    for (const [uri, list] of client.diagnostics) if (uri.includes('/.terraform/')) assert.deepEqual(list, [], uri);
  });

  test('the installed folders are watched, the manifest included', async () => {
    const { client, ws } = served;
    const watched = () => client.watchedRelativePatterns();
    const pattern = '{*.tf,*.tf.json,modules.json}';
    await client.waitFor('watchers on the installed folders', () => watched().includes(`${ws.uri('live/.terraform/modules')} ${pattern}`));
    assert.ok(watched().includes(`${ws.uri('live/.terraform/modules/vpc')} ${pattern}`), watched().join('\n'));
  });
});
