import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, State, TransportKind } from 'vscode-languageclient/node';
import { StatusNotification } from '../../server/src/protocol';
import { DOCUMENT_SELECTOR } from './documentSelector';
import { AnalysisStatusBar } from './statusBar';
import { registerTopology } from './topology/panel';
import { announceWorkspaceTrust } from './trust';

// The client only starts the server and shows what it says: all analysis happens in the server.
const CLIENT_ID = 'vpcLens'; // also the prefix of `vpcLens.trace.server`, which the client library reads
const SHOW_OUTPUT_COMMAND = 'vpcLens.showOutput';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('VPC Lens', { log: true });
  const status = new AnalysisStatusBar(SHOW_OUTPUT_COMMAND);
  context.subscriptions.push(output, status, announceWorkspaceTrust(output));

  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: output,
    traceOutputChannel: output,
  };
  const languageClient = new LanguageClient(CLIENT_ID, 'VPC Lens', serverOptions, clientOptions);
  client = languageClient;

  context.subscriptions.push(
    languageClient.onNotification(StatusNotification, (params) => status.update(params)),
    languageClient.onDidChangeState((e) => {
      if (e.newState === State.Stopped) status.stopped();
      else if (e.newState === State.Starting) status.starting();
    }),
    vscode.commands.registerCommand(SHOW_OUTPUT_COMMAND, () => output.show(true)),
    vscode.commands.registerCommand('vpcLens.restartServer', async () => {
      output.appendLine('VPC Lens: restarting the language server');
      await languageClient.restart();
    }),
  );

  registerTopology(context, languageClient);

  try {
    await languageClient.start();
  } catch (err) {
    output.appendLine(`VPC Lens: the language server did not start: ${err instanceof Error ? err.message : String(err)}`);
    status.stopped();
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
