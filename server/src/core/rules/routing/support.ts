import { attrName, resolve } from '../elementAccess';

// Shared with every family; re-exported so this family's rules import their helpers from one place.
export { attrName, resolve };
import type { Field, Known } from '../../model/field';
import type { ElementId, NatGateway, Route, RouteTable, Subnet, Vpc } from '../../model/types';
import type { Span } from '../../text/span';
import type { RuleContext } from '../types';
import { type AzKey, subnetAz } from '../../model/subnetAz';

/**
 * Helpers shared by the routing and peering rules. Indexes are built once per analysis (keyed on the
 * immutable model object) so every rule stays one pass over the model.
 */

/** How an element is named in messages. */
export function labelOf(ctx: RuleContext, id: ElementId): string {
  return ctx.model.get(id)?.address ?? id;
}

/** The VPC of a route table, only when its `vpc` field names a VPC of the model. */
export function vpcOfTable(ctx: RuleContext, table: RouteTable): Vpc | undefined {
  return resolve(ctx, 'vpc', table.vpc);
}

/** Is the route the IPv4 default route? Unknown destinations are not (rules never guess). */
export function isIpv4Default(route: Route): boolean {
  return route.destination?.known === true && route.destination.value.trim() === '0.0.0.0/0';
}

/** The destination field a route is written with (IPv4, IPv6 or prefix list), for reporting. */
export function destinationField(route: Route): Field<string> | undefined {
  return route.destination ?? route.destinationIpv6 ?? route.destinationPrefixList;
}

/** Where to report on a route's target: the target attribute when written, else the route itself. */
export function targetSpan(route: Route): Span {
  return route.target?.ref.span ?? route.nameSpan;
}

// --- availability zones ------------------------------------------------------------------------------

/** The AZ a NAT gateway lives in: its subnet's. */
export function natAz(ctx: RuleContext, nat: NatGateway): { subnet: Subnet; az: AzKey } | undefined {
  const subnet = resolve(ctx, 'subnet', nat.subnet);
  const az = subnet && subnetAz(subnet);
  return subnet && az ? { subnet, az } : undefined;
}

// --- gateway attachments -----------------------------------------------------------------------------

/** Which VPCs each internet / virtual private gateway is attached to, and what could not be resolved. */
export interface GatewayIndex {
  /** Gateway id -> VPCs it is attached to (its own `vpc` field and attachment resources). */
  readonly vpcsByGateway: ReadonlyMap<ElementId, ReadonlySet<ElementId>>;
  /** Gateway id -> the place each attachment is written (the `vpc_id` value), in declaration order. */
  readonly attachmentSpans: ReadonlyMap<ElementId, ReadonlyMap<ElementId, Span>>;
  /** Gateways with an attachment whose VPC is unknown: they may be attached anywhere. */
  readonly uncertainGateways: ReadonlySet<ElementId>;
  /** VPCs that some unresolved gateway may be attached to; `anyVpc` when that VPC is unknown too. */
  readonly uncertainVpcs: ReadonlySet<ElementId>;
  readonly anyVpc: boolean;
}

export type Attachment = 'attached' | 'not-attached' | 'unknown';

const gatewayIndexes = new WeakMap<object, GatewayIndex>();

export function gatewayIndex(ctx: RuleContext): GatewayIndex {
  const memo = gatewayIndexes.get(ctx.model);
  if (memo) return memo;
  const vpcsByGateway = new Map<ElementId, Set<ElementId>>();
  const attachmentSpans = new Map<ElementId, Map<ElementId, Span>>();
  const uncertainGateways = new Set<ElementId>();
  const uncertainVpcs = new Set<ElementId>();
  let anyVpc = false;
  const attach = (gateway: ElementId, vpc: Field<ElementId>): void => {
    if (!vpc.known) return void uncertainGateways.add(gateway);
    let set = vpcsByGateway.get(gateway);
    if (!set) vpcsByGateway.set(gateway, (set = new Set()));
    set.add(vpc.value);
    let spans = attachmentSpans.get(gateway);
    if (!spans) attachmentSpans.set(gateway, (spans = new Map()));
    if (!spans.has(vpc.value)) spans.set(vpc.value, vpc.span);
  };
  for (const igw of ctx.model.ofKind('igw')) if (igw.vpc) attach(igw.id, igw.vpc);
  for (const vgw of ctx.model.ofKind('vgw')) if (vgw.vpc) attach(vgw.id, vgw.vpc);
  for (const a of ctx.model.ofKind('gateway-attachment')) {
    if (a.gateway.known) attach(a.gateway.value, a.vpc);
    else if (a.vpc.known) uncertainVpcs.add(a.vpc.value);
    else anyVpc = true;
  }
  const index: GatewayIndex = { vpcsByGateway, attachmentSpans, uncertainGateways, uncertainVpcs, anyVpc };
  gatewayIndexes.set(ctx.model, index);
  return index;
}

/** Whether a gateway is attached to a VPC; `unknown` when an unresolved attachment could change the answer. */
export function attachment(ctx: RuleContext, gatewayId: ElementId, vpcId: ElementId): Attachment {
  const g = gatewayIndex(ctx);
  if (g.vpcsByGateway.get(gatewayId)?.has(vpcId)) return 'attached';
  if (g.uncertainGateways.has(gatewayId) || g.uncertainVpcs.has(vpcId) || g.anyVpc) return 'unknown';
  return 'not-attached';
}

// --- subnets per route table -------------------------------------------------------------------------

/** The subnets whose traffic a route table decides (explicitly associated, or through the main table). */
export interface TableUse {
  readonly subnet: Subnet;
  /** The association that names the table, when explicit. */
  readonly association?: ElementId;
}

const tableUses = new WeakMap<object, ReadonlyMap<ElementId, readonly TableUse[]>>();

export function subnetsByTable(ctx: RuleContext): ReadonlyMap<ElementId, readonly TableUse[]> {
  const memo = tableUses.get(ctx.model);
  if (memo) return memo;
  const out = new Map<ElementId, TableUse[]>();
  for (const subnet of ctx.model.ofKind('subnet')) {
    const choice = ctx.facts.routeTableOf(subnet);
    if (choice.how !== 'explicit' && choice.how !== 'main') continue;
    const use: TableUse = choice.how === 'explicit' ? { subnet, association: choice.associationId } : { subnet };
    const list = out.get(choice.table.id);
    if (list) list.push(use);
    else out.set(choice.table.id, [use]);
  }
  tableUses.set(ctx.model, out);
  return out;
}

/** A known field's span, or the fallback when the field is absent or unknown. */
export function spanOr(f: Field<unknown> | undefined, fallback: Span): Span {
  return f?.span ?? fallback;
}

export function isKnown<T>(f: Field<T> | undefined): f is Known<T> {
  return f !== undefined && f.known;
}

/** A publicness reason without its `private: ` verdict prefix, to embed in a sentence that already says it. */
export function privateReason(reason: string): string {
  return reason.replace(/^private:\s*/, '');
}
