// A real LSP client over the stdio of `node dist/server.js --stdio`, for end-to-end tests of the server.
import { after, before } from 'node:test';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type CodeAction,
  type CodeActionParams,
  CodeActionRequest,
  type ClientCapabilities,
  type Diagnostic,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  type FileEvent,
  type Hover,
  HoverRequest,
  InitializeRequest,
  type InitializeResult,
  InitializedNotification,
  type InlayHint,
  InlayHintRequest,
  LogMessageNotification,
  type Position,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type Range,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { StatusNotification, type StatusParams } from '../../../server/src/protocol';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const SERVER_JS = path.join(REPO_ROOT, 'dist', 'server.js');

/** How long a wait for the server may take before the test fails with what was received. */
const WAIT_LIMIT_MS = 30_000;

/** Rebuilds dist/ when the server bundle is missing or older than any source it is built from. */
export function ensureServerBuilt(): void {
  if (!isStale()) return;
  withBuildLock(() => {
    if (!isStale()) return; // another test process built it while we waited
    const result = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`node esbuild.mjs failed:\n${result.stdout}\n${result.stderr}`);
  });
}

function isStale(): boolean {
  if (!fs.existsSync(SERVER_JS)) return true;
  const built = fs.statSync(SERVER_JS).mtimeMs;
  return newestSource(path.join(REPO_ROOT, 'server', 'src')) > built;
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Test files run in parallel processes: one builds, the others wait for its lock to go. */
function withBuildLock(build: () => void): void {
  const lock = path.join(REPO_ROOT, 'dist', '.build-lock');
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`build lock ${lock} held too long; remove it if stale`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
  try {
    build();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** A folder of files for one test, removed by `dispose`. */
export class TempWorkspace {
  readonly root: string;

  constructor(files: Record<string, string>) {
    this.root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'vpc-lens-lsp-')));
    for (const [name, text] of Object.entries(files)) this.write(name, text);
  }

  path(name: string): string {
    return path.join(this.root, name);
  }

  uri(name: string): string {
    return pathToFileURL(this.path(name)).href;
  }

  write(name: string, text: string | Buffer): void {
    fs.mkdirSync(path.dirname(this.path(name)), { recursive: true });
    fs.writeFileSync(this.path(name), text);
  }

  dispose(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

export interface StartOptions {
  /** What `workspace/configuration` answers for `vpcLens`. */
  readonly settings?: unknown;
}

/** Requests a server may send that these tests answer with null (recorded to check what was asked). */
const SERVER_TO_CLIENT_REQUESTS = [
  'client/registerCapability',
  'client/unregisterCapability',
  'workspace/inlayHint/refresh',
  'workspace/diagnostic/refresh',
  'window/workDoneProgress/create',
  'window/showMessageRequest',
];

type Waiter = { check: () => boolean; resolve: () => void; reject: (err: Error) => void };

/** The client side of one server process: sends requests, records notifications, waits on them. */
export class LspTestClient {
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly statuses: StatusParams[] = [];
  readonly logs: string[] = [];
  /** Methods of the requests the server sent to the client. */
  readonly serverRequests: string[] = [];
  /** What the server registered (`client/registerCapability`), in order. */
  readonly registrations: { id: string; method: string; registerOptions?: unknown }[] = [];

  /** The relative-pattern file watchers the server registered, as `<baseUri> <pattern>`. */
  watchedRelativePatterns(): string[] {
    type Watcher = { globPattern: { baseUri?: string; pattern?: string } | string };
    return this.registrations
      .filter((r) => r.method === 'workspace/didChangeWatchedFiles')
      .flatMap((r) => (r.registerOptions as { watchers: Watcher[] }).watchers)
      .flatMap((w) => (typeof w.globPattern === 'string' ? [] : [`${w.globPattern.baseUri} ${w.globPattern.pattern}`]));
  }
  private readonly waiters = new Set<Waiter>();
  private exited = false;

  private constructor(
    private readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
    private readonly settings: unknown,
  ) {
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.diagnostics.set(p.uri, p.diagnostics);
      this.notify();
    });
    connection.onNotification(StatusNotification, (s) => {
      this.statuses.push(s);
      this.notify();
    });
    connection.onNotification(LogMessageNotification.type, (p) => {
      this.logs.push(p.message);
    });
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => {
      this.serverRequests.push('workspace/configuration');
      return params.items.map((i) => (i.section === 'vpcLens' ? this.settings : null));
    });
    for (const method of SERVER_TO_CLIENT_REQUESTS) {
      connection.onRequest(method, (params: { registrations?: LspTestClient['registrations'] }) => {
        this.serverRequests.push(method);
        if (method === 'client/registerCapability') this.registrations.push(...(params.registrations ?? []));
        this.notify();
        return null;
      });
    }
    child.on('exit', () => {
      this.exited = true;
      this.notify();
    });
  }

  static async start(workspace: TempWorkspace | undefined, init: Partial<InitializeParamsLite> & { capabilities: ClientCapabilities }, options: StartOptions = {}): Promise<LspTestClient> {
    ensureServerBuilt();
    const child = spawn(process.execPath, [SERVER_JS, '--stdio'], { cwd: workspace?.root ?? REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr!.on('data', () => {}); // drained so the server never blocks on a full pipe
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspTestClient(child, connection, options.settings ?? {});
    connection.listen();
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: init.rootUri ?? null,
      workspaceFolders: init.workspaceFolders ?? null,
      capabilities: init.capabilities,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  initializeResult: InitializeResult | undefined;

  get isRunning(): boolean {
    return !this.exited;
  }

  /** Resolves once `check` holds, re-checked on every notification; fails after a generous limit. */
  waitFor(what: string, check: () => boolean): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        check,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (err) => {
          clearTimeout(timer);
          reject(err);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const seen = [...this.diagnostics].map(([uri, ds]) => `${path.basename(uri)}: ${ds.map((d) => `${d.code}@${d.range.start.line}`).join(', ')}`);
        reject(new Error(`timed out waiting for ${what}; diagnostics so far:\n${seen.join('\n')}\nlogs:\n${this.logs.join('\n')}`));
      }, WAIT_LIMIT_MS);
      this.waiters.add(waiter);
    });
  }

  /** Waits until the diagnostics published for `uri` satisfy `check`, and returns them. */
  async waitForDiagnostics(uri: string, what: string, check: (ds: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
    await this.waitFor(`${what} in ${path.basename(uri)}`, () => {
      const ds = this.diagnostics.get(uri);
      return ds !== undefined && check(ds);
    });
    return this.diagnostics.get(uri)!;
  }

  async open(uri: string, text: string, languageId = 'terraform'): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** An incremental change: replaces `range` with `text`. */
  async change(uri: string, range: Range, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async filesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  inlayHints(uri: string, range: Range): Promise<InlayHint[] | null> {
    return this.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range });
  }

  codeActions(params: CodeActionParams): Promise<(CodeAction | { command: string })[] | null> {
    return this.connection.sendRequest(CodeActionRequest.type, params) as Promise<(CodeAction | { command: string })[] | null>;
  }

  async stop(): Promise<void> {
    if (!this.exited) {
      const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
      try {
        await this.connection.sendRequest(ShutdownRequest.type);
        await this.connection.sendNotification(ExitNotification.type);
      } catch {
        this.child.kill();
      }
      await exited;
    }
    this.connection.dispose();
  }

  private readonly versions = new Map<string, number>();

  private notify(): void {
    for (const w of [...this.waiters]) {
      if (w.check()) {
        this.waiters.delete(w);
        w.resolve();
      } else if (this.exited) {
        this.waiters.delete(w);
        w.reject(new Error(`the server exited; logs:\n${this.logs.join('\n')}`));
      }
    }
  }
}

