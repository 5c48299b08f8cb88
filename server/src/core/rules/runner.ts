import type { Finding, Rule, RuleContext } from './types';

/**
 * Runs every rule over one model. A rule that throws (also half-way through a generator) is reported through
 * `onError` and contributes nothing: half a rule's findings would be as misleading as a crash.
 * Rules themselves make sure not to report on unknown values.
 */
export function runRules(rules: readonly Rule[], ctx: RuleContext, onError: (ruleId: string, err: unknown) => void): Finding[] {
  const out: Finding[] = [];
  for (const rule of rules) {
    let findings: Finding[];
    try {
      findings = [...rule.check(ctx)];
    } catch (err) {
      reportSafely(onError, rule.id, err);
      continue;
    }
    for (const f of findings) out.push(f.ruleId === rule.id ? f : { ...f, ruleId: rule.id });
  }
  return out;
}

/** A failing logger must not take the analysis down with it. */
function reportSafely(onError: (ruleId: string, err: unknown) => void, ruleId: string, err: unknown): void {
  try {
    onError(ruleId, err);
  } catch {
    // Nothing sensible is left to do with an error about an error.
  }
}
