// Runs several measurement series a run at a time, round-robin. A shared or thermally throttled machine drifts
// by 10-30% over minutes: measured one after the other, the tool measured later would carry the drift, and a
// ratio of two tools' medians would measure the machine as much as the tools. Interleaved, every series samples
// the same stretch of time, so drift moves all of them alike.

/** A series of measured runs that can be advanced one run at a time. */
export interface MeasurementSeries {
  /** Does one more run; does nothing once the series has stopped on an error or a time-out. */
  runOnce(): Promise<void>;
}

/**
 * `rounds` rounds, each running every series once. Round i starts with series i mod count and then alternates
 * around it (i, i+1, i-1, i+2, ...): over the rounds each series takes every place in the round, and (with an
 * even count of series) follows each of the others in turn. Plain rotation (i, i+1, i+2, ...) would also move the
 * first place around, but with three or more series each would always run right after the same one, and
 * whatever a run leaves behind (page cache, a busy core, a hot CPU) would always fall on the same series.
 */
export async function interleave(series: readonly MeasurementSeries[], rounds: number): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    for (const index of roundOrder(round, series.length)) await series[index]!.runOnce();
  }
}

/** The indices in the order round `round` runs them: start at round mod count, then zigzag around it. */
export function roundOrder(round: number, count: number): number[] {
  const order: number[] = [];
  for (let k = 0; k < count; k++) {
    // 0, +1, -1, +2, -2, ...: for an even count a Williams design, where over `count` rounds each ordered pair of
    // series is adjacent within a round exactly once.
    const offset = k % 2 === 1 ? (k + 1) / 2 : -k / 2;
    order.push((((round + offset) % count) + count) % count);
  }
  return order;
}
