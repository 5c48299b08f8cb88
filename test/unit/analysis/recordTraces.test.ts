import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../../../server/src/core/config/settings';
import { createWorkspace } from '../../../server/src/host/createWorkspace';

// `vpc-lens check` analyses with recordTraces: false (it shows no hovers); the editor keeps the default.
describe('recordTraces', () => {
  const uri = 'file:///ws/main.tf';
  const text =
    'variable "cidr" {\n  default = "10.0.0.0/16"\n}\nresource "aws_vpc" "main" {\n  cidr_block = var.cidr\n}\n' +
    'resource "aws_subnet" "a" {\n  vpc_id     = aws_vpc.main.id\n  cidr_block = cidrsubnet(aws_vpc.main.cidr_block, 8, 300)\n}\n' +
    'resource "aws_subnet" "b" {\n  vpc_id     = aws_vpc.main.id\n  cidr_block = "10.1.0.0/24"\n}\n';

  async function analyse(recordTraces: boolean | undefined) {
    const ws = await createWorkspace();
    ws.setFile(uri, text);
    return ws.analyze({ ...DEFAULT_SETTINGS, ...(recordTraces === undefined ? {} : { recordTraces }) });
  }

  test('by default the value behind a CIDR expression is kept for hovers', async () => {
    const analysis = await analyse(undefined);
    const trace = analysis.traces.at(uri, text.indexOf('var.cidr') + 1);
    assert.deepEqual(trace?.instances.map((i) => i.value), ['10.0.0.0/16']);
  });

  test('without traces the findings are the same and no hover values are kept', async () => {
    const withTraces = await analyse(true);
    const without = await analyse(false);
    const codes = (a: typeof without) => [...a.diagnostics.values()].flat().map((d) => `${d.ruleId}@${d.span.start}`).sort();
    const ids = codes(without).map((c) => c.split('@')[0]);
    assert.ok(ids.includes('evaluation') && ids.includes('subnet-outside-vpc'), `findings: ${ids.join(', ')}`);
    assert.deepEqual(codes(without), codes(withTraces));
    assert.equal(without.traces.at(uri, text.indexOf('var.cidr') + 1), undefined);
    assert.deepEqual(without.traces.inFile(uri), []);
  });

  test('a workspace analysed without traces records them again when asked (its cached roots are not reused)', async () => {
    const ws = await createWorkspace();
    ws.setFile(uri, text);
    assert.deepEqual(ws.analyze({ ...DEFAULT_SETTINGS, recordTraces: false }).traces.inFile(uri), []);
    const again = ws.analyze(DEFAULT_SETTINGS);
    assert.deepEqual(again.traces.at(uri, text.indexOf('var.cidr') + 1)?.instances.map((i) => i.value), ['10.0.0.0/16']);
  });
});
