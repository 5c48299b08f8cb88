// An editor on a Terraform root that reads its network from a YAML file (yamldecode(file(...))): the finding is
// shown in the YAML file where the block is written, and editing that file (open in the editor, or changed on
// disk) analyses the root again.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { MAIN_TF, NETWORK_YAML } from '../fixtures/terraformFileConfig';
import { LspTestClient, TempWorkspace, VSCODE_LIKE_CAPABILITIES, positionOf } from './helpers/lspClient';

describe('language server: a network read from a YAML file with file()', () => {
  let ws: TempWorkspace;
  let client: LspTestClient;
  let yamlUri: string;

  before(async () => {
    ws = new TempWorkspace({ 'net/main.tf': MAIN_TF, 'net/network.yaml': NETWORK_YAML });
    yamlUri = ws.uri('net/network.yaml');
    client = await LspTestClient.start(ws, {
      workspaceFolders: [{ uri: ws.uri('net'), name: 'net' }],
      rootUri: ws.uri('net'),
      capabilities: VSCODE_LIKE_CAPABILITIES,
    });
  });

  after(async () => {
    await client?.stop();
    ws?.dispose();
  });

  test('the subnet outside the VPC is reported in the YAML file, on its block', async () => {
    const ds = await client.waitForDiagnostics(yamlUri, 'subnet-outside-vpc', (d) => d.some((x) => x.code === 'subnet-outside-vpc'));
    const outside = ds.find((d) => d.code === 'subnet-outside-vpc')!;
    assert.deepEqual(outside.range.start, positionOf(NETWORK_YAML, '10.1.2.0/24'));
    assert.equal(outside.relatedInformation?.[0]?.location.uri, ws.uri('net/main.tf'));
  });

  test('a hover on a block in the YAML file shows its AWS math and the subnet it is', async () => {
    await client.open(yamlUri, NETWORK_YAML, 'yaml');
    const hover = await client.hover(yamlUri, positionOf(NETWORK_YAML, '10.0.1.0/24', 3));
    const text = JSON.stringify(hover?.contents ?? '');
    assert.match(text, /251 usable/);
    assert.match(text, /aws_subnet\.this\[\\"app-a\\"\]|aws_subnet\.this\["app-a"\]/);
    await client.close(yamlUri);
  });

  test('editing the YAML file in the editor clears the finding, and the change on disk brings it back', async () => {
    await client.open(yamlUri, NETWORK_YAML, 'yaml');
    const at = positionOf(NETWORK_YAML, '10.1.2.0/24');
    await client.change(yamlUri, { start: at, end: { line: at.line, character: at.character + '10.1'.length } }, '10.0');
    await client.waitForDiagnostics(yamlUri, 'no finding once the block is inside the VPC', (d) => !d.some((x) => x.code === 'subnet-outside-vpc'));
    // Closed without saving, the file is what the disk says again.
    await client.close(yamlUri);
    await client.waitForDiagnostics(yamlUri, 'the finding back from the disk', (d) => d.some((x) => x.code === 'subnet-outside-vpc'));
  });
});
