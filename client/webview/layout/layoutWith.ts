// Lays out the topology with ELK: one compound node per region / VPC / AZ / subnet, each level with the
// algorithm that suits it (layered rows for VPCs and their AZs, a stack of subnets per AZ, a packed grid of
// resources per subnet). Levels are laid out separately (SEPARATE_CHILDREN): linear in practice, where
// INCLUDE_CHILDREN with cross-level edges takes seconds on 1,500 nodes. Connections are drawn afterwards
// between the final boxes: along the AZ's gutter between subnets of one AZ, else as straight lines; only the
// top levels give ELK (lifted) edges to order by.
import type { TopologyGraph, TopologyNodeKind } from '../../../server/src/core/topology/types';
import { hashText } from './graphHash';
import { BORDER_KINDS, CONTAINER_KINDS, prepareGraph, type PreparedGraph, type PreparedNode } from './prepare';
import {
  BOLD_CHAR_WIDTH, CHAR_WIDTH, GATEWAY_GAP, GATEWAY_HEIGHT, GATEWAY_WIDTH, LEAF_HEIGHT, PADDING, leafWidth, type Padding,
} from './sizes';
import { attachmentSummary, leafSubLine } from '../render/labels';
import type { Box, ElkEngine, ElkGraphNode, Layout, LayoutEdge, LayoutNode, LayoutOptions, Point } from './types';

interface Geometry {
  readonly width: number;
  readonly height: number;
  readonly boxes: ReadonlyMap<string, Box>;
}

const CACHE_SIZE = 12;
const cache = new Map<string, Geometry>();

/** Lays out `graph` with the given ELK instance; same structure, same geometry (cached by hash). */
export async function layoutTopologyWith(elk: ElkEngine, graph: TopologyGraph, options: LayoutOptions = {}): Promise<Layout> {
  const prepared = prepareGraph(graph, options);
  const hash = structureHash(prepared, options);
  let geometry = cache.get(hash);
  if (geometry) {
    cache.delete(hash); // re-insert: most recently used last
  } else {
    geometry = await computeGeometry(elk, prepared);
  }
  cache.set(hash, geometry);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return assemble(prepared, geometry, hash);
}

/** Seeds the cache with a geometry computed elsewhere (the CLI embeds its layout in the HTML page). */
export function primeLayoutCache(layout: Layout): void {
  const boxes = new Map(layout.nodes.map((n) => [n.node.id, n.box] as const));
  cache.set(layout.hash, { width: layout.width, height: layout.height, boxes });
}

function structureHash(prepared: PreparedGraph, options: LayoutOptions): string {
  const nodes = prepared.nodes.map((p) => [
    p.node.id, p.node.kind, p.parent ?? '', String(p.node.label ?? ''), p.node.cidr ?? '', p.node.public ?? '',
    p.hiddenChildren, p.attachments.map((a) => a.label).join('\u0001'),
  ]);
  const edges = prepared.edges.map((e) => [e.from, e.to, e.kind]);
  return hashText(JSON.stringify([1, nodes, edges, options.showAttachments ?? false]));
}

// --- ELK graph ------------------------------------------------------------------------------------------

const LAYERED = {
  'elk.algorithm': 'layered',
  'elk.layered.thoroughness': '1',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.crossingMinimization.forceNodeModelOrder': 'true',
  'elk.edgeRouting': 'POLYLINE',
  'elk.nodeSize.constraints': 'MINIMUM_SIZE',
};

function padding(p: Padding): string {
  return `[top=${p.top},left=${p.left},bottom=${p.bottom},right=${p.right}]`;
}

function optionsFor(p: PreparedNode | undefined, minWidth: number, minHeight: number): Record<string, string> {
  const min = { 'elk.nodeSize.minimum': `(${minWidth}, ${minHeight})` };
  switch (p?.node.kind) {
    case undefined:
      return { ...LAYERED, 'elk.direction': 'DOWN', 'elk.padding': '[top=40,left=40,bottom=40,right=40]', 'elk.spacing.nodeNode': '48', 'elk.layered.spacing.nodeNodeBetweenLayers': '72' };
    case 'region':
      return { ...LAYERED, ...min, 'elk.direction': 'DOWN', 'elk.padding': padding(PADDING.region), 'elk.spacing.nodeNode': '40', 'elk.layered.spacing.nodeNodeBetweenLayers': '64' };
    case 'vpc':
      return { ...LAYERED, ...min, 'elk.direction': 'DOWN', 'elk.padding': padding(PADDING.vpc), 'elk.spacing.nodeNode': '24', 'elk.layered.spacing.nodeNodeBetweenLayers': '36' };
    case 'az':
      // A layered layout without edges puts every node in one layer: a column, as the AWS icons show AZs.
      return { ...LAYERED, ...min, 'elk.direction': 'RIGHT', 'elk.padding': padding(PADDING.az), 'elk.spacing.nodeNode': '16' };
    default:
      return {
        'elk.algorithm': 'box', 'elk.aspectRatio': '2.2', 'elk.spacing.nodeNode': '10', 'elk.nodeSize.constraints': 'MINIMUM_SIZE',
        ...min, 'elk.padding': padding(PADDING.subnet),
      };
  }
}

