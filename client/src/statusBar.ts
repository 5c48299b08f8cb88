import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/protocol';

/** Shows what the server is doing and what it found; a click opens the output channel. */
export class AnalysisStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('vpcLens.status', vscode.StatusBarAlignment.Left, 0);

  constructor(command: string) {
    this.item.name = 'VPC Lens';
    this.item.command = command;
    this.starting();
    this.item.show();
  }

  starting(): void {
    this.item.text = '$(sync~spin) VPC Lens';
    this.item.tooltip = 'VPC Lens: starting';
  }

  stopped(): void {
    this.item.text = '$(debug-disconnect) VPC Lens';
    this.item.tooltip = 'VPC Lens: the language server is not running (see the output)';
  }

  update(status: StatusParams): void {
    const files = `${status.files} file${status.files === 1 ? '' : 's'}`;
    if (status.state !== 'idle') {
      this.item.text = '$(sync~spin) VPC Lens';
      this.item.tooltip = `VPC Lens: ${status.state}…`;
      return;
    }
    this.item.text = `$(shield) VPC Lens $(error) ${status.errors} $(warning) ${status.warnings}`;
    this.item.tooltip = `VPC Lens: ${files} analysed, ${status.errors} errors, ${status.warnings} warnings`;
  }

  dispose(): void {
    this.item.dispose();
  }
}
