import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createWorkspace } from '../../../server/src/host/createWorkspace';
import { DEFAULT_SETTINGS } from '../../../server/src/core/config/settings';
import type { Diagnostic } from '../../../server/src/core/rules/types';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'terraform-json');

async function analyse(rel: string): Promise<{ text: string; diagnostics: Diagnostic[]; resources: number }> {
  const text = fs.readFileSync(path.join(FIXTURES, rel), 'utf8');
  const ws = await createWorkspace();
  const uri = `file:///ws/${path.basename(rel)}`;
  assert.equal(ws.setFile(uri, text), true, `${rel} is analysed`);
  const analysis = ws.analyze(DEFAULT_SETTINGS);
  return { text, diagnostics: [...(analysis.diagnostics.get(uri) ?? [])], resources: analysis.resources };
}

describe('the same network in .tf and .tf.json', () => {
  test('gives the same findings about the same resources', async () => {
    const hcl = await analyse('hcl/main.tf');
    const json = await analyse('json/main.tf.json');
    const summary = (ds: Diagnostic[]) => ds.map((d) => `${d.ruleId}: ${d.message}`).sort();
    assert.ok(hcl.diagnostics.some((d) => d.ruleId === 'subnet-outside-vpc'), 'the fixture has a finding to compare');
    assert.ok(hcl.diagnostics.some((d) => d.ruleId === 'subnet-overlap'));
    assert.deepEqual(summary(json.diagnostics), summary(hcl.diagnostics));
    assert.equal(json.resources, hcl.resources);
  });

  test('findings land on the JSON values, interpolations on the expression inside the string', async () => {
    const json = await analyse('json/main.tf.json');
    const at = (d: Diagnostic) => json.text.slice(d.span.start, d.span.end);
    const outside = json.diagnostics.find((d) => d.ruleId === 'subnet-outside-vpc');
    assert.equal(outside && at(outside), '"10.1.0.0/24"');
    const overlaps = json.diagnostics.filter((d) => d.ruleId === 'subnet-overlap').map(at).sort();
    assert.deepEqual(overlaps, ['cidrsubnet(var.vpc_cidr, 8, 1)', 'cidrsubnet(var.vpc_cidr, 8, count.index)']);
  });
});