/** Edges ordering the nodes of a level: lifted to the two children of the lowest common ancestor. */
const TIER: Partial<Record<TopologyNodeKind, number>> = { internet: 0, onprem: 0, cgw: 1, 'dx-gateway': 1, vpn: 2, tgw: 5, peering: 5 };
function tier(kind: TopologyNodeKind, level: TopologyNodeKind | undefined): number {
  if (level === 'vpc') return kind === 'az' || kind === 'subnet' ? 1 : 0;
  return TIER[kind] ?? 3;
}

async function computeGeometry(elk: ElkEngine, prepared: PreparedGraph): Promise<Geometry> {
  const { byId } = prepared;
  const onBorder = (p: PreparedNode) => BORDER_KINDS.has(p.node.kind) && p.parent !== undefined && byId.get(p.parent)?.node.kind === 'vpc';
  const children = new Map<string | undefined, PreparedNode[]>();
  for (const p of prepared.nodes) {
    if (onBorder(p)) continue;
    const list = children.get(p.parent);
    if (list) list.push(p);
    else children.set(p.parent, [p]);
  }
  const borderCount = new Map<string, number>();
  for (const p of prepared.nodes) if (onBorder(p)) borderCount.set(p.parent!, (borderCount.get(p.parent!) ?? 0) + 1);

  const elkNodes = new Map<string | undefined, ElkGraphNode>();
  const build = (p: PreparedNode | undefined): ElkGraphNode => {
    const id = p?.node.id;
    const kids = children.get(id) ?? [];
    const [minWidth, minHeight] = minimumSize(p, borderCount.get(id ?? '') ?? 0);
    const elkNode: ElkGraphNode = { id: id ?? '__root__' };
    if (p && !CONTAINER_KINDS.has(p.node.kind) && kids.length === 0) {
      elkNode.width = minWidth;
      elkNode.height = minHeight;
    } else {
      elkNode.layoutOptions = optionsFor(p, minWidth, minHeight);
      elkNode.children = kids.map(build);
      elkNode.edges = [];
      if (kids.length === 0) {
        elkNode.width = minWidth;
        elkNode.height = minHeight;
      }
    }
    elkNodes.set(id, elkNode);
    return elkNode;
  };
  const root = build(undefined);

  // Lift each connection to the level where both ends are siblings; keep it where the level is layered.
  const chain = (id: string): string[] => {
    const out: string[] = [];
    for (let p = byId.get(id); p; p = p.parent !== undefined ? byId.get(p.parent) : undefined) out.push(p.node.id);
    return out;
  };
  const seen = new Set<string>();
  prepared.edges.forEach((e, i) => {
    const a = chain(e.from);
    const b = chain(e.to);
    const lca = a.find((x) => b.includes(x));
    const level = lca === undefined ? undefined : byId.get(lca)!;
    if (level && level.node.kind !== 'region' && level.node.kind !== 'vpc') return;
    const childOf = (c: string[]) => (lca === undefined ? c[c.length - 1] : c[c.indexOf(lca) - 1]);
    let from = childOf(a);
    let to = childOf(b);
    if (from === undefined || to === undefined || from === to) return;
    const fromNode = byId.get(from)!;
    const toNode = byId.get(to)!;
    if (onBorder(fromNode) || onBorder(toNode)) return;
    // Inside a VPC only "resource above its AZs" orders anything: AZs stay side by side in one row.
    if (level?.node.kind === 'vpc' && (fromNode.node.kind === 'az') === (toNode.node.kind === 'az')) return;
    if (tier(fromNode.node.kind, level?.node.kind) > tier(toNode.node.kind, level?.node.kind)) [from, to] = [to, from];
    const key = `${from}\u0000${to}`;
    if (seen.has(key)) return;
    seen.add(key);
    elkNodes.get(lca)!.edges!.push({ id: `e${i}`, sources: [from], targets: [to] });
  });

  const result = await elk.layout(root);
  const boxes = new Map<string, Box>();
  const read = (n: ElkGraphNode, dx: number, dy: number) => {
    for (const c of n.children ?? []) {
      const x = dx + (c.x ?? 0);
      const y = dy + (c.y ?? 0);
      boxes.set(c.id, { x, y, width: c.width ?? 0, height: c.height ?? 0 });
      read(c, x, y);
    }
  };
  read(result, 0, 0);
  fillContainers(prepared, boxes, children);
  placeBorderGateways(prepared, boxes, onBorder);
  return { width: Math.ceil(result.width ?? 0), height: Math.ceil(result.height ?? 0), boxes };
}

