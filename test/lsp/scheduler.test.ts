import assert from 'node:assert/strict';
import { describe, mock, test } from 'node:test';
import { ANALYSIS_DEBOUNCE_MS, AnalysisScheduler } from '../../server/src/lsp/scheduler';

/** A scheduler over a counter "workspace": each analysis returns the state it saw. */
function setup() {
  let state = 0;
  const results: number[] = [];
  const errors: unknown[] = [];
  let fail = false;
  const scheduler = new AnalysisScheduler<number>(
    () => {
      if (fail) throw new Error('boom');
      return state;
    },
    (r) => results.push(r),
    (e) => errors.push(e),
  );
  return {
    scheduler,
    results,
    errors,
    edit: () => {
      state++;
      scheduler.schedule();
    },
    failNext: (v: boolean) => (fail = v),
  };
}

describe('AnalysisScheduler', () => {
  test('debounces a burst of edits into one analysis of the last state', () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const s = setup();
      s.scheduler.resume();
      assert.deepEqual(s.results, [0], 'the first analysis runs on resume');
      for (let i = 0; i < 5; i++) {
        s.edit();
        mock.timers.tick(ANALYSIS_DEBOUNCE_MS - 1);
      }
      assert.deepEqual(s.results, [0]);
      mock.timers.tick(1);
      assert.deepEqual(s.results, [0, 5]);
    } finally {
      mock.timers.reset();
    }
  });

  test('a request analyses pending edits at once and the timer then has nothing to do', () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      const s = setup();
      s.scheduler.resume();
      s.edit();
      assert.equal(s.scheduler.current(), 1);
      mock.timers.tick(ANALYSIS_DEBOUNCE_MS * 2);
      assert.deepEqual(s.results, [0, 1]);
      assert.equal(s.scheduler.current(), 1, 'nothing changed: no new analysis');
      assert.deepEqual(s.results, [0, 1]);
    } finally {
      mock.timers.reset();
    }
  });

  test('holds analyses while paused (indexing) and catches up on resume', () => {
    const s = setup();
    s.edit();
    s.edit();
    assert.equal(s.scheduler.current(), undefined);
    s.scheduler.resume();
    assert.deepEqual(s.results, [2]);
  });

  test('a crashing analysis is reported and the scheduler keeps working', () => {
    const s = setup();
    s.scheduler.resume();
    s.failNext(true);
    s.edit();
    assert.equal(s.scheduler.current(), 0, 'requests get the last good analysis');
    assert.equal(s.errors.length, 1);
    s.failNext(false);
    s.edit();
    assert.equal(s.scheduler.current(), 2);
  });
});
