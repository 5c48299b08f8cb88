import { list, map, num, str, type Value, unknown } from '../../../values/value';
import type { EvaluatedAttr, EvaluatedBlock, EvaluatedBody } from '../evaluated';
import { type Block, type Body, findAttribute, staticString } from '../syntax/ast';
import { evaluate, evaluateTraced, spanOf } from './evaluate';
import { childScope, type Scope } from './scope';
import type { TraceTarget } from './traces';
import { sortedEntries } from './valueOps';

/** Resource arguments that configure Terraform itself, not the resource. */
export const META_ATTRIBUTES = new Set(['count', 'for_each', 'depends_on', 'provider']);
export const META_BLOCKS = new Set(['lifecycle', 'provisioner', 'connection']);

/**
 * Evaluates a block body: attributes (traced) and nested blocks, `dynamic` blocks expanded.
 * `attrValue` lets the resource's top level reuse its memoized attribute values (by the attribute's index).
 */
export function evaluateBody(
  body: Body,
  scope: Scope,
  target: TraceTarget,
  topLevel: boolean,
  attrValue?: (index: number) => Value,
): EvaluatedBody {
  const attrs = new Map<string, EvaluatedAttr>();
  // Nested attribute names are spelled out only for traces: without them, no string per attribute.
  const traced = scope.mod.ctx.traces !== undefined;
  const attributes = body.attributes;
  for (let i = 0; i < attributes.length; i++) {
    const attr = attributes[i]!;
    if (topLevel && META_ATTRIBUTES.has(attr.name)) continue;
    const value = attrValue
      ? attrValue(i)
      : traced
        ? evaluateTraced(attr.value, scope, { ...target, attribute: `${target.attribute}.${attr.name}` })
        : evaluate(attr.value, scope);
    attrs.set(attr.name, { value, span: spanOf(scope, attr.value) });
  }
  const blocks: EvaluatedBlock[] = [];
  for (const block of body.blocks) {
    if (topLevel && META_BLOCKS.has(block.type)) continue;
    if (block.type === 'dynamic') blocks.push(...expandDynamic(block, scope, target));
    else blocks.push(evaluateBlock(block, block.type, block.labels.map((l) => l.value), scope, target));
  }
  return { attrs, blocks };
}

function evaluateBlock(block: Block, type: string, labels: readonly string[], scope: Scope, target: TraceTarget): EvaluatedBlock {
  const nested = scope.mod.ctx.traces ? { ...target, attribute: target.attribute ? `${target.attribute}.${type}` : type } : target;
  return {
    type,
    labels,
    span: spanOf(scope, block),
    body: evaluateBody(block.body, scope, nested, false),
  };
}

/** `dynamic "x" { for_each = ..., iterator = it, content { ... } }`: one block per element. */
function expandDynamic(block: Block, scope: Scope, target: TraceTarget): EvaluatedBlock[] {
  const type = block.labels[0]?.value;
  const content = block.body.blocks.find((b) => b.type === 'content');
  const forEach = findAttribute(block.body, 'for_each');
  if (!type || !content || !forEach) return [];
  const iteratorAttr = findAttribute(block.body, 'iterator');
  const iteratorName =
    (iteratorAttr && (iteratorAttr.value.kind === 'scope' ? iteratorAttr.value.root : staticString(iteratorAttr.value))) ||
    type;
  const labelsAttr = findAttribute(block.body, 'labels');
  const coll = evaluate(forEach.value, scope);
  let pairs: [Value, Value][];
  if (coll.k === 'list') pairs = coll.items.map((v, i) => [num(i), v]);
  else if (coll.k === 'map') pairs = sortedEntries(coll).map(([k, v]) => [str(k), v]);
  else if (coll.k === 'null') pairs = [];
  else pairs = [[unknown(), unknown()]];
  const out: EvaluatedBlock[] = [];
  for (const [key, value] of pairs) {
    const inner = childScope(scope, new Map([[iteratorName, map(new Map([['key', key], ['value', value]]))]]));
    let labels: string[] = [];
    if (labelsAttr) {
      const l = evaluate(labelsAttr.value, inner);
      if (l.k === 'list') labels = l.items.map((i) => (i.k === 'string' ? i.v : ''));
    }
    out.push(evaluateBlock(content, type, labels, inner, target));
  }
  return out;
}

/** A body as one object: attributes, and nested blocks as lists of objects by type. */
export function bodyToValue(body: EvaluatedBody, origin: Value['origin']): Value {
  const entries = new Map<string, Value>();
  for (const [name, a] of body.attrs) entries.set(name, a.value);
  const byType = new Map<string, Value[]>();
  for (const b of body.blocks) {
    const l = byType.get(b.type) ?? [];
    l.push(bodyToValue(b.body, b.span));
    byType.set(b.type, l);
  }
  for (const [type, items] of byType) if (!entries.has(type)) entries.set(type, list(items, origin));
  return map(entries, origin);
}