function minimumSize(p: PreparedNode | undefined, gateways: number): [number, number] {
  if (!p) return [0, 0];
  const n = p.node;
  const label = String(n.label ?? n.id);
  switch (n.kind) {
    case 'region':
      return [Math.max(320, label.length * BOLD_CHAR_WIDTH + 60), 120];
    case 'vpc': {
      const header = (label.length + 2) * BOLD_CHAR_WIDTH + String(n.cidr ?? '').length * CHAR_WIDTH + 80;
      const border = gateways * (GATEWAY_WIDTH + GATEWAY_GAP) + 40;
      return [Math.round(Math.max(360, header + border)), 140];
    }
    case 'az':
      return [Math.round(Math.max(240, label.length * CHAR_WIDTH + 40)), 90];
    case 'subnet': {
      const title = (label.length + 10) * BOLD_CHAR_WIDTH;
      const cidrLine = (String(n.cidr ?? '').length + 18) * CHAR_WIDTH;
      const badges = attachmentSummary(p.attachments).length * CHAR_WIDTH;
      return [Math.round(Math.max(224, title + 24, cidrLine + 24, Math.min(badges, 420) + 24)), PADDING.subnet.top + 8];
    }
    default:
      return BORDER_KINDS.has(n.kind) ? [GATEWAY_WIDTH, GATEWAY_HEIGHT] : [leafWidth(n, leafSubLine(n, p.attachments)), LEAF_HEIGHT];
  }
}

/** Subnets take the full width of their AZ, AZs the full height of their VPC row: a clean AWS-style grid. */
function fillContainers(prepared: PreparedGraph, boxes: Map<string, Box>, children: Map<string | undefined, PreparedNode[]>): void {
  for (const p of prepared.nodes) {
    const box = boxes.get(p.node.id);
    if (!box) continue;
    const kids = children.get(p.node.id) ?? [];
    if (p.node.kind === 'az') {
      const inner = box.width - PADDING.az.left - PADDING.az.right;
      for (const k of kids) {
        const kb = boxes.get(k.node.id);
        if (kb && k.node.kind === 'subnet') boxes.set(k.node.id, { ...kb, x: box.x + PADDING.az.left, width: Math.max(kb.width, inner) });
      }
    } else if (p.node.kind === 'vpc') {
      const bottom = box.y + box.height - PADDING.vpc.bottom;
      const azs = kids.filter((k) => k.node.kind === 'az');
      const rowTop = Math.min(...azs.map((k) => boxes.get(k.node.id)?.y ?? Infinity));
      for (const k of azs) {
        const kb = boxes.get(k.node.id);
        if (kb && kb.y === rowTop) boxes.set(k.node.id, { ...kb, height: bottom - kb.y });
      }
    }
  }
}

function placeBorderGateways(prepared: PreparedGraph, boxes: Map<string, Box>, onBorder: (p: PreparedNode) => boolean): void {
  const perVpc = new Map<string, PreparedNode[]>();
  for (const p of prepared.nodes) {
    if (!onBorder(p)) continue;
    const list = perVpc.get(p.parent!);
    if (list) list.push(p);
    else perVpc.set(p.parent!, [p]);
  }
  for (const [vpc, gateways] of perVpc) {
    const box = boxes.get(vpc);
    if (!box) continue;
    const total = gateways.length * GATEWAY_WIDTH + (gateways.length - 1) * GATEWAY_GAP;
    let x = box.x + box.width - 24 - total;
    for (const g of gateways) {
      boxes.set(g.node.id, { x, y: box.y - GATEWAY_HEIGHT / 2, width: GATEWAY_WIDTH, height: GATEWAY_HEIGHT });
      x += GATEWAY_WIDTH + GATEWAY_GAP;
    }
  }
}

// --- assembling the result ------------------------------------------------------------------------------

