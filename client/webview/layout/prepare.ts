// Decides what is drawn: route tables, NACLs, security groups and EIPs become badges on the nodes they are
// associated with; on big networks subnet contents collapse into a count. Edges to hidden nodes move to the
// nearest drawn ancestor. Tolerates any graph: duplicate ids, unknown parents and parent cycles included.
import type { TopologyEdge, TopologyEdgeKind, TopologyGraph, TopologyNode, TopologyNodeKind } from '../../../server/src/core/topology/types';
import type { CollapsedAttachment } from './types';

export const DEFAULT_COLLAPSE_THRESHOLD = 600;
const BADGE_KINDS: ReadonlySet<TopologyNodeKind> = new Set(['route-table', 'nacl', 'sg', 'eip']);
/** Route targets worth a line from each subnet using them, once the route table itself is a badge. */
const DERIVED_ROUTE_TARGETS: ReadonlySet<TopologyNodeKind> = new Set(['nat', 'tgw', 'peering', 'vgw', 'endpoint']);
export const BORDER_KINDS: ReadonlySet<TopologyNodeKind> = new Set(['igw', 'egress-igw', 'vgw']);
export const CONTAINER_KINDS: ReadonlySet<TopologyNodeKind> = new Set(['region', 'vpc', 'az', 'subnet']);

export interface PreparedNode {
  readonly node: TopologyNode;
  /** Drawn parent (undefined: top level). */
  readonly parent: string | undefined;
  readonly depth: number;
  readonly attachments: CollapsedAttachment[];
  hiddenChildren: number;
}

export interface PreparedEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: TopologyEdgeKind;
  readonly label?: string;
  readonly derived: boolean;
}

export interface PreparedGraph {
  /** Drawn nodes, parents before children, siblings in a stable order. */
  readonly nodes: PreparedNode[];
  readonly byId: ReadonlyMap<string, PreparedNode>;
  readonly edges: PreparedEdge[];
  readonly subnetsCollapsed: boolean;
}

export interface PrepareOptions {
  readonly collapseThreshold?: number;
  readonly expanded?: readonly string[];
  readonly showAttachments?: boolean;
}

export function prepareGraph(graph: TopologyGraph, options: PrepareOptions = {}): PreparedGraph {
  const all = uniqueNodes(graph);
  const ancestors = ancestorChains(all);

  const asBadge = (n: TopologyNode) => !options.showAttachments && BADGE_KINDS.has(n.kind);
  let candidates = [...all.values()].filter((n) => !asBadge(n) && !ancestors.get(n.id)!.some((a) => asBadge(all.get(a)!)));
  const threshold = options.collapseThreshold ?? DEFAULT_COLLAPSE_THRESHOLD;
  const expanded = new Set(options.expanded ?? []);
  const subnetsCollapsed = candidates.length > threshold;
  const hiddenUnder = new Map<string, string>(); // hidden node id -> the collapsed subnet drawn instead
  if (subnetsCollapsed) {
    candidates = candidates.filter((n) => {
      const subnet = ancestors.get(n.id)!.find((a) => all.get(a)!.kind === 'subnet');
      if (subnet === undefined || expanded.has(subnet)) return true;
      hiddenUnder.set(n.id, subnet);
      return false;
    });
  }

  const visible = new Set(candidates.map((n) => n.id));
  const drawnParent = (n: TopologyNode) => ancestors.get(n.id)!.find((a) => visible.has(a));
  const prepared = new Map<string, PreparedNode>();
  for (const n of candidates) {
    prepared.set(n.id, { node: n, parent: drawnParent(n), depth: 0, attachments: [], hiddenChildren: 0 });
  }
  for (const [hidden, subnet] of hiddenUnder) {
    if (all.get(hidden)) prepared.get(subnet)!.hiddenChildren++;
  }

  // Where a hidden node's edges go: the nearest drawn node that stands for it.
  const standIn = (id: string): string | undefined => {
    if (visible.has(id)) return id;
    const under = hiddenUnder.get(id);
    if (under !== undefined) return under;
    return undefined;
  };

  const edges: PreparedEdge[] = [];
  const seen = new Set<string>();
  const linked = new Set<string>(); // node pairs with a drawn edge, either way
  const addEdge = (e: PreparedEdge) => {
    if (e.from === e.to) return;
    const key = `${e.from}\u0000${e.to}\u0000${e.kind}`;
    const reverse = `${e.to}\u0000${e.from}\u0000${e.kind}`;
    if (seen.has(key) || seen.has(reverse)) return;
    // A route derived through a folded route table adds nothing where the two are linked already (a private
    // subnet's `nat-egress` to its NAT gateway): it would be a second line on top of the first.
    if (e.derived && (linked.has(`${e.from}\u0000${e.to}`) || linked.has(`${e.to}\u0000${e.from}`))) return;
    seen.add(key);
    linked.add(`${e.from}\u0000${e.to}`);
    edges.push(e);
  };
  const badgeTargets = new Map<string, string[]>(); // badge node id -> drawn nodes it is associated with
  for (const e of graph.edges ?? []) {
    if (!isEdge(e) || !all.has(e.from) || !all.has(e.to)) continue;
    const fromBadge = asBadge(all.get(e.from)!);
    const toBadge = asBadge(all.get(e.to)!);
    if (fromBadge !== toBadge) {
      const [badge, other] = fromBadge ? [e.from, e.to] : [e.to, e.from];
      const holder = standIn(other);
      if (holder !== undefined) push(badgeTargets, badge, holder);
      continue;
    }
    if (fromBadge) continue;
    const from = standIn(e.from);
    const to = standIn(e.to);
    if (from === undefined || to === undefined) continue;
    if (ancestors.get(from)!.includes(to) || ancestors.get(to)!.includes(from)) continue; // drawn inside it already
    addEdge({ from, to, kind: e.kind, ...(e.label !== undefined ? { label: String(e.label) } : {}), derived: false });
  }

  // Badges: on the nodes associated with them, else on their drawn parent (a VPC's route tables).
  for (const n of all.values()) {
    if (!asBadge(n)) continue;
    const holders = badgeTargets.get(n.id) ?? [];
    // A route table's edges also lead to its route targets: its badge belongs on the subnets only.
    const associated = n.kind === 'route-table' ? holders.filter((h) => prepared.get(h)!.node.kind === 'subnet') : holders;
    const targets = associated.length > 0 ? associated : [drawnParent(n)].filter((p): p is string => p !== undefined);
    const attachment: CollapsedAttachment = { id: n.id, kind: n.kind as CollapsedAttachment['kind'], label: String(n.label ?? n.id) };
    for (const t of new Set(targets)) prepared.get(t)!.attachments.push(attachment);
    // A route table's routes, drawn from each subnet that uses it.
    if (n.kind === 'route-table') {
      const subnets = holders.filter((h) => prepared.get(h)!.node.kind === 'subnet');
      const targetsOfRoutes = holders.filter((h) => DERIVED_ROUTE_TARGETS.has(prepared.get(h)!.node.kind));
      for (const s of subnets) for (const t of targetsOfRoutes) {
        if (!ancestors.get(t)!.includes(s)) addEdge({ from: s, to: t, kind: 'route', derived: true });
      }
    }
  }

  const ordered = orderNodes([...prepared.values()]);
  return { nodes: ordered, byId: new Map(ordered.map((p) => [p.node.id, p])), edges, subnetsCollapsed };
}

