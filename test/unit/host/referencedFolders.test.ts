import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Workspace } from '../../../server/src/core/analysis/workspace';
import { createWorkspace } from '../../../server/src/host/createWorkspace';
import { type FolderFile, loadReferencedFolders, MAX_REFERENCED_FOLDERS } from '../../../server/src/host/referencedFolders';

const call = (name: string, source: string) => `module "${name}" {\n  source = "${source}"\n}\n`;

/** A fake disk of folders; records which folders were read. */
function disk(folders: Record<string, Record<string, string>>): { read: (folder: string) => FolderFile[]; reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    read: (folder) => {
      reads.push(folder);
      return Object.entries(folders[folder] ?? {}).map(([name, text]) => ({ uri: `${folder}/${name}`, text }));
    },
  };
}

async function workspaceWith(files: Record<string, string>): Promise<Workspace> {
  const ws = await createWorkspace();
  for (const [uri, text] of Object.entries(files)) ws.setFile(uri, text);
  return ws;
}

describe('referenced folders: local modules outside the files a host found', () => {
  test("the workspace names the local module sources of its Terraform, not its own folder, and the module manifest of a folder that calls modules", async () => {
    const ws = await workspaceWith({
      'file:///r/envs/prod/main.tf': call('net', '../../modules/net') + call('vpc', 'terraform-aws-modules/vpc/aws') + call('self', './'),
      'file:///r/envs/prod/more.tf.json': JSON.stringify({ module: { dns: { source: './dns/' } } }),
      'file:///r/envs/prod/terraform.tfvars': 'module = "../not-a-module"\n',
    });
    // terraform init's manifest says where the registry module was installed (see installedModules.test.ts).
    assert.deepEqual(ws.referencedFolders(), ['file:///r/envs/prod/.terraform/modules', 'file:///r/envs/prod/dns', 'file:///r/modules/net']);
  });

  test('folders are read until every module called is there, each once; a missing one is read once and stays missing', async () => {
    const ws = await workspaceWith({ 'file:///r/envs/prod/main.tf': call('net', '../../modules/net') + call('gone', '../../modules/gone') });
    const fake = disk({
      'file:///r/modules/net': { 'main.tf': call('endpoints', '../endpoints'), 'vars.tfvars': 'x = 1\n', 'README.md': '# net\n' },
      'file:///r/modules/endpoints': { 'main.tf': call('back', '../net') },
    });
    const tried = new Set<string>();
    const first = await loadReferencedFolders(ws, fake.read, tried);
    // Each folder with module calls is also asked for the manifest of the modules terraform init installed.
    assert.deepEqual(fake.reads, [
      'file:///r/envs/prod/.terraform/modules',
      'file:///r/modules/gone',
      'file:///r/modules/net',
      'file:///r/modules/endpoints',
      'file:///r/modules/net/.terraform/modules',
      'file:///r/modules/endpoints/.terraform/modules',
    ]);
    // README.md is no front-end's file: not kept. The .tfvars is Terraform's, kept like any found file.
    assert.deepEqual(first, { added: ['file:///r/modules/net/main.tf', 'file:///r/modules/net/vars.tfvars', 'file:///r/modules/endpoints/main.tf'], truncated: false });
    const again = await loadReferencedFolders(ws, fake.read, tried);
    assert.deepEqual(again, { added: [], truncated: false });
    assert.equal(fake.reads.length, 6);
  });

  test(`a chain of sources stops after ${MAX_REFERENCED_FOLDERS} folders`, async () => {
    const ws = await workspaceWith({ 'file:///r/m0/main.tf': call('next', '../m1') });
    const manifestFolders: string[] = [];
    const endless = (folder: string): FolderFile[] => {
      if (folder.endsWith('/.terraform/modules')) {
        manifestFolders.push(folder);
        return [];
      }
      const n = Number(folder.slice('file:///r/m'.length));
      return [{ uri: `${folder}/main.tf`, text: call('next', `../m${n + 1}`) }];
    };
    const load = await loadReferencedFolders(ws, endless);
    assert.equal(load.truncated, true);
    assert.equal(load.added.length, MAX_REFERENCED_FOLDERS);
    // The manifest folders looked in on the way (each folder calls a module) do not count against the limit.
    assert.ok(manifestFolders.length >= MAX_REFERENCED_FOLDERS, String(manifestFolders.length));
  });
});
