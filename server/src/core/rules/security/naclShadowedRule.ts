import { defineRule } from '../catalog';
import type { Finding } from '../types';
import { type ShapedEntry, directionName, evaluate, naclViews } from './naclEntries';
import { describePorts } from './portSets';

/**
 * `nacl-shadowed-rule`: the lower-numbered entries of the same direction together decide all of an entry's
 * traffic (protocol x ports x addresses), so it never matches. Together, not one by one: a /17 and the other
 * /17 shadow a /16. Only decidable entries prove shadowing; an entry whose own values are unknown is skipped
 * (an unknown earlier entry could only cover more, never less, so it does not weaken the proof).
 */
export const naclShadowedRule = defineRule('nacl-shadowed-rule', function* (ctx): Iterable<Finding> {
  for (const view of naclViews(ctx)) {
    for (const { shaped } of [view.ingress, view.egress]) {
      for (const e of shaped) {
        const ev = evaluate(shaped, e.boxes, e.number);
        if (ev.rest.length > 0 || ev.decided.length === 0) continue;
        const deciders = ev.decided.map((d) => d.entry);
        yield {
          ruleId: 'nacl-shadowed-rule',
          message: `${capital(directionName(e.entry.egress))} rule ${e.number} (${describe(e)}) never matches: ${deciderText(deciders)} already decide${deciders.length === 1 ? 's' : ''} all its traffic`,
          span: e.entry.ruleNumber.known ? e.entry.ruleNumber.span : e.entry.nameSpan,
          related: deciders.map((d) => ({
            span: d.entry.ruleNumber.known ? d.entry.ruleNumber.span : d.entry.nameSpan,
            message: `Rule ${d.number}: ${describe(d)}`,
          })),
        };
      }
    }
  }
});

function describe(e: ShapedEntry): string {
  return `${e.action} ${describePorts(e.selection)} ${e.entry.egress ? 'to' : 'from'} ${e.cidrText}`;
}

function deciderText(deciders: readonly ShapedEntry[]): string {
  const numbers = deciders.map((d) => String(d.number));
  if (numbers.length === 1) return `rule ${numbers[0]}`;
  return `rules ${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
