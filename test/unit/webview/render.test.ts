import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TopologyGraph } from '../../../server/src/core/topology/types';
import { renderTopologyHtml, renderTopologySvg } from '../../../client/webview/export';
import { layoutTopology } from '../../../client/webview/layout/layoutTopology';
import { isWebviewToHostMessage } from '../../../client/webview/messages';
import { cidrLine } from '../../../client/webview/render/labels';
import { renderSvg } from '../../../client/webview/render/renderSvg';
import { LIGHT_PALETTE } from '../../../client/webview/render/theme';
import { smallGraph } from './graphs';

const EVIL = '</text><script>alert(1)</script><g onload="x">&amp;';

function evilGraph(): TopologyGraph {
  return {
    version: 1,
    nodes: [
      { id: 'vpc"<x>', kind: 'vpc', label: EVIL, cidr: `10.0.0.0/16${EVIL}`, details: [EVIL] },
      { id: 'az', kind: 'az', label: EVIL, parent: 'vpc"<x>' },
      { id: 'sn', kind: 'subnet', label: EVIL, parent: 'az', cidr: '10.0.1.0/24', public: true },
      { id: 'i', kind: 'instance', label: EVIL, parent: 'sn' },
      { id: 'rt', kind: 'route-table', label: EVIL, parent: 'vpc"<x>' },
    ],
    edges: [{ from: 'rt', to: 'sn', kind: 'association' }, { from: 'i', to: 'vpc"<x>', kind: 'route', label: EVIL }],
  };
}

/** Every `<` opens one of the elements the renderer writes: nothing from the input became markup. */
function assertOnlyOwnMarkup(svg: string): void {
  const tags = new Set([...svg.matchAll(/<\/?([a-zA-Z?][\w:-]*)/g)].map((m) => m[1]));
  assert.deepEqual([...tags].filter((t) => !['svg', 'style', 'g', 'rect', 'text', 'title', 'path', 'circle', '?xml'].includes(t!)), []);
}

describe('renderSvg', () => {
  test('escapes every string from user files (names, CIDRs, ids, details, edge labels)', async () => {
    const svg = renderSvg(await layoutTopology(evilGraph()));
    assert.ok(!svg.includes('<script'), 'no script element');
    assert.ok(!svg.includes('onload="x"'));
    assert.ok(svg.includes('&lt;script&gt;') || svg.includes('&lt;/text&gt;'), 'the text is shown, escaped');
    assert.ok(svg.includes('data-id="vpc&quot;&lt;x&gt;"'));
    assertOnlyOwnMarkup(svg);
    assertOnlyOwnMarkup(await renderTopologySvg(evilGraph()));
  });

  test('draws nested containers with CIDR and usable-count labels, badges and border gateways', async () => {
    const svg = renderSvg(await layoutTopology(smallGraph()));
    assert.match(svg, /<g class="vpcl-node vpcl-k-vpc vpcl-container" data-id="vpc\.main"/);
    assert.match(svg, /class="vpcl-node vpcl-k-subnet vpcl-container vpcl-public" data-id="subnet\.public_a"/);
    assert.match(svg, /class="vpcl-node vpcl-k-subnet vpcl-container vpcl-private" data-id="subnet\.private_a"/);
    assert.ok(svg.includes('>10.0.1.0/24 · 251 usable<'));
    assert.ok(svg.includes('>10.0.0.0/16<'));
    assert.ok(svg.includes('rt: private-rt · nacl: main-nacl'));
    assert.match(svg, /class="vpcl-badge vpcl-badge-error"><title>1 error<\/title>/);
    assert.match(svg, /class="vpcl-badge vpcl-badge-warning"><title>2 warnings<\/title>/);
    assert.match(svg, /class="vpcl-node vpcl-k-igw vpcl-border" data-id="igw\.main"/);
    assert.match(svg, /class="vpcl-edge vpcl-e-peering"/);
    assert.match(svg, /class="vpcl-edge vpcl-e-vpn"/);
  });

  test("an endpoint's and an association's connections are context links: the panel hides them until a node is in focus", async () => {
    const layout = await layoutTopology(smallGraph());
    const picture = renderSvg(layout, { palette: LIGHT_PALETTE });
    // The private subnets reach the S3 gateway endpoint through their folded route table: context.
    assert.match(picture, /class="vpcl-edge vpcl-e-route vpcl-derived vpcl-context" d="[^"]+" data-from="subnet\.private_a" data-to="ep\.s3"/);
    // Their default route to the NAT gateway is not.
    assert.match(picture, /class="vpcl-edge vpcl-e-route vpcl-derived" d="[^"]+" data-from="subnet\.private_a" data-to="nat\.a"/);
    assert.match(picture, /class="vpcl-edge vpcl-e-peering" /);
    // A picture has no focus: it draws every link. Only the interactive panel hides context links.
    assert.match(picture, /^<svg [^>]*class="vpcl-diagram" /);
    assert.match(picture, /\.vpcl-diagram\.vpcl-interactive:not\(\.vpcl-all-links\) \.vpcl-context:not\(\.vpcl-lit\)\{display:none\}/);
    assert.match(renderSvg(layout, { titles: false, interactive: true }), /^<svg [^>]*class="vpcl-diagram vpcl-interactive" /);
  });

  test('the webview rendering has no inline styles (the CSP forbids them); the standalone one carries its own', async () => {
    const layout = await layoutTopology(smallGraph());
    const panel = renderSvg(layout, { titles: false, interactive: true });
    assert.ok(!panel.includes('<style') && !panel.includes(' style='));
    assert.ok(!panel.includes('<title>vpc'), 'no native tooltips in the panel');
    assert.match(panel, /data-id="subnet\.public_a" data-kind="subnet" tabindex="0" role="button" aria-label="Subnet public-a 10\.0\.1\.0\/24"/);
    const standalone = renderSvg(layout, { palette: LIGHT_PALETTE });
    assert.ok(standalone.includes(`<style>`) && standalone.includes(LIGHT_PALETTE.vpcStroke));
    assert.ok(!standalone.includes('var(--vscode'), 'no editor variables in an exported file');
  });

  test('stable output for a small graph (snapshot; UPDATE_SNAPSHOTS=1 rewrites it)', async () => {
    const first = await renderTopologySvg(smallGraph());
    assert.equal(await renderTopologySvg(smallGraph()), first, 'deterministic');
    const snapshot = path.join(__dirname, 'snapshots', 'small-topology.svg');
    if (process.env.UPDATE_SNAPSHOTS === '1' || !fs.existsSync(snapshot)) {
      fs.mkdirSync(path.dirname(snapshot), { recursive: true });
      fs.writeFileSync(snapshot, first);
    }
    assert.equal(first, fs.readFileSync(snapshot, 'utf8'));
  });

  test('CIDR line: usable count per AWS (total - 5); IPv6 and junk as written', () => {
    assert.equal(cidrLine('10.0.1.0/24'), '10.0.1.0/24 · 251 usable');
    assert.equal(cidrLine('10.0.0.0/28'), '10.0.0.0/28 · 11 usable');
    assert.equal(cidrLine('10.0.0.0/16'), '10.0.0.0/16 · 65,531 usable');
    assert.equal(cidrLine('2600:1f18::/64'), '2600:1f18::/64');
    assert.equal(cidrLine('${var.cidr}'), '${var.cidr}');
    assert.equal(cidrLine(undefined), undefined);
  });
});

