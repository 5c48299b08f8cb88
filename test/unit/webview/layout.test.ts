import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ELK from 'elkjs/lib/elk.bundled.js';
import type { TopologyGraph } from '../../../server/src/core/topology/types';
import { layoutTopology } from '../../../client/webview/layout/layoutTopology';
import type { Box, ElkEngine, Layout, LayoutNode } from '../../../client/webview/layout/types';
import { bigGraph, smallGraph } from './graphs';

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 &&
  inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;

function assertContainment(layout: Layout): void {
  const byId = new Map(layout.nodes.map((n) => [n.node.id, n]));
  for (const n of layout.nodes) {
    if (n.parent === undefined) continue;
    const parent = byId.get(n.parent)!;
    if (n.onBorder) {
      // Straddles the top border of its VPC, within its width.
      assert.equal(n.box.y + n.box.height / 2, parent.box.y, `${n.node.id} centred on the border of ${n.parent}`);
      assert.ok(n.box.x >= parent.box.x && n.box.x + n.box.width <= parent.box.x + parent.box.width, `${n.node.id} within the border`);
    } else {
      assert.ok(inside(n.box, parent.box), `${n.node.id} ${JSON.stringify(n.box)} inside ${n.parent} ${JSON.stringify(parent.box)}`);
    }
  }
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

const node = (layout: Layout, id: string): LayoutNode => {
  const n = layout.nodes.find((x) => x.node.id === id);
  assert.ok(n, `${id} is drawn`);
  return n;
};

describe('layoutTopology', () => {
  test('children lie inside their parents: region > VPC > AZ > subnet > resources', async () => {
    const layout = await layoutTopology(smallGraph());
    assertContainment(layout);
    assert.equal(node(layout, 'subnet.public_a').parent, 'az.main.a');
    assert.equal(node(layout, 'nat.a').parent, 'subnet.public_a');
    assert.ok(layout.width > 0 && layout.height > 0);
    for (const n of layout.nodes) assert.ok(n.box.y >= 0 && n.box.x >= 0, `${n.node.id} inside the drawing`);
  });

  test('siblings do not overlap', async () => {
    const layout = await layoutTopology(smallGraph());
    const groups = new Map<string | undefined, LayoutNode[]>();
    for (const n of layout.nodes) if (!n.onBorder) groups.set(n.parent, [...(groups.get(n.parent) ?? []), n]);
    for (const siblings of groups.values()) {
      for (let i = 0; i < siblings.length; i++) for (let j = i + 1; j < siblings.length; j++) {
        assert.ok(!overlaps(siblings[i]!.box, siblings[j]!.box), `${siblings[i]!.node.id} and ${siblings[j]!.node.id} overlap`);
      }
    }
  });

  test('AZs sit side by side in their VPC, subnets stacked in their AZ at full width', async () => {
    const layout = await layoutTopology(smallGraph());
    const a = node(layout, 'az.main.a').box;
    const b = node(layout, 'az.main.b').box;
    assert.equal(a.y, b.y);
    assert.equal(a.height, b.height);
    const pa = node(layout, 'subnet.public_a').box;
    const pr = node(layout, 'subnet.private_a').box;
    assert.equal(pa.x, pr.x);
    assert.equal(pa.width, pr.width);
    assert.ok(pa.y < pr.y, 'public subnet above private');
  });

  test('gateways on the VPC border; route tables, NACLs, SGs and EIPs become badges', async () => {
    const layout = await layoutTopology(smallGraph());
    assert.ok(node(layout, 'igw.main').onBorder);
    assert.ok(node(layout, 'vgw.shared').onBorder);
    for (const kind of ['route-table', 'nacl', 'sg', 'eip']) assert.ok(!layout.nodes.some((n) => n.node.kind === kind), `no ${kind} node`);
    assert.deepEqual(node(layout, 'subnet.private_a').attachments.map((a) => a.label).sort(), ['main-nacl', 'private-rt']);
    assert.deepEqual(node(layout, 'nat.a').attachments.map((a) => a.label), ['nat-a-eip']);
    assert.deepEqual(node(layout, 'i.web').attachments.map((a) => a.label), ['web-sg']);
    // The private route table's default route, drawn from each subnet that uses it.
    const derived = layout.edges.filter((e) => e.derived).map((e) => `${e.from}->${e.to}`).sort();
    assert.ok(derived.includes('subnet.private_b->nat.a'), derived.join(', '));
    assert.ok(!layout.edges.some((e) => e.from.startsWith('rt.') || e.to.startsWith('rt.')));
    const attachments = await layoutTopology(smallGraph(), { showAttachments: true });
    assert.ok(attachments.nodes.some((n) => n.node.kind === 'route-table'), 'on demand: drawn as nodes');
  });

  test("a subnet's nat-egress to its NAT gateway is one line, not also a route derived through its route table", async () => {
    const graph = smallGraph();
    const withEgress: TopologyGraph = { ...graph, edges: [...graph.edges, { from: 'subnet.private_b', to: 'nat.a', kind: 'nat-egress', label: '0.0.0.0/0' }] };
    const layout = await layoutTopology(withEgress);
    const toNat = layout.edges.filter((e) => e.from === 'subnet.private_b' && e.to === 'nat.a').map((e) => `${e.kind}${e.derived ? ' (derived)' : ''}`);
    assert.deepEqual(toNat, ['nat-egress']);
    // The other private subnet has no nat-egress edge here: its derived route stays.
    assert.ok(layout.edges.some((e) => e.from === 'subnet.private_a' && e.to === 'nat.a' && e.derived));
  });

  test('a link between subnets of one AZ runs along the AZ gutter; across AZs it stays a straight line', async () => {
    const layout = await layoutTopology(smallGraph());
    const az = node(layout, 'az.main.a').box;
    const from = node(layout, 'subnet.private_a').box;
    const nat = node(layout, 'nat.a').box;
    const inAz = layout.edges.find((e) => e.from === 'subnet.private_a' && e.to === 'nat.a')!;
    const gutter = az.x + az.width - 7;
    assert.deepEqual(inAz.points.map((p) => [Math.round(p.x), Math.round(p.y)]), [
      [Math.round(from.x + from.width), Math.round(from.y + from.height / 2)],
      [Math.round(gutter), Math.round(from.y + from.height / 2)],
      [Math.round(gutter), Math.round(nat.y + nat.height / 2)],
      [Math.round(nat.x + nat.width), Math.round(nat.y + nat.height / 2)],
    ]);
    // The gutter lies between the subnets' right edge and the AZ's border: it crosses no subnet.
    assert.ok(gutter > from.x + from.width && gutter < az.x + az.width);
    const acrossAz = layout.edges.find((e) => e.from === 'subnet.private_b' && e.to === 'nat.a')!;
    assert.equal(acrossAz.points.length, 2);
  });

  test('edges end on the borders of their nodes', async () => {
    const layout = await layoutTopology(smallGraph());
    const peering = layout.edges.find((e) => e.kind === 'peering' && e.from === 'vpc.main');
    assert.ok(peering);
    const end = peering.points.at(-1)!;
    const pcx = node(layout, 'pcx.main_shared').box;
    assert.ok(Math.abs(end.y - pcx.y) < 1 || Math.abs(end.x - pcx.x) < 1 || Math.abs(end.x - (pcx.x + pcx.width)) < 1);
  });

  test('big networks collapse subnet contents, except subnets the user opened', async () => {
    const graph = bigGraph(700);
    const layout = await layoutTopology(graph);
    assert.equal(layout.subnetsCollapsed, true);
    assert.ok(!layout.nodes.some((n) => n.node.kind === 'instance'));
    assert.equal(node(layout, 'vpc0.az0.s0').hiddenChildren, 7, 'NAT + 6 instances');
    assertContainment(layout);
    const opened = await layoutTopology(graph, { expanded: ['vpc0.az0.s1'] });
    assert.equal(opened.nodes.filter((n) => n.parent === 'vpc0.az0.s1').length, 6);
    const small = await layoutTopology(bigGraph(300));
    assert.equal(small.subnetsCollapsed, false);
    assertContainment(small);
  });

  test('same structure, cached geometry: findings-only changes do not lay out again', async () => {
    let runs = 0;
    const real = new ELK() as unknown as ElkEngine;
    const counting: ElkEngine = { layout: (g) => { runs++; return real.layout(g); } };
    const base = smallGraph();
    // A structure no other test lays out, so the shared cache cannot answer the first call.
    const graph: TopologyGraph = { ...base, nodes: [...base.nodes, { id: 'subnet.cache_test', kind: 'subnet', label: 'cache-test', parent: 'az.main.b', cidr: '10.0.99.0/24' }] };
    const first = await layoutTopology(graph, { elk: counting });
    const withFindings: TopologyGraph = { ...graph, nodes: graph.nodes.map((n) => (n.id === 'vpc.main' ? { ...n, findings: { error: 3, warning: 0, info: 0 } } : n)) };
    const second = await layoutTopology(withFindings, { elk: counting });
    assert.equal(runs, 1);
    assert.equal(second.hash, first.hash);
    assert.deepEqual(second.nodes.map((n) => n.box), first.nodes.map((n) => n.box));
    assert.equal(node(second, 'vpc.main').node.findings?.error, 3, 'node data is the new graph\'s');
    const renamed: TopologyGraph = { ...graph, nodes: graph.nodes.map((n) => (n.id === 'subnet.cache_test' ? { ...n, label: 'a-much-longer-subnet-name-here' } : n)) };
    await layoutTopology(renamed, { elk: counting });
    assert.equal(runs, 2, 'a label change can change sizes: laid out again');
  });

  test('bad input never throws: unknown parents, cycles, duplicates, dangling edges, empty graph', async () => {
    const graph = {
      version: 1,
      nodes: [
        { id: 'a', kind: 'vpc', label: 'a', parent: 'b' },
        { id: 'b', kind: 'az', label: 'b', parent: 'a' },
        { id: 'a', kind: 'subnet', label: 'duplicate' },
        { id: 's', kind: 'subnet', label: 's', parent: 'missing' },
        { id: 'x', kind: 'instance', label: '', parent: 's' },
        null,
      ],
      edges: [{ from: 'a', to: 'nowhere', kind: 'peering' }, { from: 'a', to: 'a', kind: 'route' }, { from: 's', to: 'x', kind: 'route' }, null],
    } as unknown as TopologyGraph;
    const layout = await layoutTopology(graph);
    assert.deepEqual(layout.nodes.map((n) => n.node.id).sort(), ['a', 'b', 's', 'x']);
    assert.equal(layout.edges.length, 0);
    const empty = await layoutTopology({ version: 1, nodes: [], edges: [] });
    assert.equal(empty.nodes.length, 0);
  });
});
