import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Workspace } from '../../server/src/core/analysis/workspace';
import { DEFAULT_SETTINGS } from '../../server/src/core/config/settings';
import { createWorkspace } from '../../server/src/host/createWorkspace';
import { parseInParallel } from '../../server/src/host/parallelParse';
import { generateWorkspace } from '../bench/workspace';

// Worker threads parse with the same front-ends as the workspace, so an analysis after a parallel parse is
// the analysis after a sequential one: same diagnostics on the same files, same resource count.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'vpc-lens-parallel-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

const generated = generateWorkspace(path.join(scratch, 'ws'), 300, 42);
const extraFiles: Record<string, string> = {
  // A syntax error, a binary file and a var file: their problems must come through a worker too.
  'broken/main.tf': 'resource "aws_vpc" "a" {\n  cidr_block = = "10.0.0.0/16"\n}\nresource "aws_vpc" "b" {\n  cidr_block = "10.1.0.0/16"\n}\n',
  'broken/junk.tf': '\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008 binary',
  'broken/terraform.tfvars': 'name = "x"\n',
};

async function loadedWorkspace(): Promise<Workspace> {
  const ws = await createWorkspace();
  for (const file of generated.files) ws.setFile(pathToFileURL(file).href, fs.readFileSync(file, 'utf8'));
  for (const [name, text] of Object.entries(extraFiles)) ws.setFile(pathToFileURL(path.join(scratch, name)).href, text);
  return ws;
}

function summary(ws: Workspace) {
  const analysis = ws.analyze(DEFAULT_SETTINGS);
  return { files: analysis.files, resources: analysis.resources, diagnostics: [...analysis.diagnostics].sort(([a], [b]) => (a < b ? -1 : 1)) };
}

describe('parallel parsing', () => {
  let sequential: ReturnType<typeof summary>;

  test('the sequential analysis has findings to compare (not a vacuous comparison)', async () => {
    const ws = await loadedWorkspace();
    const result = await parseInParallel(ws, { maxWorkers: 0 });
    assert.equal(result.workers, 0);
    sequential = summary(ws);
    assert.ok(sequential.resources > 100);
    const all = sequential.diagnostics.flatMap(([, d]) => d);
    assert.ok(all.some((d) => d.ruleId === 'parse-error'));
    assert.ok(all.some((d) => d.ruleId !== 'parse-error'));
  });

  test('files parsed by workers only give the same analysis', async () => {
    const ws = await loadedWorkspace();
    const result = await parseInParallel(ws, { minChars: 1, maxWorkers: 2, parseHere: false });
    assert.equal(result.workers, 2);
    assert.equal(result.parsedByWorkers, generated.files.length + Object.keys(extraFiles).length);
    assert.equal(result.parsedHere, 0);
    assert.deepEqual(summary(ws), sequential);
  });

  test('workers and this thread sharing the queue give the same analysis', async () => {
    const ws = await loadedWorkspace();
    const result = await parseInParallel(ws, { minChars: 1, maxWorkers: 1 });
    assert.equal(result.parsedByWorkers + result.parsedHere, generated.files.length + Object.keys(extraFiles).length);
    assert.deepEqual(summary(ws), sequential);
  });

  test('a worker that cannot start leaves its files to this thread, without hanging', async () => {
    const ws = await loadedWorkspace();
    const missing = path.join(scratch, 'no-such-worker.js');
    const result = await parseInParallel(ws, { minChars: 1, maxWorkers: 1, parseHere: false, workerScript: missing });
    assert.equal(result.parsedByWorkers, 0);
    assert.equal(result.parsedHere, generated.files.length + Object.keys(extraFiles).length);
    assert.deepEqual(summary(ws), sequential);
  });

  test('small workspaces are parsed on this thread: a worker would cost more than it saves', async () => {
    const ws = await createWorkspace();
    ws.setFile('file:///small/main.tf', 'resource "aws_vpc" "a" {\n  cidr_block = "10.0.0.0/16"\n}\n');
    ws.setFile('file:///small/other.tf', 'locals {}\n');
    const result = await parseInParallel(ws);
    assert.deepEqual(result, { workers: 0, parsedByWorkers: 0, parsedHere: 2 });
  });
});
