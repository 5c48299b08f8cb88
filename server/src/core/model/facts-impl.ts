import type { Field } from './field';
import { parseVpcDefaultPartId } from './fields';
import type { NetworkFacts, Publicness, RouteTableChoice } from './facts';
import type { NetworkModel } from './network';
import type { CidrBlock, ElementId, NetworkElement, Route, RouteTable, RouteTableAssociation, Subnet, Vpc } from './types';

/**
 * Facts per rules.md ("AWS facts"): a subnet's route table is its explicit association, else its VPC's main
 * table (a main-route-table association, else the VPC's default table, else AWS's implicit main table that
 * holds only the local route); it is public when that table sends 0.0.0.0/0 or ::/0 to an internet gateway
 * attached to its VPC. Anything that could change the answer but is unknown makes the answer undefined.
 * Everything is computed on first use and memoised; each index is one pass over the model.
 */
export function computeFacts(model: NetworkModel): NetworkFacts {
  const facts = new LazyFacts(model);
  return {
    vpcBlocks: (vpc) => facts.vpcBlocks(vpc),
    subnetsOf: (vpcId) => facts.subnetsOf(vpcId),
    routesOf: (tableId) => facts.routesOf(tableId),
    routeTableOf: (subnet) => facts.routeTableOf(subnet).choice,
    publicness: (subnet) => facts.publicness(subnet),
    vpcOf: (id) => facts.vpcOf(id),
  };
}

/** A set of VPCs, or "possibly any VPC" when the unknown piece could not be tied to one. */
class Scope {
  any = false;
  readonly vpcs = new Set<ElementId>();
  add(vpc: Field<ElementId> | undefined): void {
    if (vpc?.known) this.vpcs.add(vpc.value);
    else this.any = true;
  }
  includes(vpcId: ElementId): boolean {
    return this.any || this.vpcs.has(vpcId);
  }
}

interface ChoiceWithWhy {
  readonly choice: RouteTableChoice;
  /** Why the choice is `unknown`, for the publicness reason. */
  readonly why?: string;
}

type Attachment = 'attached' | 'not-attached' | 'unknown';

const NO_SUBNETS: readonly Subnet[] = [];
const NO_ROUTES: readonly Route[] = [];

class LazyFacts {
  private subnetsByVpc?: Map<ElementId, Subnet[]>;
  private routesByTable?: Map<ElementId, Route[]>;
  private associations?: { bySubnet: Map<ElementId, RouteTableAssociation>; unresolved: Scope };
  private mains?: { byVpc: Map<ElementId, ChoiceWithWhy>; unresolved: Scope };
  private gateways?: { vpcsByGateway: Map<ElementId, Set<ElementId>>; uncertainGateways: Set<ElementId>; uncertainVpcs: Scope };
  private floating?: { scope: Scope; example?: Route };
  private blocksByVpc?: Map<ElementId, CidrBlock[]>;
  private readonly choices = new Map<ElementId, ChoiceWithWhy>();
  private readonly publicnessMemo = new Map<ElementId, Publicness>();
  private readonly blocksMemo = new Map<ElementId, readonly CidrBlock[]>();
  private readonly vpcMemo = new Map<ElementId, Vpc | null | 'pending'>();

  constructor(private readonly model: NetworkModel) {}

  // --- plain indexes -------------------------------------------------------------------------------

  vpcBlocks(vpc: Vpc): readonly CidrBlock[] {
    const memo = this.blocksMemo.get(vpc.id);
    if (memo) return memo;
    if (!this.blocksByVpc) {
      this.blocksByVpc = new Map();
      for (const a of this.model.ofKind('vpc-cidr-block')) if (a.vpc.known) push(this.blocksByVpc, a.vpc.value, a.block);
    }
    // The linker already folded associations in; adding the missing ones keeps this right on an unlinked model.
    const present = new Set(vpc.cidrBlocks.map((b) => b.declaredBy));
    const blocks = [...vpc.cidrBlocks, ...(this.blocksByVpc.get(vpc.id) ?? []).filter((b) => !present.has(b.declaredBy))];
    this.blocksMemo.set(vpc.id, blocks);
    return blocks;
  }

  subnetsOf(vpcId: ElementId): readonly Subnet[] {
    if (!this.subnetsByVpc) {
      this.subnetsByVpc = new Map();
      for (const s of this.model.ofKind('subnet')) if (s.vpc.known) push(this.subnetsByVpc, s.vpc.value, s);
    }
    return this.subnetsByVpc.get(vpcId) ?? NO_SUBNETS;
  }

