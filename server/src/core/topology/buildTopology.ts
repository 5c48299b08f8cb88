import type { Analysis } from '../analysis/workspace';
import type { NetworkFacts } from '../model/facts';
import { type Field, valueOf } from '../model/field';
import type { ModelView } from '../model/network';
import type { ElementId, ElementOfKind, NetworkElement, Route, Subnet, Vpc } from '../model/types';
import type { Span } from '../text/span';
import { countFindings } from './findings';
import {
  blockText,
  cidrDetails,
  cidrSummary,
  destinationText,
  endpointLabelLine,
  fieldText,
  loadBalancerLabelLine,
  nameOf,
  routeLine,
  subnetDetails,
  unknownText,
} from './labels';
import { regionOfAz, regionOfServiceName } from './regions';
import { elementsInScope } from './scope';
import type { TopologyEdge, TopologyEdgeKind, TopologyGraph, TopologyNode, TopologyNodeKind, TopologyRange } from './types';
import { isSymbolicAz } from '../model/symbolicAz';

export interface TopologyOptions {
  /** Only the analysis unit(s) of this file (its root module and the modules it calls, its stack). */
  readonly file?: string;
}

/** Turns a core span into the host's file naming (URI in the editor, relative path in the CLI) and range. */
export type Locate = (span: Span) => { readonly file: string; readonly range: TopologyRange } | undefined;

/** Ids of the nodes that stand for no element; element nodes use the element id (stable across edits). */
export const INTERNET_NODE_ID = 'internet';
export const ONPREM_NODE_ID = 'onprem';
export const regionNodeId = (region: string): string => `region:${region}`;
export const azNodeId = (vpcId: ElementId, az: string | undefined): string => `${vpcId}#az:${az ?? '?'}`;

type MutableNode = { -readonly [K in keyof TopologyNode]: TopologyNode[K] };

/**
 * The network as the diagram draws it (interfaces.md, `topology --format json`). Containment is `parent`:
 * region > vpc > az > subnet > NAT, instances, ENIs. A region node exists when the AZ names (or endpoint
 * service names) of a VPC tell its region; the model has no region otherwise, and VPCs then sit at the top.
 * Elements that span subnets or live at VPC level are children of the VPC: load balancers and interface
 * endpoints (with `lb-subnet`/`endpoint` edges to their subnets), gateway endpoints (`endpoint` edges to
 * their route tables), IGW, egress-only IGW and VGW (the renderer puts them on the border), and route tables,
 * NACLs, security groups and target groups, which a renderer should collapse into badges by default (they
 * are nodes so that their findings and sources have a place). Outside VPCs: one `internet` node (reached
 * from each IGW by an `attachment` edge), one `onprem` node (behind customer gateways and Direct Connect),
 * transit gateways, peering connections (a node with a `peering` edge to each VPC), VPN connections, CGWs.
 * Pure: no IO; bad or partial models give a smaller graph, never an exception.
 */
export function buildTopology(analysis: Pick<Analysis, 'model' | 'facts' | 'diagnostics'>, options: TopologyOptions, locate: Locate): TopologyGraph {
  return new GraphBuilder(analysis.model, analysis.facts, locate).build(elementsInScope(analysis.model, options.file), analysis.diagnostics);
}

class GraphBuilder {
  private readonly nodes = new Map<string, MutableNode>();
  private readonly edges: TopologyEdge[] = [];
  private readonly edgeKeys = new Set<string>();
  private readonly inScope = new Set<ElementId>();
  private naclBySubnet?: Map<ElementId, ElementOfKind<'nacl'>>;

  constructor(
    private readonly model: ModelView,
    private readonly facts: NetworkFacts,
    private readonly locate: Locate,
  ) {}

