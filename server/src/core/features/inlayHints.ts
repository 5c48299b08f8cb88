import { awsCidrMath, formatCount, parseCidr } from '../cidr';
import type { Analysis } from '../analysis/workspace';

export interface InlayHint {
  /** Where the hint is drawn: just after the CIDR expression. */
  readonly offset: number;
  /** `251 usable`, or `11–251 usable` when instances differ in size; hosts add the padding before it. */
  readonly label: string;
}

/**
 * One hint after each attribute-level CIDR expression of a resource. Nothing for values that are invalid
 * (the diagnostic speaks for them) or unknown.
 */
export function inlayHintsFor(analysis: Pick<Analysis, 'traces'>, uri: string): InlayHint[] {
  const out: InlayHint[] = [];
  const seen = new Set<number>();
  for (const trace of analysis.traces.inFile(uri)) {
    if (!trace.owner || trace.instances.length === 0 || seen.has(trace.span.end)) continue;
    const label = usableLabel(trace.instances.map((i) => i.value));
    if (!label) continue;
    seen.add(trace.span.end);
    out.push({ offset: trace.span.end, label });
  }
  return out;
}

function usableLabel(values: readonly string[]): string | undefined {
  let min: bigint | undefined;
  let max: bigint | undefined;
  for (const v of values) {
    const parsed = parseCidr(v);
    if (!parsed.ok) return undefined;
    const usable = awsCidrMath(parsed.cidr).usable;
    if (min === undefined || usable < min) min = usable;
    if (max === undefined || usable > max) max = usable;
  }
  if (min === undefined || max === undefined) return undefined;
  return min === max ? `${formatCount(min)} usable` : `${formatCount(min)}–${formatCount(max)} usable`;
}
