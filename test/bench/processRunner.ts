// Runs one measured process with a hard time limit and reports its wall time, peak resident memory and page faults.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { median } from './stats';

export type PeakRssMethod = 'gnu-time' | 'resource-usage-preload';

export const PEAK_RSS_METHOD_LABEL: Record<PeakRssMethod, string> = {
  'gnu-time': '`/usr/bin/time -v` "Maximum resident set size"',
  'resource-usage-preload': '`process.resourceUsage().maxRSS` at exit (preloaded with `node --require`)',
};

const PRELOAD = path.join(__dirname, 'maxRssAtExit.cjs');

/** GNU time when it is installed and understands `-v`; otherwise Node reports its own peak at exit. */
export function detectPeakRssMethod(): PeakRssMethod {
  if (!fs.existsSync('/usr/bin/time')) return 'resource-usage-preload';
  const probe = spawnSync('/usr/bin/time', ['-v', 'true'], { encoding: 'utf8', timeout: 5000 });
  return /Maximum resident set size/.test(probe.stderr ?? '') ? 'gnu-time' : 'resource-usage-preload';
}

export interface RunResult {
  wallMs: number;
  exitCode: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** Peak resident set size in bytes, when it could be read. */
  peakRssBytes?: number;
  /** Minor page faults (first touches of memory), when they could be read. */
  minorPageFaults?: number;
}

/** A series' memory figures: the largest peak RSS of its runs and the median of their minor page faults. */
export interface UsageSummary {
  peakRssBytes?: number;
  medianMinorPageFaults?: number;
}

/** Collects the memory figures of a series' runs, as each series of the benchmark reports them. */
export class UsageTally {
  private peakRssBytes: number | undefined;
  private readonly minorPageFaults: number[] = [];

  add(run: Pick<RunResult, 'peakRssBytes' | 'minorPageFaults'>): void {
    if (run.peakRssBytes !== undefined) this.peakRssBytes = Math.max(this.peakRssBytes ?? 0, run.peakRssBytes);
    if (run.minorPageFaults !== undefined) this.minorPageFaults.push(run.minorPageFaults);
  }

  summary(): UsageSummary {
    return {
      ...(this.peakRssBytes !== undefined ? { peakRssBytes: this.peakRssBytes } : {}),
      ...(this.minorPageFaults.length > 0 ? { medianMinorPageFaults: median(this.minorPageFaults) } : {}),
    };
  }
}

export interface NodeRun {
  /** Arguments after `node` (script and its arguments). */
  args: string[];
  cwd: string;
  timeoutMs: number;
  rssMethod: PeakRssMethod;
  /** Extra environment variables for the run. */
  env?: Record<string, string>;
  /** Variables of this process's environment the run goes without. */
  unsetEnv?: readonly string[];
}

/**
 * Variables that make every Node process do work before it runs a script, when this machine sets them:
 * NODE_EXTRA_CA_CERTS has Node read and parse a bundle of TLS certificates at start (about 45 ms on the
 * benchmark machine, whose sandbox sets it for npm), though neither measured tool opens a connection.
 */
export const NODE_START_VARIABLES = ['NODE_EXTRA_CA_CERTS'] as const;

/** This process's environment with `env` added and `unset` removed. */
function environmentOf(env: Record<string, string> = {}, unset: readonly string[] = []): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const name of unset) delete merged[name];
  return merged;
}

/** Runs `node <args>` once, cold, and measures it. Never rejects: failures show in the result. */
export function runNode(run: NodeRun): Promise<RunResult> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'vpc-lens-bench-rss-'));
  const rssFile = path.join(scratch, 'rss');
  const [command, args] =
    run.rssMethod === 'gnu-time'
      ? ['/usr/bin/time', ['-v', '-o', rssFile, process.execPath, ...run.args]]
      : [process.execPath, ['--require', PRELOAD, ...run.args]];

  return new Promise((resolve) => {
    const started = performance.now();
    // Own process group, so a time-out can stop the wrapper and the node process under it together.
    const child = spawn(command, args, {
      cwd: run.cwd,
      detached: true,
      env: { ...environmentOf(run.env, run.unsetEnv), VPC_LENS_BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }, run.timeoutMs);

    const finish = (exitCode: number | null, error?: Error): void => {
      clearTimeout(timer);
      const wallMs = performance.now() - started;
      const usage = readUsage(rssFile, run.rssMethod);
      fs.rmSync(scratch, { recursive: true, force: true });
      resolve({
        wallMs,
        exitCode,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8') + (error ? `\n${error.message}` : ''),
        timedOut,
        ...usage,
      });
    };
    child.on('error', (error) => finish(null, error));
    child.on('close', (code) => finish(code));
  });
}

/** What GNU time (or the preload, as JSON) wrote about the process; fields it could not read are left out. */
export function readUsage(file: string, method: PeakRssMethod): Pick<RunResult, 'peakRssBytes' | 'minorPageFaults'> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  let kib: number;
  let faults: number;
  if (method === 'gnu-time') {
    kib = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(text)?.[1]);
    faults = Number(/Minor \(reclaiming a frame\) page faults: (\d+)/.exec(text)?.[1]);
  } else {
    const usage = parseJson(text);
    kib = Number(usage?.maxRssKiB);
    faults = Number(usage?.minorPageFaults);
  }
  return {
    ...(Number.isFinite(kib) && kib > 0 ? { peakRssBytes: kib * 1024 } : {}),
    ...(Number.isFinite(faults) && faults > 0 ? { minorPageFaults: faults } : {}),
  };
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** Peak resident set size of a running process (Linux `VmHWM`), in bytes. */
export function livePeakRss(pid: number): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1]);
    return Number.isFinite(kib) && kib > 0 ? kib * 1024 : undefined;
  } catch {
    return undefined;
  }
}