  build(elements: readonly NetworkElement[], diagnostics: Analysis['diagnostics']): TopologyGraph {
    for (const e of elements) this.inScope.add(e.id);
    const of = <K extends NetworkElement['kind']>(kind: K) => elements.filter((e): e is ElementOfKind<K> => e.kind === kind);

    const vpcs = of('vpc');
    const vpcRegion = this.vpcRegions(vpcs, of('subnet'), of('endpoint'));
    for (const vpc of vpcs) this.addVpc(vpc, vpcRegion.get(vpc.id));
    for (const s of of('subnet')) this.addSubnet(s);
    for (const t of of('route-table')) this.addRouteTable(t);
    for (const n of of('nacl')) this.addNacl(n);
    for (const g of of('sg')) this.addElement(g, 'sg', this.vpcNode(g.id), [nameOf(g)], [g.address]);
    this.addGateways(of('igw'), of('egress-igw'), of('vgw'));
    for (const n of of('nat')) this.addNat(n);
    for (const eip of of('eip')) if (eip.associatedWith.length === 0) this.addElement(eip, 'eip', undefined, [nameOf(eip)], [eip.address, 'not associated with anything']);
    for (const e of of('endpoint')) this.addEndpoint(e);
    for (const tg of of('target-group')) this.addTargetGroup(tg);
    for (const lb of of('lb')) this.addLoadBalancer(lb, of('listener'));
    for (const i of of('instance')) this.addInstance(i);
    for (const eni of of('eni')) this.addEni(eni);
    for (const p of of('peering')) this.addPeering(p);
    for (const t of of('tgw')) this.addTransitGateway(t, of('tgw-attachment'), vpcRegion);
    this.addOnPremises(of('vpn'), of('cgw'), of('dx-gateway'));
    // After every node exists: edges may point at nodes added later.
    this.addSubnetEdges(of('subnet'));
    this.addRouteEdges(of('route-table'));

    const findings = countFindings(this.model, elements, diagnostics, (id) => this.nodes.has(id));
    for (const [id, counts] of findings) {
      const node = this.nodes.get(id);
      if (node) node.findings = counts;
    }
    return { version: 1, nodes: parentsFirst([...this.nodes.values()]), edges: this.edges.filter((e) => this.nodes.has(e.from) && this.nodes.has(e.to)) };
  }

  // --- nodes ---------------------------------------------------------------------------------------

  private addElement(e: NetworkElement, kind: TopologyNodeKind, parent: string | undefined, labelLines: readonly string[], details: readonly string[], extra: Partial<MutableNode> = {}): MutableNode {
    const node: MutableNode = { id: e.id, kind, label: labelLines.filter((l) => l !== '').join('\n') };
    if (parent !== undefined) node.parent = parent;
    const where = this.locateSafely(e.span);
    if (where) {
      node.file = where.file;
      node.range = where.range;
    }
    Object.assign(node, extra);
    if (details.length > 0) node.details = details;
    this.nodes.set(node.id, node);
    return node;
  }

  private addSynthetic(id: string, kind: TopologyNodeKind, label: string, parent?: string, extra: Partial<MutableNode> = {}): MutableNode {
    const existing = this.nodes.get(id);
    if (existing) return existing;
    const node: MutableNode = { id, kind, label, ...extra };
    if (parent !== undefined) node.parent = parent;
    this.nodes.set(id, node);
    return node;
  }

  private locateSafely(span: Span): ReturnType<Locate> {
    try {
      return this.locate(span);
    } catch {
      return undefined;
    }
  }

  private addVpc(vpc: Vpc, region: string | undefined): void {
    const blocks = this.facts.vpcBlocks(vpc);
    const parent = region === undefined ? undefined : this.addSynthetic(regionNodeId(region), 'region', region).id;
    const details = [vpc.address];
    for (const b of blocks) {
      const v = valueOf(b.cidr);
      const what = `${b.primary ? 'primary' : 'secondary'} ${b.ipv6 ? 'IPv6' : 'IPv4'}`;
      const unknown = !b.cidr.known && !b.amazonProvided && valueOf(b.ipamNetmaskLength) === undefined;
      details.push(...(v !== undefined ? cidrDetails(v, what) : [`${what}: ${unknown ? unknownText(b.cidr) : blockText(b)}`]));
    }
    if (vpc.enableDnsSupport || vpc.enableDnsHostnames) {
      details.push(`DNS support: ${fieldText(vpc.enableDnsSupport, 'unknown')}, DNS hostnames: ${fieldText(vpc.enableDnsHostnames, 'unknown')}`);
    }
    const primary = blocks.find((b) => b.primary && !b.ipv6);
    const cidr = primary ? valueOf(primary.cidr) : undefined;
    this.addElement(vpc, 'vpc', parent, [nameOf(vpc), blocks.map(blockText).join(', ')], details, cidr === undefined ? {} : { cidr });
  }