interface InitializeParamsLite {
  rootUri: string | null;
  workspaceFolders: { uri: string; name: string }[] | null;
}

/** VS Code's capabilities as far as this server cares: pull configuration, dynamic watchers, inlay hints. */
export const VSCODE_LIKE_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
    didChangeConfiguration: { dynamicRegistration: true },
    inlayHint: { refreshSupport: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, isPreferredSupport: true },
    inlayHint: {},
  },
};

/** The position of `needle` in `text` (its first occurrence after `after`), moved `shift` characters in. */
export function positionOf(text: string, needle: string, shift = 0, after?: string): Position {
  const from = after === undefined ? 0 : text.indexOf(after);
  const offset = text.indexOf(needle, Math.max(from, 0));
  if (offset < 0) throw new Error(`${needle} not in text`);
  const before = text.slice(0, offset + shift);
  const line = before.split('\n').length - 1;
  return { line, character: offset + shift - (before.lastIndexOf('\n') + 1) };
}

export function lineOf(text: string, needle: string): number {
  return positionOf(text, needle).line;
}

export function hoverText(h: Hover | null): string {
  if (!h) return '';
  const c = h.contents;
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) return c.map((x) => (typeof x === 'string' ? x : x.value)).join('\n');
  return c.value;
}

/** A language server on a temporary workspace, as `serveFolder` starts it for a suite. */
export interface ServedWorkspace {
  readonly ws: TempWorkspace;
  readonly client: LspTestClient;
}

/**
 * Starts a language server on a temporary workspace of `files`, opened (as VS Code opens a folder) on `folder`
 * ('' for the workspace's root), before the enclosing suite's tests, and stops it after them. Read `ws` and
 * `client` from the result inside the tests and hooks.
 */
export function serveFolder(files: Record<string, string>, folder = ''): ServedWorkspace {
  const served = {} as { ws: TempWorkspace; client: LspTestClient };
  before(async () => {
    served.ws = new TempWorkspace(files);
    served.client = await LspTestClient.start(served.ws, {
      workspaceFolders: [{ uri: served.ws.uri(folder), name: folder === '' ? 'test' : path.basename(folder) }],
      rootUri: served.ws.uri(folder),
      capabilities: VSCODE_LIKE_CAPABILITIES,
    });
  });
  after(async () => {
    await served.client?.stop();
    served.ws?.dispose();
  });
  return served;
}
