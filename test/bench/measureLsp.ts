// Latency of the language server on a big workspace: time to the first 'idle' status after initialize,
// edit -> publishDiagnostics of the edited file, hover on CIDRs, and the server's peak memory. Every wait is
// bounded; a server that misbehaves ends this part with an error, never a hang.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { StatusNotification, type StatusParams } from '../../server/src/protocol';
import { ANALYSIS_DEBOUNCE_MS } from '../../server/src/lsp/scheduler';
import { livePeakRss, readUsage } from './processRunner';
import { percentile } from './stats';

export interface LspOptions {
  repoRoot: string;
  workspaceDir: string;
  /** A generated file with literal subnet CIDRs to edit and hover. */
  editFile: string;
  edits: number;
  hovers: number;
}

export interface LspMeasurement {
  /** initialize sent -> first `vpcLens/status` 'idle' after indexing (or the fallback below). */
  initialAnalysisMs?: number;
  initialWaitEndedBy?: string;
  filesWithDiagnostics: number;
  editToDiagnosticsMs: number[];
  editTimeouts: number;
  hoverMs: number[];
  hoversWithContent: number;
  peakRssBytes?: number;
  peakRssMethod?: string;
  error?: string;
}

const STEP_TIMEOUT_MS = 10_000;
const INITIAL_ANALYSIS_TIMEOUT_MS = 120_000;
const QUIET_MARGIN_MS = 10;

