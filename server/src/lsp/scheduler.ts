/** Edits closer together than this are analysed once: typing stays responsive on big workspaces. */
export const ANALYSIS_DEBOUNCE_MS = 50;

/**
 * Runs the analysis after a quiet period, at most one result per state of the files. Every change bumps a
 * generation; a result computed for an older generation is dropped (a newer edit supersedes it). Requests
 * (hover, inlay hints) call `current()`, which analyses at once when edits are pending, so answers always
 * match the text the editor shows.
 */
export class AnalysisScheduler<T> {
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

  /** Something changed: analyse after the debounce delay. */
  schedule(): void {
    this.generation++;
    if (this.paused) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), this.delayMs);
  }

  /** Holds analyses back (while indexing); `resume` analyses at once if anything changed meanwhile. */
  pause(): void {
    this.paused = true;
    this.cancelTimer();
  }

  resume(): void {
    this.paused = false;
    if (this.analyzedGeneration !== this.generation) this.run();
  }

  /** The analysis of the files as they are now (the last good one if the newest crashed); undefined before the first. */
  current(): T | undefined {
    if (!this.paused && this.analyzedGeneration !== this.generation) this.run();
    return this.latest;
  }

  dispose(): void {
    this.cancelTimer();
  }

  private run(): void {
    this.cancelTimer();
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

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
