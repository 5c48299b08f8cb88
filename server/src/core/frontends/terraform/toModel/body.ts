import type { Span } from '../../../text/span';
import type { Value } from '../../../values/value';
import { FieldReader } from '../../../model/fieldReader';
import type { RefToId } from '../../../model/fields';
import type { EvaluatedAttr, EvaluatedBody } from '../evaluated';
import type { MapContext } from './context';

/** One nested block (`route {}`, `ingress {}`) or one object of an attribute-as-blocks list (`route = [{...}]`). */
export interface NestedPart {
  readonly type: string;
  /** Position among the parts of this type in the resource, for ids like `.../route[0]`. */
  readonly index: number;
  readonly span: Span;
  /** The block keyword (or the object), where a hover on the part lands. */
  readonly nameSpan: Span;
  readonly body: BodyView;
}

/**
 * Typed access to one evaluated body. Every getter returns a model field per the conventions of
 * `model/fields.ts`; `""` counts as not written (Terraform configs use it to leave optional attributes unset).
 */
export class BodyView extends FieldReader {
  protected readonly refToId: RefToId;

  constructor(
    private readonly body: EvaluatedBody,
    /** Where to report an attribute that is missing: the resource name or the block. */
    readonly fallbackSpan: Span,
    private readonly ctx: MapContext,
  ) {
    super();
    this.refToId = ctx.refToId;
  }

  /** Written with a value: `null` leaves an argument unset in Terraform, as every getter reads it. */
  has(name: string): boolean {
    const v = this.value(name);
    return v !== undefined && v.k !== 'null';
  }

  override span(name: string): Span {
    return this.body.attrs.get(name)?.span ?? this.fallbackSpan;
  }

  /** The attribute's value with references to written attributes followed; undefined when not written. */
  override value(name: string): Value | undefined {
    const attr = this.body.attrs.get(name);
    if (!attr) return undefined;
    return this.clean(attr.value);
  }

  private clean(raw: Value): Value | undefined {
    const v = this.ctx.deref(raw);
    if (v.k === 'string' && v.v === '') return undefined;
    if (v.k === 'list' && v.items.some((e) => e.k === 'ref' || (e.k === 'string' && e.v === ''))) {
      const items: Value[] = [];
      for (const e of v.items) {
        const c = this.clean(e);
        if (c) items.push(c);
      }
      return { ...v, items };
    }
    return v;
  }

  /** Nested parts of one type: real blocks, else the objects of an attribute of that name. */
  parts(type: string): NestedPart[] {
    const out: NestedPart[] = [];
    for (const b of this.body.blocks) {
      if (b.type !== type) continue;
      const keyword: Span = { file: b.span.file, start: b.span.start, end: Math.min(b.span.end, b.span.start + type.length) };
      out.push({ type, index: out.length, span: b.span, nameSpan: keyword, body: new BodyView(b.body, b.span, this.ctx) });
    }
    if (out.length > 0) return out;
    const attr = this.body.attrs.get(type);
    if (!attr) return out;
    const v = this.ctx.deref(attr.value);
    if (v.k !== 'list') return out;
    for (const item of v.items) {
      const obj = this.ctx.deref(item);
      if (obj.k !== 'map') continue;
      const span = obj.origin ?? attr.span;
      out.push({ type, index: out.length, span, nameSpan: span, body: new BodyView(bodyOfMap(obj.entries, span), span, this.ctx) });
    }
    return out;
  }
}

function bodyOfMap(entries: ReadonlyMap<string, Value>, span: Span): EvaluatedBody {
  const attrs = new Map<string, EvaluatedAttr>();
  for (const [k, v] of entries) attrs.set(k, { value: v, span: v.origin ?? span });
  return { attrs, blocks: [] };
}
