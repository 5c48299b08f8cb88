import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { shareOf } from '../../../server/src/core/analysis/shards';
import { Workspace } from '../../../server/src/core/analysis/workspace';
import { DEFAULT_SETTINGS } from '../../../server/src/core/config/settings';
import { createWorkspace } from '../../../server/src/host/createWorkspace';

describe('shareOf', () => {
  const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
  const weights: Record<string, number> = { a: 10, b: 70, c: 30, d: 30, e: 5, f: 50, g: 5 };

  test('every item is in exactly one share, in the original order', () => {
    for (const count of [1, 2, 3, 5, 9]) {
      const shares = Array.from({ length: count }, (_, index) => shareOf(items, (i) => weights[i]!, { index, count }));
      assert.deepEqual(shares.flat().sort(), [...items].sort(), `count ${count}`);
      for (const share of shares) assert.deepEqual(share, items.filter((i) => share.includes(i)));
    }
  });

  test('shares are about equal in weight (largest first, to the lightest share)', () => {
    const weightOf = (share: string[]) => share.reduce((n, i) => n + weights[i]!, 0);
    const [zero, one] = [0, 1].map((index) => weightOf(shareOf(items, (i) => weights[i]!, { index, count: 2 })));
    assert.deepEqual([zero, one].sort(), [100, 100]);
  });

  test('every thread computes the same split (ties go to the lower share)', () => {
    const flat = ['x', 'y', 'z', 'w'];
    assert.deepEqual(shareOf(flat, () => 1, { index: 0, count: 2 }), ['x', 'z']);
    assert.deepEqual(shareOf(flat, () => 1, { index: 1, count: 2 }), ['y', 'w']);
  });
});

describe('sharded analysis of Terraform roots', () => {
  const files: Record<string, string> = {
    'file:///ws/a/main.tf': 'resource "aws_vpc" "a" {\n  cidr_block = "10.0.0.0/16"\n}\nresource "aws_subnet" "s" {\n  vpc_id     = aws_vpc.a.id\n  cidr_block = "10.1.0.0/24"\n}\n',
    'file:///ws/b/main.tf': 'module "net" {\n  source = "../mod"\n}\n',
    'file:///ws/c/main.tf': 'resource "aws_vpc" "c" {\n  cidr_block = "10.2.0.7/16"\n}\n',
    'file:///ws/mod/main.tf': 'resource "aws_vpc" "m" {\n  cidr_block = "10.3.0.0/16"\n}\nresource "aws_subnet" "m" {\n  vpc_id     = aws_vpc.m.id\n  cidr_block = "10.4.0.0/24"\n}\n',
    'file:///ws/broken/main.tf': 'resource "aws_vpc" "x" {\n  cidr_block = = "10.0.0.0/16"\n}\n',
  };

  async function loaded() {
    const ws = await createWorkspace();
    for (const [uri, text] of Object.entries(files)) ws.setFile(uri, text);
    return ws;
  }

  test('the shares split the roots between them, and share 0 alone reports syntax errors', async () => {
    const count = 2;
    const passes = [];
    for (let index = 0; index < count; index++) passes.push((await loaded()).analyzeUnits(DEFAULT_SETTINGS, { index, count }));
    const keys = passes.map((p) => p.units.map((u) => u.unit.key));
    assert.ok(keys.every((k) => k.length > 0), 'each share has roots');
    assert.deepEqual(keys.flat().sort(), ['a', 'b', 'broken', 'c'].map((r) => `terraform:file:///ws/${r}`));
    assert.deepEqual(passes.map((p) => p.problems.map((x) => x.code)), [['parse-error'], []]);
  });

  test('merging the other shares gives the diagnostics of the whole analysis', async () => {
    const whole = (await loaded()).analyze(DEFAULT_SETTINGS);
    const ws = await loaded();
    const own = ws.analyzeUnits(DEFAULT_SETTINGS, { index: 0, count: 3 });
    const others = await Promise.all(
      [1, 2].map(async (index) => Workspace.shardResult((await loaded()).analyzeUnits(DEFAULT_SETTINGS, { index, count: 3 }))),
    );
    const merged = ws.finish(own, others);
    assert.deepEqual([...merged.diagnostics], [...whole.diagnostics]);
    assert.equal(merged.resources, whole.resources);
    const codes = [...whole.diagnostics.values()].flat().map((d) => d.ruleId);
    for (const code of ['parse-error', 'subnet-outside-vpc', 'cidr-host-bits']) assert.ok(codes.includes(code), code);
  });
});
