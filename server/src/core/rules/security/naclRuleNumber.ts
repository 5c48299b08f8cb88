import type { NaclEntry } from '../../model/types';
import { defineRule } from '../catalog';
import type { Finding } from '../types';
import { directionName } from './naclEntries';

const MIN = 1;
const MAX = 32766;

/**
 * `nacl-rule-number`: a number outside 1..32766 (AWS rejects it; 32767 and up are AWS's own), or two
 * entries of one NACL and direction with the same number (the second cannot be created). Each duplicate is
 * reported, related to the others.
 */
export const naclRuleNumber = defineRule('nacl-rule-number', function* (ctx): Iterable<Finding> {
  for (const entry of ctx.model.ofKind('nacl-entry')) {
    const n = entry.ruleNumber;
    if (!n.known) continue;
    if (!Number.isInteger(n.value) || n.value < MIN || n.value > MAX) {
      yield { ruleId: 'nacl-rule-number', message: `Rule number ${n.value} is outside ${MIN}..${MAX}`, span: n.span };
    }
  }
  for (const nacl of ctx.model.ofKind('nacl')) {
    const byKey = new Map<string, NaclEntry[]>();
    for (const id of nacl.entries) {
      const e = ctx.model.getOf('nacl-entry', id);
      if (!e?.ruleNumber.known) continue;
      const key = `${e.egress}|${e.ruleNumber.value}`;
      const list = byKey.get(key);
      if (list) list.push(e);
      else byKey.set(key, [e]);
    }
    for (const list of byKey.values()) {
      if (list.length < 2) continue;
      for (const e of list) {
        if (!e.ruleNumber.known) continue;
        yield {
          ruleId: 'nacl-rule-number',
          message: `${directionName(e.egress)} rule number ${e.ruleNumber.value} is used ${list.length} times in ${nacl.address}`.replace(/^./, (c) => c.toUpperCase()),
          span: e.ruleNumber.span,
          related: list.filter((o) => o !== e).map((o) => ({ span: o.ruleNumber.known ? o.ruleNumber.span : o.nameSpan, message: `Also rule ${e.ruleNumber.known ? e.ruleNumber.value : ''}: ${o.address}` })),
        };
      }
    }
  }
});