  routesOf(tableId: ElementId): readonly Route[] {
    if (!this.routesByTable) {
      this.routesByTable = new Map();
      for (const r of this.model.ofKind('route')) if (r.routeTable.known) push(this.routesByTable, r.routeTable.value, r);
    }
    return this.routesByTable.get(tableId) ?? NO_ROUTES;
  }

  // --- route table of a subnet ---------------------------------------------------------------------

  routeTableOf(subnet: Subnet): ChoiceWithWhy {
    let c = this.choices.get(subnet.id);
    if (!c) this.choices.set(subnet.id, (c = this.chooseRouteTable(subnet)));
    return c;
  }

  private chooseRouteTable(subnet: Subnet): ChoiceWithWhy {
    const { bySubnet, unresolved } = this.associationIndex();
    const explicit = bySubnet.get(subnet.id);
    if (explicit) {
      const table = explicit.routeTable.known ? this.model.getOf('route-table', explicit.routeTable.value) : undefined;
      if (!table) return unknownChoice(`the route table of ${explicit.address} could not be resolved`);
      return { choice: { how: 'explicit', table, associationId: explicit.id } };
    }
    if (!subnet.vpc.known) return unknownChoice(`the VPC of ${subnet.address} could not be resolved`);
    if (unresolved.includes(subnet.vpc.value)) {
      return unknownChoice('a route table association with an unresolved subnet may apply to it');
    }
    return this.mainOf(subnet.vpc.value);
  }

  private associationIndex(): NonNullable<LazyFacts['associations']> {
    if (this.associations) return this.associations;
    const bySubnet = new Map<ElementId, RouteTableAssociation>();
    const unresolved = new Scope();
    for (const a of this.model.ofKind('route-table-association')) {
      if (!a.subnet) continue; // an edge association (gateway_id) routes no subnet
      if (a.subnet.known) {
        // AWS allows one association per subnet: the first declared wins, a duplicate is a deploy error.
        if (!bySubnet.has(a.subnet.value)) bySubnet.set(a.subnet.value, a);
      } else {
        unresolved.add(this.tableVpc(a.routeTable));
      }
    }
    return (this.associations = { bySubnet, unresolved });
  }

  private tableVpc(table: Field<ElementId>): Field<ElementId> | undefined {
    return table.known ? this.model.getOf('route-table', table.value)?.vpc : undefined;
  }

  /** The VPC's main route table: main association, else the default table resource, else implicit. */
  private mainOf(vpcId: ElementId): ChoiceWithWhy {
    const mains = this.mainIndex();
    const explicitMain = mains.byVpc.get(vpcId);
    if (explicitMain) return explicitMain;
    if (mains.unresolved.includes(vpcId)) {
      return unknownChoice('a main route table association or default route table with an unresolved VPC may apply to it');
    }
    return { choice: { how: 'implicit-main' } };
  }

  private mainIndex(): NonNullable<LazyFacts['mains']> {
    if (this.mains) return this.mains;
    const byVpc = new Map<ElementId, ChoiceWithWhy>();
    const unresolved = new Scope();
    for (const m of this.model.ofKind('main-route-table-association')) {
      const table = m.routeTable.known ? this.model.getOf('route-table', m.routeTable.value) : undefined;
      const vpc = m.vpc.known ? m.vpc : table?.vpc;
      if (!vpc?.known) {
        unresolved.any = true;
        continue;
      }
      if (byVpc.has(vpc.value)) continue;
      byVpc.set(vpc.value, table ? { choice: { how: 'main', table } } : unknownChoice(`the route table of ${m.address} could not be resolved`));
    }
    for (const t of this.model.ofKind('route-table')) {
      if (!t.isDefault) continue;
      if (!t.vpc.known) unresolved.any = true;
      else if (!byVpc.has(t.vpc.value)) byVpc.set(t.vpc.value, { choice: { how: 'main', table: t } });
    }
    return (this.mains = { byVpc, unresolved });
  }

  // --- publicness ----------------------------------------------------------------------------------

  publicness(subnet: Subnet): Publicness {
    let p = this.publicnessMemo.get(subnet.id);
    if (!p) this.publicnessMemo.set(subnet.id, (p = this.decidePublicness(subnet)));
    return p;
  }