describe('renderTopologyHtml', () => {
  const assets = { script: 'console.log("</script> inside the bundle")', css: 'body{margin:0}' };

  test('a self-contained page: no network by CSP, the bundle inlined, the graph embedded safely', async () => {
    const html = await renderTopologyHtml(evilGraph(), assets);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'/);
    assert.ok(!/\s(src|href)=/.test(html), 'no external resources');
    assert.equal(html.match(/<script/g)?.length, 2, 'the data and the bundle, nothing injected');
    assert.equal(html.match(/<\/script>/g)?.length, 2);
    assert.ok(html.includes('<\\/script> inside the bundle'));
    const data = /<script type="application\/json" id="vpcl-data">(.*?)<\/script>/s.exec(html)?.[1];
    assert.ok(data);
    const page = JSON.parse(data) as { graph: TopologyGraph; layout: { nodes: unknown[] } };
    assert.equal(page.graph.nodes[0]!.label, EVIL, 'the JSON round-trips');
    assert.equal(page.layout.nodes.length, 4, 'the layout comes along (route table as a badge)');
  });
});

describe('webview messages', () => {
  test('accepts the messages the webview sends, rejects anything else', () => {
    assert.ok(isWebviewToHostMessage({ type: 'ready' }));
    assert.ok(isWebviewToHostMessage({ type: 'reveal', id: 'a', file: 'file:///x.tf', range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } } }));
    assert.ok(isWebviewToHostMessage({ type: 'scope', scope: 'file' }));
    assert.ok(isWebviewToHostMessage({ type: 'save', format: 'png', data: 'AAAA' }));
    assert.ok(!isWebviewToHostMessage({ type: 'reveal', id: 'a' }));
    assert.ok(!isWebviewToHostMessage({ type: 'scope', scope: 'everything' }));
    assert.ok(!isWebviewToHostMessage({ type: 'save', format: 'gif', data: '' }));
    assert.ok(!isWebviewToHostMessage(null));
    assert.ok(!isWebviewToHostMessage('ready'));
  });
});
