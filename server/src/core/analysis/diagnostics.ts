import type { AnalysisSettings } from '../config/settings';
import type { SourceProblem, UnitSuppression } from '../frontends/types';
import { catalogEntry } from '../rules/catalog';
import { type Diagnostic, type Finding, type Severity, docsUrl } from '../rules/types';
import { spanKey } from '../text/span';
import { SuppressionIndex } from './suppressions';

export interface FinalizeInput {
  readonly findings: readonly Finding[];
  readonly problems: readonly SourceProblem[];
  readonly settings: AnalysisSettings;
  /** Every analysed file: each gets an entry. */
  readonly files: readonly string[];
  readonly textOf: (uri: string) => string | undefined;
  /** Suppressions written as data (CloudFormation `Metadata`), from the analysis units. */
  readonly suppressions?: readonly UnitSuppression[];
}

/** Severity of a finding whose rule is missing from the catalog (should not happen; never dropped silently). */
const FALLBACK_SEVERITY: Severity = 'warning';

/**
 * Turns rule findings and front-end problems into what hosts show, per file:
 * - severity: the user's setting for the code, else the catalog default (problems keep their own);
 *   `off` drops the finding;
 * - suppression comments (`# vpc-lens-ignore <id>`, see suppressions.ts) and data suppressions (CloudFormation
 *   resource `Metadata`) drop findings, never parse errors;
 * - identical findings (same code, span and message: one module instantiated twice) are reported once;
 * - sorted per file by position.
 */
export function finalizeDiagnostics(input: FinalizeInput): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>(input.files.map((f) => [f, []]));
  const seen = new Set<string>();
  const suppressions = new Map<string, SuppressionIndex | undefined>();
  const dataSuppressions = input.suppressions ?? [];
  const suppressed = (code: string, file: string, offset: number): boolean => {
    if (dataSuppressions.some((s) => suppressesAt(s, code, file, offset))) return true;
    if (!suppressions.has(file)) {
      const text = input.textOf(file);
      suppressions.set(file, text === undefined ? undefined : new SuppressionIndex(text));
    }
    return suppressions.get(file)?.isSuppressed(code, offset) ?? false;
  };
  const add = (d: Diagnostic): void => {
    const key = `${d.ruleId}|${spanKey(d.span)}|${d.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    let list = out.get(d.span.file);
    // A finding may point into a file no front-end claimed (a variable file): it still gets shown.
    if (!list) out.set(d.span.file, (list = []));
    list.push(d);
  };

  for (const f of input.findings) {
    const entry = catalogEntry(f.ruleId);
    const severity = input.settings.rules[f.ruleId] ?? entry?.severity ?? FALLBACK_SEVERITY;
    if (severity === 'off' || suppressed(f.ruleId, f.span.file, f.span.start)) continue;
    add(entry ? { ...f, severity, docsUrl: docsUrl(f.ruleId) } : { ...f, severity });
  }
  for (const p of input.problems) {
    const severity = input.settings.rules[p.code] ?? p.severity;
    if (severity === 'off') continue;
    // A syntax error cannot be waved away: the rest of the file's analysis depends on it.
    if (p.code !== 'parse-error' && suppressed(p.code, p.span.file, p.span.start)) continue;
    add({ ruleId: p.code, message: p.message, span: p.span, severity, ...(p.related ? { related: p.related } : {}) });
  }

  for (const list of out.values()) list.sort(byPosition);
  return out;
}

function suppressesAt(s: UnitSuppression, code: string, file: string, offset: number): boolean {
  return s.span.file === file && s.span.start <= offset && offset <= s.span.end && (s.ids === 'all' || s.ids.includes(code));
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || compare(a.ruleId, b.ruleId) || compare(a.message, b.message);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
