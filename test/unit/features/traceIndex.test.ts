import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TraceIndex } from '../../../server/src/core/analysis/traceIndex';
import type { ValueTrace } from '../../../server/src/core/frontends/types';

const trace = (file: string, start: number, end: number, value = `${start}`): ValueTrace => ({
  span: { file, start, end },
  instances: [{ value }],
});

describe('TraceIndex', () => {
  const outer = trace('a.tf', 10, 60, 'outer');
  const inner = trace('a.tf', 20, 30, 'inner');
  const later = trace('a.tf', 70, 80, 'later');
  const other = trace('b.tf', 10, 60, 'other');
  const index = new TraceIndex([later, other, inner, outer]);

  test('finds the innermost trace under the cursor, ends inclusive', () => {
    assert.equal(index.at('a.tf', 25), inner);
    assert.equal(index.at('a.tf', 20), inner);
    assert.equal(index.at('a.tf', 30), inner);
    assert.equal(index.at('a.tf', 31), outer);
    assert.equal(index.at('a.tf', 10), outer);
    assert.equal(index.at('a.tf', 75), later);
  });

  test('finds nothing between traces or in other files', () => {
    assert.equal(index.at('a.tf', 65), undefined);
    assert.equal(index.at('a.tf', 5), undefined);
    assert.equal(index.at('c.tf', 25), undefined);
    assert.equal(index.at('b.tf', 25), other);
  });

  test('lists a file in source order', () => {
    assert.deepEqual(index.inFile('a.tf').map((t) => t.instances[0]!.value), ['outer', 'inner', 'later']);
    assert.deepEqual(index.inFile('c.tf'), []);
  });

  test('stays correct with many nested and disjoint traces', () => {
    const many: ValueTrace[] = [];
    for (let i = 0; i < 1000; i++) many.push(trace('big.tf', i * 10, i * 10 + 5));
    many.push(trace('big.tf', 0, 100_000, 'whole'));
    const big = new TraceIndex(many);
    assert.equal(big.at('big.tf', 5003)?.span.start, 5000);
    assert.equal(big.at('big.tf', 5007)?.instances[0]!.value, 'whole');
  });
});
