import { known, unknownField, type Field } from '../../../model/field';
import { idField, orMissing } from '../../../model/fields';
import type {
  ElementId,
  MainRouteTableAssociation,
  Route,
  RouteTable,
  RouteTableAssociation,
  RouteTarget,
  RouteTargetKind,
} from '../../../model/types';
import type { EvaluatedResource } from '../evaluated';
import { BodyView } from './body';
import { baseOf, inlineBaseOf, type MapContext } from './context';
import { withFields } from '../../../model/withFields';

/** Route target attributes, in the provider's order; a route names exactly one. */
const TARGET_ATTRS: readonly (readonly [string, RouteTargetKind])[] = [
  ['gateway_id', 'igw'],
  ['nat_gateway_id', 'nat'],
  ['vpc_peering_connection_id', 'peering'],
  ['transit_gateway_id', 'tgw'],
  ['vpc_endpoint_id', 'endpoint'],
  ['network_interface_id', 'eni'],
  ['egress_only_gateway_id', 'egress-igw'],
  ['carrier_gateway_id', 'carrier'],
  ['local_gateway_id', 'lgw'],
  ['core_network_arn', 'core-network'],
  ['instance_id', 'instance'],
];

/** `gateway_id` takes an internet gateway, a virtual private gateway or `local`. */
const GATEWAY_KIND_BY_TYPE: Readonly<Record<string, RouteTargetKind>> = {
  aws_internet_gateway: 'igw',
  aws_vpn_gateway: 'vgw',
  aws_vpc_endpoint: 'endpoint',
  aws_egress_only_internet_gateway: 'egress-igw',
};
const GATEWAY_KIND_BY_PREFIX: readonly (readonly [string, RouteTargetKind])[] = [
  ['igw-', 'igw'],
  ['vgw-', 'vgw'],
  ['vpce-', 'endpoint'],
  ['eigw-', 'egress-igw'],
];

export function routeTarget(b: BodyView, ctx: MapContext): RouteTarget | undefined {
  for (const [attr, kind] of TARGET_ATTRS) {
    const v = b.value(attr);
    if (v === undefined || v.k === 'null') continue;
    const ref = orMissing(b.id(attr), b.span(attr), attr);
    if (attr !== 'gateway_id') return { kind, ref };
    if (v.k === 'string') {
      // `local` is the VPC's own route; its "target" is no element.
      if (v.v === 'local') return { kind: 'local', ref: known('local', v.origin ?? b.span(attr)) };
      const byPrefix = GATEWAY_KIND_BY_PREFIX.find(([p]) => v.v.startsWith(p));
      return { kind: byPrefix?.[1] ?? 'igw', ref };
    }
    const type = v.k === 'ref' ? ctx.typeOf(v.target) : undefined;
    // An unresolved gateway may well be an IGW: keeping kind `igw` with an unknown ref makes
    // publicness undecidable rather than private.
    return { kind: (type && GATEWAY_KIND_BY_TYPE[type]) || 'igw', ref };
  }
  return undefined;
}

/** A route's destination and target; undefined where not written (`withFields` leaves those out). */
function routeFields(b: BodyView, ctx: MapContext, names: { v4: string; v6: string }) {
  return {
    destination: b.str(names.v4),
    destinationIpv6: b.str(names.v6),
    destinationPrefixList: b.str('destination_prefix_list_id'),
    target: routeTarget(b, ctx),
  };
}

/** `aws_route_table` and `aws_default_route_table`, plus their inline `route` blocks. */
export function mapRouteTable(r: EvaluatedResource, ctx: MapContext): (RouteTable | Route)[] {
  const b = new BodyView(r.body, r.nameSpan, ctx);
  const isDefault = r.type === 'aws_default_route_table';
  const vpc = isDefault ? vpcOfDefaultPart(b, 'default_route_table_id', r) : orMissing(b.id('vpc_id'), r.nameSpan, 'vpc_id');
  const table: RouteTable = withFields(baseOf(r, 'route-table', ctx), {
    vpc,
    isDefault,
    routes: [],
    propagatingVgws: b.has('propagating_vgws') ? b.ids('propagating_vgws') : undefined,
  });
  const routes: Route[] = b.parts('route').map((part) =>
    withFields(inlineBaseOf(r, 'route', part), {
      routeTable: known(r.elementId, part.span),
      ...routeFields(part.body, ctx, { v4: 'cidr_block', v6: 'ipv6_cidr_block' }),
      inline: true,
    }),
  );
  return [table, ...routes];
}

/** `aws_route`. */
export function mapRoute(r: EvaluatedResource, ctx: MapContext): Route {
  const b = new BodyView(r.body, r.nameSpan, ctx);
  return withFields(baseOf(r, 'route', ctx), {
    routeTable: orMissing(b.id('route_table_id'), r.nameSpan, 'route_table_id'),
    ...routeFields(b, ctx, { v4: 'destination_cidr_block', v6: 'destination_ipv6_cidr_block' }),
    inline: false,
  });
}

export function mapRouteTableAssociation(r: EvaluatedResource, ctx: MapContext): RouteTableAssociation {
  const b = new BodyView(r.body, r.nameSpan, ctx);
  return withFields(baseOf(r, 'route-table-association', ctx), {
    routeTable: orMissing(b.id('route_table_id'), r.nameSpan, 'route_table_id'),
    subnet: b.id('subnet_id'),
    gateway: b.id('gateway_id'),
  });
}

export function mapMainRouteTableAssociation(r: EvaluatedResource, ctx: MapContext): MainRouteTableAssociation {
  const b = new BodyView(r.body, r.nameSpan, ctx);
  return withFields(baseOf(r, 'main-route-table-association', ctx), {
    vpc: orMissing(b.id('vpc_id'), r.nameSpan, 'vpc_id'),
    routeTable: orMissing(b.id('route_table_id'), r.nameSpan, 'route_table_id'),
  });
}

const DEFAULT_PART_ATTRS: Readonly<Record<string, readonly string[]>> = {
  default_route_table_id: ['default_route_table_id', 'main_route_table_id'],
  default_network_acl_id: ['default_network_acl_id'],
};

/**
 * `aws_default_route_table.default_route_table_id = aws_vpc.main.default_route_table_id`: the table adopts
 * the VPC's default part, so the VPC is the reference's target.
 */
export function vpcOfDefaultPart(b: BodyView, attr: string, r: EvaluatedResource): Field<ElementId> {
  const accepted = DEFAULT_PART_ATTRS[attr] ?? [attr];
  const f = idField(b.value(attr), b.span(attr), (ref) => (accepted.includes(ref.attr) ? ref.target : undefined));
  return f ?? unknownField(r.nameSpan, `${attr} is not set`);
}
