import { known, type Field } from './field';
import { parseVpcDefaultPartId, vpcDefaultPartId } from './fields';
import type { CidrBlock, ElementId, NetworkElement, RouteTable, Vpc } from './types';

/**
 * Fills the back-references the model types leave to the builder: a VPC's blocks from association
 * resources, a table's routes, a group's rules, a NACL's entries and subnets, an EIP's users. References to
 * a VPC's default parts (`vpcDefaultPartId`) are pointed at the resource that manages the part; a default
 * route table nobody manages but something references is added as an element of its own, so routes added
 * to it are seen. Linear in the number of elements. Returns new objects; the input is never mutated
 * (front-ends cache their elements).
 */
export function linkModel(elements: readonly NetworkElement[]): NetworkElement[] {
  const aliases = defaultPartAliases(elements);
  const rewritten = aliases.size > 0 ? elements.map((e) => rewriteIds(e, aliases) as NetworkElement) : [...elements];
  const all = [...rewritten, ...unmanagedDefaultRouteTables(rewritten)];
  const back = collectBackReferences(all);
  return all.map((e) => withBackReferences(e, back));
}

/** Default-part id -> the element managing that part (`aws_default_route_table`, `aws_default_security_group`, ...). */
function defaultPartAliases(elements: readonly NetworkElement[]): Map<ElementId, ElementId> {
  const aliases = new Map<ElementId, ElementId>();
  for (let i = 0; i < elements.length; i++) {
    const e = elements[i]!;
    if ((e.kind !== 'route-table' && e.kind !== 'nacl' && e.kind !== 'sg') || !e.isDefault) continue;
    if (!e.vpc?.known) continue;
    const part = e.kind === 'route-table' ? 'route-table' : e.kind === 'nacl' ? 'nacl' : 'sg';
    const partId = vpcDefaultPartId(e.vpc.value, part);
    if (!aliases.has(partId)) aliases.set(partId, e.id);
  }
  return aliases;
}

/** Replaces known id fields anywhere in an element (targets, peers, lists); copies only what changes. */
function rewriteIds(x: unknown, aliases: ReadonlyMap<ElementId, ElementId>): unknown {
  if (Array.isArray(x)) {
    let out: unknown[] | undefined;
    x.forEach((item, i) => {
      const r = rewriteIds(item, aliases);
      if (r !== item) (out ??= [...x])[i] = r;
    });
    return out ?? x;
  }
  if (x === null || typeof x !== 'object') return x;
  const o = x as Record<string, unknown>;
  if (o['known'] === true && typeof o['value'] === 'string') {
    const to = aliases.get(o['value']);
    return to === undefined ? x : { ...o, value: to };
  }
  let out: Record<string, unknown> | undefined;
  for (const key of Object.keys(o)) {
    const v = o[key];
    if (v === null || typeof v !== 'object') continue;
    const r = rewriteIds(v, aliases);
    if (r !== v) (out ??= { ...o })[key] = r;
  }
  return out ?? x;
}

/**
 * The VPC's own default (main) route table, when routes or associations point at it through
 * `default_route_table_id`/`main_route_table_id` but no resource manages it. It holds the local route plus
 * what is added to it, and it lives where the VPC is declared.
 */
