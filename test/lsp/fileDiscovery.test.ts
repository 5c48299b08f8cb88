// The language server's file discovery: a thin use of server/src/host/files.ts, so the server finds and reads
// exactly what the CLI does (same candidates, skipped folders, size cap, byte order mark handling).
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { discoverFiles, isCandidate, readCandidate, SKIPPED_FOLDERS } from '../../server/src/lsp/fileDiscovery';
import { findFiles, MAX_FILE_BYTES, SKIPPED_DIRECTORIES } from '../../server/src/host/files';

const roots: string[] = [];
after(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));

function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vpc-lens-discovery-'));
  roots.push(root);
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(root, ...rel.split('/'));
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  return root;
}

const relative = (root: string, files: readonly string[]) => files.map((f) => path.relative(root, f).split(path.sep).join('/')).sort();

describe('language server file discovery', () => {
  test('finds what the CLI finds, with excludes asked about workspace-relative paths', async () => {
    const root = tree({
      'net/main.tf': '',
      'net/prod.tfvars': '',
      'cfn/stack.yaml': '',
      'generated/big.tf': '',
      'node_modules/m/x.tf': '',
      '.terraform/modules/y.tf': '',
      '.vpc-lens.json': '{}',
      'README.md': '',
    });
    fs.symlinkSync(path.join(root, 'net'), path.join(root, 'linked'), 'dir');
    const asked: string[] = [];
    const excluded = (rel: string) => {
      asked.push(rel);
      return rel === 'generated';
    };
    const logs: string[] = [];
    const found = await discoverFiles(root, excluded, (m) => logs.push(m));
    assert.deepEqual(relative(root, found), ['cfn/stack.yaml', 'net/main.tf', 'net/prod.tfvars']);
    assert.deepEqual(relative(root, found), relative(root, findFiles(['.'], root).files.filter((f) => !f.includes('generated'))));
    assert.ok(asked.includes('generated') && !asked.includes('generated/big.tf'), 'an excluded folder is not entered');
    assert.deepEqual(logs, []);
  });

  test('logs what it cannot read instead of dropping it silently', async () => {
    const root = tree({ 'main.tf': '' });
    fs.symlinkSync(path.join(root, 'missing.tf'), path.join(root, 'dangling.tf'));
    const logs: string[] = [];
    await discoverFiles(root, () => false, (m) => logs.push(m));
    assert.deepEqual(logs, [`VPC Lens: cannot read ${path.join(root, 'dangling.tf')}: no such file or directory`]);

    const gone: string[] = [];
    await discoverFiles(path.join(root, 'nope'), () => false, (m) => gone.push(m));
    assert.deepEqual(gone, [`VPC Lens: cannot read folder ${path.join(root, 'nope')}: no such file or directory`]);
  });

  test('one list of skipped folders and one candidate predicate', () => {
    assert.deepEqual([...SKIPPED_FOLDERS], [...SKIPPED_DIRECTORIES]);
    for (const p of ['/w/main.tf', '/w/a.tfvars', '/w/x.tf.json', '/w/t.yml', '/w/s.template', '/w/app.ts']) assert.ok(isCandidate(p), p);
    for (const p of ['/w/.vpc-lens.json', '/w/index.d.ts', '/w/README.md']) assert.ok(!isCandidate(p), p);
  });

  test('reads text without a byte order mark, as the editor hands it over', async () => {
    const root = tree({ 'main.tf': '\uFEFFvariable "x" {}\n' });
    assert.equal(await readCandidate(path.join(root, 'main.tf'), assert.fail), 'variable "x" {}\n');
  });

  test('skips a file over the shared size cap with a log line, and a vanished file silently', async () => {
    const root = tree({});
    const big = path.join(root, 'big.tf');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, MAX_FILE_BYTES + 1024 * 1024); // sparse: nothing written
    const logs: string[] = [];
    assert.equal(await readCandidate(big, (m) => logs.push(m)), undefined);
    assert.equal(await readCandidate(path.join(root, 'gone.tf'), (m) => logs.push(m)), undefined);
    assert.deepEqual(logs, [`VPC Lens: skipped ${big}: file is too large (21 MB; the limit is 20 MB)`]);
  });
});
