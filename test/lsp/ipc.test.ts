import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { test } from 'node:test';
import {
  ExitNotification,
  IPCMessageReader,
  IPCMessageWriter,
  InitializeRequest,
  ShutdownRequest,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { SERVER_JS, TempWorkspace, ensureServerBuilt } from './helpers/lspClient';

// VS Code's client starts dist/server.js with `--node-ipc` (TransportKind.ipc); the same bundle must serve it.
test('the server speaks LSP over Node IPC as the VS Code client starts it', async () => {
  ensureServerBuilt();
  const ws = new TempWorkspace({ 'main.tf': 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n' });
  const child = fork(SERVER_JS, ['--node-ipc'], { cwd: ws.root, execArgv: [], stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  connection.listen();
  try {
    const result = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: ws.uri(''),
      workspaceFolders: null,
      capabilities: {},
    });
    assert.equal(result.serverInfo?.name, 'vpc-lens');
    assert.equal(result.capabilities.hoverProvider, true);
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    assert.equal(await exited, 0);
  } finally {
    connection.dispose();
    child.kill();
    ws.dispose();
  }
});
