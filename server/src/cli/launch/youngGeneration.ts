import * as v8 from 'node:v8';
import { tunesNode20V8 } from './v8Tuning';

/**
 * Caps V8's young generation (its "new space", where objects are born) at 8 MiB per semi-space for a one-shot
 * check, where V8 lets it grow to 16 MiB.
 *
 * Why: V8 doubles the young generation while many objects survive its collections, and a check's objects do
 * (each root's syntax, values and model live until its rules have run). On the 10k-resource benchmark workspace
 * it reached 16 MiB per semi-space by the ninth of 28 roots: 32 MiB of memory touched for the first time,
 * about 8,000 page faults. A page fault costs 15 µs on the benchmark machine (BENCHMARKS.md), so growing
 * cost about 120 ms of a 650 ms check. At 8 MiB the old generation grows a little instead (14 -> 19 MB), and
 * the check had 3,000 fewer page faults and took 4.5% less time (648 -> 619 ms, medians of 15 interleaved runs
 * of the two builds; capped at 4 MiB instead, more objects were promoted and it gained half as much). Smaller
 * workspaces never reach 8 MiB, so nothing changes there.
 *
 * How: V8 fixes the largest size when the process starts (`--max-semi-space-size`, which a command cannot set
 * for itself without starting a second process), but reads its growth factor each time it grows. So once the
 * young generation has reached the cap, the factor becomes 1 and it grows no more. The check asks between two
 * roots (Workspace's `afterUnitReleased`); a workspace of one large root keeps V8's default.
 *
 * Before the process exits the factor goes back to V8's default (`lift`): the launcher writes V8's code cache at
 * exit when it found none, V8 stamps a cache with the flags in force when it is made, and rejects it in a run
 * started under other flags. A first run on a large workspace would otherwise leave a cache every later run
 * rejects (and writes again).
 *
 * Only on Node 20's V8, where it was measured (as `--interrupt-budget`), and not with `VPC_LENS_V8_TUNING=off`.
 */
export const YOUNG_GENERATION_CAP_MIB = 8;

/** `--semi-space-growth-factor` as Node 20's V8 starts with it. */
const V8_DEFAULT_GROWTH_FACTOR = 2;

/** What the cap reads and sets: V8's own, or a fake in tests. */
export interface YoungGenerationHeap {
  /** Bytes of the young generation's two semi-spaces, as V8 has sized them so far. */
  youngGenerationBytes(): number;
  /** Makes V8 keep the young generation at its present size. */
  stopGrowing(): void;
  /** Gives V8 back its default growth. */
  resumeGrowing(): void;
}

const V8_HEAP: YoungGenerationHeap = {
  youngGenerationBytes: () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0,
  stopGrowing: () => v8.setFlagsFromString('--semi-space-growth-factor=1'),
  resumeGrowing: () => v8.setFlagsFromString(`--semi-space-growth-factor=${V8_DEFAULT_GROWTH_FACTOR}`),
};

export interface YoungGenerationCap {
  /**
   * To call between units of work: stops the young generation's growth the first time it finds it at the cap
   * or above, and does nothing after that (or at all, when the tuning is off).
   */
  readonly betweenUnits: () => void;
  /** Undoes the cap, if it was set: to call once the work is done, before the process exits. */
  readonly lift: () => void;
}

export interface YoungGenerationOptions {
  /** V8's heap by default; a fake in tests. */
  readonly heap?: YoungGenerationHeap;
  /** This process's V8 by default. */
  readonly v8Version?: string;
  /** Where the line saying the cap was set goes, under `VPC_LENS_TIMING`. */
  readonly log?: (line: string) => void;
}

export function youngGenerationCap(env: NodeJS.ProcessEnv, options: YoungGenerationOptions = {}): YoungGenerationCap {
  const { heap = V8_HEAP, v8Version = process.versions.v8, log = () => {} } = options;
  if (env['VPC_LENS_V8_TUNING'] === 'off' || !tunesNode20V8(v8Version)) return { betweenUnits: () => {}, lift: () => {} };
  const capBytes = 2 * YOUNG_GENERATION_CAP_MIB * 1024 * 1024;
  let capped = false;
  return {
    betweenUnits: () => {
      if (capped || heap.youngGenerationBytes() < capBytes) return;
      heap.stopGrowing();
      capped = true;
      if (env['VPC_LENS_TIMING']) log(`vpc-lens: young generation capped at ${YOUNG_GENERATION_CAP_MIB} MiB per semi-space\n`);
    },
    lift: () => {
      if (!capped) return;
      heap.resumeGrowing();
      capped = false;
    },
  };
}
