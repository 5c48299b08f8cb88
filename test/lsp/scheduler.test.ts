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

/** Runs a test body with mocked timers, so "time passes" only when the test ticks. */
function withMockTimers(body: () => void): void {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    body();
  } finally {
    mock.timers.reset();
  }
}

describe('AnalysisScheduler', () => {
  test('an edit after a quiet period is analysed at once, without waiting for a timer', () => {
    withMockTimers(() => {
      const s = setup();
      s.scheduler.resume();
      assert.deepEqual(s.results, [0], 'the first analysis runs on resume');
      s.edit();
      assert.deepEqual(s.results, [0, 1]);
      mock.timers.tick(ANALYSIS_DEBOUNCE_MS * 2);
      assert.deepEqual(s.results, [0, 1], 'nothing pending: the timer adds no analysis');
      s.edit();
      assert.deepEqual(s.results, [0, 1, 2], 'quiet again: the next edit is analysed at once too');
    });
  });

  test('a burst of edits is analysed on its first edit and once more for its last state', () => {
    withMockTimers(() => {
      const s = setup();
      s.scheduler.resume();
      s.edit();
      for (let i = 0; i < 5; i++) {
        mock.timers.tick(ANALYSIS_DEBOUNCE_MS - 1);
        s.edit();
      }
      assert.deepEqual(s.results, [0, 1], 'edits closer than the delay wait while they keep coming');
      mock.timers.tick(ANALYSIS_DEBOUNCE_MS - 1);
      assert.deepEqual(s.results, [0, 1]);
      mock.timers.tick(1);
      assert.deepEqual(s.results, [0, 1, 6], 'the burst ends: its last state is analysed once');
      s.edit();
      assert.deepEqual(s.results, [0, 1, 6, 7], 'after the trailing analysis the next edit is a leading one');
    });
  });

  test('edits further apart than the delay are each analysed at once', () => {
    withMockTimers(() => {
      const s = setup();
      s.scheduler.resume();
      for (let i = 1; i <= 3; i++) {
        s.edit();
        assert.deepEqual(s.results.at(-1), i);
        mock.timers.tick(ANALYSIS_DEBOUNCE_MS);
      }
      assert.deepEqual(s.results, [0, 1, 2, 3]);
    });
  });

  test('a request analyses pending edits at once and the timer then has nothing to do', () => {
    withMockTimers(() => {
      const s = setup();
      s.scheduler.resume();
      s.edit();
      s.edit();
      assert.deepEqual(s.results, [0, 1]);
      assert.equal(s.scheduler.current(), 2, 'the request sees the text as it is now');
      mock.timers.tick(ANALYSIS_DEBOUNCE_MS * 2);
      assert.deepEqual(s.results, [0, 1, 2]);
      assert.equal(s.scheduler.current(), 2, 'nothing changed: no new analysis');
      assert.deepEqual(s.results, [0, 1, 2]);
    });
  });

  test('holds analyses while paused (indexing) and catches up on resume', () => {
    withMockTimers(() => {
      const s = setup();
      s.edit();
      s.edit();
      assert.equal(s.scheduler.current(), undefined);
      mock.timers.tick(ANALYSIS_DEBOUNCE_MS * 2);
      assert.deepEqual(s.results, []);
      s.scheduler.resume();
      assert.deepEqual(s.results, [2]);
    });
  });

  test('pausing during a burst drops its trailing analysis until resume', () => {
    withMockTimers(() => {
      const s = setup();
      s.scheduler.resume();
      s.edit();
      s.edit();
      s.scheduler.pause();
      mock.timers.tick(ANALYSIS_DEBOUNCE_MS * 2);
      assert.deepEqual(s.results, [0, 1]);
      s.scheduler.resume();
      assert.deepEqual(s.results, [0, 1, 2]);
    });
  });

  test('a crashing analysis is reported and the scheduler keeps working', () => {
    withMockTimers(() => {
      const s = setup();
      s.scheduler.resume();
      s.failNext(true);
      s.edit();
      assert.equal(s.errors.length, 1, 'the leading analysis crashed and was reported');
      assert.equal(s.scheduler.current(), 0, 'requests get the last good analysis');
      assert.equal(s.errors.length, 1, 'the same input is not retried');
      s.failNext(false);
      mock.timers.tick(ANALYSIS_DEBOUNCE_MS);
      s.edit();
      assert.equal(s.scheduler.current(), 2);
      assert.deepEqual(s.results, [0, 2]);
    });
  });

  test('dispose stops a pending trailing analysis', () => {
    withMockTimers(() => {
      const s = setup();
      s.scheduler.resume();
      s.edit();
      s.edit();
      s.scheduler.dispose();
      mock.timers.tick(ANALYSIS_DEBOUNCE_MS * 2);
      assert.deepEqual(s.results, [0, 1]);
    });
  });
});
