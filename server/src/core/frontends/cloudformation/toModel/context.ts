import { FieldReader } from '../../../model/fieldReader';
import { type RefToId, vpcDefaultPartId } from '../../../model/fields';
import type { ElementBase, ElementId, ElementKind } from '../../../model/types';
import type { Span } from '../../../text/span';
import type { RefValue, Value } from '../../../values/value';
import { field, type TNode } from '../syntax/templateTree';
import { isIdentityAttribute, vpcDefaultPartOf } from '../eval/attributes';
import type { CfnResource } from '../eval/evaluated';

/** What mapping one resource may ask about the others: the type behind a reference and what it stands for. */
export class MapContext {
  private readonly byId = new Map<string, CfnResource>();

  constructor(resources: readonly CfnResource[]) {
    for (const r of resources) if (!this.byId.has(r.elementId)) this.byId.set(r.elementId, r);
  }

  typeOf(id: string): string | undefined {
    return this.byId.get(id)?.type;
  }

  /** `Ref X` and id-valued attributes stand for X; `!GetAtt Vpc.DefaultSecurityGroup` for the VPC's default part. */
  readonly refToId = (ref: RefValue): ElementId | undefined => {
    const type = this.typeOf(ref.target);
    if (type === undefined) return undefined;
    if (isIdentityAttribute(type, ref.attr)) return ref.target;
    const part = vpcDefaultPartOf(type, ref.attr);
    return part ? vpcDefaultPartId(ref.target, part) : undefined;
  };
}

/**
 * Typed access to one evaluated properties map (a resource's `Properties`, or a nested object such as a
 * `PortRange`). Each getter returns a model field per `model/fields.ts`; the attribute span is the property's
 * own text when it is written literally in the node, else the value's origin, else the fallback.
 */
export class Props extends FieldReader {
  protected readonly refToId: RefToId;

  constructor(
    private readonly properties: Value | undefined,
    private readonly node: TNode | undefined,
    /** Where to report a property that is missing: the logical id, or the nested object. */
    readonly fallbackSpan: Span,
    private readonly ctx: MapContext,
  ) {
    super();
    this.refToId = ctx.refToId;
  }

  static of(r: CfnResource, ctx: MapContext): Props {
    return new Props(r.properties, r.propertiesNode, r.nameSpan, ctx);
  }

  get(name: string): Value | undefined {
    return this.properties?.k === 'map' ? this.properties.entries.get(name) : undefined;
  }

  override value(name: string): Value | undefined {
    return this.get(name);
  }

  has(name: string): boolean {
    const v = this.get(name);
    return v !== undefined && v.k !== 'null';
  }

  override span(name: string): Span {
    return field(this.node, name)?.span ?? this.get(name)?.origin ?? this.fallbackSpan;
  }

  /** A nested object property (`PortRange`, `RedirectConfig`); undefined when absent or not an object. */
  obj(name: string): Props | undefined {
    const v = this.get(name);
    if (v?.k !== 'map') return undefined;
    const node = field(this.node, name);
    return new Props(v, node?.kind === 'object' ? node : undefined, node?.span ?? v.origin ?? this.span(name), this.ctx);
  }

  /** The objects of a list property (`SecurityGroupIngress`, `DefaultActions`), each with its own span. */
  objs(name: string): { readonly index: number; readonly span: Span; readonly props: Props }[] {
    const v = this.get(name);
    if (v?.k !== 'list') return [];
    const node = field(this.node, name);
    // Items pair with the written array only when nothing (AWS::NoValue) was dropped from it.
    const nodes = node?.kind === 'array' && node.items.length === v.items.length ? node.items : undefined;
    const out: { index: number; span: Span; props: Props }[] = [];
    v.items.forEach((item, i) => {
      if (item.k !== 'map') return;
      const itemNode = nodes?.[i];
      const span = itemNode?.span ?? item.origin ?? this.span(name);
      out.push({ index: out.length, span, props: new Props(item, itemNode, span, this.ctx) });
    });
    return out;
  }
}

/** The fields every element of one resource shares. */
export function baseOf<K extends ElementKind>(r: CfnResource, kind: K): ElementBase<K> {
  const tags = tagsOf(r);
  const name = tags?.['Name'];
  return {
    kind,
    id: r.elementId,
    address: r.logicalId,
    ...(name !== undefined ? { displayName: name } : {}),
    format: 'cloudformation',
    span: r.span,
    nameSpan: r.nameSpan,
    nativeType: r.type,
    ...(tags ? { tags } : {}),
    ...opt('cdkPath', r.cdkPath),
  };
}

/** An inline part (`SecurityGroupIngress[0]`) as an element of its own. */
export function inlineBaseOf<K extends ElementKind>(
  r: CfnResource,
  kind: K,
  part: { readonly type: string; readonly index: number; readonly span: Span },
): ElementBase<K> {
  return {
    kind,
    id: `${r.elementId}/${part.type}[${part.index}]`,
    address: `${r.logicalId}.${part.type}[${part.index}]`,
    format: 'cloudformation',
    span: part.span,
    nameSpan: part.span,
    nativeType: r.type,
    ...opt('cdkPath', r.cdkPath),
  };
}

/** `Tags: [{Key, Value}]` (EC2, ELB); known string values only. */
function tagsOf(r: CfnResource): Record<string, string> | undefined {
  const v = r.properties?.k === 'map' ? r.properties.entries.get('Tags') : undefined;
  if (v?.k !== 'list') return undefined;
  const tags: Record<string, string> = {};
  let any = false;
  for (const item of v.items) {
    if (item.k !== 'map') continue;
    const key = item.entries.get('Key');
    const value = item.entries.get('Value');
    if (key?.k !== 'string' || !value || (value.k !== 'string' && value.k !== 'number' && value.k !== 'bool')) continue;
    tags[key.v] = String(value.v);
    any = true;
  }
  return any ? tags : undefined;
}

/** `{ key: value }` when the field was written, `{}` otherwise (keeps optional properties truly absent). */
export function opt<K extends string, T>(key: K, value: T | undefined): { [P in K]?: T } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: T };
}
