import { LineIndex, type Range } from '../core/text/lineIndex';
import type { Diagnostic, Severity } from '../core/rules/types';
import type { Span } from '../core/text/span';

/** A place as the CLI prints it: a path relative to the current folder (forward slashes), 0-based range. */
export interface ReportLocation {
  readonly file: string;
  readonly range: Range;
}

export interface ReportRelated extends ReportLocation {
  readonly message: string;
}

export interface ReportDiagnostic extends ReportLocation {
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
  readonly docsUrl: string | undefined;
  readonly related: readonly ReportRelated[];
}

/** Everything a formatter needs: format-neutral, sorted, no URIs or offsets left. */
export interface CheckReport {
  /** Analysed files. */
  readonly files: number;
  readonly resources: number;
  /** Sorted by file, line, character, code. */
  readonly diagnostics: readonly ReportDiagnostic[];
}

export interface ReportInput {
  readonly diagnostics: ReadonlyMap<string, readonly Diagnostic[]>;
  readonly files: number;
  readonly resources: number;
  /** Display path (relative, forward slashes) of a file URI. */
  readonly displayPath: (uri: string) => string;
  readonly textOf: (uri: string) => string | undefined;
}

export function buildReport(input: ReportInput): CheckReport {
  // One LineIndex per file, built on first use: most files have no findings.
  const indexes = new Map<string, LineIndex | undefined>();
  const locate = (span: Span): ReportLocation => {
    if (!indexes.has(span.file)) {
      const text = input.textOf(span.file);
      indexes.set(span.file, text === undefined ? undefined : new LineIndex(text));
    }
    const index = indexes.get(span.file);
    const range = index ? index.rangeOf(span.start, span.end) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { file: input.displayPath(span.file), range };
  };

  const diagnostics: ReportDiagnostic[] = [];
  for (const list of input.diagnostics.values()) {
    for (const d of list) {
      diagnostics.push({
        ...locate(d.span),
        severity: d.severity,
        code: d.ruleId,
        message: d.message,
        docsUrl: d.docsUrl,
        related: (d.related ?? []).map((r) => ({ ...locate(r.span), message: r.message })),
      });
    }
  }
  diagnostics.sort(compareDiagnostics);
  return { files: input.files, resources: input.resources, diagnostics };
}

function compareDiagnostics(a: ReportDiagnostic, b: ReportDiagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

