// Runs code-server (the real VS Code workbench, served to a browser) on Node 24 from .cache/e2e, bound to
// 127.0.0.1 only, with its own throw-away user-data and extensions folders so a run never sees the
// machine's editor state and never leaves any behind.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { once } from 'node:events';
import { codeServerEntry, node24 } from './paths';
import { GiveUp, pollUntil, withTimeout } from './poll';

export interface CodeServerDirs {
  /** Parent of everything below; removed by the caller. */
  root: string;
  userDataDir: string;
  extensionsDir: string;
  configFile: string;
}

export interface RunningCodeServer {
  url: string;
  port: number;
  dirs: CodeServerDirs;
  /** Everything code-server printed so far (stdout and stderr). */
  output(): string;
  /** Stops code-server and every process it started; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * A Restricted Mode window: Workspace Trust on, the folder never trusted, and no startup dialog asking
 * (the folder simply opens in Restricted Mode, as after a person clicks "Don't Trust").
 */
export const restrictedModeUserSettings = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'always',
  'security.workspace.trust.emptyWindow': false,
};

/** User settings that keep first-run noise (welcome page, trust prompt, tips, telemetry) off the screen. */
export const quietUserSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'editor.hover.delay': 200,
  'editor.inlayHints.enabled': 'on',
  'editor.minimap.enabled': false,
  'files.autoSave': 'off',
  'window.restoreWindows': 'none',
};

export function makeCodeServerDirs(root: string, userSettings: Record<string, unknown> = quietUserSettings): CodeServerDirs {
  const dirs: CodeServerDirs = {
    root,
    userDataDir: path.join(root, 'user-data'),
    extensionsDir: path.join(root, 'extensions'),
    configFile: path.join(root, 'config.yaml'),
  };
  fs.mkdirSync(path.join(dirs.userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(dirs.extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(dirs.userDataDir, 'User', 'settings.json'), JSON.stringify(userSettings, null, 2));
  // An explicit config file keeps code-server from writing one (with a password) into ~/.config.
  fs.writeFileSync(dirs.configFile, 'auth: none\ncert: false\n');
  return dirs;
}

function cliEnv(dirs: CodeServerDirs): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${path.dirname(node24)}${path.delimiter}${process.env.PATH ?? ''}`,
    XDG_CONFIG_HOME: path.join(dirs.root, 'xdg-config'),
    XDG_DATA_HOME: path.join(dirs.root, 'xdg-data'),
    // This machine's npmrc/NODE_OPTIONS are for the project's Node 20; code-server runs on its own Node 24.
    NODE_OPTIONS: '',
    // No extension gallery: the test machine is offline and the run must not reach out (code-server would
    // query open-vsx.org for recommendations and updates).
    EXTENSIONS_GALLERY: '{}',
  };
}

function commonArgs(dirs: CodeServerDirs): string[] {
  return ['--config', dirs.configFile, '--user-data-dir', dirs.userDataDir, '--extensions-dir', dirs.extensionsDir];
}

/** Runs one code-server CLI command (install/list extensions) to completion, bounded by a timeout. */
export function codeServerCli(dirs: CodeServerDirs, args: string[], timeoutMs = 120_000): string {
  const result = spawnSync(node24, [codeServerEntry, ...commonArgs(dirs), ...args], {
    env: cliEnv(dirs),
    encoding: 'utf8',
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.error || result.status !== 0) {
    throw new Error(`code-server ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`}):\n${output}`);
  }
  return output;
}

export function installExtension(dirs: CodeServerDirs, vsix: string): string {
  return codeServerCli(dirs, ['--install-extension', vsix, '--force']);
}

/** Installed extensions as `publisher.name@version`, one per entry. */
export function listExtensions(dirs: CodeServerDirs): string[] {
  return codeServerCli(dirs, ['--list-extensions', '--show-versions'])
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^[\w-]+\.[\w-]+@/.test(line));
}

async function freeLoopbackPort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

/** Kills the whole process group (code-server, its extension host, pty host, file watcher). */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

export interface StartOptions {
  startTimeoutMs?: number;
  /** Keep Workspace Trust on (with the user setting `security.workspace.trust.enabled`): the folder opens untrusted. */
  workspaceTrust?: boolean;
  /** Extra environment for code-server and the extension host it starts. */
  env?: NodeJS.ProcessEnv;
  /** VS Code server flags code-server does not model (`--vscode-option`), e.g. `enable-smoke-test-driver`. */
  vscodeOptions?: string[];
}

export async function startCodeServer(dirs: CodeServerDirs, folder: string, { startTimeoutMs = 60_000, workspaceTrust = false, env = {}, vscodeOptions = [] }: StartOptions = {}): Promise<RunningCodeServer> {
  const port = await freeLoopbackPort();
  const args = [
    codeServerEntry,
    ...commonArgs(dirs),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    ...vscodeOptions.flatMap((option) => ['--vscode-option', option]),
    '--disable-getting-started-override',
    '--disable-file-downloads',
    folder,
  ];
  // Its own process group, so stop() reaches every helper process code-server starts.
  const child = spawn(node24, args, { env: { ...cliEnv(dirs), ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit');
  // If the test process ends first (normally, or by Ctrl+C / a CI timeout's SIGTERM), take code-server down
  // with it instead of leaving it running; exiting (rather than dying by the signal) runs the other 'exit'
  // hooks too, such as the session's temp folder removal.
  const killOnExit = () => killGroup(child, 'SIGKILL');
  const killOnSignal = (signal: NodeJS.Signals) => {
    killOnExit();
    forgetHooks();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  const forgetHooks = () => {
    process.removeListener('exit', killOnExit);
    process.removeListener('SIGINT', killOnSignal);
    process.removeListener('SIGTERM', killOnSignal);
  };
  process.once('exit', killOnExit);
  process.once('SIGINT', killOnSignal);
  process.once('SIGTERM', killOnSignal);

  const stop = async () => {
    forgetHooks();
    if (child.exitCode !== null || child.signalCode !== null) return;
    killGroup(child, 'SIGTERM');
    try {
      await withTimeout('code-server to exit', exited, 10_000);
    } catch {
      killGroup(child, 'SIGKILL');
      await withTimeout('code-server to die', exited, 5_000).catch(() => undefined);
    }
    // Helpers that outlived the main process would still be in its group.
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Nothing left.
    }
  };

  const url = `http://127.0.0.1:${port}`;
  try {
    await pollUntil(
      `code-server on ${url}/healthz`,
      async () => {
        if (child.exitCode !== null) throw new GiveUp(`code-server exited with ${child.exitCode}:\n${output}`);
        const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
        return response.ok;
      },
      { timeoutMs: startTimeoutMs, intervalMs: 200 },
    );
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\ncode-server output:\n${output}`);
  }
  return { url, port, dirs, output: () => output, stop };
}

/** The remote extension host's log lines (activation events, extension errors) written so far. */
export function extensionHostLog(dirs: CodeServerDirs): string {
  const logs = path.join(dirs.userDataDir, 'logs');
  if (!fs.existsSync(logs)) return '';
  return fs
    .readdirSync(logs)
    .sort()
    .map((session) => path.join(logs, session, 'exthost1', 'remoteexthost.log'))
    .filter((file) => fs.existsSync(file))
    .map((file) => fs.readFileSync(file, 'utf8'))
    .join('\n');
}