function unmanagedDefaultRouteTables(elements: readonly NetworkElement[]): RouteTable[] {
  const ids = new Set<ElementId>();
  const vpcs = new Map<ElementId, Vpc>();
  for (let i = 0; i < elements.length; i++) {
    const e = elements[i]!;
    ids.add(e.id);
    if (e.kind === 'vpc') vpcs.set(e.id, e);
  }
  const referenced = new Set<ElementId>();
  const note = (f: Field<ElementId> | undefined) => {
    if (f?.known && !ids.has(f.value) && parseVpcDefaultPartId(f.value)?.part === 'route-table') referenced.add(f.value);
  };
  for (let i = 0; i < elements.length; i++) {
    const e = elements[i]!;
    if (e.kind === 'route' || e.kind === 'route-table-association' || e.kind === 'main-route-table-association') note(e.routeTable);
    else if (e.kind === 'endpoint') e.routeTables.forEach(note);
  }
  const tables: RouteTable[] = [];
  for (const id of referenced) {
    const vpc = vpcs.get(parseVpcDefaultPartId(id)!.vpcId);
    if (!vpc) continue;
    tables.push({
      kind: 'route-table',
      id,
      address: vpc.format === 'terraform' ? `${vpc.address}.default_route_table_id` : `${vpc.address} (main route table)`,
      format: vpc.format,
      span: vpc.span,
      nameSpan: vpc.nameSpan,
      nativeType: vpc.nativeType,
      vpc: known(vpc.id, vpc.nameSpan),
      isDefault: true,
      routes: [],
    });
  }
  return tables;
}

interface BackReferences {
  readonly blocksByVpc: Map<ElementId, CidrBlock[]>;
  readonly routesByTable: Map<ElementId, ElementId[]>;
  readonly rulesByGroup: Map<ElementId, ElementId[]>;
  readonly entriesByNacl: Map<ElementId, ElementId[]>;
  readonly subnetsByNacl: Map<ElementId, Field<ElementId>[]>;
  readonly usersByEip: Map<ElementId, ElementId[]>;
}

function push<V>(map: Map<ElementId, V[]>, key: ElementId, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function collectBackReferences(elements: readonly NetworkElement[]): BackReferences {
  const back: BackReferences = {
    blocksByVpc: new Map(),
    routesByTable: new Map(),
    rulesByGroup: new Map(),
    entriesByNacl: new Map(),
    subnetsByNacl: new Map(),
    usersByEip: new Map(),
  };
  for (let i = 0; i < elements.length; i++) {
    const e = elements[i]!;
    switch (e.kind) {
      case 'vpc-cidr-block':
        if (e.vpc.known) push(back.blocksByVpc, e.vpc.value, e.block);
        break;
      case 'route':
        if (e.routeTable.known) push(back.routesByTable, e.routeTable.value, e.id);
        break;
      case 'sg-rule':
        if (e.group.known) push(back.rulesByGroup, e.group.value, e.id);
        break;
      case 'nacl-entry':
        if (e.nacl.known) push(back.entriesByNacl, e.nacl.value, e.id);
        break;
      case 'nacl-association':
        if (e.nacl.known) push(back.subnetsByNacl, e.nacl.value, e.subnet);
        break;
      case 'nat':
        if (e.allocation?.known) push(back.usersByEip, e.allocation.value, e.id);
        break;
      case 'eip':
        if (e.instance?.known) push(back.usersByEip, e.id, e.instance.value);
        if (e.networkInterface?.known) push(back.usersByEip, e.id, e.networkInterface.value);
        break;
      default:
        break;
    }
  }
  return back;
}

function withBackReferences(e: NetworkElement, back: BackReferences): NetworkElement {
  switch (e.kind) {
    case 'vpc':
      return {
        ...e,
        // Own blocks first (primary first), then associations in declaration order; idempotent.
        cidrBlocks: [...e.cidrBlocks.filter((b) => b.declaredBy === e.id), ...(back.blocksByVpc.get(e.id) ?? [])],
      };
    case 'route-table':
      return { ...e, routes: back.routesByTable.get(e.id) ?? [] };
    case 'sg':
      return { ...e, rules: back.rulesByGroup.get(e.id) ?? [] };
    case 'nacl': {
      const seen = new Set(e.subnets.flatMap((f) => (f.known ? [f.value] : [])));
      const added = (back.subnetsByNacl.get(e.id) ?? []).filter((f) => !f.known || !seen.has(f.value));
      return { ...e, entries: back.entriesByNacl.get(e.id) ?? [], subnets: [...e.subnets, ...added] };
    }
    case 'eip':
      return { ...e, associatedWith: [...new Set(back.usersByEip.get(e.id) ?? [])] };
    default:
      return e;
  }
}
