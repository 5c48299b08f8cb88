// The memory figures BENCHMARKS.md prints for a series of runs: its largest peak RSS and its median page faults.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { UsageTally } from '../../bench/processRunner';

describe('UsageTally', () => {
  test('keeps the largest peak RSS and the median of the page faults', () => {
    const tally = new UsageTally();
    tally.add({ peakRssBytes: 100, minorPageFaults: 30 });
    tally.add({ peakRssBytes: 300, minorPageFaults: 10 });
    tally.add({ peakRssBytes: 200, minorPageFaults: 20 });
    assert.deepEqual(tally.summary(), { peakRssBytes: 300, medianMinorPageFaults: 20 });
  });

  test('leaves out a figure no run could read', () => {
    const tally = new UsageTally();
    tally.add({ minorPageFaults: 5 });
    tally.add({});
    assert.deepEqual(tally.summary(), { medianMinorPageFaults: 5 });
    assert.deepEqual(new UsageTally().summary(), {});
  });
});
