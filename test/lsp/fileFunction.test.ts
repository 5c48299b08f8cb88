// An editor on a Terraform root that reads its network from a YAML file (yamldecode(file(...))): the finding is
// shown in the YAML file where the block is written, and editing that file (open in the editor, or changed on
// disk) analyses the root again.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAIN_TF, NETWORK_YAML } from '../fixtures/terraformFileConfig';
import { positionOf, serveFolder } from './helpers/lspClient';

describe('language server: a network read from a YAML file with file()', () => {
  const served = serveFolder({ 'net/main.tf': MAIN_TF, 'net/network.yaml': NETWORK_YAML }, 'net');

  test('the subnet outside the VPC is reported in the YAML file, on its block', async () => {
    const { client, ws } = served;
    const ds = await client.waitForDiagnostics(ws.uri('net/network.yaml'), 'subnet-outside-vpc', (d) => d.some((x) => x.code === 'subnet-outside-vpc'));
    const outside = ds.find((d) => d.code === 'subnet-outside-vpc')!;
    assert.deepEqual(outside.range.start, positionOf(NETWORK_YAML, '10.1.2.0/24'));
    assert.equal(outside.relatedInformation?.[0]?.location.uri, ws.uri('net/main.tf'));
  });

  test('a hover on a block in the YAML file shows its AWS math and the subnet it is', async () => {
    const { client, ws } = served;
    const yamlUri = ws.uri('net/network.yaml');
    await client.open(yamlUri, NETWORK_YAML, 'yaml');
    const hover = await client.hover(yamlUri, positionOf(NETWORK_YAML, '10.0.1.0/24', 3));
    const text = JSON.stringify(hover?.contents ?? '');
    assert.match(text, /251 usable/);
    assert.match(text, /aws_subnet\.this\[\\"app-a\\"\]/);
    await client.close(yamlUri);
  });

  test('editing the YAML file in the editor clears the finding, and the change on disk brings it back', async () => {
    const { client, ws } = served;
    const yamlUri = ws.uri('net/network.yaml');
    await client.open(yamlUri, NETWORK_YAML, 'yaml');
    const at = positionOf(NETWORK_YAML, '10.1.2.0/24');
    await client.change(yamlUri, { start: at, end: { line: at.line, character: at.character + '10.1'.length } }, '10.0');
    await client.waitForDiagnostics(yamlUri, 'no finding once the block is inside the VPC', (d) => !d.some((x) => x.code === 'subnet-outside-vpc'));
    // Closed without saving, the file is what the disk says again.
    await client.close(yamlUri);
    await client.waitForDiagnostics(yamlUri, 'the finding back from the disk', (d) => d.some((x) => x.code === 'subnet-outside-vpc'));
  });
});

describe('language server: a YAML file read with file() from outside the workspace folder', () => {
  const main = MAIN_TF.replace(/file\("[^"]*network\.yaml"\)/, 'file("${path.module}/../../shared/network.yaml")');
  const served = serveFolder({ 'envs/prod/main.tf': main, 'shared/network.yaml': NETWORK_YAML }, 'envs/prod');

  test('the file is read from the disk, and its finding is reported where it writes the block', async () => {
    const { client, ws } = served;
    assert.notEqual(main, MAIN_TF, 'the fixture reads network.yaml with file()');
    const ds = await client.waitForDiagnostics(ws.uri('shared/network.yaml'), 'subnet-outside-vpc', (d) => d.some((x) => x.code === 'subnet-outside-vpc'));
    assert.deepEqual(ds.find((d) => d.code === 'subnet-outside-vpc')!.range.start, positionOf(NETWORK_YAML, '10.1.2.0/24'));
  });
});

