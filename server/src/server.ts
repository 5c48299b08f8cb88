// The language server: `node dist/server.js --stdio` for any LSP client, IPC when VS Code starts it
// (createConnection picks the transport from the command line).
import { setFlagsFromString } from 'node:v8';
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { describeError } from './core/analysis/workspace';
import { createWorkspace } from './host/createWorkspace';
import { startLanguageServer } from './lsp/languageServer';

// Memory: every analysis leaves garbage that survives a few scavenges into the old generation, and V8 by
// default lets the old generation grow to up to 4x the live heap before a full collection, so the peak kept
// climbing while the user typed (10k-resource workspace: 411 MB RSS after 150 edits). Growing it by 2x at
// most keeps the peak near twice the live heap (~255 MB there) for a few more full collections, which barely
// show in edit latency (1.5x saved 40 MB more but cost ~20 ms at p95). It is no cap: a bigger workspace
// still gets all the memory it needs. Set here rather than on the command line so every client (VS Code,
// Neovim, the benchmark) gets it, and a runtime that does not know the flag only warns on stderr instead of
// refusing to start.
setFlagsFromString('--heap-growing-percent=100');

const connection = createConnection(ProposedFeatures.all);

// A bug must cost one answer, never the server: log it and keep serving.
process.on('uncaughtException', (err) => connection.console.error(`VPC Lens: unexpected error: ${describeError(err)}\n${err.stack ?? ''}`));
process.on('unhandledRejection', (err) => connection.console.error(`VPC Lens: unexpected error: ${describeError(err)}`));

startLanguageServer(connection, (log) => createWorkspace({ error: log }));
