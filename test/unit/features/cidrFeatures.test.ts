import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TraceIndex } from '../../../server/src/core/analysis/traceIndex';
import { hoverAt } from '../../../server/src/core/features/hover';
import { inlayHintsFor } from '../../../server/src/core/features/inlayHints';
import type { ValueTrace } from '../../../server/src/core/frontends/types';
import { computeFacts } from '../../../server/src/core/model/facts-impl';
import { NetworkModel } from '../../../server/src/core/model/network';

const FILE = 'file:///w/main.tf';

function analysisOf(traces: ValueTrace[]) {
  const model = new NetworkModel([]);
  return { model, facts: computeFacts(model), traces: new TraceIndex(traces) };
}

const traceOf = (start: number, values: string[], owner = 'aws_subnet.x'): ValueTrace => ({
  span: { file: FILE, start, end: start + 10 },
  instances: values.map((value, i) => ({ label: values.length > 1 ? `[${i}]` : undefined, value })),
  owner,
  attribute: 'cidr_block',
});

describe('inlay hints', () => {
  test('one count when every instance has the same size, a range when they differ', () => {
    const a = analysisOf([traceOf(0, ['10.0.0.0/24', '10.0.1.0/24']), traceOf(20, ['10.0.0.0/28', '10.0.1.0/24'])]);
    assert.deepEqual(inlayHintsFor(a, FILE), [
      { offset: 10, label: '251 usable' },
      { offset: 30, label: '11–251 usable' },
    ]);
  });

  test('nothing for invalid blocks or expressions without an owner', () => {
    const a = analysisOf([traceOf(0, ['10.0.0.300/24']), { ...traceOf(20, ['10.0.0.0/24']), owner: undefined }]);
    assert.deepEqual(inlayHintsFor(a, FILE), []);
  });
});

describe('CIDR hover', () => {
  test('an invalid block shows why it does not parse', () => {
    const h = hoverAt(analysisOf([traceOf(0, ['10.0.0.300/24'])]), () => undefined, FILE, 3);
    assert.match(h!.markdown, /Invalid CIDR block/);
    assert.match(h!.markdown, /octet 300/);
  });

  test('long instance lists are cut with "and N more"', () => {
    const values = Array.from({ length: 30 }, (_, i) => `10.0.${i}.0/24`);
    const h = hoverAt(analysisOf([traceOf(0, values)]), () => undefined, FILE, 3);
    assert.match(h!.markdown, /30 instances/);
    assert.match(h!.markdown, /`\[19\]` 10\.0\.19\.0\/24 · 251 usable/);
    assert.doesNotMatch(h!.markdown, /`\[20\]`/);
    assert.match(h!.markdown, /and 10 more/);
  });

  test('a literal outside any resource gets the AWS math from the text alone', () => {
    const text = 'locals {\n  office = "10.20.0.0/28"\n}\n';
    const h = hoverAt(analysisOf([]), () => text, FILE, text.indexOf('10.20') + 2);
    assert.match(h!.markdown, /11 usable/);
    assert.match(h!.markdown, /10\.20\.0\.15/);
    assert.deepEqual(h!.span, { file: FILE, start: text.indexOf('10.20'), end: text.indexOf('10.20') + '10.20.0.0/28'.length });
  });
});
