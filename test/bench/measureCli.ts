// Cold runs of `vpc-lens check <dir> --format json --fail-on never`, each in a fresh node process (with the
// code cache `npm run build` wrote, unless `env` turns it off).
import * as path from 'node:path';
import { median } from './stats';
import { runNode, type PeakRssMethod } from './processRunner';

export interface CliMeasurement {
  runs: number;
  medianWallMs: number;
  wallMs: number[];
  /** Highest peak RSS over the runs, bytes. */
  peakRssBytes?: number;
  /** Median milliseconds per phase, from the CLI's `VPC_LENS_TIMING` line (start = Node and the bundle loading). */
  phases?: { readonly name: string; readonly medianMs: number }[];
  /** From the first successful run's JSON report. */
  report?: { files: number; resources: number; diagnostics: number; byCode: Record<string, number> };
  error?: string;
}

export async function measureCli(
  repoRoot: string,
  workspaceDir: string,
  runs: number,
  rssMethod: PeakRssMethod,
  timeoutMs: number,
  env: Record<string, string> = {},
): Promise<CliMeasurement> {
  const cli = path.join(repoRoot, 'dist', 'cli.js');
  const wallMs: number[] = [];
  let peakRssBytes: number | undefined;
  let report: CliMeasurement['report'];
  const phaseRuns: [string, number][][] = [];
  for (let i = 0; i < runs; i++) {
    const result = await runNode({
      args: [cli, 'check', workspaceDir, '--format', 'json', '--fail-on', 'never'],
      cwd: repoRoot,
      timeoutMs,
      rssMethod,
      env: { VPC_LENS_TIMING: '1', ...env },
    });
    if (result.timedOut) return { runs, medianWallMs: Number.NaN, wallMs, error: `timed out after ${timeoutMs} ms` };
    if (result.exitCode !== 0) {
      const why = result.stderr.trim().split('\n').slice(-3).join(' | ') || result.stdout.slice(0, 200);
      return { runs, medianWallMs: Number.NaN, wallMs, error: `exit code ${result.exitCode}: ${why}` };
    }
    wallMs.push(result.wallMs);
    if (result.peakRssBytes !== undefined) peakRssBytes = Math.max(peakRssBytes ?? 0, result.peakRssBytes);
    report ??= summarise(result.stdout);
    phaseRuns.push(phasesOf(result.stderr));
  }
  return { runs, medianWallMs: median(wallMs), wallMs, peakRssBytes, report, phases: medianPhases(phaseRuns) };
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
