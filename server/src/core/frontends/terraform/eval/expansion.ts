import { num, str, type Value, unknown, unknownReason } from '../../../values/value';
import { type Block, findAttribute } from '../syntax/ast';
import { MAX_INSTANCES } from './context';
import { evaluate, spanOf } from './evaluate';
import type { Scope } from './scope';
import { asNumber, isFailure, sortedEntries, typeName } from './valueOps';

export interface InstanceKey {
  /** `count.index` or `each.key`; undefined for a single instance or the representative of an unknown set. */
  readonly key?: number | string;
  /** Address suffix: `[0]`, `["a"]`, `[?]` (instances not known before apply), or empty. */
  readonly suffix: string;
  readonly countIndex?: Value;
  readonly each?: { readonly key: Value; readonly value: Value };
}

export interface Expansion {
  readonly mode: 'single' | 'count' | 'for_each';
  readonly known: boolean;
  readonly keys: readonly InstanceKey[];
  /** When not known: why, naming the block ("the count of aws_route.r is not known: ..."). */
  readonly why?: string;
}

/**
 * The instances of a resource or module block. When count/for_each cannot be evaluated (data sources,
 * variables without values) one representative instance stands for them: its count.index/each are
 * unknown, so nothing about it is guessed, but the resource still appears in the model.
 */
export function expandInstances(block: Block, scope: Scope, address: string): Expansion {
  const countAttr = findAttribute(block.body, 'count');
  const forEachAttr = findAttribute(block.body, 'for_each');
  const ctx = scope.mod.ctx;
  if (countAttr) {
    const v = evaluate(countAttr.value, scope);
    const n = asNumber(v);
    const at = spanOf(scope, countAttr.value);
    if (n === undefined || !Number.isInteger(n) || n < 0) {
      if (v.k !== 'unknown' && v.k !== 'ref' && !isFailure(v)) {
        ctx.report(at, `count must be a whole number of zero or more, got ${n ?? typeName(v)}`);
      }
      return unknownInstances('count', true, address, v);
    }
    if (n > MAX_INSTANCES) {
      ctx.report(at, `count = ${n} is more instances than VPC Lens expands (${MAX_INSTANCES}); they are left unknown`);
      return unknownInstances('count', true, address, `${n} instances are more than VPC Lens expands (${MAX_INSTANCES})`);
    }
    const keys: InstanceKey[] = [];
    for (let i = 0; i < n; i++) keys.push({ key: i, suffix: `[${i}]`, countIndex: num(i) });
    return { mode: 'count', known: true, keys };
  }
  if (forEachAttr) {
    const v = evaluate(forEachAttr.value, scope);
    const at = spanOf(scope, forEachAttr.value);
    const keys: InstanceKey[] = [];
    if (v.k === 'map') {
      for (const [k, value] of sortedEntries(v)) keys.push(eachKey(k, value));
    } else if (v.k === 'list') {
      const seen = new Set<string>();
      for (const item of v.items) {
        if (item.k !== 'string') {
          if (item.k === 'unknown' || item.k === 'ref') return unknownInstances('for_each', false, address, item);
          ctx.report(at, `for_each over a set needs strings, got a ${typeName(item)}`);
          return unknownInstances('for_each', false, address, `a set of ${typeName(item)} values, where Terraform needs strings`);
        }
        if (seen.has(item.v)) continue;
        seen.add(item.v);
        keys.push(eachKey(item.v, item));
      }
      keys.sort((a, b) => ((a.key as string) < (b.key as string) ? -1 : 1));
    } else {
      if (v.k !== 'unknown' && v.k !== 'ref' && !isFailure(v)) {
        ctx.report(at, `for_each needs a map or a set of strings, got a ${typeName(v)}`);
      }
      return unknownInstances('for_each', false, address, v);
    }
    if (keys.length > MAX_INSTANCES) {
      ctx.report(at, `for_each with ${keys.length} keys is more instances than VPC Lens expands (${MAX_INSTANCES})`);
      return unknownInstances('for_each', false, address, `${keys.length} instances are more than VPC Lens expands (${MAX_INSTANCES})`);
    }
    return { mode: 'for_each', known: true, keys };
  }
  return { mode: 'single', known: true, keys: [{ suffix: '' }] };
}

function eachKey(k: string, value: Value): InstanceKey {
  return { key: k, suffix: `[${JSON.stringify(k)}]`, each: { key: str(k), value } };
}

/**
 * One representative instance when the instances are not known; its `count.index` / `each` are unknown, and
 * say why (`from`: the count or for_each value when that is what is not known, else the reason in words).
 */
function unknownInstances(mode: 'count' | 'for_each', isCount: boolean, address: string, from?: Value | string): Expansion {
  // The text of an evaluation error too: wrapped in this sentence, the instances are unknown, not failed.
  const inner = typeof from === 'string' ? from : from ? unknownReason(from) : undefined;
  const why = `the ${mode} of ${address} is not known${inner ? `: ${inner}` : ''}`;
  const u = unknown(why);
  const key: InstanceKey = isCount ? { suffix: '[?]', countIndex: u } : { suffix: '[?]', each: { key: u, value: u } };
  return { mode, known: false, keys: [key], why };
}
