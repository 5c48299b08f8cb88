// The language server: `node dist/server.js --stdio` for any LSP client, IPC when VS Code starts it
// (createConnection picks the transport from the command line).
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { describeError } from './core/analysis/workspace';
import { createWorkspace } from './host/createWorkspace';
import { startLanguageServer } from './lsp/languageServer';

const connection = createConnection(ProposedFeatures.all);

// A bug must cost one answer, never the server: log it and keep serving.
process.on('uncaughtException', (err) => connection.console.error(`VPC Lens: unexpected error: ${describeError(err)}\n${err.stack ?? ''}`));
process.on('unhandledRejection', (err) => connection.console.error(`VPC Lens: unexpected error: ${describeError(err)}`));

startLanguageServer(connection, (log) => createWorkspace({ error: log }));