class StepTimeout extends Error {}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StepTimeout(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

interface CidrSpot {
  line: number;
  /** Character range of the CIDR text inside the quotes. */
  start: number;
  end: number;
  text: string;
}

/** Literal IPv4 CIDRs of `cidr_block = "..."` lines. */
function findCidrs(text: string): CidrSpot[] {
  const spots: CidrSpot[] = [];
  text.split('\n').forEach((line, index) => {
    const match = /cidr_block\s*=\s*"(\d+\.\d+\.\d+\.\d+\/\d+)"/.exec(line);
    if (match?.[1]) {
      const start = line.indexOf(match[1], match.index);
      spots.push({ line: index, start, end: start + match[1].length, text: match[1] });
    }
  });
  return spots;
}

/** `10.n.64.0/26` <-> `10.n.64.7/26`: each edit adds or removes a host-bits finding, so diagnostics change. */
function toggleHostBits(cidr: string): string {
  const [address, prefix] = cidr.split('/');
  const octets = address!.split('.').map(Number);
  octets[3] = octets[3]! % 2 === 0 ? octets[3]! + 7 : octets[3]! - 7;
  return `${octets.join('.')}/${prefix}`;
}

export async function measureLsp(options: LspOptions): Promise<LspMeasurement> {
  const result: LspMeasurement = {
    filesWithDiagnostics: 0,
    editToDiagnosticsMs: [],
    editTimeouts: 0,
    hoverMs: [],
    hoversWithContent: 0,
  };
  const serverJs = path.join(options.repoRoot, 'dist', 'server.js');
  if (!fs.existsSync(serverJs)) return { ...result, error: `${serverJs} does not exist (no server build yet)` };

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'vpc-lens-bench-lsp-'));
  const rssFile = path.join(scratch, 'rss');
  const child = spawn(
    process.execPath,
    ['--require', path.join(__dirname, 'maxRssAtExit.cjs'), serverJs, '--stdio'],
    { cwd: options.repoRoot, env: { ...process.env, VPC_LENS_BENCH_RSS_FILE: rssFile }, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  // A server that dies mid-write must not take the benchmark down with an EPIPE.
  child.stdin?.on('error', () => undefined);
  let stderrTail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderrTail = (stderrTail + chunk.toString('utf8')).slice(-2000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const connection = createMessageConnection(
    new StreamMessageReader(child.stdout!),
    new StreamMessageWriter(child.stdin!),
  );
  try {
    await drive(connection, options, result, child, exited);
  } catch (err) {
    const tail = stderrTail.trim().split('\n').slice(-3).join(' | ');
    result.error = `${(err as Error).message}${tail ? ` (server stderr: ${tail})` : ''}`;
  }
  // The peak so far, read while the server still runs; if /proc is not there, the server reports it at exit.
  const live = child.pid === undefined ? undefined : livePeakRss(child.pid);
  await stop(child, connection, exited);
  const atExit = readUsage(rssFile, 'resource-usage-preload').peakRssBytes;
  if (live !== undefined) {
    result.peakRssBytes = live;
    result.peakRssMethod = '`VmHWM` of /proc/<pid>/status';
  } else if (atExit !== undefined) {
    result.peakRssBytes = atExit;
    result.peakRssMethod = '`process.resourceUsage().maxRSS` at server exit';
  }
  fs.rmSync(scratch, { recursive: true, force: true });
  return result;
}

async function drive(
  connection: MessageConnection,
  options: LspOptions,
  result: LspMeasurement,
  child: ChildProcess,
  exited: Promise<void>,
): Promise<void> {
  const diagnosticWaiters = new Map<string, Array<() => void>>();
  const urisWithDiagnostics = new Set<string>();
  let onStatus: ((status: StatusParams) => void) | undefined;

  connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: unknown[] }) => {
    if (params.diagnostics.length > 0) urisWithDiagnostics.add(params.uri);
    else urisWithDiagnostics.delete(params.uri);
    const waiters = diagnosticWaiters.get(params.uri) ?? [];
    diagnosticWaiters.delete(params.uri);
    for (const wake of waiters) wake();
  });
  connection.onNotification(StatusNotification, (status) => onStatus?.(status));
  // Answer whatever the server asks (configuration, capability registration, progress) with defaults.
  connection.onRequest((method, params) => {
    if (method === 'workspace/configuration') {
      const items = (params as { items?: unknown[] } | undefined)?.items ?? [];
      return items.map(() => null);
    }
    return null;
  });
  connection.listen();

  const serverGone = exited.then(() => {
    throw new Error('the server process exited');
  });
  // Only the waits below care; the normal exit at shutdown must not count as an unhandled rejection.
  serverGone.catch(() => undefined);
  const guarded = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
    within(Promise.race([promise, serverGone]), ms, what);

  const rootUri = pathToFileURL(options.workspaceDir).href;
  const started = performance.now();
  const idleSeen = new Promise<string>((resolve) => {
    onStatus = (status) => {
      if (status.state === 'idle' && status.files > 0) resolve(`vpcLens/status idle (${status.files} files)`);
    };
  });
  const init = (await guarded(
    connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: path.basename(options.workspaceDir) }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: {
          synchronization: { didSave: true },
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
      initializationOptions: {},
    }),
    STEP_TIMEOUT_MS * 3,
    'initialize',
  )) as { capabilities?: { textDocumentSync?: number | { change?: number } } };
  await connection.sendNotification('initialized', {});

  result.initialWaitEndedBy = await guarded(idleSeen, INITIAL_ANALYSIS_TIMEOUT_MS, "waiting for the 'idle' status");
  result.initialAnalysisMs = performance.now() - started;
  result.filesWithDiagnostics = urisWithDiagnostics.size;

  // Open the file to edit, and let the server settle on it.
  const uri = pathToFileURL(options.editFile).href;
  let text = fs.readFileSync(options.editFile, 'utf8');
  const spots = findCidrs(text);
  if (spots.length === 0) throw new Error(`no literal CIDR to edit in ${options.editFile}`);
  let version = 1;
  await connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'terraform', version, text },
  });
  const nextDiagnostics = (): Promise<void> =>
    new Promise((resolve) => diagnosticWaiters.set(uri, [...(diagnosticWaiters.get(uri) ?? []), resolve]));

  const sync = init.capabilities?.textDocumentSync;
  const incremental = (typeof sync === 'number' ? sync : sync?.change) === 2;
  const failures: string[] = [];

  // Edits and hovers are separate phases: a server that never publishes for this file still gets its hovers timed.
  try {
    const target = { ...spots[0]! };
    let consecutiveTimeouts = 0;
    let lastEditAt = -Infinity;
    for (let i = 0; i < options.edits; i++) {
      // A user's edit, not a burst: the server analyses an edit at once only after a quiet period (edits
      // closer together are coalesced until typing pauses), so each edit waits for that period to pass.
      await quietPeriodSince(lastEditAt);
      const before = target.text;
      const after = toggleHostBits(before);
      const lines = text.split('\n');
      const line = lines[target.line]!;
      lines[target.line] = line.slice(0, target.start) + after + line.slice(target.start + before.length);
      text = lines.join('\n');
      target.text = after;
      version++;
      const arrived = nextDiagnostics();
      const sent = performance.now();
      lastEditAt = sent;
      await connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: incremental
          ? [
              {
                range: {
                  start: { line: target.line, character: target.start },
                  end: { line: target.line, character: target.start + before.length },
                },
                text: after,
              },
            ]
          : [{ text }],
      });
      try {
        await guarded(arrived, STEP_TIMEOUT_MS, `diagnostics after edit ${i + 1}`);
        result.editToDiagnosticsMs.push(performance.now() - sent);
        consecutiveTimeouts = 0;
      } catch (err) {
        if (!(err instanceof StepTimeout)) throw err;
        result.editTimeouts++;
        if (++consecutiveTimeouts >= 3) throw new Error(`no diagnostics for 3 edits in a row (${err.message})`);
      }
    }
  } catch (err) {
    failures.push(`edits: ${(err as Error).message}`);
  }

  try {
    for (let i = 0; i < options.hovers; i++) {
      const spot = spots[i % spots.length]!;
      // The first spot was edited: its CIDR may be one character longer or shorter now; stay on its first octets.
      const character = spot.start + 3;
      const sent = performance.now();
      const hover = await guarded(
        connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: spot.line, character } }),
        STEP_TIMEOUT_MS,
        `hover ${i + 1}`,
      );
      result.hoverMs.push(performance.now() - sent);
      if (hover) result.hoversWithContent++;
    }
  } catch (err) {
    failures.push(`hovers: ${(err as Error).message}`);
  }
  if (failures.length > 0) throw new Error(failures.join('; '));
}

/** Resolves once ANALYSIS_DEBOUNCE_MS (and a margin for timer slack) have passed since `since`. */
function quietPeriodSince(since: number): Promise<void> {
  const wait = since + ANALYSIS_DEBOUNCE_MS + QUIET_MARGIN_MS - performance.now();
  return wait > 0 ? new Promise((resolve) => setTimeout(resolve, wait)) : Promise.resolve();
}

/** shutdown + exit, bounded; the server is killed (by its pid) if it does not leave on its own. */
async function stop(child: ChildProcess, connection: MessageConnection, exited: Promise<void>): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    try {
      await within(connection.sendRequest('shutdown'), 5000, 'shutdown');
      await connection.sendNotification('exit');
    } catch {
      // fall through to the kill below
    }
    try {
      await within(exited, 5000, 'server exit');
    } catch {
      child.kill('SIGKILL');
      await within(exited, 5000, 'server kill').catch(() => undefined);
    }
  }
  connection.dispose();
}

export function summariseLatency(values: readonly number[]): { p50: number; p95: number } {
  return { p50: percentile(values, 50), p95: percentile(values, 95) };
}
