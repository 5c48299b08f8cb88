// The `vpc-lens` launcher runs the CLI bundle from V8's code cache (server/src/cli/launch/codeCache.ts). These
// tests run a copy of dist/ in a temporary folder, so that they own its cache files.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { generateWorkspace } from '../bench/workspace';
import { HOST_BITS_TF, REPO_ROOT, ensureCliBuilt, hasStackTrace, makeWorkspace, removeWorkspace } from './helpers';

const DIST = path.join(REPO_ROOT, 'dist');
let copy: string;
let project: string;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(env: Record<string, string> = {}, cwd: string = project): Run {
  const result = spawnSync(process.execPath, [path.join(copy, 'cli.js'), 'check', '.', '--format', 'json'], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', VPC_LENS_TIMING: '1', ...env },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const cacheFiles = (): string[] => fs.readdirSync(copy).filter((f) => f.endsWith('.codecache'));
const cacheState = (r: Run): string | undefined => /^vpc-lens: code cache: (\w+)/m.exec(r.stderr)?.[1];
/** The report without its run-dependent parts (none today), for comparing runs. */
const diagnosticsOf = (r: Run): unknown => (JSON.parse(r.stdout) as { diagnostics: unknown }).diagnostics;

before(() => {
  ensureCliBuilt();
  copy = fs.mkdtempSync(path.join(os.tmpdir(), 'vpc-lens-dist-'));
  for (const f of fs.readdirSync(DIST)) {
    if (f === 'cli.js' || f === 'cliMain.js' || f.endsWith('.wasm')) fs.copyFileSync(path.join(DIST, f), path.join(copy, f));
  }
  project = makeWorkspace({ 'main.tf': HOST_BITS_TF });
});
after(() => {
  fs.rmSync(copy, { recursive: true, force: true });
  removeWorkspace(project);
});

describe('vpc-lens code cache', () => {
  test('npm run build leaves a cache for the CLI bundle, and the CLI uses it', () => {
    // One for plain `node`; runs with other Node flags (--cpu-prof) may have added their own since the build.
    assert.ok(fs.readdirSync(DIST).some((f) => f.endsWith('.codecache')), 'dist/ holds a code cache');
    const version = spawnSync(process.execPath, [path.join(DIST, 'cli.js'), '--version'], {
      encoding: 'utf8',
      env: { ...process.env, VPC_LENS_TIMING: '1' },
    });
    assert.equal(version.status, 0);
    assert.match(version.stderr, /^vpc-lens: code cache: used \(cliMain\.[0-9a-f]{16}\.codecache\)$/m);
  });

  test('a run without a cache writes one, the next run uses it, and both report the same findings', () => {
    for (const f of cacheFiles()) fs.rmSync(path.join(copy, f));
    const first = run();
    assert.equal(cacheState(first), 'none');
    assert.equal(first.status, 0, first.stderr); // cidr-host-bits is a warning: exit 0 under the default --fail-on
    assert.equal(cacheFiles().length, 1);
    const second = run();
    assert.equal(cacheState(second), 'used');
    assert.equal(second.status, first.status);
    assert.deepEqual(diagnosticsOf(second), diagnosticsOf(first));
    assert.ok(JSON.stringify(diagnosticsOf(first)).includes('cidr-host-bits'));
  });

  test('a corrupt cache is rejected, the check still runs, and the cache is written anew', () => {
    if (cacheFiles().length === 0) run();
    const [file] = cacheFiles();
    fs.writeFileSync(path.join(copy, file!), Buffer.from('not a V8 code cache'.repeat(50)));
    const rejected = run();
    assert.equal(cacheState(rejected), 'rejected');
    assert.equal(rejected.status, 0);
    assert.ok(!hasStackTrace(rejected.stderr), rejected.stderr);
    assert.ok(JSON.stringify(diagnosticsOf(rejected)).includes('cidr-host-bits'));
    assert.equal(cacheState(run()), 'used');
  });

  test('a changed bundle does not use the cache of the old one', () => {
    if (cacheFiles().length === 0) run();
    const before = cacheFiles();
    fs.appendFileSync(path.join(copy, 'cliMain.js'), '\n// changed\n');
    const changed = run();
    assert.equal(cacheState(changed), 'none');
    assert.ok(JSON.stringify(diagnosticsOf(changed)).includes('cidr-host-bits'));
    assert.equal(cacheFiles().filter((f) => !before.includes(f)).length, 1, 'a cache for the changed bundle');
  });

  test('runs with and without the one-shot V8 settings keep a cache each and report the same findings', () => {
    for (const f of cacheFiles()) fs.rmSync(path.join(copy, f));
    const tuned = run();
    assert.match(tuned.stderr, /^vpc-lens: v8 flags: --interrupt-budget=\d+ --no-regexp-tier-up$/m);
    const untuned = run({ VPC_LENS_V8_TUNING: 'off' });
    assert.doesNotMatch(untuned.stderr, /v8 flags/);
    assert.equal(cacheState(untuned), 'none', 'a cache made under other V8 flags is not offered to V8');
    assert.equal(cacheFiles().length, 2);
    // Neither run throws the other's cache away: both find theirs again.
    assert.equal(cacheState(run()), 'used');
    assert.equal(cacheState(run({ VPC_LENS_V8_TUNING: 'off' })), 'used');
    assert.deepEqual(diagnosticsOf(untuned), diagnosticsOf(tuned));
    assert.ok(JSON.stringify(diagnosticsOf(tuned)).includes('cidr-host-bits'));
  });

  test('a bundle that is not plain ASCII is read as UTF-8 and runs from its cache', () => {
    // Read as latin1, the two-byte letters would become two characters each and this line would throw.
    fs.appendFileSync(path.join(copy, 'cliMain.js'), '\nif ("Übergröße 网络".length !== 12) throw new Error("bundle text misread");\n');
    const first = run();
    assert.equal(cacheState(first), 'none');
    assert.equal(first.status, 0, first.stderr);
    assert.ok(JSON.stringify(diagnosticsOf(first)).includes('cidr-host-bits'));
    const second = run();
    assert.equal(cacheState(second), 'used');
    assert.deepEqual(diagnosticsOf(second), diagnosticsOf(first));
  });

  test('a first run large enough to cap V8\'s young generation leaves a cache that later runs use', () => {
    // The cap changes a V8 flag mid-run, and V8 stamps a cache with the flags in force when it is made: unless
    // the cap is lifted before the exit, every later run rejects that cache (and writes it again).
    const large = fs.mkdtempSync(path.join(os.tmpdir(), 'vpc-lens-large-'));
    try {
      generateWorkspace(large, 2000, 7);
      for (const f of cacheFiles()) fs.rmSync(path.join(copy, f));
      const first = run({}, large);
      assert.equal(cacheState(first), 'none');
      assert.equal(first.status, 1, first.stderr); // the generator plants mistakes
      if (process.versions.v8.startsWith('11.3.')) assert.match(first.stderr, /^vpc-lens: young generation capped at \d+ MiB per semi-space$/m);
      const second = run({}, large);
      assert.equal(cacheState(second), 'used');
      assert.deepEqual(diagnosticsOf(second), diagnosticsOf(first));
      assert.equal(cacheState(run()), 'used', 'a small project uses it too');
    } finally {
      fs.rmSync(large, { recursive: true, force: true });
    }
  });

  test('VPC_LENS_CODE_CACHE=off runs the bundle as a plain module and writes nothing', () => {
    for (const f of cacheFiles()) fs.rmSync(path.join(copy, f));
    const off = run({ VPC_LENS_CODE_CACHE: 'off' });
    assert.equal(cacheState(off), 'off');
    assert.equal(off.status, 0);
    assert.ok(JSON.stringify(diagnosticsOf(off)).includes('cidr-host-bits'));
    assert.deepEqual(cacheFiles(), []);
  });
});
