import { looksLikeCidr } from '../../../cidr';
import { type Span, spanKey } from '../../../text/span';
import type { Value } from '../../../values/value';
import type { ValueTrace } from '../../types';
import type { Expr } from '../syntax/ast';
import { staticString } from '../syntax/ast';

/** Where a traced expression sits: the instance it was evaluated for and the resource attribute it belongs to. */
export interface TraceTarget {
  readonly label?: string;
  readonly owner?: string;
  readonly attribute?: string;
}

interface MutableTrace {
  span: Span;
  instances: { label?: string; value: string }[];
  owner?: string;
  attribute?: string;
}

/** Collects CIDR-valued expressions for hovers and inlay hints: one trace per span, one entry per instance. */
export class TraceRecorder {
  private readonly bySpan = new Map<string, MutableTrace>();

  /**
   * Records `value` for `expr` and, structurally, for the elements of tuple and object constructors, and for
   * the value expression of a `for`: each element it produced is one instance of that expression, labelled by
   * its place in the result (`[0]`, `["a"]`), so `[for k, v in local.azs : cidrsubnet(local.cidr, 8, k)]`
   * shows its three blocks on `cidrsubnet(...)`.
   */
  record(expr: Expr, value: Value, file: string, target: TraceTarget): void {
    if (value.k === 'string') {
      if (looksLikeCidr(value.v)) this.add({ file, start: expr.start, end: expr.end }, value.v, target);
      return;
    }
    if (expr.kind === 'paren') return this.record(expr.inner, value, file, target);
    if (expr.kind === 'tuple' && value.k === 'list' && value.items.length === expr.items.length) {
      expr.items.forEach((item, i) => this.record(item, value.items[i]!, file, target));
    } else if (expr.kind === 'object' && value.k === 'map') {
      for (const item of expr.items) {
        const key = staticString(item.key);
        const v = key === undefined ? undefined : value.entries.get(key);
        if (v) this.record(item.value, v, file, target);
      }
    } else if (expr.kind === 'for-tuple' && value.k === 'list') {
      value.items.forEach((item, i) => this.record(expr.value, item, file, element(target, `[${i}]`)));
    } else if (expr.kind === 'for-object' && !expr.group && value.k === 'map') {
      value.entries.forEach((v, key) => this.record(expr.value, v, file, element(target, `[${JSON.stringify(key)}]`)));
    }
  }

  private add(span: Span, value: string, target: TraceTarget): void {
    const key = spanKey(span);
    let t = this.bySpan.get(key);
    if (!t) {
      t = { span, instances: [], owner: target.owner, attribute: target.attribute };
      this.bySpan.set(key, t);
    }
    if (t.instances.some((i) => i.label === target.label && i.value === value)) return;
    t.instances.push(target.label === undefined ? { value } : { label: target.label, value });
  }

  traces(): ValueTrace[] {
    return [...this.bySpan.values()];
  }
}

/** The target of one element of a `for` result: the instance's label followed by the element's place. */
function element(target: TraceTarget, place: string): TraceTarget {
  return { ...target, label: target.label === undefined ? place : `${target.label} ${place}` };
}
