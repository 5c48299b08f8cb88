import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Analysis, Workspace } from '../../server/src/core/analysis/workspace';
import { DEFAULT_SETTINGS } from '../../server/src/core/config/settings';
import { createWorkspace } from '../../server/src/host/createWorkspace';
import { analyzeInParallel } from '../../server/src/host/parallelCheck';
import { generateWorkspace } from '../bench/workspace';

// A parallel check splits the Terraform roots between threads and merges what they found: the user must see
// exactly the diagnostics of a check on one thread, whatever the threads do (deliver, fail, never start).
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'vpc-lens-parallel-check-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

const generated = generateWorkspace(path.join(scratch, 'ws'), 600, 7);
const repo = path.resolve(__dirname, '..', '..');
/** Terraform examples, plus CloudFormation and a CDK app with its cdk.out (front-ends that stay on share 0). */
const samples = ['examples', 'test/fixtures/realistic', 'test/fixtures/cdk/with-cdk-out'].map((dir) => path.join(repo, dir));
const extraFiles: Record<string, string> = {
  // A syntax error, binary junk and a suppression comment: share 0 reports parse errors once, and every share
  // honours suppressions in the files its roots read.
  'broken/main.tf': 'resource "aws_vpc" "a" {\n  cidr_block = = "10.0.0.0/16"\n}\nresource "aws_vpc" "b" {\n  cidr_block = "10.1.0.0/16"\n}\n',
  'broken/junk.tf': '\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008 binary',
  'quiet/main.tf':
    'resource "aws_vpc" "v" { # vpc-lens-ignore vpc-flow-logs\n  cidr_block = "10.9.0.0/16"\n}\nresource "aws_subnet" "s" {\n  vpc_id     = aws_vpc.v.id\n  # vpc-lens-ignore cidr-host-bits\n  cidr_block = "10.9.1.7/24"\n}\nresource "aws_subnet" "t" {\n  vpc_id     = aws_vpc.v.id\n  cidr_block = "10.9.2.7/24"\n}\n',
};

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

async function loadedWorkspace(): Promise<Workspace> {
  const ws = await createWorkspace();
  for (const file of [...generated.files, ...samples.flatMap(walk)]) ws.setFile(pathToFileURL(file).href, fs.readFileSync(file, 'utf8'));
  for (const [name, text] of Object.entries(extraFiles)) ws.setFile(pathToFileURL(path.join(scratch, name)).href, text);
  return ws;
}

function summary(analysis: Analysis) {
  return {
    files: analysis.files,
    resources: analysis.resources,
    diagnostics: [...analysis.diagnostics].sort(([a], [b]) => (a < b ? -1 : 1)),
  };
}

const errors: string[] = [];
const log = (message: string) => errors.push(message);

describe('parallel check', () => {
  let sequential: ReturnType<typeof summary>;

  test('the one-thread check has findings of every kind to compare (not a vacuous comparison)', async () => {
    const ws = await loadedWorkspace();
    const result = await analyzeInParallel(ws, DEFAULT_SETTINGS, log, { maxWorkers: 0 });
    assert.equal(result.workers, 0);
    sequential = summary(result.analysis);
    assert.ok(sequential.resources > 500);
    const all = sequential.diagnostics.flatMap(([, d]) => d);
    const codes = new Set(all.map((d) => d.ruleId));
    for (const code of ['parse-error', 'subnet-overlap', 'cidr-host-bits']) assert.ok(codes.has(code), `no ${code} finding`);
    // The suppressed finding is gone, its unsuppressed neighbour is there.
    const quiet = all.filter((d) => d.span.file.endsWith('/quiet/main.tf')).map((d) => d.ruleId);
    assert.deepEqual(quiet, ['cidr-host-bits']);
    // Findings of a CDK app and of its synthesized template are part of it.
    assert.ok(all.some((d) => d.span.file.endsWith('/net-stack.ts')));
    assert.ok(all.some((d) => d.span.file.endsWith('/NetStack.template.json')));
  });

  test('two threads, each with a share of the roots, give the same diagnostics', async () => {
    const ws = await loadedWorkspace();
    const result = await analyzeInParallel(ws, DEFAULT_SETTINGS, log, { minChars: 1, maxWorkers: 1 });
    assert.deepEqual({ workers: result.workers, sharesRedone: result.sharesRedone }, { workers: 1, sharesRedone: 0 });
    assert.deepEqual(summary(result.analysis), sequential);
  });

  test('three threads give the same diagnostics', async () => {
    const ws = await loadedWorkspace();
    const result = await analyzeInParallel(ws, DEFAULT_SETTINGS, log, { minChars: 1, maxWorkers: 2 });
    assert.deepEqual({ workers: result.workers, sharesRedone: result.sharesRedone }, { workers: 2, sharesRedone: 0 });
    assert.deepEqual(summary(result.analysis), sequential);
  });

  test('a worker that cannot start leaves its share to this thread, without hanging', async () => {
    const ws = await loadedWorkspace();
    const missing = path.join(scratch, 'no-such-worker.js');
    const result = await analyzeInParallel(ws, DEFAULT_SETTINGS, log, { minChars: 1, maxWorkers: 1, workerScript: missing });
    assert.deepEqual({ workers: result.workers, sharesRedone: result.sharesRedone }, { workers: 1, sharesRedone: 1 });
    assert.deepEqual(summary(result.analysis), sequential);
  });

  test('a worker whose script throws leaves its share to this thread', async () => {
    const ws = await loadedWorkspace();
    const failing = path.join(scratch, 'failing-worker.js');
    fs.writeFileSync(failing, "throw new Error('worker broke');\n");
    const result = await analyzeInParallel(ws, DEFAULT_SETTINGS, log, { minChars: 1, maxWorkers: 1, workerScript: failing });
    assert.equal(result.sharesRedone, 1);
    assert.deepEqual(summary(result.analysis), sequential);
  });

  test('small workspaces are checked on this thread: a worker would cost more than it saves', async () => {
    const ws = await createWorkspace();
    ws.setFile('file:///small/main.tf', 'resource "aws_vpc" "a" {\n  cidr_block = "10.0.0.0/16"\n}\n');
    const result = await analyzeInParallel(ws, DEFAULT_SETTINGS, log);
    assert.equal(result.workers, 0);
    assert.equal(result.analysis.resources, 1);
  });
});
