import type { Span } from '../../../text/span';
import { withOrigin, type RefValue, type Value } from '../../../values/value';
import { vpcDefaultPartId, type VpcDefaultPart } from '../../../model/fields';
import type { ElementBase, ElementId, ElementKind } from '../../../model/types';
import { withFields } from '../../../model/withFields';
import type { EvaluatedResource } from '../evaluated';

/** Attributes whose value *is* the resource's identity: a reference to them means "this element". */
const IDENTITY_ATTRS = new Set(['id', 'arn', 'allocation_id', 'public_ip']);

/** `aws_vpc.main.default_route_table_id` and friends name a part AWS creates with the VPC. */
const VPC_DEFAULT_PART_ATTRS: Readonly<Record<string, VpcDefaultPart>> = {
  default_route_table_id: 'route-table',
  main_route_table_id: 'route-table',
  default_network_acl_id: 'nacl',
  default_security_group_id: 'sg',
};

/** Following `aws_subnet.a.vpc_id` to what the subnet wrote stops here (cycles, long chains). */
const MAX_FOLLOW_DEPTH = 8;

/**
 * What mapping one resource may ask about the others: the type behind a reference, the value a referenced
 * attribute was written with, and references that stand for another element (accepter -> connection).
 */
export class MapContext {
  private readonly byId = new Map<string, EvaluatedResource>();
  /** Element id -> the element it stands for (null: stands for something outside the workspace). */
  private readonly aliases = new Map<string, string | null>();

  constructor(resources: readonly EvaluatedResource[]) {
    for (let i = 0; i < resources.length; i++) {
      const r = resources[i]!;
      if (!this.byId.has(r.elementId)) this.byId.set(r.elementId, r);
    }
  }

  resource(id: string): EvaluatedResource | undefined {
    return this.byId.get(id);
  }

  addAlias(from: string, to: string | null): void {
    this.aliases.set(from, to);
  }

  /** The Terraform type of a referenced element: from the workspace, else read off its address. */
  typeOf(id: string): string | undefined {
    const r = this.byId.get(id);
    if (r) return r.type;
    const address = id.slice(id.lastIndexOf('::') + 1);
    const m = /(?:^|[.:])(aws_[a-z0-9_]+)\.[A-Za-z_][\w-]*(?:\[[^\]]*\])?$/.exec(address);
    return m?.[1];
  }

  /** The element id a reference stands for, or undefined when it names no element (never a guess). */
  readonly refToId = (ref: RefValue): ElementId | undefined => this.resolveRef(ref, 0);

  private resolveRef(ref: RefValue, depth: number): ElementId | undefined {
    if (IDENTITY_ATTRS.has(ref.attr)) {
      const alias = this.aliases.get(ref.target);
      return alias === undefined ? ref.target : (alias ?? undefined);
    }
    const part = VPC_DEFAULT_PART_ATTRS[ref.attr];
    if (part && this.typeOf(ref.target) === 'aws_vpc') return vpcDefaultPartId(ref.target, part);
    const followed = this.followOnce(ref);
    if (followed?.k === 'ref' && depth < MAX_FOLLOW_DEPTH) return this.resolveRef(followed, depth + 1);
    return undefined;
  }

  /** What `<resource>.<attr>` was written as in that resource, if it was. */
  private followOnce(ref: RefValue): Value | undefined {
    const written = this.byId.get(ref.target)?.body.attrs.get(ref.attr);
    return written ? withOrigin(written.value, written.span) : undefined;
  }

  /**
   * Replaces a reference to a written, non-identity attribute by the written value (the evaluator may
   * leave `aws_vpc.main.cidr_block` as a reference); identity references stay for `refToId`.
   */
  deref(v: Value): Value {
    let cur = v;
    for (let depth = 0; cur.k === 'ref' && depth < MAX_FOLLOW_DEPTH; depth++) {
      if (IDENTITY_ATTRS.has(cur.attr) || VPC_DEFAULT_PART_ATTRS[cur.attr]) return cur;
      const next = this.followOnce(cur);
      if (!next) return cur;
      cur = next;
    }
    return cur;
  }
}

/** The fields every element of one resource shares. */
export function baseOf<K extends ElementKind>(r: EvaluatedResource, kind: K, ctx: MapContext): ElementBase<K> {
  const tags = tagsOf(r, ctx);
  const name = tags?.['Name'];
  return withFields({ kind, id: r.elementId, address: r.address }, {
    displayName: name,
    format: 'terraform' as const,
    span: r.span,
    nameSpan: r.nameSpan,
    nativeType: r.type,
    tags,
  });
}

/** An inline part (`route`, `ingress`, `egress` block) as an element of its own. */
export function inlineBaseOf<K extends ElementKind>(
  r: EvaluatedResource,
  kind: K,
  part: { readonly type: string; readonly index: number; readonly span: Span; readonly nameSpan: Span },
): ElementBase<K> {
  return {
    kind,
    id: `${r.elementId}/${part.type}[${part.index}]`,
    address: `${r.address}.${part.type}[${part.index}]`,
    format: 'terraform',
    span: part.span,
    nameSpan: part.nameSpan,
    nativeType: r.type,
  };
}

function tagsOf(r: EvaluatedResource, ctx: MapContext): Record<string, string> | undefined {
  const attr = r.body.attrs.get('tags');
  if (!attr) return undefined;
  const v = ctx.deref(attr.value);
  if (v.k !== 'map') return undefined;
  const tags: Record<string, string> = {};
  let any = false;
  v.entries.forEach((e, key) => {
    const ev = ctx.deref(e);
    if (ev.k === 'string' || ev.k === 'number' || ev.k === 'bool') {
      tags[key] = String(ev.v);
      any = true;
    }
  });
  return any ? tags : undefined;
}