  private decidePublicness(subnet: Subnet): Publicness {
    const { choice, why } = this.routeTableOf(subnet);
    if (choice.how === 'unknown') return { public: undefined, reason: `unknown: ${why ?? 'its route table could not be resolved'}` };

    const vpcId = subnet.vpc.known ? subnet.vpc.value : choice.how !== 'implicit-main' && choice.table.vpc.known ? choice.table.vpc.value : undefined;
    const floating = this.floatingRoutes();
    const maybeFloating = vpcId === undefined ? floating.scope.any || floating.scope.vpcs.size > 0 : floating.scope.includes(vpcId);
    const floatingWhy = `unknown: ${floating.example?.address ?? 'a route'} has an unresolved route table and may send this subnet's traffic to an internet gateway`;

    if (choice.how === 'implicit-main') {
      if (maybeFloating) return { public: undefined, reason: floatingWhy };
      return {
        public: false,
        reason: 'private: no route table is associated and the VPC has no main route table in the configuration, so AWS\'s implicit main table (only the local route) applies',
      };
    }

    const table = choice.table;
    const label = tableLabel(table, choice.how);
    let uncertain: string | undefined;
    const otherDefaults: string[] = [];
    for (const route of this.routesOf(table.id)) {
      const dest = defaultDestination(route);
      if (dest === 'no' || !route.target) continue;
      if (route.target.kind !== 'igw') {
        if (dest !== 'maybe') otherDefaults.push(`${destinationText(route)} -> ${this.targetText(route)}`);
        continue;
      }
      const attached = vpcId === undefined ? 'unknown' : this.igwAttachment(route.target.ref, vpcId);
      if (attached === 'attached' && dest !== 'maybe') {
        const how = choice.how === 'explicit' ? 'explicit association' : 'main route table';
        return {
          public: true,
          reason: `public: route ${destinationText(route)} -> ${this.targetText(route)} in ${table.address} (${how})`,
          route,
        };
      }
      if (attached !== 'not-attached') {
        uncertain ??= `unknown: route ${destinationText(route)} -> ${this.targetText(route)} in ${label} could not be resolved`;
      }
    }
    if (uncertain) return { public: undefined, reason: uncertain };
    if (maybeFloating) return { public: undefined, reason: floatingWhy };
    const detail = otherDefaults.length > 0 ? ` (${otherDefaults.join(', ')})` : '';
    return { public: false, reason: `private: ${label} has no default route to an internet gateway${detail}` };
  }

  /** Whether an IGW reference is an internet gateway attached to the VPC (its `vpc` field or an attachment). */
  private igwAttachment(ref: Field<ElementId>, vpcId: ElementId): Attachment {
    if (!ref.known) return 'unknown';
    const igw = this.model.getOf('igw', ref.value);
    if (!igw) return 'unknown';
    const g = this.gatewayIndex();
    if (g.vpcsByGateway.get(igw.id)?.has(vpcId)) return 'attached';
    if (g.uncertainGateways.has(igw.id) || g.uncertainVpcs.includes(vpcId)) return 'unknown';
    return 'not-attached';
  }

  private gatewayIndex(): NonNullable<LazyFacts['gateways']> {
    if (this.gateways) return this.gateways;
    const vpcsByGateway = new Map<ElementId, Set<ElementId>>();
    const uncertainGateways = new Set<ElementId>();
    const uncertainVpcs = new Scope();
    const attach = (gateway: ElementId, vpc: Field<ElementId>) => {
      if (!vpc.known) return void uncertainGateways.add(gateway);
      let set = vpcsByGateway.get(gateway);
      if (!set) vpcsByGateway.set(gateway, (set = new Set()));
      set.add(vpc.value);
    };
    for (const igw of this.model.ofKind('igw')) if (igw.vpc) attach(igw.id, igw.vpc);
    for (const a of this.model.ofKind('gateway-attachment')) {
      if (a.gateway.known) attach(a.gateway.value, a.vpc);
      else uncertainVpcs.add(a.vpc); // an attachment of some gateway to this VPC (or to any)
    }
    return (this.gateways = { vpcsByGateway, uncertainGateways, uncertainVpcs });
  }

  /**
   * Routes whose table is unresolved but which may send default traffic to an IGW: they may sit in any
   * table, so private verdicts in the VPCs they could reach become undefined.
   */
  private floatingRoutes(): NonNullable<LazyFacts['floating']> {
    if (this.floating) return this.floating;
    const scope = new Scope();
    let example: Route | undefined;
    for (const r of this.model.ofKind('route')) {
      if (r.routeTable.known || !r.target || r.target.kind !== 'igw' || defaultDestination(r) === 'no') continue;
      example ??= r;
      const igw = r.target.ref.known ? this.model.getOf('igw', r.target.ref.value) : undefined;
      const g = this.gatewayIndex();
      const vpcs = igw ? g.vpcsByGateway.get(igw.id) : undefined;
      if (!igw || g.uncertainGateways.has(igw.id)) scope.any = true;
      else if (vpcs) for (const v of vpcs) scope.vpcs.add(v);
    }
    return (this.floating = { scope, example });
  }

  private targetText(route: Route): string {
    const t = route.target;
    if (!t) return 'nothing';
    if (t.kind === 'local') return 'local';
    if (t.ref.known) {
      const e = this.model.get(t.ref.value);
      if (e) return e.address;
    }
    return `an unresolved ${TARGET_NAMES[t.kind] ?? t.kind}`;
  }

