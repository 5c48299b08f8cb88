/**
 * Larger generated networks (the benchmark's generator, test/bench/workspace.ts): many Terraform roots with
 * VPCs over 2-3 AZs, cidrsubnet() tiers, NAT per AZ, route tables, security groups, NACLs and a shared endpoints
 * module. Every fourth root gets planted mistakes, each marked in the source with `# Planted mistake (<rule id>).`
 * The whole catalog must report exactly those: every finding is either of a rule planted in its file (an
 * overlap is reported on both subnets) or on a planted resource itself (a planted duplicate NACL rule number is
 * also shadowed), and every planted rule is found. A finding anywhere else is a false positive on a correct
 * network.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createWorkspace } from '../../../server/src/host/createWorkspace';
import { DEFAULT_SETTINGS } from '../../../server/src/core/config/settings';
import { generateWorkspace } from '../../bench/workspace';

const PLANTED = /# Planted mistake \(([a-z0-9-]+)\)\./g;

interface Planted {
  readonly ids: Set<string>;
  /** Offsets of the resource blocks holding a planted mistake. */
  readonly blocks: { start: number; end: number }[];
}

/** The planted mistakes of one file: their rule ids and the `resource` blocks they sit in. */
function plantedIn(text: string): Planted | undefined {
  const marks = [...text.matchAll(PLANTED)];
  if (marks.length === 0) return undefined;
  const blocks = marks.map((m) => {
    const start = text.lastIndexOf('\nresource "', m.index) + 1;
    const close = text.indexOf('\n}', m.index);
    return { start, end: close < 0 ? text.length : close + 2 };
  });
  return { ids: new Set(marks.map((m) => m[1]!)), blocks };
}

test('a generated 2,000-resource workspace yields exactly its planted mistakes', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vpc-lens-generated-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const generated = generateWorkspace(dir, 2_000, 4_242);

  const ws = await createWorkspace();
  const plantedByFile = new Map<string, Planted>();
  for (const file of generated.files) {
    const uri = pathToFileURL(file).href;
    const text = fs.readFileSync(file, 'utf8');
    ws.setFile(uri, text);
    const planted = plantedIn(text);
    if (planted) plantedByFile.set(uri, planted);
  }
  const analysis = ws.analyze(DEFAULT_SETTINGS);

  const unexpected: string[] = [];
  const found = new Set<string>();
  for (const [uri, diagnostics] of analysis.diagnostics) {
    for (const d of diagnostics) {
      const planted = plantedByFile.get(uri);
      if (planted?.ids.has(d.ruleId)) found.add(d.ruleId);
      else if (!planted?.blocks.some((b) => b.start <= d.span.start && d.span.start < b.end)) unexpected.push(`${path.relative(dir, new URL(uri).pathname)}: ${d.ruleId} ${d.message}`);
    }
  }
  const planted = new Set([...plantedByFile.values()].flatMap((p) => [...p.ids]));
  t.diagnostic(`${generated.resourceBlocks} resource blocks in ${generated.roots} roots; planted: ${[...planted].sort().join(', ')}`);

  assert.ok(generated.plantedMistakes > 0 && planted.size >= 3, 'the generator planted mistakes of several rules');
  assert.deepEqual(unexpected, [], 'findings that are not planted mistakes (false positives)');
  assert.deepEqual([...found].sort(), [...planted].sort(), 'every planted rule is reported');
});
