// File discovery and safe reading (server/src/host/files.ts), shared by the CLI and the language server.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CANDIDATE_GLOB, findFiles, isCandidateFile, MAX_FILE_BYTES, readTextFile, readTextFileAsync } from '../../server/src/host/files';
import { makeWorkspace, removeWorkspace } from './helpers';

const roots: string[] = [];
function tree(files: Record<string, string | Buffer>): string {
  const root = makeWorkspace(files);
  roots.push(root);
  return root;
}
after(() => roots.forEach(removeWorkspace));

const rel = (root: string, files: readonly string[]) => files.map((f) => path.relative(root, f).split(path.sep).join('/'));

describe('findFiles', () => {
  test('walks folders in name order and keeps candidate files only', () => {
    const root = tree({
      'b.tf': '',
      'a.tfvars': '',
      'z/c.tf.json': '',
      'stack.yaml': '',
      'README.md': '',
      'x.tf.bak': '',
      '.vpc-lens.json': '{}',
      'types.d.ts': '',
    });
    const found = findFiles(['.'], root);
    assert.deepEqual(rel(root, found.files), ['a.tfvars', 'b.tf', 'stack.yaml', 'z/c.tf.json']);
    assert.deepEqual(found.problems, []);
  });

  test('skips node_modules, .git and .terraform while walking, but walks them when named', () => {
    const root = tree({ 'main.tf': '', 'node_modules/m/x.tf': '', '.git/y.tf': '', 'sub/.terraform/z.tf': '' });
    assert.deepEqual(rel(root, findFiles(['.'], root).files), ['main.tf']);
    assert.deepEqual(rel(root, findFiles(['node_modules', 'sub/.terraform'], root).files), ['node_modules/m/x.tf', 'sub/.terraform/z.tf']);
  });

  test('a file named as a PATH is returned whatever its name, and only once', () => {
    const root = tree({ 'main.tf': '', 'template.yaml': '' });
    assert.deepEqual(rel(root, findFiles(['template.yaml', '.', 'main.tf'], root).files), ['template.yaml', 'main.tf']);
  });

  test('exclude decides for walked folders and files, never for PATH arguments', () => {
    const root = tree({ 'keep/a.tf': '', 'old/b.tf': '', 'gen.tf': '', 'c.tf': '' });
    const seen: string[] = [];
    const isExcluded = (p: string, isDirectory: boolean) => {
      seen.push(`${path.basename(p)}${isDirectory ? '/' : ''}`);
      return path.basename(p) === 'old' || path.basename(p) === 'gen.tf';
    };
    assert.deepEqual(rel(root, findFiles(['.', 'gen.tf'], root, { isExcluded }).files), ['c.tf', 'keep/a.tf', 'gen.tf']);
    assert.ok(seen.includes('old/') && !seen.includes('b.tf'), 'an excluded folder is not entered');
  });

  test('missing PATH arguments are problems marked as arguments', () => {
    const root = tree({ 'main.tf': '' });
    const found = findFiles(['nope', 'main.tf/child'], root);
    assert.deepEqual(found.files, []);
    assert.deepEqual(
      found.problems.map((p) => [path.basename(p.path), p.kind, p.reason, p.isArgument]),
      [
        ['nope', 'not-found', 'no such file or directory', true],
        ['child', 'not-found', 'no such file or directory', true],
      ],
    );
  });

  test('follows symbolic links without looping, and reports dangling links to source files', () => {
    const root = tree({ 'real/main.tf': '', 'other.tf': '' });
    fs.symlinkSync(root, path.join(root, 'real', 'up'), 'dir');
    fs.symlinkSync(path.join(root, 'real'), path.join(root, 'alias'), 'dir');
    fs.symlinkSync(path.join(root, 'other.tf'), path.join(root, 'real', 'linked.tf'));
    fs.symlinkSync(path.join(root, 'missing'), path.join(root, 'dangling.tf'));
    fs.symlinkSync(path.join(root, 'missing'), path.join(root, 'dangling.txt'));
    const found = findFiles(['.'], root);
    // Real entries before links: the folder reachable as `real` and `alias` is walked once, as `real`.
    assert.deepEqual(rel(root, found.files), ['other.tf', 'real/main.tf', 'real/linked.tf']);
    assert.deepEqual(
      found.problems.map((p) => [path.basename(p.path), p.reason, p.isArgument]),
      [['dangling.tf', 'no such file or directory', false]],
    );
  });
});