  // --- VPC of any element --------------------------------------------------------------------------

  vpcOf(id: ElementId): Vpc | undefined {
    const memo = this.vpcMemo.get(id);
    if (memo === 'pending' || memo === null) return undefined;
    if (memo) return memo;
    this.vpcMemo.set(id, 'pending'); // a reference cycle (bad input) ends here instead of recursing forever
    const vpc = this.findVpc(id);
    this.vpcMemo.set(id, vpc ?? null);
    return vpc;
  }

  private viaField(f: Field<ElementId> | undefined): Vpc | undefined {
    return f?.known ? this.vpcOf(f.value) : undefined;
  }

  private viaFirst(fields: readonly Field<ElementId>[]): Vpc | undefined {
    for (const f of fields) {
      const v = this.viaField(f);
      if (v) return v;
    }
    return undefined;
  }

  private findVpc(id: ElementId): Vpc | undefined {
    const e: NetworkElement | undefined = this.model.get(id);
    if (!e) {
      const part = parseVpcDefaultPartId(id);
      return part ? this.model.getOf('vpc', part.vpcId) : undefined;
    }
    switch (e.kind) {
      case 'vpc':
        return e;
      case 'vpc-cidr-block':
      case 'subnet':
      case 'route-table':
      case 'main-route-table-association':
      case 'egress-igw':
      case 'gateway-attachment':
      case 'nacl':
      case 'peering':
      case 'tgw-attachment':
      case 'endpoint':
        return this.viaField(e.vpc);
      case 'igw':
      case 'vgw': {
        const direct = this.viaField(e.vpc);
        if (direct) return direct;
        const vpcs = this.gatewayIndex().vpcsByGateway.get(e.id);
        return vpcs ? this.model.getOf('vpc', vpcs.values().next().value) : undefined;
      }
      case 'sg':
      case 'target-group':
        return this.viaField(e.vpc);
      case 'route':
      case 'route-table-association':
        return this.viaField(e.routeTable) ?? (e.kind === 'route-table-association' ? this.viaField(e.subnet) : undefined);
      case 'nat':
      case 'eni':
      case 'nacl-association':
        return this.viaField(e.subnet);
      case 'instance':
        return this.viaField(e.subnet) ?? this.viaFirst(e.securityGroups);
      case 'sg-rule':
        return this.viaField(e.group);
      case 'nacl-entry':
        return this.viaField(e.nacl);
      case 'eip':
        for (const user of e.associatedWith) {
          const v = this.vpcOf(user);
          if (v) return v;
        }
        return undefined;
      case 'lb':
        return this.viaFirst(e.subnets) ?? this.viaFirst(e.securityGroups);
      case 'listener':
        return this.viaField(e.loadBalancer);
      case 'flow-log':
        return this.viaField(e.resource);
      default:
        // Transit gateways, VPN, customer and Direct Connect gateways sit outside any one VPC.
        return undefined;
    }
  }
}

const TARGET_NAMES: Partial<Record<string, string>> = {
  igw: 'internet gateway',
  'egress-igw': 'egress-only internet gateway',
  nat: 'NAT gateway',
  peering: 'peering connection',
  tgw: 'transit gateway',
  vgw: 'virtual private gateway',
  endpoint: 'VPC endpoint',
  eni: 'network interface',
  instance: 'instance',
};

function unknownChoice(why: string): ChoiceWithWhy {
  return { choice: { how: 'unknown' }, why };
}

function push<V>(map: Map<ElementId, V[]>, key: ElementId, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Is the route the default route (0.0.0.0/0 or ::/0)? `maybe` when its destination is unknown. */
function defaultDestination(route: Route): 'yes' | 'no' | 'maybe' {
  const v4 = route.destination;
  const v6 = route.destinationIpv6;
  if (v4?.known && v4.value.trim() === '0.0.0.0/0') return 'yes';
  if (v6?.known && isIpv6Default(v6.value)) return 'yes';
  if ((v4 && !v4.known) || (v6 && !v6.known)) return 'maybe';
  return 'no';
}

function isIpv6Default(text: string): boolean {
  const t = text.trim().toLowerCase();
  return t === '::/0' || t === '0:0:0:0:0:0:0:0/0';
}

function destinationText(route: Route): string {
  const f = route.destination ?? route.destinationIpv6 ?? route.destinationPrefixList;
  if (!f) return '(no destination)';
  return f.known ? f.value : '(unresolved destination)';
}

function tableLabel(table: RouteTable, how: 'explicit' | 'main'): string {
  return how === 'main' ? `${table.address} (main route table)` : table.address;
}
