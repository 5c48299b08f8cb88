// Cold runs of `vpc-lens check <dir> --format json --fail-on never`, each in a fresh node process (with the
// code cache `npm run build` wrote, unless `env` turns it off).
import * as path from 'node:path';
import { median } from './stats';
import type { MeasurementSeries } from './interleave';
import { runNode, type PeakRssMethod, UsageTally } from './processRunner';

export interface CliMeasurement {
  /** Runs started, a failed last one included. */
  runs: number;
  medianWallMs: number;
  /** Wall time of each successful run, in the order they ran (run i of an interleaved series is round i's). */
  wallMs: number[];
  /** Highest peak RSS over the runs, bytes. */
  peakRssBytes?: number;
  /** Median minor page faults per run (memory touched for the first time), when they could be read. */
  medianMinorPageFaults?: number;
  /** Median milliseconds per phase, from the CLI's `VPC_LENS_TIMING` line (start = Node and the bundle loading). */
  phases?: { readonly name: string; readonly medianMs: number }[];
  /** Median over the runs of every phase but `start`: the check's own work, without Node's start and the bundle's loading. */
  medianAfterStartMs?: number;
  /** Median over the runs of every phase: the process's own clock from its start to the report written (its exit not counted). */
  medianToReportMs?: number;
  /** From the first successful run's JSON report. */
  report?: { files: number; resources: number; diagnostics: number; byCode: Record<string, number> };
  error?: string;
}

/** What a series of CLI runs measures: `vpc-lens check` on one directory, with extra environment variables. */
export interface CliRunSpec {
  repoRoot: string;
  workspaceDir: string;
  rssMethod: PeakRssMethod;
  timeoutMs: number;
  /** Extra environment variables, e.g. `VPC_LENS_CODE_CACHE: 'off'`. */
  env?: Record<string, string>;
  /** Variables of the benchmark's environment the runs go without. */
  unsetEnv?: readonly string[];
}

/**
 * Runs of the CLI, one `runOnce()` at a time, so that a caller can interleave them with other series. The first
 * error or time-out stops the series: later runs would fail the same way, and it shows in `result().error`.
 */
export class CliSeries implements MeasurementSeries {
  private started = 0;
  private readonly wallMs: number[] = [];
  private readonly phaseRuns: [string, number][][] = [];
  private readonly usage = new UsageTally();
  private report: CliMeasurement['report'];
  private error: string | undefined;

  constructor(private readonly spec: CliRunSpec) {}

  async runOnce(): Promise<void> {
    if (this.error !== undefined) return;
    const { repoRoot, workspaceDir, rssMethod, timeoutMs, env = {}, unsetEnv } = this.spec;
    this.started++;
    const result = await runNode({
      args: [path.join(repoRoot, 'dist', 'cli.js'), 'check', workspaceDir, '--format', 'json', '--fail-on', 'never'],
      cwd: repoRoot,
      timeoutMs,
      rssMethod,
      env: { VPC_LENS_TIMING: '1', ...env },
      unsetEnv,
    });
    if (result.timedOut) {
      this.error = `timed out after ${timeoutMs} ms`;
    } else if (result.exitCode !== 0) {
      const why = result.stderr.trim().split('\n').slice(-3).join(' | ') || result.stdout.slice(0, 200);
      this.error = `exit code ${result.exitCode}: ${why}`;
    } else {
      this.wallMs.push(result.wallMs);
      this.usage.add(result);
      this.report ??= summarise(result.stdout);
      this.phaseRuns.push(phasesOf(result.stderr));
    }
  }

  result(): CliMeasurement {
    const wallMs = [...this.wallMs];
    if (this.error !== undefined) return { runs: this.started, medianWallMs: Number.NaN, wallMs, error: this.error };
    return {
      runs: this.started,
      medianWallMs: median(wallMs),
      wallMs,
      ...this.usage.summary(),
      report: this.report,
      phases: medianPhases(this.phaseRuns),
      ...afterStart(this.phaseRuns),
    };
  }
}

/** `runs` CLI runs back to back: for measurements that are not compared with another tool's. */
export async function measureCli(
  repoRoot: string,
  workspaceDir: string,
  runs: number,
  rssMethod: PeakRssMethod,
  timeoutMs: number,
  env: Record<string, string> = {},
): Promise<CliMeasurement> {
  const series = new CliSeries({ repoRoot, workspaceDir, rssMethod, timeoutMs, env });
  for (let i = 0; i < runs; i++) await series.runOnce();
  return series.result();
}

/** `vpc-lens: timing: start 80 ms, discover 4 ms, ...; total 500 ms` as [name, ms] pairs. */
function phasesOf(stderr: string): [string, number][] {
  const line = /vpc-lens: timing: ([^;\n]*)/.exec(stderr)?.[1] ?? '';
  return [...line.matchAll(/(\w+) (\d+(?:\.\d+)?) ms/g)].map((m) => [m[1]!, Number(m[2])]);
}

function medianPhases(runs: [string, number][][]): CliMeasurement['phases'] {
  const first = runs[0];
  if (!first || first.length === 0) return undefined;
  return first.map(([name]) => ({ name, medianMs: median(runs.map((r) => r.find(([n]) => n === name)?.[1] ?? Number.NaN)) }));
}

function afterStart(runs: [string, number][][]): Pick<CliMeasurement, 'medianAfterStartMs' | 'medianToReportMs'> {
  const timed = runs.filter((r) => r.length > 0);
  if (timed.length === 0) return {};
  const sum = (r: [string, number][], withStart: boolean) => r.reduce((total, [name, ms]) => (name === 'start' && !withStart ? total : total + ms), 0);
  return { medianAfterStartMs: median(timed.map((r) => sum(r, false))), medianToReportMs: median(timed.map((r) => sum(r, true))) };
}

function summarise(stdout: string): CliMeasurement['report'] {
  try {
    const json = JSON.parse(stdout) as { files?: number; resources?: number; diagnostics?: Array<{ code?: string }> };
    const byCode: Record<string, number> = {};
    for (const d of json.diagnostics ?? []) byCode[d.code ?? '?'] = (byCode[d.code ?? '?'] ?? 0) + 1;
    return {
      files: json.files ?? Number.NaN,
      resources: json.resources ?? Number.NaN,
      diagnostics: json.diagnostics?.length ?? 0,
      byCode,
    };
  } catch {
    return undefined;
  }
}
