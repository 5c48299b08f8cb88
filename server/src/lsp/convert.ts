import {
  DiagnosticSeverity,
  type Diagnostic as LspDiagnostic,
  type DiagnosticRelatedInformation,
  type Range,
} from 'vscode-languageserver';
import type { LineIndex } from '../core/text/lineIndex';
import type { Span } from '../core/text/span';
import type { Diagnostic, Severity } from '../core/rules/types';
import { docsHref } from '../host/docsLinks';

export const DIAGNOSTIC_SOURCE = 'vpc-lens';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export type LineIndexLookup = (uri: string) => LineIndex | undefined;
/** Maps the server's canonical URI to the spelling the client used for that file. */
export type ClientUri = (uri: string) => string;

const ORIGIN: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function toLspRange(span: Span, lines: LineIndexLookup): Range {
  const index = lines(span.file);
  return index ? index.rangeOf(span.start, span.end) : ORIGIN;
}

/** The one converter from core diagnostics (findings and parse problems) to LSP diagnostics. */
export function toLspDiagnostic(d: Diagnostic, lines: LineIndexLookup, clientUri: ClientUri): LspDiagnostic {
  const out: LspDiagnostic = {
    range: toLspRange(d.span, lines),
    severity: SEVERITIES[d.severity],
    code: d.ruleId,
    source: DIAGNOSTIC_SOURCE,
    message: d.message,
  };
  if (d.docsUrl) out.codeDescription = { href: docsHref(d.ruleId, d.docsUrl) };
  if (d.related?.length) {
    out.relatedInformation = d.related.map(
      (r): DiagnosticRelatedInformation => ({
        location: { uri: clientUri(r.span.file), range: toLspRange(r.span, lines) },
        message: r.message,
      }),
    );
  }
  return out;
}
