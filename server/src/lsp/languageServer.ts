import * as path from 'node:path';
import {
  type ClientCapabilities,
  type Connection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  type Diagnostic as LspDiagnostic,
  FileChangeType,
  type InitializeParams,
  type InitializeResult,
  TextDocumentSyncKind,
  TextDocuments,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type Analysis, type Workspace, describeError } from '../core/analysis/workspace';
import { folderOfUri } from '../core/text/uri';
import { MAX_FILE_FUNCTION_CHARS, mayBeReadByFileFunction, readTextFileAsync } from '../host/files';
import { loadReferencedFiles } from '../host/referencedFiles';
import { loadReferencedFolders, MAX_REFERENCED_FOLDERS } from '../host/referencedFolders';
import { PROJECT_CONFIG_FILE } from '../core/config/projectConfig';
import { type AnalysisSettings, DEFAULT_SETTINGS } from '../core/config/settings';
import { CONFIGURATION_SECTION, type StatusParams, StatusNotification } from '../protocol';
import { lspCodeActions } from './codeActions';
import { toLspDiagnostic } from './convert';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { CANDIDATE_GLOB, discoverFiles, isCandidate, readCandidate, readModuleFolder } from './fileDiscovery';
import { lspHover } from './hover';
import { lspInlayHints } from './inlayHints';
import { LineIndexCache } from './lineIndexCache';
import { ModuleFolderWatcher } from './moduleFolderWatcher';
import {
  type Folder,
  analysisSettings,
  excludeFilter,
  isExcludedPath,
  loadProjectConfig,
  makeFolder,
  projectConfigDiagnostics,
} from './project';
import { AnalysisScheduler } from './scheduler';
import { registerTopology } from './topology';
import { DEFAULT_EDITOR_SETTINGS, type EditorSettings, readEditorSettings } from './settings';
import { canonicalUri, pathToUri, uriToPath } from './uris';

/**
 * The LSP wiring: keeps the core Workspace in step with open documents and files on disk, runs analyses
 * through the scheduler, and answers requests from the latest analysis. Everything LSP-specific lives in
 * this folder; core sees only (uri, text) pairs and settings.
 */
