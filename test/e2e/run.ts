// The real-editor harness: starts code-server on a free 127.0.0.1 port with throw-away user-data/extensions
// folders, installs the .vsix, opens a copy of examples/ and drives it with headless Chromium.
// `startEditorSession()` hands a test the workbench; `close()` always tears everything down (browser,
// code-server and every process it started, temp folders) and keeps code-server's logs next to the screenshots.
//
//   npm run test:e2e                 setup.sh (tools into .cache/e2e), npm run package, then test/e2e/*.test.ts
//   E2E_VSIX=path/to.vsix            test another .vsix than vpc-lens-<version>.vsix in the repo root
//   E2E_CHROMIUM=/path/to/chromium   another browser than /usr/bin/chromium
// Results: test-results/e2e/<session>/NN-step.png, code-server.log, code-server-logs/, browser-console.log.
import * as fs from 'node:fs';
import { after, before } from 'node:test';
import * as os from 'node:os';
import * as path from 'node:path';
import { openBrowser, type OpenBrowser } from './lib/browser';
import {
  installExtension,
  listExtensions,
  makeCodeServerDirs,
  quietUserSettings,
  restrictedModeUserSettings,
  startCodeServer,
  type RunningCodeServer,
} from './lib/codeServer';
import { assertToolsInstalled, resultsDir, vsixPath } from './lib/paths';
import { Workbench } from './lib/workbench';
import { prepareWorkspace, type Scenario } from './lib/workspace';

export interface EditorSession {
  workbench: Workbench;
  scenario: Scenario;
  codeServer: RunningCodeServer;
  /** `publisher.name@version` of every installed extension. */
  installedExtensions: string[];
  /** Where screenshots and logs go. */
  resultsDir: string;
  close(): Promise<void>;
}

export interface SessionOptions {
  vsix?: string;
  /** Subfolder of test-results/e2e for this session's screenshots and logs. */
  name: string;
  /** Open the folder in Restricted Mode (Workspace Trust on, folder not trusted). */
  restrictedMode?: boolean;
  /** Extra environment for code-server and its extension host. */
  env?: NodeJS.ProcessEnv;
  /** VS Code server flags passed through code-server's `--vscode-option`. */
  vscodeOptions?: string[];
}

/** Copies code-server's own logs (extension host, server) next to the screenshots, for post-mortems. */
function keepLogs(codeServer: RunningCodeServer, outDir: string): void {
  fs.writeFileSync(path.join(outDir, 'code-server.log'), codeServer.output());
  const logs = path.join(codeServer.dirs.userDataDir, 'logs');
  if (fs.existsSync(logs)) fs.cpSync(logs, path.join(outDir, 'code-server-logs'), { recursive: true });
}

/** Keeps the workbench's console errors and uncaught page errors in a file, for post-mortems. */
function recordBrowserErrors({ page }: OpenBrowser, file: string): void {
  fs.writeFileSync(file, '');
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') fs.appendFileSync(file, `[${message.type()}] ${message.text()}\n`);
  });
  page.on('pageerror', (error) => fs.appendFileSync(file, `[pageerror] ${error.message}\n`));
}

/** A suite's editor session, started by `useEditorSession` before its tests. */
export interface EditorSuite {
  readonly session: EditorSession;
}

/**
 * Starts the suite's editor session before its tests and closes it after them: code-server and Chromium on a
 * copy of the scenario workspace, `beforeOpen` (the suite's own files, written into `scenario.folder`), the
 * workbench opened on that folder, then `afterOpen`.
 */
export function useEditorSession(
  options: SessionOptions,
  steps: { readonly beforeOpen?: () => void; readonly afterOpen?: () => Promise<void> } = {},
): EditorSuite {
  let started: EditorSession | undefined;
  before(async () => {
    started = await startEditorSession(options);
    steps.beforeOpen?.();
    await started.workbench.open(started.codeServer.url, started.scenario.folder, 90_000);
    await steps.afterOpen?.();
  }, { timeout: 180_000 });
  after(async () => {
    await started?.close();
  }, { timeout: 60_000 });
  return {
    get session(): EditorSession {
      if (!started) throw new Error(`the editor session '${options.name}' has not started`);
      return started;
    },
  };
}

export async function startEditorSession({ vsix = vsixPath(), name, restrictedMode = false, env = {}, vscodeOptions = [] }: SessionOptions): Promise<EditorSession> {
  assertToolsInstalled();
  const outDir = path.join(resultsDir, name);
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'vpc-lens-e2e-'));
  // Also when the run is interrupted (code-server's signal hook exits the process).
  const removeTempRoot = () => {
    try {
      fs.rmSync(tempRoot, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // A process still dying may hold a file for a moment; a stray temp folder must not fail the run.
    }
  };
  process.once('exit', removeTempRoot);

  let codeServer: RunningCodeServer | undefined;
  let browser: OpenBrowser | undefined;
  const close = async () => {
    await browser?.close();
    await codeServer?.stop();
    if (codeServer) keepLogs(codeServer, outDir);
    process.removeListener('exit', removeTempRoot);
    removeTempRoot();
  };

  try {
    const scenario = prepareWorkspace(tempRoot);
    const settings = restrictedMode ? { ...quietUserSettings, ...restrictedModeUserSettings } : quietUserSettings;
    const dirs = makeCodeServerDirs(path.join(tempRoot, 'code-server'), settings);
    installExtension(dirs, vsix);
    const installedExtensions = listExtensions(dirs);
    codeServer = await startCodeServer(dirs, scenario.folder, { workspaceTrust: restrictedMode, env, vscodeOptions });
    browser = await openBrowser(path.join(tempRoot, 'browser-home'));
    recordBrowserErrors(browser, path.join(outDir, 'browser-console.log'));
    const workbench = new Workbench(browser.page, outDir);
    return { workbench, scenario, codeServer, installedExtensions, resultsDir: outDir, close };
  } catch (error) {
    await close();
    throw error;
  }
}
