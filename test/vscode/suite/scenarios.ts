// The real-editor scenarios through the VS Code API, run inside the extension host: diagnostics on the
// examples, the CIDR hover, the host-bits quick fix and the topology command. Each waits on what VS Code
// reports (events, re-asked with a deadline), never a fixed sleep.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { TOPOLOGY_VIEW_TYPE } from '../../../client/webview/messages';
import { mistakesFromReadme, type ListedMistake } from './examples';

const WAIT_MS = 60_000;

export interface Scenario {
  name: string;
  run(): Promise<void>;
}

/** Re-checks `probe` whenever VS Code reports a change (or every 250 ms) until it returns a value. */
async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() >= deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, 250);
      const events = [vscode.languages.onDidChangeDiagnostics(done), vscode.window.tabGroups.onDidChangeTabs(done)];
      function done() {
        clearTimeout(timer);
        for (const e of events) e.dispose();
        resolve();
      }
    });
  }
}

function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test opens a copy of examples/ as the workspace folder');
  return folder.uri;
}

function mistakes(): ListedMistake[] {
  const readme = vscode.Uri.joinPath(workspaceRoot(), 'README.md').fsPath;
  const listed = mistakesFromReadme(fs.readFileSync(readme, 'utf8'));
  assert.ok(listed.length > 0, `${readme} lists no deliberate mistakes`);
  return listed;
}

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? ''));

/** Where the listed CIDR sits on its line (inside the quotes). */
async function cidrRange(m: ListedMistake & { cidr: string }): Promise<{ uri: vscode.Uri; range: vscode.Range }> {
  const uri = vscode.Uri.joinPath(workspaceRoot(), m.file);
  const document = await vscode.workspace.openTextDocument(uri);
  const line = document.lineAt(m.line - 1).text;
  const column = line.indexOf(`"${m.cidr}"`);
  assert.ok(column >= 0, `${m.file}:${m.line} does not quote ${m.cidr}: ${line}`);
  return { uri, range: new vscode.Range(m.line - 1, column + 1, m.line - 1, column + 1 + m.cidr.length) };
}

function withCidr(rule: string): ListedMistake & { cidr: string } {
  const m = mistakes().find((x) => x.rule === rule && x.cidr);
  assert.ok(m?.cidr, `examples/README.md lists no ${rule} mistake with a quoted CIDR`);
  return m as ListedMistake & { cidr: string };
}

const hoverText = (hovers: vscode.Hover[]) =>
  hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');

export const scenarios: Scenario[] = [
  {
    name: 'getDiagnostics reports every listed mistake with its rule code on its line',
    async run() {
      const expected = mistakes();
      // Opening a Terraform file activates the extension (the workspace activation events would too).
      await vscode.window.showTextDocument(vscode.Uri.joinPath(workspaceRoot(), expected[0]!.file));
      await waitFor('the diagnostics of the listed mistakes', () => {
        const missing = expected.filter((m) => {
          const diagnostics = vscode.languages.getDiagnostics(vscode.Uri.joinPath(workspaceRoot(), m.file));
          return !diagnostics.some((d) => codeOf(d) === m.rule && d.range.start.line === m.line - 1 && d.source === 'vpc-lens');
        });
        if (missing.length === 0) return true;
        throw new Error(`missing ${missing.map((m) => `${m.rule} at ${m.file}:${m.line}`).join(', ')}`);
      });
    },
  },
  {
    name: 'executeHoverProvider on a CIDR shows its usable addresses',
    async run() {
      const { uri, range } = await cidrRange(withCidr('subnet-outside-vpc'));
      const text = await waitFor('a hover with "usable"', async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, range.start.translate(0, 2));
        const shown = hoverText(hovers ?? []);
        if (/[\d,]+ usable/.test(shown)) return shown;
        throw new Error(`hover: ${JSON.stringify(shown.slice(0, 200))}`);
      });
      assert.match(text, /Usable/i);
    },
  },
  {
    name: 'executeCodeActionProvider offers the host-bits fix',
    async run() {
      const mistake = withCidr('cidr-host-bits');
      assert.ok(mistake.fix, 'examples/README.md names the fix of the cidr-host-bits mistake');
      const { uri, range } = await cidrRange(mistake);
      const fix = await waitFor('the cidr-host-bits quick fix', async () => {
        const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range);
        const found = (actions ?? []).find((a): a is vscode.CodeAction => 'edit' in a && a.title.includes(mistake.fix!));
        if (found) return found;
        throw new Error(`actions: ${(actions ?? []).map((a) => a.title).join(' | ') || '(none)'}`);
      });
      assert.equal(fix.title, `Replace with the network address ${mistake.fix}`);
      assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), `kind ${fix.kind?.value}`);
      const edits = fix.edit?.get(uri) ?? [];
      assert.deepEqual(
        edits.map((e) => ({ line: e.range.start.line, newText: e.newText })),
        [{ line: mistake.line - 1, newText: mistake.fix }],
      );
    },
  },
  {
    name: 'vpcLens.showTopology opens the topology panel',
    async run() {
      await vscode.commands.executeCommand('vpcLens.showTopology');
      const tab = await waitFor('a tab with the topology webview', () =>
        vscode.window.tabGroups.all
          .flatMap((group) => group.tabs)
          .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(TOPOLOGY_VIEW_TYPE)),
      );
      assert.match(tab.label, /VPC Topology/);
    },
  },
];