  /** The AZ container of a subnet, created on first use; subnets of an unknown AZ share an "AZ unknown" one. */
  private azNode(vpcId: ElementId, s: Subnet): string {
    const az = valueOf(s.availabilityZone) ?? valueOf(s.availabilityZoneId);
    const symbolic = az !== undefined && isSymbolicAz(az);
    const details = az === undefined ? ['the subnets whose availability zone is not known here'] : symbolic ? ['an AZ known only by its position (the name is chosen at deploy time)'] : [];
    return this.addSynthetic(azNodeId(vpcId, az), 'az', az ?? 'AZ unknown', vpcId, {
      ...(az === undefined ? {} : { az }),
      ...(details.length > 0 ? { details } : {}),
    }).id;
  }

  private addSubnet(s: Subnet): void {
    const vpcId = this.inGraphVpc(s.vpc);
    const cidr = valueOf(s.cidr);
    const publicness = this.facts.publicness(s);
    const nacl = this.naclOf(s.id);
    const az = valueOf(s.availabilityZone) ?? valueOf(s.availabilityZoneId);
    this.addElement(
      s,
      'subnet',
      vpcId === undefined ? undefined : this.azNode(vpcId, s),
      [nameOf(s), cidr === undefined ? 'CIDR unknown' : cidrSummary(cidr)],
      subnetDetails(s, this.facts, nacl),
      {
        ...(cidr === undefined ? {} : { cidr }),
        ...(az === undefined ? {} : { az }),
        ...(publicness.public === undefined ? {} : { public: publicness.public }),
      },
    );
  }

  private addRouteTable(t: ElementOfKind<'route-table'>): void {
    const routes = this.facts.routesOf(t.id);
    const main = t.isDefault || this.model.ofKind('main-route-table-association').some((m) => m.routeTable.known && m.routeTable.value === t.id);
    this.addElement(
      t,
      'route-table',
      this.inGraphVpc(t.vpc),
      [nameOf(t), `${routes.length} route${routes.length === 1 ? '' : 's'}${main ? ' · main' : ''}`],
      [t.address, ...(main ? ["the VPC's main route table"] : []), 'local route (implicit)', ...routes.map((r) => routeLine(this.model, r))],
    );
  }

  private addNacl(n: ElementOfKind<'nacl'>): void {
    const entries = n.entries.map((id) => this.model.getOf('nacl-entry', id)).filter((e) => e !== undefined);
    const inbound = entries.filter((e) => !e.egress).length;
    this.addElement(n, 'nacl', this.inGraphVpc(n.vpc), [nameOf(n), `${inbound} in · ${entries.length - inbound} out${n.isDefault ? ' · default' : ''}`], [n.address]);
  }

  private addGateways(igws: readonly ElementOfKind<'igw'>[], egress: readonly ElementOfKind<'egress-igw'>[], vgws: readonly ElementOfKind<'vgw'>[]): void {
    for (const g of igws) {
      const vpc = this.vpcNode(g.id);
      this.addElement(g, 'igw', vpc, [nameOf(g)], [g.address, vpc ? `attached to ${this.nodeName(vpc)}` : 'not attached to a VPC of this configuration']);
      this.addSynthetic(INTERNET_NODE_ID, 'internet', 'Internet');
      this.addEdge(g.id, INTERNET_NODE_ID, 'attachment');
    }
    for (const g of egress) {
      this.addElement(g, 'egress-igw', this.inGraphVpc(g.vpc), [nameOf(g), 'egress-only (IPv6)'], [g.address]);
      this.addSynthetic(INTERNET_NODE_ID, 'internet', 'Internet');
      this.addEdge(g.id, INTERNET_NODE_ID, 'attachment', 'IPv6 egress only');
    }
    for (const g of vgws) {
      const vpc = this.vpcNode(g.id);
      this.addElement(g, 'vgw', vpc, [nameOf(g)], [g.address, vpc ? `attached to ${this.nodeName(vpc)}` : 'not attached to a VPC of this configuration']);
    }
    // Extra attachments (a gateway attached to a second VPC is a configuration error, but drawn as written).
    for (const a of this.model.ofKind('gateway-attachment')) {
      if (!this.inScope.has(a.id) || !a.gateway.known) continue;
      const vpc = this.inGraphVpc(a.vpc);
      const gateway = this.nodes.get(a.gateway.value);
      if (vpc && gateway && gateway.parent !== vpc) this.addEdge(gateway.id, vpc, 'attachment', nameOf(a));
    }
  }

