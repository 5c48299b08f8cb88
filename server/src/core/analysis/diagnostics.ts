// STUB: replaced by severity/suppression/de-duplication.
import type { AnalysisSettings } from '../config/settings';
import type { SourceProblem } from '../frontends/types';
import type { Diagnostic, Finding } from '../rules/types';

export interface FinalizeInput {
  readonly findings: readonly Finding[];
  readonly problems: readonly SourceProblem[];
  readonly settings: AnalysisSettings;
  /** Every analysed file: each gets an entry. */
  readonly files: readonly string[];
  readonly textOf: (uri: string) => string | undefined;
}

export function finalizeDiagnostics(input: FinalizeInput): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>(input.files.map((f) => [f, []]));
  for (const f of input.findings) out.get(f.span.file)?.push({ ...f, severity: 'error' });
  return out;
}
