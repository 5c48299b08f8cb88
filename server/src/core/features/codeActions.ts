import type { Diagnostic, Fix } from '../rules/types';

export interface FixOffer {
  readonly diagnostic: Diagnostic;
  readonly fix: Fix;
}

/**
 * The fixes of a file's diagnostics that overlap `[start, end]` (the editor's selection or cursor).
 * Touching counts as overlapping, so a cursor at either end of a diagnostic still offers its fix.
 */
export function fixesInRange(diagnostics: readonly Diagnostic[], uri: string, start: number, end: number): FixOffer[] {
  const out: FixOffer[] = [];
  for (const d of diagnostics) {
    if (d.span.file !== uri || !d.fixes?.length) continue;
    if (d.span.end < start || d.span.start > end) continue;
    for (const fix of d.fixes) out.push({ diagnostic: d, fix });
  }
  return out;
}
