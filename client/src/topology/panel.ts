// The topology panel: a webview beside the editor that draws the language server's topology graph, follows
// analyses (vpcLens/topologyChanged, debounced), reveals a node's source on click, highlights the node under
// the editor cursor (vpcLens/elementAt), saves exports, and comes back after a reload (serializer).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ElementAtRequest, TopologyChangedNotification, TopologyRequest } from '../../../server/src/protocol';
import type { TopologyRange } from '../../../server/src/core/topology/types';
import {
  TOPOLOGY_VIEW_TYPE, isWebviewToHostMessage, type HostToWebviewMessage, type TopologyScope, type WebviewState, type WebviewToHostMessage,
} from '../../webview/messages';
import { createNonce, topologyHtml } from './webviewHtml';

export const SHOW_TOPOLOGY_COMMAND = 'vpcLens.showTopology';
const REFRESH_DEBOUNCE_MS = 300;
const CURSOR_DEBOUNCE_MS = 150;
const NETWORK_FILE = /\.(tf|tfvars|json|ya?ml|template|ts)$/i;

export function registerTopology(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_TOPOLOGY_COMMAND, () => TopologyPanel.show(context, client)),
    vscode.window.registerWebviewPanelSerializer(TOPOLOGY_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        TopologyPanel.revive(panel, context, client, (state ?? {}) as WebviewState);
      },
    }),
  );
}

class TopologyPanel {
  private static current: TopologyPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private scope: TopologyScope;
  /** The network file the "current file" scope draws: the last one active in an editor. */
  private fileUri: vscode.Uri | undefined;
  private editorColumn = vscode.ViewColumn.One;
  private refreshTimer: NodeJS.Timeout | undefined;
  private cursorTimer: NodeJS.Timeout | undefined;
  private request = 0;

  static show(context: vscode.ExtensionContext, client: LanguageClient): void {
    const editor = vscode.window.activeTextEditor;
    if (TopologyPanel.current) {
      if (editor) TopologyPanel.current.trackEditor(editor);
      TopologyPanel.current.panel.reveal(vscode.ViewColumn.Beside, true);
      TopologyPanel.current.scheduleRefresh(0);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      TOPOLOGY_VIEW_TYPE,
      'VPC Topology',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      webviewOptions(context),
    );
    TopologyPanel.current = new TopologyPanel(panel, context, client, {});
  }

  static revive(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, client: LanguageClient, state: WebviewState): void {
    TopologyPanel.current?.panel.dispose();
    TopologyPanel.current = new TopologyPanel(panel, context, client, state);
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
    state: WebviewState,
  ) {
    this.scope = state.scope ?? 'workspace';
    const editor = vscode.window.activeTextEditor;
    if (editor) this.trackEditor(editor);
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'icon.png');
    panel.webview.options = webviewOptions(context);
    const webview = panel.webview;
    webview.html = topologyHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview.css')).toString(),
    });
    this.disposables.push(
      webview.onDidReceiveMessage((m: unknown) => {
        if (isWebviewToHostMessage(m)) void this.onMessage(m);
      }),
      panel.onDidDispose(() => this.dispose()),
      client.onNotification(TopologyChangedNotification, () => this.scheduleRefresh(REFRESH_DEBOUNCE_MS)),
      vscode.window.onDidChangeActiveTextEditor((e) => {
        if (!e || !this.trackEditor(e)) return;
        if (this.scope === 'file') this.scheduleRefresh(REFRESH_DEBOUNCE_MS);
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => this.scheduleHighlight(e.textEditor)),
    );
  }

  /** Remembers a network file's editor (the file scope and reveal target); false for other editors. */
  private trackEditor(editor: vscode.TextEditor): boolean {
    if (editor.document.uri.scheme !== 'file' && editor.document.uri.scheme !== 'untitled') return false;
    if (!NETWORK_FILE.test(editor.document.uri.path)) return false;
    this.fileUri = editor.document.uri;
    if (editor.viewColumn !== undefined) this.editorColumn = editor.viewColumn;
    return true;
  }

  private post(message: HostToWebviewMessage): void {
    void this.panel.webview.postMessage(message);
  }

  private async onMessage(message: WebviewToHostMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        await this.refresh();
        break;
      case 'scope':
        this.scope = message.scope;
        await this.refresh();
        break;
      case 'reveal':
        await this.reveal(message.file, message.range);
        break;
      case 'save':
        await this.save(message.format, message.data);
        break;
    }
  }

  private scheduleRefresh(delayMs: number): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(), delayMs);
  }

  private async refresh(): Promise<void> {
    const request = ++this.request;
    const params = this.scope === 'file' && this.fileUri ? { uri: this.client.code2ProtocolConverter.asUri(this.fileUri) } : {};
    try {
      const graph = await this.client.sendRequest(TopologyRequest, params);
      if (request !== this.request) return; // an answer to an older request
      const title = this.scope === 'file' && this.fileUri ? vscode.workspace.asRelativePath(this.fileUri) : undefined;
      this.post({ type: 'update', graph, scope: this.scope, ...(title ? { title } : {}) });
      this.panel.title = title ? `VPC Topology: ${title.split('/').pop()}` : 'VPC Topology';
    } catch (err) {
      if (request !== this.request) return;
      this.post({ type: 'error', message: `Could not get the topology from the language server: ${err instanceof Error ? err.message : String(err)}` });
    }
  }

  private scheduleHighlight(editor: vscode.TextEditor): void {
    if (!this.panel.visible || !NETWORK_FILE.test(editor.document.uri.path)) return;
    clearTimeout(this.cursorTimer);
    this.cursorTimer = setTimeout(async () => {
      const position = editor.selection.active;
      try {
        const hit = await this.client.sendRequest(ElementAtRequest, {
          uri: this.client.code2ProtocolConverter.asUri(editor.document.uri),
          position: { line: position.line, character: position.character },
        });
        this.post({ type: 'highlight', id: hit?.id });
      } catch {
        // The server is restarting or the file is not analysed: nothing to highlight.
      }
    }, CURSOR_DEBOUNCE_MS);
  }

  private async reveal(file: string, range: TopologyRange | undefined): Promise<void> {
    try {
      const uri = this.client.protocol2CodeConverter.asUri(file);
      const start = range ? new vscode.Position(range.start.line, range.start.character) : new vscode.Position(0, 0);
      const editor = await vscode.window.showTextDocument(uri, { viewColumn: this.editorColumn, selection: new vscode.Range(start, start) });
      if (range) {
        const end = new vscode.Position(range.end.line, range.end.character);
        editor.revealRange(new vscode.Range(start, end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      }
    } catch (err) {
      void vscode.window.showErrorMessage(`VPC Lens: cannot open ${file}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private async save(format: 'svg' | 'png', data: string): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `vpc-topology.${format}`) } : {}),
      filters: format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
    });
    if (!target) return;
    const bytes = format === 'svg' ? new TextEncoder().encode(data) : Buffer.from(data, 'base64');
    await vscode.workspace.fs.writeFile(target, bytes);
    void vscode.window.showInformationMessage(`VPC Lens: topology saved to ${vscode.workspace.asRelativePath(target)}`);
  }

  private dispose(): void {
    if (TopologyPanel.current === this) TopologyPanel.current = undefined;
    clearTimeout(this.refreshTimer);
    clearTimeout(this.cursorTimer);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

function webviewOptions(context: vscode.ExtensionContext): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    retainContextWhenHidden: false,
    localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist'), vscode.Uri.joinPath(context.extensionUri, 'media')],
  };
}
