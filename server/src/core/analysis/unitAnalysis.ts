import type { AnalysisUnit } from '../frontends/types';
import { computeFacts } from '../model/facts-impl';
import type { NetworkFacts } from '../model/facts';
import { linkModel } from '../model/link';
import { NetworkModel } from '../model/network';
import { RULES } from '../rules/registry';
import { runRules } from '../rules/runner';
import type { Finding } from '../rules/types';
import { findingsShownElsewhere } from './findingsShownElsewhere';
import { TraceIndex } from './traceIndex';

/** Everything the workspace derives from one unit; it depends on the unit's elements alone, so it is cached. */
export interface UnitAnalysis {
  readonly unit: AnalysisUnit;
  readonly model: NetworkModel;
  readonly facts: NetworkFacts;
  /** Rule findings before severities and suppressions (those depend on settings and are applied later). */
  readonly findings: readonly Finding[];
  readonly traces: TraceIndex;
  readonly resources: number;
}

export function analyzeUnit(unit: AnalysisUnit, onRuleError: (ruleId: string, err: unknown) => void): UnitAnalysis {
  const model = new NetworkModel(linkModel(unit.elements));
  const facts = computeFacts(model);
  const findings = findingsShownElsewhere(runRules(RULES, { model, facts }, onRuleError), unit.shownElsewhere, unit.elements);
  return { unit, model, facts, findings, traces: new TraceIndex(unit.traces, unit.groups), resources: countResources(unit) };
}

/**
 * Resources as users count them: the front-end's own elements (the linker may add implied ones, such as a
 * VPC's main route table), less inline parts (routes in a table, rules in a group, NACL entries).
 */
function countResources(unit: AnalysisUnit): number {
  let n = 0;
  const elements = unit.elements;
  for (let i = 0; i < elements.length; i++) {
    const e = elements[i]!;
    if (!('inline' in e && e.inline)) n++;
  }
  return n;
}