  private addNat(n: ElementOfKind<'nat'>): void {
    const subnet = this.inGraphNode(n.subnet);
    const connectivity = valueOf(n.connectivity) ?? (n.connectivity ? undefined : 'public');
    const allocation = n.allocation?.known ? n.allocation.value : undefined;
    const eip = allocation === undefined ? undefined : this.model.get(allocation);
    const details = [n.address, `connectivity: ${connectivity ?? 'unknown'}`];
    if (eip) details.push(`Elastic IP: ${nameOf(eip)}`);
    else if (allocation !== undefined) details.push(`Elastic IP allocation: ${allocation}`);
    else if (connectivity !== 'private') details.push('no Elastic IP written');
    this.addElement(n, 'nat', subnet ?? this.vpcNode(n.id), [nameOf(n), connectivity === undefined ? 'NAT gateway' : `${connectivity} NAT`], details);
  }

  private addEndpoint(e: ElementOfKind<'endpoint'>): void {
    const type = valueOf(e.endpointType);
    const details = [e.address, `service: ${fieldText(e.serviceName)}`];
    if (e.privateDnsEnabled) details.push(`private DNS: ${fieldText(e.privateDnsEnabled)}`);
    this.addElement(e, 'endpoint', this.inGraphVpc(e.vpc), [nameOf(e), endpointLabelLine(e)], details);
    const targets = type === 'Gateway' ? e.routeTables : e.subnets;
    for (const t of targets) {
      const id = this.inGraphNode(t);
      if (id) this.addEdge(e.id, id, 'endpoint');
    }
  }

  private addTargetGroup(tg: ElementOfKind<'target-group'>): void {
    const protocol = valueOf(tg.protocol);
    const port = valueOf(tg.port);
    const line = [protocol, port].filter((x) => x !== undefined).join(':');
    this.addElement(tg, 'target-group', this.inGraphVpc(tg.vpc), [nameOf(tg), line], [tg.address, `target type: ${fieldText(tg.targetType, 'unknown')}`]);
  }

  private addLoadBalancer(lb: ElementOfKind<'lb'>, listeners: readonly ElementOfKind<'listener'>[]): void {
    const own = listeners.filter((l) => l.loadBalancer.known && l.loadBalancer.value === lb.id);
    const details = [lb.address, ...own.map((l) => `listener ${fieldText(l.protocol, '?')}:${fieldText(l.port, '?')}`)];
    this.addElement(lb, 'lb', this.vpcNode(lb.id), [nameOf(lb), loadBalancerLabelLine(lb)], details);
    for (const s of lb.subnets) {
      const id = this.inGraphNode(s);
      if (id) this.addEdge(lb.id, id, 'lb-subnet');
    }
    for (const l of own) {
      for (const a of l.defaultActions) {
        const tg = this.inGraphNode(a.targetGroup);
        if (tg) this.addEdge(lb.id, tg, 'association', `${fieldText(l.protocol, '?')}:${fieldText(l.port, '?')}`);
      }
    }
    this.addSecurityGroupEdges(lb.id, lb.securityGroups);
  }

  private addInstance(i: ElementOfKind<'instance'>): void {
    const details = [i.address];
    const ip = valueOf(i.privateIp);
    if (ip) details.push(`private IP ${ip}`);
    if (valueOf(i.associatePublicIp)) details.push('public IPv4 address');
    this.addElement(i, 'instance', this.inGraphNode(i.subnet) ?? this.vpcNode(i.id), [nameOf(i)], details);
    this.addSecurityGroupEdges(i.id, i.securityGroups);
  }

  private addEni(eni: ElementOfKind<'eni'>): void {
    const ips = eni.privateIps.map((f) => valueOf(f)).filter((v) => v !== undefined);
    this.addElement(eni, 'eni', this.inGraphNode(eni.subnet) ?? this.vpcNode(eni.id), [nameOf(eni), ips.join(', ')], [eni.address]);
    this.addSecurityGroupEdges(eni.id, eni.securityGroups);
  }

  private addSecurityGroupEdges(from: ElementId, groups: readonly Field<ElementId>[]): void {
    for (const g of groups) {
      const id = this.inGraphNode(g);
      if (id) this.addEdge(from, id, 'association');
    }
  }

