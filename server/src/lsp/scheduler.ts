/**
 * How long the files must stay unchanged before a burst of edits is analysed. An edit after such a quiet
 * period is analysed at once; this only delays the analysis of the edits that follow it closely.
 */
export const ANALYSIS_DEBOUNCE_MS = 50;

/**
 * Runs the analysis with a leading and a trailing edge, at most one result per state of the files:
 * - an edit after a quiet period is analysed at once (a single edit gets its diagnostics in analysis time);
 * - edits that follow it within `delayMs` of each other restart a timer, and the last state is analysed
 *   once that timer runs out (fast typing costs one analysis per pause, not one per keystroke).
 * Every change bumps a generation; a result computed for an older generation is dropped. Requests (hover,
 * inlay hints) call `current()`, which analyses at once when edits are pending, so answers always match the
 * text the editor shows.
 */
export class AnalysisScheduler<T> {
  /** Set while a burst is going on: from an analysed edit until `delayMs` after the last edit. */
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private analyzedGeneration = -1;
  private latest: T | undefined;
  private paused = true;

  constructor(
    private readonly analyze: () => T,
    private readonly onResult: (result: T) => void,
    private readonly onError: (err: unknown) => void,
    private readonly delayMs = ANALYSIS_DEBOUNCE_MS,
  ) {}

  /** Something changed: analyse now after a quiet period, else once the burst is over. */
  schedule(): void {
    this.generation++;
    if (this.paused) return;
    const quiet = this.timer === undefined;
    this.restartTimer();
    if (quiet) this.runIfStale();
  }

  /** Holds analyses back (while indexing); `resume` analyses at once if anything changed meanwhile. */
  pause(): void {
    this.paused = true;
    this.cancelTimer();
  }

  resume(): void {
    this.paused = false;
    this.runIfStale();
  }

  /** The analysis of the files as they are now (the last good one if the newest crashed); undefined before the first. */
  current(): T | undefined {
    if (!this.paused) this.runIfStale();
    return this.latest;
  }

  dispose(): void {
    this.cancelTimer();
  }

  /** A burst is over: analyse its last state unless a request already did. */
  private quietAgain(): void {
    this.timer = undefined;
    if (!this.paused) this.runIfStale();
  }

  private runIfStale(): void {
    if (this.analyzedGeneration === this.generation) return;
    const generation = this.generation;
    let result: T;
    try {
      result = this.analyze();
    } catch (err) {
      // Mark it done anyway: retrying the same input would crash again on every request.
      this.analyzedGeneration = generation;
      this.onError(err);
      return;
    }
    if (generation !== this.generation) return;
    this.latest = result;
    this.analyzedGeneration = generation;
    this.onResult(result);
  }

  private restartTimer(): void {
    this.cancelTimer();
    this.timer = setTimeout(() => this.quietAgain(), this.delayMs);
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
