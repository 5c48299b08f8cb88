// STUB: replaced by the rule runner.
import type { Finding, Rule, RuleContext } from './types';

export function runRules(rules: readonly Rule[], ctx: RuleContext, onError: (ruleId: string, err: unknown) => void): Finding[] {
  const out: Finding[] = [];
  for (const r of rules) {
    try {
      out.push(...r.check(ctx));
    } catch (err) {
      onError(r.id, err);
    }
  }
  return out;
}