  private addPeering(p: ElementOfKind<'peering'>): void {
    const vpc = this.inGraphVpc(p.vpc);
    const peer = this.inGraphVpc(p.peerVpc);
    const details = [p.address];
    if (!peer) details.push('peer VPC: not in this configuration');
    const owner = valueOf(p.peerOwnerId);
    if (owner) details.push(`peer account: ${owner}`);
    const region = valueOf(p.peerRegion);
    if (region) details.push(`peer region: ${region}`);
    // Between two VPCs of different regions, or with a side unknown: no region container can hold it.
    const parentRegion = vpc && peer && this.nodes.get(vpc)?.parent === this.nodes.get(peer)?.parent ? this.nodes.get(vpc)?.parent : undefined;
    this.addElement(p, 'peering', parentRegion, [nameOf(p)], details);
    if (vpc) this.addEdge(vpc, p.id, 'peering');
    if (peer) this.addEdge(p.id, peer, 'peering');
  }

  private addTransitGateway(t: ElementOfKind<'tgw'>, attachments: readonly ElementOfKind<'tgw-attachment'>[], vpcRegion: ReadonlyMap<ElementId, string>): void {
    const own = attachments.filter((a) => a.transitGateway.known && a.transitGateway.value === t.id);
    const regions = new Set(own.map((a) => (a.vpc.known ? vpcRegion.get(a.vpc.value) : undefined)));
    const region = regions.size === 1 ? [...regions][0] : undefined;
    const asn = valueOf(t.amazonSideAsn);
    this.addElement(t, 'tgw', region === undefined ? undefined : regionNodeId(region), [nameOf(t)], [t.address, ...(asn === undefined ? [] : [`Amazon side ASN ${asn}`])]);
    for (const a of own) {
      const vpc = this.inGraphVpc(a.vpc);
      if (vpc) this.addEdge(t.id, vpc, 'tgw-attachment', nameOf(a));
    }
  }

  private addOnPremises(vpns: readonly ElementOfKind<'vpn'>[], cgws: readonly ElementOfKind<'cgw'>[], dxs: readonly ElementOfKind<'dx-gateway'>[]): void {
    if (vpns.length + cgws.length + dxs.length === 0) return;
    this.addSynthetic(ONPREM_NODE_ID, 'onprem', 'On-premises');
    for (const c of cgws) {
      const ip = valueOf(c.ipAddress);
      const asn = valueOf(c.bgpAsn);
      this.addElement(c, 'cgw', undefined, [nameOf(c), ip ?? ''], [c.address, ...(asn === undefined ? [] : [`BGP ASN ${asn}`])]);
      this.addEdge(c.id, ONPREM_NODE_ID, 'attachment');
    }
    for (const v of vpns) {
      const details = [v.address];
      if (valueOf(v.staticRoutesOnly)) details.push('static routes only');
      this.addElement(v, 'vpn', undefined, [nameOf(v), 'Site-to-Site VPN'], details);
      const aws = this.inGraphNode(v.vpnGateway) ?? this.inGraphNode(v.transitGateway);
      if (aws) this.addEdge(aws, v.id, 'vpn');
      const cgw = this.inGraphNode(v.customerGateway);
      this.addEdge(v.id, cgw ?? ONPREM_NODE_ID, 'vpn');
    }
    for (const d of dxs) {
      this.addElement(d, 'dx-gateway', undefined, [nameOf(d), 'Direct Connect'], [d.address]);
      this.addEdge(d.id, ONPREM_NODE_ID, 'vpn', 'Direct Connect');
    }
  }

  // --- edges ---------------------------------------------------------------------------------------

  /** Subnet -> its route table and NACL (`association`), and -> the NAT its default route uses (`nat-egress`). */
  private addSubnetEdges(subnets: readonly Subnet[]): void {
    for (const s of subnets) {
      const choice = this.facts.routeTableOf(s);
      if (choice.how === 'explicit' || choice.how === 'main') {
        if (this.nodes.has(choice.table.id)) this.addEdge(s.id, choice.table.id, 'association', choice.how === 'main' ? 'main' : undefined);
        for (const r of this.facts.routesOf(choice.table.id)) {
          if (r.target?.kind !== 'nat' || !isDefaultRoute(r)) continue;
          const nat = this.inGraphNode(r.target.ref);
          if (nat) this.addEdge(s.id, nat, 'nat-egress', destinationText(r));
        }
      }
    }
    for (const n of this.model.ofKind('nacl')) {
      if (!this.nodes.has(n.id)) continue;
      for (const f of n.subnets) {
        const s = this.inGraphNode(f);
        if (s) this.addEdge(s, n.id, 'association');
      }
    }
  }

