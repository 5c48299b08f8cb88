import type { SourceProblem, UnitShard, UnitSuppression } from '../frontends/types';
import type { Finding } from '../rules/types';

/**
 * What one share of a workspace's units yields, analysed on another thread: plain data (it crosses threads
 * by structured clone), merged into the analysis of share 0 by `Workspace.finish`.
 */
export interface ShardResult {
  readonly findings: readonly Finding[];
  /** Problems of the share's units (evaluation problems); file parse problems are share 0's to report. */
  readonly problems: readonly SourceProblem[];
  readonly suppressions: readonly UnitSuppression[];
  readonly resources: number;
}

/**
 * The items of `shard`: items are dealt largest first to the share with the least weight so far (ties to the
 * lower share), so shares take about equal time and every thread, given the same items, computes the same split.
 */
export function shareOf<T>(items: readonly T[], weight: (item: T) => number, shard: UnitShard): T[] {
  if (shard.count <= 1) return [...items];
  const order = items.map((item, i) => ({ item, i, w: weight(item) })).sort((a, b) => b.w - a.w || a.i - b.i);
  const load = new Array<number>(shard.count).fill(0);
  const mine = new Set<number>();
  for (const { i, w } of order) {
    let target = 0;
    for (let s = 1; s < shard.count; s++) if (load[s]! < load[target]!) target = s;
    load[target]! += w;
    if (target === shard.index) mine.add(i);
  }
  // In the original order, so a share's units come out as they would without sharding.
  return items.filter((_, i) => mine.has(i));
}
