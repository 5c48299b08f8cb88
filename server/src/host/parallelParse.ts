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
   * Text (UTF-16 code units, about bytes) per worker: below it, everything is parsed on this thread. A worker
   * needs 60-100 ms to start (a thread, its bundle, the grammars) and each of its parses costs this thread
   * about a third of a parse to copy in, so small workspaces parse faster here alone.
   */
  readonly minChars?: number;
  /** Worker threads at most; default one less than the available cores, at most 3. 0 parses here only. */
  readonly maxWorkers?: number;
  /**
   * False: this thread only takes the workers' parses in (and parses what they did not deliver). Default
   * true: it parses files from the same queue meanwhile.
   */
  readonly parseHere?: boolean;
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

/**
 * On the 2-core benchmark machine, the 10k-resource workspace (2.4 MB) parses faster with one worker; the
 * 3k one (0.8 MB) did not when the other core was busy. So: one worker per megabyte.
 */
export const DEFAULT_MIN_CHARS = 1_000_000;

/** Time without a message after which a worker is given up on (its start included: the bundle and the grammars). */
const STALL_MS = 20_000;

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
  /** By index: parsed (here or by a worker). */
  const handled = new Uint8Array(uris.length);
  let received = 0;
  let expected = -1;
  let settle: () => void = () => {};
  const allIn = new Promise<void>((resolve) => (settle = resolve));
  const running: RunningWorker[] = [];
  const check = () => {
    if (received === expected || running.every((w) => w.ended())) settle();
  };
  const accept = (index: number, parsed: unknown) => {
    received++;
    if (parsed && ws.setParsedFile(uris[index]!, texts[index]!, parsed as ParsedFile)) {
      parsedByWorkers++;
      handled[index] = 1;
    }
    check();
  };

  for (let i = 0; i < workerCount; i++) running.push(startWorker(script, { uris, texts, order, next }, accept, check));
  let parsedHere = 0;
  let takenHere = 0;
  while (options.parseHere !== false) {
    const taken = Atomics.add(next, 0, 1);
    if (taken >= order.length) break;
    takenHere++;
    const index = order[taken]!;
    handled[index] = 1;
    if (ws.parseFile(uris[index]!)) parsedHere++;
    // Take in what the workers sent so far: copying it in is this thread's work too, better done while they parse.
    for (const w of running) w.drain();
  }
  // Every file was taken: wait only for those the workers took (none, when they are still starting up).
  for (const w of running) w.drain();
  expected = order.length - takenHere;
  check();
  await allIn;
  for (const w of running) w.stop();
  // Whatever a worker did not deliver (it failed to start or to parse) is parsed here, as without workers.
  uris.forEach((uri, index) => {
    if (!handled[index] && ws.parseFile(uri)) parsedHere++;
  });
  return { workers: workerCount, parsedByWorkers, parsedHere };
}

interface RunningWorker {
  /** Handles the messages already received, without waiting. */
  drain(): void;
  /** True once the worker said it is done, failed, exited or stalled: nothing more will come from it. */
  ended(): boolean;
  /** Terminates the worker (it may still be starting up) and stops listening. */
  stop(): void;
}

function startWorker(
  script: string,
  data: Omit<ParseWorkerData, 'port'>,
  accept: (index: number, parsed: unknown) => void,
  onEnd: () => void,
): RunningWorker {
  const { port1, port2 } = new MessageChannel();
  let ended = false;
  let worker: Worker | undefined;
  let stall: NodeJS.Timeout | undefined;
  const stop = () => {
    clearTimeout(stall);
    port1.close();
    void worker?.terminate();
  };
  const end = () => {
    if (ended) return;
    ended = true;
    stop();
    onEnd();
  };
  // A worker that stops sending is given up on (its files are then parsed here): a parse takes milliseconds.
  const watch = () => {
    clearTimeout(stall);
    stall = setTimeout(end, STALL_MS);
    stall.unref();
  };
  const handle = (message: ParseWorkerMessage) => {
    if (ended) return;
    if (message.kind === 'done') return end();
    watch();
    accept(message.index, message.parsed);
  };
  const drain = () => {
    for (let m = receiveMessageOnPort(port1); m && !ended; m = receiveMessageOnPort(port1)) handle(m.message as ParseWorkerMessage);
  };
  // While this thread parses, drain() takes messages in; once it waits, the listener does.
  port1.on('message', handle);
  try {
    const options = { workerData: { ...data, port: port2 }, transferList: [port2] };
    // From sources (tests), the worker is TypeScript: the tsx loader the tests run with does not reach workers.
    worker = script.endsWith('.ts')
      ? new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(script)});`, { ...options, eval: true })
      : new Worker(script, options);
    // A worker must never keep the process alive: it is stopped when its files are in, and waited for only through messages.
    worker.unref();
    worker.on('error', end);
    worker.on('exit', () => {
      drain();
      end();
    });
    watch();
  } catch {
    end();
  }
  return { drain, ended: () => ended, stop };
}

function availableCores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/** dist/parseWorker.js next to the bundle (esbuild.mjs builds it); run from sources, parseWorker.ts. */
function defaultWorkerScript(): string | undefined {
  const bundled = path.join(__dirname, 'parseWorker.js');
  if (fs.existsSync(bundled)) return bundled;
  const source = path.join(__dirname, 'parseWorker.ts');
  if (__filename.endsWith('.ts') && fs.existsSync(source)) return source;
  return undefined;
}