describe('readTextFile', () => {
  test('reads UTF-8 and drops a byte order mark', () => {
    const root = tree({ 'a.tf': '\uFEFFvariable "x" {}\n' });
    assert.deepEqual(readTextFile(path.join(root, 'a.tf')), { ok: true, text: 'variable "x" {}\n' });
  });

  test('refuses files over the size limit with a clear reason', () => {
    const root = tree({ 'big.tf': Buffer.alloc(3 * 1024 * 1024, 0x20) });
    const r = readTextFile(path.join(root, 'big.tf'), 2 * 1024 * 1024);
    assert.deepEqual(r, { ok: false, kind: 'too-large', reason: 'file is too large (3 MB; the limit is 2 MB)' });
  });

  test('hands binary content over as text and reports missing files and folders', () => {
    const root = tree({ 'bin.tf': Buffer.from([0, 159, 146, 150, 0]) });
    const bin = readTextFile(path.join(root, 'bin.tf'));
    assert.ok(bin.ok && bin.text.length > 0);
    assert.deepEqual(readTextFile(path.join(root, 'nope.tf')), { ok: false, kind: 'not-found', reason: 'no such file or directory' });
    assert.equal(readTextFile(root).ok, false);
  });

  test('never blocks on a FIFO', async () => {
    const root = tree({});
    const fifo = path.join(root, 'pipe.tf');
    const { spawnSync } = await import('node:child_process');
    spawnSync('mkfifo', [fifo]);
    assert.deepEqual(readTextFile(fifo), { ok: false, kind: 'unreadable', reason: 'not a regular file' });
    assert.deepEqual(await readTextFileAsync(fifo), { ok: false, kind: 'unreadable', reason: 'not a regular file' });
  });

  test('the sync and async readers give the same answers, with one size cap by default', async () => {
    const root = tree({ 'a.tf': '\uFEFFx = 1\n', 'dir.tf/keep': '' });
    const big = path.join(root, 'big.tf');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, MAX_FILE_BYTES + 1024 * 1024); // sparse: nothing written
    for (const file of ['a.tf', 'dir.tf', 'nope.tf', 'big.tf'].map((f) => path.join(root, f))) {
      assert.deepEqual(await readTextFileAsync(file), readTextFile(file), file);
    }
    assert.deepEqual(readTextFile(big), { ok: false, kind: 'too-large', reason: 'file is too large (21 MB; the limit is 20 MB)' });
  });
});

describe('isCandidateFile', () => {
  test('takes every ending a front-end may claim, by name or path; the workspace decides what it analyses', () => {
    const candidates = ['main.tf', 'prod.tfvars', 'x.tf.json', 'x.tfvars.json', 'stack.json', 'a.yaml', 'a.yml', 'vpc.template', 'stack.ts', 'MAIN.TF', '/abs/dir/main.tf'];
    for (const name of candidates) assert.ok(isCandidateFile(name), name);
    const others = ['main.tf.bak', 'tf', 'README.md', 'main.tfstate', 'index.d.ts', '.vpc-lens.json', '/abs/.vpc-lens.json', 'script.js'];
    for (const name of others) assert.ok(!isCandidateFile(name), name);
  });

  test('the watcher glob names the same endings', () => {
    assert.equal(CANDIDATE_GLOB, '**/*.{tf,tfvars,json,yaml,yml,template,ts}');
  });
});
