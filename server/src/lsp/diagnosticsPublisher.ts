import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';

/**
 * Publishes only what changed: a file whose diagnostics are the same as last time is not re-sent, and a
 * file that is no longer analysed (deleted, excluded) gets an empty list once to clear it.
 */
export class DiagnosticsPublisher {
  private readonly published = new Map<string, string>();

  constructor(private readonly send: (uri: string, diagnostics: LspDiagnostic[]) => void) {}

  /** `all` holds every file that should show diagnostics now, keyed by canonical URI. */
  publish(all: ReadonlyMap<string, LspDiagnostic[]>): void {
    for (const [uri, diagnostics] of all) {
      const key = JSON.stringify(diagnostics);
      const before = this.published.get(uri);
      if (before === key) continue;
      this.published.set(uri, key);
      // A file never shown with diagnostics needs no empty list.
      if (before === undefined && diagnostics.length === 0) continue;
      this.send(uri, diagnostics);
    }
    for (const [uri, key] of [...this.published]) {
      if (all.has(uri)) continue;
      this.published.delete(uri);
      if (key !== '[]') this.send(uri, []);
    }
  }
}
