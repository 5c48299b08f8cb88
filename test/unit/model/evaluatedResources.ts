/**
 * Hand-built evaluator output for model tests: `res('aws_subnet', 'a', { vpc_id: R('aws_vpc.main') })`.
 * Plain JS values become evaluated values (string, number, boolean, null, arrays -> lists, objects -> maps);
 * `R(address, attr)` is a reference, `U()` an unknown value, `S(value, span)` a value with an origin.
 * Every attribute and block gets a distinct span so tests can tell where a field points.
 */
import type { Span } from '../../../server/src/core/text/span';
import { NULL, bool, list, map, num, ref, str, unknown, type Value } from '../../../server/src/core/values/value';
import type {
  EvaluatedAttr,
  EvaluatedBlock,
  EvaluatedBody,
  EvaluatedResource,
} from '../../../server/src/core/frontends/terraform/evaluated';
import { resourcesToElements } from '../../../server/src/core/frontends/terraform/toModel/index';
import { linkModel } from '../../../server/src/core/model/link';
import { NetworkModel } from '../../../server/src/core/model/network';
import { computeFacts } from '../../../server/src/core/model/facts-impl';
import type { ElementKind, ElementOfKind, NetworkElement } from '../../../server/src/core/model/types';

export const FILE = 'file:///work/net/main.tf';
const ROOT = 'file:///work/net';

export function idOf(address: string): string {
  return `${ROOT}::${address}`;
}

const EVALUATED = Symbol('evaluated');
type Tagged = { readonly [EVALUATED]: Value };
export type Input = string | number | boolean | null | Tagged | readonly Input[] | { readonly [k: string]: Input };

export function R(address: string, attr = 'id'): Tagged {
  return { [EVALUATED]: ref(idOf(address), attr) };
}
export function U(why = 'var.unknown'): Tagged {
  return { [EVALUATED]: unknown(why) };
}
/** A value written elsewhere (a module input's literal), with that place as origin. */
export function S(value: string, origin: Span): Tagged {
  return { [EVALUATED]: str(value, origin) };
}

let cursor = 0;
export function nextSpan(length = 10): Span {
  const s = { file: FILE, start: cursor, end: cursor + length };
  cursor += length + 1;
  return s;
}

export function toValue(v: Input): Value {
  if (v === null) return NULL;
  if (typeof v === 'string') return str(v);
  if (typeof v === 'number') return num(v);
  if (typeof v === 'boolean') return bool(v);
  if (Array.isArray(v)) return list(v.map(toValue));
  if (typeof v === 'object' && EVALUATED in v) return (v as Tagged)[EVALUATED];
  return map(new Map(Object.entries(v as Record<string, Input>).map(([k, e]) => [k, toValue(e)])));
}

export interface BlockInput {
  readonly type: string;
  readonly attrs: Record<string, Input>;
  readonly blocks?: readonly BlockInput[];
}

export function blk(type: string, attrs: Record<string, Input>, blocks: readonly BlockInput[] = []): BlockInput {
  return { type, attrs, blocks };
}

function body(attrs: Record<string, Input>, blocks: readonly BlockInput[]): EvaluatedBody {
  const evaluated = new Map<string, EvaluatedAttr>();
  for (const [k, v] of Object.entries(attrs)) evaluated.set(k, { value: toValue(v), span: nextSpan() });
  const nested: EvaluatedBlock[] = blocks.map((b) => ({
    type: b.type,
    labels: [],
    span: nextSpan(40),
    body: body(b.attrs, b.blocks ?? []),
  }));
  return { attrs: evaluated, blocks: nested };
}

export function res(type: string, name: string, attrs: Record<string, Input> = {}, blocks: readonly BlockInput[] = []): EvaluatedResource {
  const address = `${type}.${name}`;
  const span = nextSpan(100);
  return {
    elementId: idOf(address),
    address,
    type,
    name,
    span,
    nameSpan: { file: FILE, start: span.start + 10, end: span.start + 10 + name.length + 2 },
    body: body(attrs, blocks),
  };
}

/** Terraform resources -> linked model + facts, the way the workspace builds them. */
export function analyse(resources: readonly EvaluatedResource[]) {
  const model = new NetworkModel(linkModel(resourcesToElements(resources)));
  const facts = computeFacts(model);
  const get = <K extends ElementKind>(kind: K, address: string): ElementOfKind<K> => {
    const e = model.getOf(kind, idOf(address));
    if (!e) throw new Error(`no ${kind} ${address} in the model`);
    return e;
  };
  return { model, facts, get };
}

/** The single element of a kind mapped from the given resources. */
export function only<K extends ElementKind>(elements: readonly NetworkElement[], kind: K): ElementOfKind<K> {
  const found = elements.filter((e) => e.kind === kind);
  if (found.length !== 1) throw new Error(`expected one ${kind}, got ${found.length}`);
  return found[0] as ElementOfKind<K>;
}
