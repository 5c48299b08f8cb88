import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { ShardResult } from '../core/analysis/shards';
import { type Analysis, Workspace } from '../core/analysis/workspace';
import type { AnalysisSettings } from '../core/config/settings';

/**
 * A cold check of a large workspace on several threads. Terraform roots are independent units, so each thread
 * analyses a share of them (`UnitShard`): worker threads load the same front-ends, take every file's text,
 * and send back their share's findings; this thread analyses share 0 (with the front-ends that cannot be
 * split) meanwhile, then merges. A check lets each root go once analysed (`retainUnits: false`), so every
 * thread parses the files that call modules (finding the roots needs every folder's calls) and then only the
 * files of its own roots.
 */
export interface ParallelCheckOptions {
  /** Text (UTF-16 code units, about bytes) of shardable files per thread; below it, one thread does all. */
  readonly minChars?: number;
  /** Worker threads at most; default see defaultMaxWorkers(). 0 analyses here only. */
  readonly maxWorkers?: number;
  /** The worker script; default checkWorker.js next to this bundle (or checkWorker.ts from sources). */
  readonly workerScript?: string;
}

/**
 * A worker thread starts in about 60-100 ms (a thread, its bundle, the grammars) and repeats the work every
 * share does (finding the roots, parsing the modules its roots share): below about a megabyte of Terraform,
 * a share is not worth it.
 */
export const DEFAULT_MIN_CHARS = 1_000_000;

/** Time after which a worker that has not answered is given up on and its share analysed here. */
const WORKER_TIMEOUT_MS = 60_000;

/** What a check worker receives. */
export interface CheckWorkerData {
  readonly files: readonly (readonly [uri: string, text: string])[];
  readonly settings: AnalysisSettings;
  readonly index: number;
  readonly count: number;
}

export type CheckWorkerMessage =
  | { readonly kind: 'result'; readonly result: ShardResult; readonly errors: readonly string[] }
  | { readonly kind: 'failed'; readonly message: string };

export interface ParallelCheck {
  readonly analysis: Analysis;
  /** Worker threads started (0: this thread did everything). */
  readonly workers: number;
  /** Shares that a worker did not deliver, analysed here instead. */
  readonly sharesRedone: number;
}

/**
 * Analyses the workspace as `ws.analyze(settings)` does, with the same diagnostics, on several threads when it
 * is large enough. Never rejects for a worker's sake: a share whose worker fails is analysed here. The
 * analysis's model and traces cover this thread's share only (a check reads its diagnostics and counts).
 */
export async function analyzeInParallel(
  ws: Workspace,
  settings: AnalysisSettings,
  log: (message: string) => void,
  options: ParallelCheckOptions = {},
): Promise<ParallelCheck> {
  const uris = ws.fileUris();
  const shardableChars = uris.reduce((n, uri) => n + (ws.isShardable(uri) ? (ws.getText(uri)?.length ?? 0) : 0), 0);
  const script = options.workerScript ?? defaultWorkerScript();
  const maxWorkers = options.maxWorkers ?? defaultMaxWorkers(availableCores());
  const count = 1 + Math.min(maxWorkers, Math.floor(shardableChars / (options.minChars ?? DEFAULT_MIN_CHARS)) - 1);
  if (!script || count < 2) return { analysis: ws.analyze(settings), workers: 0, sharesRedone: 0 };

  const files = uris.map((uri) => [uri, ws.getText(uri) ?? ''] as const);
  const pending = Array.from({ length: count - 1 }, (_, i) => runWorker(script, { files, settings, index: i + 1, count }));
  const own = ws.analyzeUnits(settings, { index: 0, count });
  const delivered = await Promise.all(pending);
  let sharesRedone = 0;
  const others = delivered.map((message, i): ShardResult => {
    if (message?.kind === 'result') {
      for (const error of message.errors) log(error);
      return message.result;
    }
    // The worker failed, or never answered: its share is analysed here, as without workers.
    sharesRedone++;
    return Workspace.shardResult(ws.analyzeUnits(settings, { index: i + 1, count }));
  });
  return { analysis: ws.finish(own, others), workers: count - 1, sharesRedone };
}

/** Resolves with the worker's answer, or undefined when it fails, exits without one, or times out. */
function runWorker(script: string, data: CheckWorkerData): Promise<CheckWorkerMessage | undefined> {
  return new Promise((resolve) => {
    let worker: Worker | undefined;
    let timer: NodeJS.Timeout | undefined;
    const settle = (message: CheckWorkerMessage | undefined) => {
      clearTimeout(timer);
      void worker?.terminate();
      resolve(message);
    };
    try {
      // Loaded only when a worker starts: node:worker_threads costs about 2 ms of every CLI start (Node 20,
      // measured), and most checks run on this thread alone.
      const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
      // From sources (tests), the worker is TypeScript: the tsx loader the tests run with does not reach workers.
      worker = script.endsWith('.ts')
        ? new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(script)});`, { eval: true, workerData: data })
        : new Worker(script, { workerData: data });
      // Never keeps the process alive: it is waited for through its message only.
      worker.unref();
      worker.once('message', (message: CheckWorkerMessage) => settle(message));
      worker.once('error', () => settle(undefined));
      worker.once('exit', () => settle(undefined));
      timer = setTimeout(() => settle(undefined), WORKER_TIMEOUT_MS);
      timer.unref();
    } catch {
      settle(undefined);
    }
  });
}

/**
 * One worker per two cores beyond the first two, at most 3. A V8 thread keeps about one and a half cores busy
 * (optimizing compilation and garbage collection run beside it): on the 2-core benchmark machine the 10k
 * workspace took 0.96 s on two threads against 0.78 s on one, so two cores get no worker.
 */
export function defaultMaxWorkers(cores: number): number {
  return Math.max(0, Math.min(3, Math.floor(cores / 2) - 1));
}

function availableCores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/** dist/checkWorker.js next to the bundle (esbuild.mjs builds it); run from sources, checkWorker.ts. */
function defaultWorkerScript(): string | undefined {
  const bundled = path.join(__dirname, 'checkWorker.js');
  if (fs.existsSync(bundled)) return bundled;
  const source = path.join(__dirname, 'checkWorker.ts');
  if (__filename.endsWith('.ts') && fs.existsSync(source)) return source;
  return undefined;
}
