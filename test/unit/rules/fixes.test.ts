import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createWorkspace } from '../../../server/src/host/createWorkspace';
import { DEFAULT_SETTINGS } from '../../../server/src/core/config/settings';
import type { TextEdit } from '../../../server/src/core/rules/types';

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.span.start - a.span.start).reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.end), text);
}

test('the cidr-host-bits fix rewrites the literal and keeps valid HCL', async () => {
  const uri = 'file:///fixture/main.tf';
  const text = ['resource "aws_vpc" "main" {', '  cidr_block = "10.0.1.7/16"', '}', ''].join('\n');
  const ws = await createWorkspace();
  ws.setFile(uri, text);
  const hostBits = (ws.analyze(DEFAULT_SETTINGS).diagnostics.get(uri) ?? []).filter((d) => d.ruleId === 'cidr-host-bits');
  assert.equal(hostBits.length, 1, 'one cidr-host-bits diagnostic');
  const fix = hostBits[0]!.fixes?.[0];
  assert.ok(fix, 'a fix is offered');
  const fixed = applyEdits(text, fix.edits);
  assert.equal(fixed, text.replace('"10.0.1.7/16"', '"10.0.0.0/16"'));

  ws.setFile(uri, fixed);
  const after = ws.analyze(DEFAULT_SETTINGS).diagnostics.get(uri) ?? [];
  assert.deepEqual(after.filter((d) => d.ruleId === 'cidr-host-bits' || d.ruleId === 'parse-error'), [], 'the fixed file parses and has no host bits');
});