export function startLanguageServer(connection: Connection, createWorkspace: (log: (m: string) => void) => Promise<Workspace>): void {
  const documents = new TextDocuments(TextDocument);
  /** Canonical URI -> the URI the client uses for an open document. */
  const clientUris = new Map<string, string>();
  /** Files of the workspace folders read from disk (canonical URIs), so a re-index can drop vanished ones. */
  const diskFiles = new Set<string>();
  /** Files a front-end claims: only these get diagnostics, hovers and hints. */
  const claimed = new Set<string>();
  /**
   * Files of local modules outside the workspace folders, read because a module source names their folder
   * (an editor opened on `envs/prod`, or on one example of a module). Watched where the client supports
   * relative patterns (`moduleWatcher`), and re-read on re-index.
   */
  const moduleFiles = new Set<string>();
  /** Files the workspace's files read with Terraform's file() that no walk of the folders found (outside them). */
  const referencedFiles = new Set<string>();
  /** Set once the client said what it supports (`initialized`). */
  let moduleWatcher: ModuleFolderWatcher | undefined;

  let workspace: Workspace | undefined;
  let folders: Folder[] = [];
  let editorSettings: EditorSettings = DEFAULT_EDITOR_SETTINGS;
  /** Resolved once per settings change (var files are looked up on disk), not per keystroke. */
  let settings: AnalysisSettings = DEFAULT_SETTINGS;
  let capabilities: ClientCapabilities = {};
  let lastStatus: StatusParams = { state: 'indexing', files: 0, errors: 0, warnings: 0 };

  const log = (message: string): void => connection.console.log(message);
  const logError = (message: string): void => connection.console.error(message);

  const clientUri = (uri: string): string => clientUris.get(uri) ?? uri;
  const openText = (uri: string): string | undefined => {
    const client = clientUris.get(uri);
    return client === undefined ? undefined : documents.get(client)?.getText();
  };
  const textOf = (uri: string): string | undefined =>
    openText(uri) ?? workspace?.getText(uri) ?? folders.find((f) => f.configUri === uri)?.configText;
  const lines = new LineIndexCache(textOf);
  const lineIndexOf = (uri: string) => lines.get(uri);

  const sendStatus = (status: StatusParams): void => {
    lastStatus = status;
    void connection.sendNotification(StatusNotification, status).catch(() => {});
  };

  const publisher = new DiagnosticsPublisher((uri, diagnostics) => {
    void connection.sendDiagnostics({ uri: clientUri(uri), diagnostics }).catch(() => {});
  });

  const scheduler = new AnalysisScheduler<Analysis>(
    () => {
      if (!workspace) throw new Error('workspace not ready');
      sendStatus({ ...lastStatus, state: 'analyzing' });
      return workspace.analyze(settings);
    },
    (analysis) => {
      publishAnalysis(analysis);
      // An edit may have added a module call (or removed the last one) to a folder outside the workspace.
      void followModules().then((changed) => {
        if (changed) scheduler.schedule();
      });
    },
    (err) => {
      logError(`VPC Lens: analysis failed: ${describeError(err)}${err instanceof Error && err.stack ? `\n${err.stack}` : ''}`);
      sendStatus({ ...lastStatus, state: 'idle' });
    },
  );

  function publishAnalysis(analysis: Analysis): void {
    const all = new Map<string, LspDiagnostic[]>();
    let errors = 0;
    let warnings = 0;
    for (const [uri, diagnostics] of analysis.diagnostics) {
      all.set(uri, diagnostics.map((d) => toLspDiagnostic(d, lineIndexOf, clientUri)));
      for (const d of diagnostics) {
        if (d.severity === 'error') errors++;
        else if (d.severity === 'warning') warnings++;
      }
    }
    for (const [uri, diagnostics] of projectConfigDiagnostics(folders)) all.set(uri, diagnostics);
    publisher.publish(all);
    sendStatus({ state: 'idle', files: analysis.files, errors, warnings });
    if (capabilities.workspace?.inlayHint?.refreshSupport) void connection.languages.inlayHint.refresh().catch(() => {});
    topology.analysisPublished();
  }

  /**
   * Puts a file's text into the workspace. Unclaimed files are not kept (reading them was the whole cost),
   * except small YAML and JSON files, which Terraform's `file()` may read (`yamldecode(file("network.yaml"))`):
   * a change to one analyses again, and the roots that did not read it come from the cache.
   * Returns whether anything changed, so a save or a close with the text already known analyses nothing.
   */
  function setText(uri: string, text: string): boolean {
    if (!workspace) return false;
    const wasClaimed = claimed.has(uri);
    const wasHeld = workspace.hasFile(uri);
    if (wasHeld && workspace.getText(uri) === text) return false;
    // A parameter file chosen by setting is kept although detection does not claim it: the analysis does.
    if (workspace.setFile(uri, text) || settings.cloudFormationParameterFiles?.some((p) => p.parameters === uri)) {
      claimed.add(uri);
      return true;
    }
    claimed.delete(uri);
    if (mayBeReadByFileFunction(uri, text)) return true;
    workspace.deleteFile(uri);
    return wasClaimed || wasHeld;
  }

  /** Returns whether the file was part of the analysis (only then does removing it change anything). */
  function removeFile(uri: string): boolean {
    const known = workspace?.hasFile(uri) ?? false;
    workspace?.deleteFile(uri);
    claimed.delete(uri);
    diskFiles.delete(uri);
    moduleFiles.delete(uri);
    referencedFiles.delete(uri);
    lines.forget(uri);
    return known;
  }

  function insideFolders(p: string): boolean {
    return folders.some((f) => {
      const rel = path.relative(f.path, p);
      return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
    });
  }

  function excluded(uri: string): boolean {
    const p = uriToPath(uri);
    if (p === undefined) return false;
    // A module file is read because a file calls its folder, wherever it is (`.terraform/modules` included).
    const moduleFile = moduleFiles.has(uri) || moduleWatcher?.watches(folderOfUri(uri)) === true;
    return isExcludedPath(folders, editorSettings, p, !moduleFile);
  }

  /** For a folder a file calls: only the user's excludes leave its files out. */
  function excludedByUser(uri: string): boolean {
    const p = uriToPath(uri);
    return p !== undefined && isExcludedPath(folders, editorSettings, p, false);
  }

  /** Reads every candidate file of every folder; files that vanished or became excluded are dropped. */
  async function indexFolders(): Promise<void> {
    const found = new Set<string>();
    for (const folder of folders) {
      const paths = await discoverFiles(folder.path, excludeFilter(folder, editorSettings), log);
      for (const p of paths) found.add(pathToUri(p));
    }
    // Var files and chosen parameter files are read even when excluded or outside the folders: the user named them.
    for (const uri of settings.terraformVarFiles) found.add(uri);
    for (const p of settings.cloudFormationParameterFiles ?? []) found.add(p.parameters);
    for (const uri of [...diskFiles]) {
      if (found.has(uri)) continue;
      diskFiles.delete(uri);
      if (!clientUris.has(uri)) removeFile(uri);
    }
    for (const uri of found) {
      diskFiles.add(uri);
      if (clientUris.has(uri)) continue;
      const p = uriToPath(uri);
      const text = p === undefined ? undefined : await readCandidate(p, log);
      if (text === undefined) removeFile(uri);
      else setText(uri, text);
    }
  }

  /**
   * Reads the local modules that the files call from folders the workspace does not hold, and drops module
   * files nothing calls any more. A folder that is missing is looked for again after the next analysis, so
   * creating it is noticed. Returns whether the workspace changed.
   */
  function followModules(): Promise<boolean> {
    return indexing.then(followModulesNow);
  }

  async function followModulesNow(): Promise<boolean> {
    try {
      if (!workspace) return false;
      let changed = false;
      for (;;) {
        const referenced = new Set(workspace.referencedFolders());
        const stale = [...moduleFiles].filter((uri) => !referenced.has(folderOfUri(uri)) && !clientUris.has(uri));
        if (stale.length === 0) break;
        for (const uri of stale) removeFile(uri);
        changed = true;
      }
      const read = async (folderUri: string) => {
        const folder = uriToPath(folderUri);
        if (folder === undefined) return [];
        const files = await readModuleFolder(folder, (p) => excludedByUser(pathToUri(p)), log);
        return files.map((f) => ({ uri: pathToUri(f.path), text: f.text }));
      };
      const put = (uri: string, text: string): boolean => {
        if (clientUris.has(uri) || !setText(uri, text)) return false;
        moduleFiles.add(uri);
        return true;
      };
      const load = await loadReferencedFolders(workspace, read, new Set(), put);
      if (load.truncated) log(`VPC Lens: modules called from more than ${MAX_REFERENCED_FOLDERS} folders outside the workspace; the others are not read`);
      moduleWatcher?.update([...moduleFiles].map(folderOfUri));
      return changed || load.added.length > 0 || (await followReferencedFiles());
    } catch (err) {
      logError(`VPC Lens: cannot read the modules the workspace calls: ${describeError(err)}`);
      return false;
    }
  }

  /**
   * Reads the files the workspace's files read with Terraform's `file()` that it does not hold (outside the
   * workspace folders, or of a kind the walk skips), and drops those nothing reads any more. They are read
   * again at the next re-index; an edit in the editor is followed like any open document's.
   */
  async function followReferencedFiles(): Promise<boolean> {
    if (!workspace) return false;
    const ws = workspace;
    const wanted = new Set(ws.referencedFiles());
    let changed = false;
    for (const uri of [...referencedFiles]) {
      if (wanted.has(uri) || clientUris.has(uri)) continue;
      removeFile(uri);
      changed = true;
    }
    const read = async (uri: string): Promise<string | undefined> => {
      const p = uriToPath(uri);
      if (p === undefined || excludedByUser(uri)) return undefined;
      const result = await readTextFileAsync(p, MAX_FILE_FUNCTION_CHARS);
      return result.ok ? result.text : undefined;
    };
    const added = await loadReferencedFiles(ws, read, (uri, text) => {
      ws.setFile(uri, text);
      referencedFiles.add(uri);
    });
    return changed || added.length > 0;
  }

  /** Open documents override the disk, unless excluded (settings may have changed since they opened). */
  function syncOpenDocuments(): void {
    for (const doc of documents.all()) {
      const uri = canonicalUri(doc.uri);
      if (excluded(uri)) removeFile(uri);
      else setText(uri, doc.getText());
    }
  }

  async function readEditorConfiguration(): Promise<void> {
    if (!capabilities.workspace?.configuration) return;
    try {
      const raw: unknown = await connection.workspace.getConfiguration({ section: CONFIGURATION_SECTION });
      editorSettings = readEditorSettings(raw);
    } catch (err) {
      logError(`VPC Lens: cannot read settings: ${describeError(err)}`);
    }
  }

  /** Serialises re-indexing: a settings change during indexing waits for it instead of racing it. */
  let indexing: Promise<void> = Promise.resolve();
  function reindex(readSettings: boolean): Promise<void> {
    indexing = indexing.then(async () => {
      scheduler.pause();
      sendStatus({ ...lastStatus, state: 'indexing' });
      try {
        if (readSettings) await readEditorConfiguration();
        for (const f of folders) loadProjectConfig(f);
        settings = analysisSettings(folders, editorSettings, log);
        // Module files and files read with file() are read again below: they may have changed on disk, unwatched.
        for (const uri of [...moduleFiles, ...referencedFiles]) if (!clientUris.has(uri)) removeFile(uri);
        await indexFolders();
        syncOpenDocuments();
        await followModulesNow();
      } catch (err) {
        logError(`VPC Lens: indexing failed: ${describeError(err)}`);
      }
      scheduler.schedule();
      sendStatus({ ...lastStatus, state: 'analyzing' });
      scheduler.resume();
    });
    return indexing;
  }

  /** Requests wait for indexing, then get the analysis of the current texts. */
  async function currentAnalysis(): Promise<Analysis | undefined> {
    await indexing;
    return scheduler.current();
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = params.capabilities ?? {};
    folders = initialFolders(params).map(makeFolder);
    indexing = createWorkspace(logError).then(
      (ws) => {
        workspace = ws;
      },
      (err) => logError(`VPC Lens: cannot start the analysis engine: ${describeError(err)}`),
    );
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        inlayHintProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'vpc-lens' },
    };
  });

  connection.onInitialized(() => {
    const ws = capabilities.workspace;
    const watchModules = ws?.didChangeWatchedFiles?.dynamicRegistration && ws.didChangeWatchedFiles.relativePatternSupport;
    moduleWatcher = new ModuleFolderWatcher(
      watchModules ? (watchers) => connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }) : undefined,
      logError,
    );
    if (ws?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: CANDIDATE_GLOB }, { globPattern: `**/${PROJECT_CONFIG_FILE}` }],
        })
        .catch((err) => logError(`VPC Lens: cannot watch files: ${describeError(err)}`));
    }
    if (ws?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client
        .register(DidChangeConfigurationNotification.type, { section: CONFIGURATION_SECTION })
        .catch(() => {});
    }
    if (ws?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => canonicalUri(f.uri)));
        folders = folders.filter((f) => !removed.has(f.uri));
        for (const f of e.added) {
          const p = uriToPath(f.uri);
          if (p) folders.push(makeFolder(p));
        }
        void reindex(false);
      });
    }
    void reindex(true);
  });

  connection.onDidChangeConfiguration((params) => {
    if (!capabilities.workspace?.configuration) {
      const raw = (params.settings as Record<string, unknown> | undefined)?.[CONFIGURATION_SECTION];
      editorSettings = readEditorSettings(raw);
    }
    void reindex(true);
  });

  documents.onDidOpen((e) => {
    const uri = canonicalUri(e.document.uri);
    clientUris.set(uri, e.document.uri);
  });

  documents.onDidChangeContent((e) => {
    const uri = canonicalUri(e.document.uri);
    clientUris.set(uri, e.document.uri);
    if (excluded(uri)) return;
    if (setText(uri, e.document.getText())) scheduler.schedule();
  });

  documents.onDidClose((e) => {
    const uri = canonicalUri(e.document.uri);
    clientUris.delete(uri);
    // The file on disk takes over again (or the file goes away when it is not part of the workspace).
    void (async () => {
      await indexing;
      const p = uriToPath(uri);
      const partOfWorkspace =
        p !== undefined && (diskFiles.has(uri) || moduleFiles.has(uri) || (isCandidate(p) && insideFolders(p) && !excluded(uri)));
      const text = partOfWorkspace ? await readCandidate(p, log) : undefined;
      if (clientUris.has(uri)) return; // reopened meanwhile
      // The editor's text may differ from the disk: its line index must not outlive it.
      lines.forget(uri);
      let changed: boolean;
      if (text === undefined) changed = removeFile(uri);
      else {
        diskFiles.add(uri);
        changed = setText(uri, text);
      }
      if (changed) scheduler.schedule();
    })().catch((err) => logError(`VPC Lens: cannot reload ${uri}: ${describeError(err)}`));
  });

  connection.onDidChangeWatchedFiles((params) => {
    void (async () => {
      await indexing;
      let configChanged = false;
      // Saving an open file reports a change too: analyse only when a text really changed.
      let filesChanged = false;
      // A file where no walk goes (`terraform init` writing .terraform/modules) may be one a call now finds.
      let outsideChanged = false;
      for (const change of params.changes) {
        const uri = canonicalUri(change.uri);
        const p = uriToPath(uri);
        if (!p) continue;
        if (path.basename(p) === PROJECT_CONFIG_FILE) {
          configChanged = true;
          continue;
        }
        if (clientUris.has(uri)) continue; // the open document wins over the disk
        if (change.type === FileChangeType.Deleted) {
          filesChanged = removeFile(uri) || filesChanged;
        } else if (isCandidate(p) && !excluded(uri)) {
          const text = await readCandidate(p, log);
          if (clientUris.has(uri)) continue;
          if (text === undefined) filesChanged = removeFile(uri) || filesChanged;
          else {
            // A file of a module folder outside the workspace stays a module file: it goes when no call names its folder.
            if (moduleFiles.has(uri) || moduleWatcher?.watches(folderOfUri(uri))) moduleFiles.add(uri);
            else diskFiles.add(uri);
            filesChanged = setText(uri, text) || filesChanged;
          }
        } else if (isCandidate(p)) {
          outsideChanged = true;
        }
      }
      if (configChanged) await reindex(false);
      else if (filesChanged || (outsideChanged && (await followModules()))) scheduler.schedule();
    })().catch((err) => logError(`VPC Lens: cannot apply file changes: ${describeError(err)}`));
  });

  connection.onHover(async (params) => {
    const uri = canonicalUri(params.textDocument.uri);
    const analysis = await currentAnalysis();
    const index = lines.get(uri);
    // Also on a YAML or JSON file kept for Terraform's file(): its blocks are the network's, as findings show.
    if (!analysis || !index || !(claimed.has(uri) || workspace?.hasFile(uri))) return null;
    try {
      return lspHover(analysis, textOf, lineIndexOf, uri, index, params.position);
    } catch (err) {
      logError(`VPC Lens: hover failed: ${describeError(err)}`);
      return null;
    }
  });

  connection.languages.inlayHint.on(async (params) => {
    if (!editorSettings.inlayHintsEnabled) return [];
    const uri = canonicalUri(params.textDocument.uri);
    const analysis = await currentAnalysis();
    const index = lines.get(uri);
    if (!analysis || !index || !claimed.has(uri)) return [];
    try {
      return lspInlayHints(analysis, uri, index, params.range);
    } catch (err) {
      logError(`VPC Lens: inlay hints failed: ${describeError(err)}`);
      return [];
    }
  });

  connection.onCodeAction(async (params) => {
    const uri = canonicalUri(params.textDocument.uri);
    const analysis = await currentAnalysis();
    const index = lines.get(uri);
    if (!analysis || !index) return [];
    try {
      return lspCodeActions(analysis.diagnostics.get(uri) ?? [], params, uri, index, lineIndexOf, clientUri);
    } catch (err) {
      logError(`VPC Lens: code actions failed: ${describeError(err)}`);
      return [];
    }
  });

  // The diagram panel: vpcLens/topology, vpcLens/elementAt, and vpcLens/topologyChanged after each analysis.
  const topology = registerTopology(connection, { currentAnalysis, lineIndexOf, clientUri, logError });

  connection.onShutdown(() => scheduler.dispose());

  documents.listen(connection);
  connection.listen();
}

/** Workspace folders, else the root (Neovim and older clients send only `rootUri`/`rootPath`). */
function initialFolders(params: InitializeParams): string[] {
  const fromFolders = (params.workspaceFolders ?? []).map((f: WorkspaceFolder) => uriToPath(f.uri));
  const paths = fromFolders.filter((p): p is string => p !== undefined);
  if (paths.length > 0) return paths;
  const root = params.rootUri ? uriToPath(params.rootUri) : (params.rootPath ?? undefined);
  return root ? [root] : [];
}
