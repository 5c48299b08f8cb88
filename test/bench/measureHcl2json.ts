// HashiCorp's HCL parser (@cdktf/hcl2json) merely parsing the same files, cold, in a fresh process each run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { median } from './stats';
import { runNode, type PeakRssMethod } from './processRunner';

export interface Hcl2jsonMeasurement {
  runs: number;
  /** Spawn to exit, as seen from the benchmark (same clock as the CLI's wall time). */
  medianWallMs: number;
  /** Process start to the last parse done, as seen inside the process. */
  medianSinceStartMs: number;
  /** The parse calls alone (module loaded, files read). */
  medianParseMs: number;
  peakRssBytes?: number;
  failures: number;
  error?: string;
}

export async function measureHcl2json(
  repoRoot: string,
  files: string[],
  scratchDir: string,
  runs: number,
  rssMethod: PeakRssMethod,
  timeoutMs: number,
): Promise<Hcl2jsonMeasurement> {
  const list = path.join(scratchDir, `hcl2json-files-${files.length}.txt`);
  fs.writeFileSync(list, files.join('\n'));
  const wall: number[] = [];
  const sinceStart: number[] = [];
  const parse: number[] = [];
  let peakRssBytes: number | undefined;
  let failures = 0;
  for (let i = 0; i < runs; i++) {
    const result = await runNode({
      args: [path.join(__dirname, 'hcl2jsonParse.mjs'), list],
      cwd: repoRoot,
      timeoutMs,
      rssMethod,
    });
    const empty = { runs, medianWallMs: Number.NaN, medianSinceStartMs: Number.NaN, medianParseMs: Number.NaN, failures };
    if (result.timedOut) return { ...empty, error: `timed out after ${timeoutMs} ms` };
    let line: { parseMs: number; sinceStartMs: number; failures: number };
    try {
      line = JSON.parse(result.stdout.trim().split('\n').pop() ?? '') as typeof line;
    } catch {
      return { ...empty, error: `exit code ${result.exitCode}: ${result.stderr.trim().split('\n').pop() ?? ''}` };
    }
    wall.push(result.wallMs);
    sinceStart.push(line.sinceStartMs);
    parse.push(line.parseMs);
    failures = line.failures;
    if (result.peakRssBytes !== undefined) peakRssBytes = Math.max(peakRssBytes ?? 0, result.peakRssBytes);
  }
  return {
    runs,
    medianWallMs: median(wall),
    medianSinceStartMs: median(sinceStart),
    medianParseMs: median(parse),
    peakRssBytes,
    failures,
  };
}
