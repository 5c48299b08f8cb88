// HashiCorp's HCL parser (@cdktf/hcl2json) merely parsing the same files, cold, in a fresh process each run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { median } from './stats';
import type { MeasurementSeries } from './interleave';
import { runNode, type PeakRssMethod, UsageTally } from './processRunner';

export interface Hcl2jsonMeasurement {
  /** Runs started, a failed last one included. */
  runs: number;
  /** Spawn to exit, as seen from the benchmark (same clock as the CLI's wall time). */
  medianWallMs: number;
  /** Process start to the last parse done, as seen inside the process. */
  medianSinceStartMs: number;
  /** `sinceStartMs` of each successful run, in the order they ran (run i of an interleaved series is round i's). */
  sinceStartMs: number[];
  /** The parse calls alone (module loaded, files read). */
  medianParseMs: number;
  peakRssBytes?: number;
  /** Median minor page faults per run, the whole process (its lingering exit too), when they could be read. */
  medianMinorPageFaults?: number;
  failures: number;
  error?: string;
}

/** What a series of hcl2json runs measures: parsing `files`, whose list it writes to `scratchDir`. */
export interface Hcl2jsonRunSpec {
  repoRoot: string;
  files: string[];
  scratchDir: string;
  rssMethod: PeakRssMethod;
  timeoutMs: number;
  /** Variables of the benchmark's environment the runs go without. */
  unsetEnv?: readonly string[];
}

/** The JSON line hcl2jsonParse.mjs prints. */
interface ParseLine {
  parseMs: number;
  sinceStartMs: number;
  failures: number;
}

/**
 * Runs of hcl2json on one set of files, one `runOnce()` at a time, so that they can be interleaved with our CLI's.
 * The first error or time-out stops the series, and shows in `result().error`.
 */
export class Hcl2jsonSeries implements MeasurementSeries {
  private readonly listFile: string;
  private started = 0;
  private readonly wallMs: number[] = [];
  private readonly sinceStartMs: number[] = [];
  private readonly parseMs: number[] = [];
  private readonly usage = new UsageTally();
  private failures = 0;
  private error: string | undefined;

  constructor(private readonly spec: Hcl2jsonRunSpec) {
    this.listFile = path.join(spec.scratchDir, `hcl2json-files-${spec.files.length}.txt`);
    fs.writeFileSync(this.listFile, spec.files.join('\n'));
  }

  async runOnce(): Promise<void> {
    if (this.error !== undefined) return;
    const { repoRoot, rssMethod, timeoutMs, unsetEnv } = this.spec;
    this.started++;
    const result = await runNode({ args: [path.join(__dirname, 'hcl2jsonParse.mjs'), this.listFile], cwd: repoRoot, timeoutMs, rssMethod, unsetEnv });
    if (result.timedOut) {
      this.error = `timed out after ${timeoutMs} ms`;
      return;
    }
    const line = parseLine(result.stdout);
    if (!line) {
      this.error = `exit code ${result.exitCode}: ${result.stderr.trim().split('\n').pop() ?? ''}`;
      return;
    }
    this.wallMs.push(result.wallMs);
    this.sinceStartMs.push(line.sinceStartMs);
    this.parseMs.push(line.parseMs);
    this.failures = line.failures;
    this.usage.add(result);
  }

  result(): Hcl2jsonMeasurement {
    const sinceStartMs = [...this.sinceStartMs];
    if (this.error !== undefined) {
      const nan = Number.NaN;
      const failed = { medianWallMs: nan, medianSinceStartMs: nan, medianParseMs: nan, error: this.error };
      return { runs: this.started, ...failed, sinceStartMs, failures: this.failures };
    }
    return {
      runs: this.started,
      medianWallMs: median(this.wallMs),
      medianSinceStartMs: median(sinceStartMs),
      sinceStartMs,
      medianParseMs: median(this.parseMs),
      ...this.usage.summary(),
      failures: this.failures,
    };
  }
}

/** The last line of stdout as the script's JSON, or undefined when the script did not get that far. */
function parseLine(stdout: string): ParseLine | undefined {
  try {
    return JSON.parse(stdout.trim().split('\n').pop() ?? '') as ParseLine;
  } catch {
    return undefined;
  }
}