  /** Route table -> each route's target that is drawn (gateways, NAT, peering, TGW, endpoints, ENIs). */
  private addRouteEdges(tables: readonly ElementOfKind<'route-table'>[]): void {
    for (const t of tables) {
      if (!this.nodes.has(t.id)) continue;
      for (const r of this.facts.routesOf(t.id)) {
        const target = r.target ? this.inGraphNode(r.target.ref) : undefined;
        if (target) this.addEdge(t.id, target, 'route', destinationText(r));
      }
    }
  }

  private addEdge(from: string, to: string, kind: TopologyEdgeKind, label?: string): void {
    const key = `${from}\u0000${to}\u0000${kind}\u0000${label ?? ''}`;
    if (from === to || this.edgeKeys.has(key)) return;
    this.edgeKeys.add(key);
    this.edges.push(label === undefined || label === '' ? { from, to, kind } : { from, to, kind, label });
  }

  // --- lookups -------------------------------------------------------------------------------------

  /** The NACL a subnet is associated with (first wins, as for route tables); indexed once per graph. */
  private naclOf(subnetId: ElementId): ElementOfKind<'nacl'> | undefined {
    if (!this.naclBySubnet) {
      this.naclBySubnet = new Map();
      for (const n of this.model.ofKind('nacl')) {
        for (const f of n.subnets) if (f.known && !this.naclBySubnet.has(f.value)) this.naclBySubnet.set(f.value, n);
      }
    }
    return this.naclBySubnet.get(subnetId);
  }

  /** The node of a referenced element, when that element is drawn. */
  private inGraphNode(f: Field<ElementId> | undefined): string | undefined {
    return f?.known && this.nodes.has(f.value) ? f.value : undefined;
  }

  private inGraphVpc(f: Field<ElementId> | undefined): string | undefined {
    const id = this.inGraphNode(f);
    return id !== undefined && this.nodes.get(id)?.kind === 'vpc' ? id : undefined;
  }

  /** The VPC node of any element, through whatever links it (facts.vpcOf). */
  private vpcNode(id: ElementId): string | undefined {
    const vpc = this.facts.vpcOf(id);
    return vpc && this.nodes.get(vpc.id)?.kind === 'vpc' ? vpc.id : undefined;
  }

  private nodeName(id: string): string {
    return this.nodes.get(id)?.label.split('\n')[0] ?? id;
  }

  /** Each VPC's region, when its subnets' AZ names or its endpoints' service names agree on one. */
  private vpcRegions(vpcs: readonly Vpc[], subnets: readonly Subnet[], endpoints: readonly ElementOfKind<'endpoint'>[]): Map<ElementId, string> {
    const seen = new Map<ElementId, Set<string>>();
    const note = (vpc: Field<ElementId>, region: string | undefined) => {
      if (!vpc.known || region === undefined) return;
      let set = seen.get(vpc.value);
      if (!set) seen.set(vpc.value, (set = new Set()));
      set.add(region);
    };
    for (const s of subnets) note(s.vpc, regionOfAz(valueOf(s.availabilityZone)));
    for (const e of endpoints) note(e.vpc, regionOfServiceName(valueOf(e.serviceName)));
    const out = new Map<ElementId, string>();
    for (const vpc of vpcs) {
      const regions = seen.get(vpc.id);
      if (regions?.size === 1) out.set(vpc.id, [...regions][0]!);
    }
    return out;
  }
}

function isDefaultRoute(r: Route): boolean {
  return valueOf(r.destination) === '0.0.0.0/0' || valueOf(r.destinationIpv6) === '::/0';
}

/** Parents before their children (renderers build containers first), otherwise in building order. */
function parentsFirst(nodes: MutableNode[]): TopologyNode[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const depth = new Map<string, number>();
  const depthOf = (n: MutableNode): number => {
    let d = 0;
    const seen = new Set<string>();
    for (let p = n.parent; p !== undefined && !seen.has(p); p = byId.get(p)?.parent) {
      seen.add(p);
      d++;
    }
    return d;
  };
  for (const n of nodes) {
    // A parent that is not in the graph would leave a dangling reference: the node goes to the top level.
    if (n.parent !== undefined && !byId.has(n.parent)) delete n.parent;
    depth.set(n.id, depthOf(n));
  }
  return nodes.map((n, i) => ({ n, i })).sort((a, b) => depth.get(a.n.id)! - depth.get(b.n.id)! || a.i - b.i).map(({ n }) => n);
}