function assemble(prepared: PreparedGraph, geometry: Geometry, hash: string): Layout {
  const nodes: LayoutNode[] = [];
  for (const p of prepared.nodes) {
    const box = geometry.boxes.get(p.node.id);
    if (!box) continue;
    const parentKind = p.parent !== undefined ? prepared.byId.get(p.parent)?.node.kind : undefined;
    nodes.push({
      node: p.node,
      parent: p.parent,
      depth: p.depth,
      box,
      container: CONTAINER_KINDS.has(p.node.kind),
      onBorder: BORDER_KINDS.has(p.node.kind) && parentKind === 'vpc',
      attachments: p.attachments,
      hiddenChildren: p.hiddenChildren,
    });
  }
  const edges: LayoutEdge[] = [];
  for (const e of prepared.edges) {
    const a = geometry.boxes.get(e.from);
    const b = geometry.boxes.get(e.to);
    if (!a || !b) continue;
    const az = sharedAz(prepared, e.from, e.to);
    const azBox = az !== undefined ? geometry.boxes.get(az) : undefined;
    const points = azBox ? alongAzGutter(a, b, azBox) : connect(a, b);
    edges.push({ from: e.from, to: e.to, kind: e.kind, ...(e.label !== undefined ? { label: e.label } : {}), points, derived: e.derived });
  }
  // Border gateways stick out above their VPC: make room for them.
  const top = Math.min(0, ...nodes.map((n) => n.box.y));
  const shifted = top < 0 ? shift(nodes, edges, -top + 8) : { nodes, edges };
  const width = Math.max(geometry.width, ...shifted.nodes.map((n) => n.box.x + n.box.width + 40));
  const height = Math.max(geometry.height + (top < 0 ? -top + 8 : 0), ...shifted.nodes.map((n) => n.box.y + n.box.height + 40));
  return { width: Math.ceil(width), height: Math.ceil(height), nodes: shifted.nodes, edges: shifted.edges, subnetsCollapsed: prepared.subnetsCollapsed, hash };
}

function shift(nodes: LayoutNode[], edges: LayoutEdge[], dy: number): { nodes: LayoutNode[]; edges: LayoutEdge[] } {
  return {
    nodes: nodes.map((n) => ({ ...n, box: { ...n.box, y: n.box.y + dy } })),
    edges: edges.map((e) => ({ ...e, points: e.points.map((p) => ({ x: p.x, y: p.y + dy })) })),
  };
}

/** The AZ both ends are drawn in, when they are in different subnets of one AZ (a private subnet and its NAT). */
function sharedAz(prepared: PreparedGraph, from: string, to: string): string | undefined {
  const placeOf = (id: string): { az?: string; subnet?: string } => {
    const place: { az?: string; subnet?: string } = {};
    for (let p = prepared.byId.get(id); p; p = p.parent !== undefined ? prepared.byId.get(p.parent) : undefined) {
      if (p.node.kind === 'subnet' && place.subnet === undefined) place.subnet = p.node.id;
      if (p.node.kind === 'az') place.az = p.node.id;
    }
    return place;
  };
  const a = placeOf(from);
  const b = placeOf(to);
  return a.az !== undefined && a.az === b.az && a.subnet !== undefined && b.subnet !== undefined && a.subnet !== b.subnet ? a.az : undefined;
}

/**
 * A link between two subnets of one AZ (stacked in a column) runs out of the right side of one, down the AZ's
 * right gutter and into the right side of the other, instead of straight across the subnets between them.
 * Several such links share the gutter, as a trunk.
 */
function alongAzGutter(a: Box, b: Box, az: Box): Point[] {
  const gutter = round(az.x + az.width - PADDING.az.right / 2);
  const ay = round(a.y + a.height / 2);
  const by = round(b.y + b.height / 2);
  return [
    { x: round(a.x + a.width), y: ay },
    { x: gutter, y: ay },
    { x: gutter, y: by },
    { x: round(b.x + b.width), y: by },
  ];
}

/** The segment between the two boxes' centres, clipped to their borders. */
function connect(a: Box, b: Box): Point[] {
  const ca = { x: a.x + a.width / 2, y: a.y + a.height / 2 };
  const cb = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  return [clip(a, ca, cb), clip(b, cb, ca)];
}

function clip(box: Box, from: Point, toward: Point): Point {
  const dx = toward.x - from.x;
  const dy = toward.y - from.y;
  if (dx === 0 && dy === 0) return from;
  const sx = dx === 0 ? Infinity : box.width / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : box.height / 2 / Math.abs(dy);
  const s = Math.min(sx, sy, 1);
  return { x: round(from.x + dx * s), y: round(from.y + dy * s) };
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
