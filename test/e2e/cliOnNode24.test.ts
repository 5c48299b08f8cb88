// `vpc-lens` on a newer Node than the one the project runs on: the Node 24 that setup.sh installs for
// code-server. package.json allows any Node from 20 on, and one of the launcher's one-shot V8 settings
// (`--interrupt-budget`) exists only on Node 20's V8 (cli/launch/v8Tuning.ts): set elsewhere, V8 would print
// "Error: unrecognized flag" on every run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { node24, repoRoot } from './lib/paths';

// The runs take the CLI's defaults: no timing lines, V8 settings and code cache as a user gets them.
const { VPC_LENS_TIMING, VPC_LENS_V8_TUNING, VPC_LENS_CODE_CACHE, ...defaultEnv } = process.env;

function check(node: string): { status: number | null; stdout: string; stderr: string } {
  const cli = path.join(repoRoot, 'dist', 'cli.js');
  const result = spawnSync(node, [cli, 'check', 'examples', '--format', 'json', '--fail-on', 'never'], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...defaultEnv, NO_COLOR: '1' },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('vpc-lens check on Node 24 prints the findings it prints on Node 20, and nothing on stderr', () => {
  assert.ok(fs.existsSync(node24), `${node24} missing: run bash test/e2e/setup.sh`);
  const version = spawnSync(node24, ['--version'], { encoding: 'utf8' }).stdout.trim();
  assert.match(version, /^v24\./);

  const current = check(process.execPath);
  assert.equal(current.status, 0, current.stderr);
  const expected = JSON.parse(current.stdout) as { resources: number; diagnostics: { code: string }[] };
  assert.ok(expected.resources > 0 && expected.diagnostics.length > 0, 'examples/ has resources and planted findings');

  // Twice: the first run on this Node finds no code cache for it and writes one, the second runs from it.
  for (const run of [1, 2]) {
    const newer = check(node24);
    assert.equal(newer.status, 0, `run ${run}: ${newer.stderr}`);
    assert.equal(newer.stderr, '', `run ${run}: stderr`);
    assert.deepEqual(JSON.parse(newer.stdout), expected, `run ${run}: the same report as on ${process.version}`);
  }
});
