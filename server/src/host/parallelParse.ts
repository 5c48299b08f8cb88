import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { Workspace } from '../core/analysis/workspace';
import type { ParsedFile } from '../core/frontends/types';

/**
 * Parses a workspace's files on several threads before its first analysis (a cold CLI run, the language
 * server's initial indexing). Parsing is most of a cold run, and tree-sitter is single-threaded WASM: worker
 * threads load the grammars themselves and parse files taken from a shared queue, while this thread takes
 * files from the same queue and parses them into the workspace. Each worker parse is the same front-end's
 * `parse` on the same text, handed in with `Workspace.setParsedFile`, so the analysis is the same as with
 * sequential parsing; whatever a worker does not deliver (it failed, or is slow to start) is parsed here.
 */
export interface ParallelParseOptions {
  /**
   * Below this much text (UTF-16 code units, about bytes), everything is parsed on this thread: starting a
   * worker (a thread, the bundle, the grammars) costs about as much as parsing 0.3 MB.
   */
  readonly minChars?: number;
  /** Worker threads at most; default one less than the available cores, at most 3. 0 parses here only. */
  readonly maxWorkers?: number;
  /** The worker script; default parseWorker.js next to this bundle (or parseWorker.ts when run from sources). */
  readonly workerScript?: string;
}

export interface ParallelParseResult {
  /** Worker threads started (0 when the files were too few to pay for one). */
  readonly workers: number;
  /** Files whose parse came from a worker. */
  readonly parsedByWorkers: number;
  /** Files parsed on this thread. */
  readonly parsedHere: number;
}

/** Measured on the generated benchmark workspaces (see the report of the change that added this). */
export const DEFAULT_MIN_CHARS = 600_000;

/** Shared between this thread and the workers. */
export interface ParseWorkerData {
  readonly uris: readonly string[];
  readonly texts: readonly string[];
  /** Indexes into uris/texts, largest text first, so the last files taken are small and threads end together. */
  readonly order: Int32Array;
  /** The queue: the next position in `order` to take (Atomics.add). */
  readonly next: Int32Array;
  readonly port: MessagePort;
}

export type ParseWorkerMessage =
  | { readonly kind: 'parsed'; readonly index: number; readonly parsed: unknown }
  | { readonly kind: 'done' };

/**
 * Parses every analysed, not yet parsed file of the workspace, in worker threads when the text is large
 * enough to pay for them. Never rejects: a worker that fails only leaves its files to be parsed here.
 */
export async function parseInParallel(ws: Workspace, options: ParallelParseOptions = {}): Promise<ParallelParseResult> {
  const uris = ws.analysedFiles();
  const texts = uris.map((uri) => ws.getText(uri) ?? '');
  const chars = texts.reduce((n, t) => n + t.length, 0);
  const script = options.workerScript ?? defaultWorkerScript();
  const maxWorkers = options.maxWorkers ?? Math.min(3, availableCores() - 1);
  const workerCount = Math.min(maxWorkers, Math.floor(chars / (options.minChars ?? DEFAULT_MIN_CHARS)), uris.length - 1);
  if (!script || workerCount < 1) {
    for (const uri of uris) ws.parseFile(uri);
    return { workers: 0, parsedByWorkers: 0, parsedHere: uris.length };
  }

  const order = Int32Array.from(uris.keys()).sort((a, b) => texts[b]!.length - texts[a]!.length);
  const next = new Int32Array(new SharedArrayBuffer(4));
  let parsedByWorkers = 0;
  const accept = (message: ParseWorkerMessage): boolean => {
    if (message.kind === 'done') return true;
    const parsed = message.parsed as ParsedFile | undefined;
    if (parsed && ws.setParsedFile(uris[message.index]!, texts[message.index]!, parsed)) parsedByWorkers++;
    return false;
  };

  const running = Array.from({ length: workerCount }, () => startWorker(script, { uris, texts, order, next }, accept));
  let parsedHere = 0;
  for (;;) {
    const taken = Atomics.add(next, 0, 1);
    if (taken >= order.length) break;
    if (ws.parseFile(uris[order[taken]!]!)) parsedHere++;
    // Take in what the workers sent so far: copying it in is this thread's work too, better done while they parse.
    for (const w of running) w.drain();
  }
  await Promise.all(running.map((w) => w.finished));
  return { workers: workerCount, parsedByWorkers, parsedHere };
}

interface RunningWorker {
  /** Handles the messages already received, without waiting. */
  drain(): void;
  /** Resolves when the worker said it is done, failed or exited; it is terminated then. */
  readonly finished: Promise<void>;
}

function startWorker(
  script: string,
  data: Omit<ParseWorkerData, 'port'>,
  accept: (message: ParseWorkerMessage) => boolean,
): RunningWorker {
  const { port1, port2 } = new MessageChannel();
  let done = false;
  let worker: Worker | undefined;
  let finish: () => void = () => {};
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const end = () => {
    if (done) return;
    done = true;
    port1.close();
    void worker?.terminate();
    finish();
  };
  const handle = (message: ParseWorkerMessage) => {
    if (!done && accept(message)) end();
  };
  const drain = () => {
    for (let m = receiveMessageOnPort(port1); m && !done; m = receiveMessageOnPort(port1)) handle(m.message as ParseWorkerMessage);
  };
  // While this thread parses, drain() takes messages in; once it waits, the listener does.
  port1.on('message', handle);
  try {
    worker = new Worker(script, { workerData: { ...data, port: port2 }, transferList: [port2] });
    // A worker must never keep the process alive: it is terminated when done, and waited for only through `finished`.
    worker.unref();
    worker.on('error', end);
    worker.on('exit', () => {
      drain();
      end();
    });
  } catch {
    end();
  }
  return { drain, finished };
}

function availableCores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/**
 * dist/parseWorker.js next to the bundle (esbuild.mjs builds it). Run from sources (tests), the worker is
 * the TypeScript file, which the worker can load only when the process runs with the tsx loader.
 */
function defaultWorkerScript(): string | undefined {
  const bundled = path.join(__dirname, 'parseWorker.js');
  if (fs.existsSync(bundled)) return bundled;
  const source = path.join(__dirname, 'parseWorker.ts');
  if (fs.existsSync(source) && process.execArgv.some((a) => a.includes('tsx'))) return source;
  return undefined;
}
