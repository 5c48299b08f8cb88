import * as vscode from 'vscode';

// VPC Lens declares `untrustedWorkspaces: { supported: true }`: it only parses files, it never executes
// anything from the workspace (no terraform, no cdk synth, no module code), so it keeps analysing in
// Restricted Mode. This tells the user why it still runs there.
export const RESTRICTED_MODE_NOTE = 'Restricted Mode: VPC Lens only reads files; it never runs code from the workspace';

/**
 * Writes the Restricted Mode note to the output channel when the window is untrusted (and, once trust is
 * granted, that nothing changes). Returns what to dispose.
 */
export function announceWorkspaceTrust(output: vscode.OutputChannel): vscode.Disposable {
  if (vscode.workspace.isTrusted) return new vscode.Disposable(() => undefined);
  output.appendLine(RESTRICTED_MODE_NOTE);
  return vscode.workspace.onDidGrantWorkspaceTrust(() => {
    output.appendLine('Workspace trusted: VPC Lens works the same way (it still only reads files)');
  });
}