function isEdge(e: TopologyEdge | null | undefined): e is TopologyEdge {
  return typeof e === 'object' && e !== null && typeof e.from === 'string' && typeof e.to === 'string';
}

function uniqueNodes(graph: TopologyGraph): Map<string, TopologyNode> {
  const all = new Map<string, TopologyNode>();
  for (const n of graph.nodes ?? []) {
    if (typeof n !== 'object' || n === null || typeof n.id !== 'string' || all.has(n.id)) continue;
    all.set(n.id, n);
  }
  return all;
}

/** Ancestor ids of each node, nearest first. A parent cycle is broken at the first of its nodes met. */
function ancestorChains(all: Map<string, TopologyNode>): Map<string, string[]> {
  const parent = new Map<string, string | undefined>();
  for (const n of all.values()) parent.set(n.id, typeof n.parent === 'string' && all.has(n.parent) ? n.parent : undefined);
  for (const n of all.values()) {
    const seen = new Set<string>();
    for (let p = parent.get(n.id); p !== undefined && !seen.has(p); p = parent.get(p)) {
      if (p === n.id) {
        parent.set(n.id, undefined);
        break;
      }
      seen.add(p);
    }
  }
  const chains = new Map<string, string[]>();
  for (const n of all.values()) {
    const chain: string[] = [];
    for (let p = parent.get(n.id); p !== undefined; p = parent.get(p)) chain.push(p);
    chains.set(n.id, chain);
  }
  return chains;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const KIND_ORDER: readonly TopologyNodeKind[] = [
  'internet', 'onprem', 'cgw', 'dx-gateway', 'vpn', 'region', 'vpc', 'igw', 'egress-igw', 'vgw', 'lb', 'az',
  'subnet', 'nat', 'endpoint', 'instance', 'eni', 'target-group', 'tgw', 'peering', 'route-table', 'nacl', 'sg', 'eip',
];

/** Parents first; siblings by kind, public subnets before private, then by CIDR and label. */
function orderNodes(nodes: PreparedNode[]): PreparedNode[] {
  const children = new Map<string | undefined, PreparedNode[]>();
  for (const p of nodes) push(children, p.parent, p);
  const out: PreparedNode[] = [];
  const visit = (parent: string | undefined, depth: number) => {
    const list = (children.get(parent) ?? []).sort(compareSiblings);
    for (const p of list) {
      out.push({ ...p, depth });
      visit(p.node.id, depth + 1);
    }
  };
  visit(undefined, 0);
  return out;
}

function compareSiblings(a: PreparedNode, b: PreparedNode): number {
  const ka = KIND_ORDER.indexOf(a.node.kind);
  const kb = KIND_ORDER.indexOf(b.node.kind);
  if (ka !== kb) return ka - kb;
  if (a.node.kind === 'subnet' && a.node.public !== b.node.public) return a.node.public ? -1 : 1;
  const ca = cidrSortKey(a.node.cidr);
  const cb = cidrSortKey(b.node.cidr);
  if (ca !== cb) return ca < cb ? -1 : 1;
  const la = String(a.node.label ?? '');
  const lb = String(b.node.label ?? '');
  if (la !== lb) return la < lb ? -1 : 1;
  return a.node.id < b.node.id ? -1 : a.node.id > b.node.id ? 1 : 0;
}

/** Sorts IPv4 blocks numerically ("10.0.2.0/24" before "10.0.10.0/24"); anything else after, as text. */
function cidrSortKey(cidr: string | undefined): string {
  if (typeof cidr !== 'string') return '~';
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)/.exec(cidr);
  if (!m) return `~${cidr}`;
  return m.slice(1).map((part) => part.padStart(3, '0')).join('.');
}
