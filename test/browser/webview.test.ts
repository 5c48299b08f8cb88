// The topology webview bundle (dist/webview.js) in headless Chromium, under the panel's own CSP, with a stub
// of the VS Code webview API. Every request other than the page itself fails the test. Needs `node esbuild.mjs`
// and `bash test/e2e/setup.sh` (Chromium + playwright-core).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { renderTopologyHtml } from '../../client/webview/export';
import type { TopologyGraph } from '../../server/src/core/topology/types';
import { openBrowser, type OpenBrowser, type Page } from '../e2e/lib/browser';
import { bundle, load, panelPage, resultsDir, textOf } from './page';
import { smallGraph } from '../unit/webview/graphs';

const post = (page: Page, message: unknown) => page.evaluate(`window.postMessage(${JSON.stringify(message)}, '*')`);
const renders = (n: number) => `body[data-vpcl-renders="${n}"]`;

function withExtraSubnet(graph: TopologyGraph): TopologyGraph {
  return {
    ...graph,
    nodes: [...graph.nodes, { id: 'subnet.db_a', kind: 'subnet', label: 'database-a', parent: 'az.main.a', cidr: '10.0.20.0/26', public: false }],
  };
}

describe('topology webview in Chromium', () => {
  let browser: OpenBrowser;
  let home: string;
  before(async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'vpcl-browser-'));
    fs.mkdirSync(resultsDir, { recursive: true });
    browser = await openBrowser(home);
  });
  after(async () => {
    await browser?.close();
    fs.rmSync(home, { recursive: true, force: true });
  });

  test('draws VPC > AZ > subnet, reveals on click, re-renders an update in place keeping the zoom', async () => {
    const { page, errors, requests } = await load(browser, panelPage());
    assert.deepEqual(await page.evaluate('window.__posted'), [{ type: 'ready' }], 'the webview asks for the graph');
    await page.evaluate('window.__marker = "same page"');

    await post(page, { type: 'update', graph: smallGraph(), scope: 'workspace' });
    await page.locator(renders(1)).waitFor({ state: 'attached' });
    const nested = '.vpcl-k-vpc[data-id="vpc.main"] .vpcl-k-az[data-id="az.main.a"] .vpcl-k-subnet[data-id="subnet.public_a"]';
    assert.equal(await page.locator(nested).count(), 1, 'subnet drawn inside its AZ inside its VPC');
    const subnetText = await textOf(page, nested);
    assert.match(subnetText, /public-a/);
    assert.match(subnetText, /10\.0\.1\.0\/24 · 251 usable/);
    assert.match(await textOf(page, '.vpcl-k-vpc[data-id="vpc.main"]'), /10\.0\.0\.0\/16/);
    assert.equal(await page.locator('.vpcl-k-igw.vpcl-border').count(), 1, 'the IGW sits on the VPC border');
    await page.screenshot({ path: path.join(resultsDir, 'topology-panel.png') });

    await page.locator('.vpcl-node[data-id="nat.a"]').click();
    const posted = await page.evaluate<{ type: string; id?: string; file?: string; range?: unknown }[]>('window.__posted');
    assert.deepEqual(posted.at(-1), { type: 'reveal', id: 'nat.a', file: 'file:///work/network/main.tf', range: { start: { line: 60, character: 0 }, end: { line: 63, character: 1 } } });

    await page.keyboard.press('+');
    const zoomed = await page.evaluate<string>(`document.querySelector('.vpcl-viewport').getAttribute('transform')`);
    assert.match(zoomed, /scale\(/);

    await post(page, { type: 'update', graph: withExtraSubnet(smallGraph()), scope: 'workspace' });
    await page.locator(renders(2)).waitFor({ state: 'attached' });
    assert.equal(await page.evaluate('window.__marker'), 'same page', 'no reload');
    assert.match(await textOf(page, '.vpcl-node[data-id="subnet.db_a"]'), /10\.0\.20\.0\/26 · 59 usable/);
    assert.equal(await page.evaluate<string>(`document.querySelector('.vpcl-viewport').getAttribute('transform')`), zoomed, 'zoom kept');
    assert.equal(await page.locator('.vpcl-selected[data-id="nat.a"]').count(), 1, 'selection kept');
    const state = await page.evaluate<{ transform?: unknown; selected?: string }>('window.__state');
    assert.equal(state.selected, 'nat.a');

    await post(page, { type: 'highlight', id: 'subnet.private_b' });
    await page.locator('.vpcl-highlight[data-id="subnet.private_b"]').waitFor({ state: 'attached' });

    await page.locator('.vpcl-search').click();
    await page.keyboard.type('10.0.1');
    assert.equal(await page.locator('.vpcl-match').count(), 3, 'search by CIDR: 10.0.1.0/24, 10.0.10.0/24 and 10.0.11.0/24');

    await page.screenshot({ path: path.join(resultsDir, 'topology-panel-updated.png') });
    assert.deepEqual(errors, [], 'no console errors');
    assert.deepEqual(requests, [], 'no network requests');
  });

  test('keyboard: Tab reaches a node, Enter reveals it', async () => {
    const { page, errors, requests } = await load(browser, panelPage());
    await post(page, { type: 'update', graph: smallGraph(), scope: 'file' });
    await page.locator(renders(1)).waitFor({ state: 'attached' });
    await page.locator('.vpcl-search').click();
    let focused = '';
    for (let i = 0; i < 15 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate<string>(`document.activeElement?.closest?.('.vpcl-node')?.dataset.id ?? ''`);
    }
    assert.notEqual(focused, '', 'a node takes keyboard focus');
    await page.keyboard.press('Enter');
    const posted = await page.evaluate<{ type: string; id?: string }[]>('window.__posted');
    const reveal = posted.filter((m) => m.type === 'reveal').at(-1);
    // The first focusable node may be one without a source file (the Internet): then Tab on to one with.
    if (reveal === undefined) {
      for (let i = 0; i < 10 && !(await page.evaluate<{ type: string }[]>('window.__posted')).some((m) => m.type === 'reveal'); i++) {
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
      }
    }
    assert.ok((await page.evaluate<{ type: string }[]>('window.__posted')).some((m) => m.type === 'reveal'), 'Enter posts reveal');
    assert.equal(await page.evaluate<string>(`document.querySelector('.vpcl-scope').value`), 'file');
    assert.deepEqual(errors, []);
    assert.deepEqual(requests, []);
  });

  test("context links (an endpoint's) show for the node in focus; L or the Links button draws them all", async () => {
    const { page, errors, requests } = await load(browser, panelPage());
    await post(page, { type: 'update', graph: smallGraph(), scope: 'workspace' });
    await page.locator(renders(1)).waitFor({ state: 'attached' });
    // What the pointer-less user sees: the links to the S3 endpoint that are displayed, by their subnet.
    const shownToEndpoint = () =>
      page.evaluate<string[]>(`[...document.querySelectorAll('.vpcl-edge[data-to="ep.s3"]')].filter((p) => getComputedStyle(p).display !== 'none').map((p) => p.dataset.from).sort()`);
    assert.equal(await page.locator('.vpcl-edge[data-to="ep.s3"]').count(), 2, 'two private subnets route to the S3 endpoint');
    assert.deepEqual(await shownToEndpoint(), [], 'hidden while no node is in focus');
    assert.match((await page.locator('.vpcl-status').textContent()) ?? '', /2 endpoint and association links: drawn for the selected node \(L: draw all\)/);
    assert.equal(await page.evaluate<string>(`getComputedStyle(document.querySelector('.vpcl-e-peering')).display`), 'inline', 'other links always show');

    await page.locator('.vpcl-node[data-id="ep.s3"]').click();
    assert.deepEqual(await shownToEndpoint(), ['subnet.private_a', 'subnet.private_b'], 'the selected endpoint shows its links');
    assert.equal(await page.locator('.vpcl-lit[data-to="ep.s3"]').count(), 2, 'lit');
    await page.locator('.vpcl-node[data-id="nat.a"]').click();
    assert.deepEqual(await shownToEndpoint(), [], 'selecting another node hides them again');

    const title = await page.locator('.vpcl-node[data-id="subnet.private_b"] .vpcl-title').first().boundingBox();
    assert.ok(title, 'the subnet title has a box');
    await page.mouse.move(title.x + 5, title.y + title.height / 2);
    assert.deepEqual(await shownToEndpoint(), ['subnet.private_b'], 'the subnet under the pointer shows its own');
    await page.mouse.move(1, 1);
    assert.deepEqual(await shownToEndpoint(), [], 'and hides it when the pointer leaves');

    await page.keyboard.press('l');
    assert.deepEqual(await shownToEndpoint(), ['subnet.private_a', 'subnet.private_b'], 'L draws every link');
    const links = page.locator('.vpcl-toolbar button').filter({ hasText: 'Links' });
    assert.equal(await links.getAttribute('aria-pressed'), 'true');
    assert.equal((await page.evaluate<{ allLinks?: boolean }>('window.__state')).allLinks, true, 'kept across reloads');
    await links.click();
    assert.deepEqual(await shownToEndpoint(), [], 'the button turns it off again');
    assert.equal(await links.getAttribute('aria-pressed'), 'false');
    assert.deepEqual(errors, []);
    assert.deepEqual(requests, []);
  });

  test('in a narrow panel every toolbar button stays in sight (the toolbar wraps)', async () => {
    const { page, errors } = await load(browser, panelPage());
    await page.setViewportSize({ width: 420, height: 700 });
    try {
      await post(page, { type: 'update', graph: smallGraph(), scope: 'workspace' });
      await page.locator(renders(1)).waitFor({ state: 'attached' });
      const buttons = page.locator('.vpcl-toolbar button');
      const count = await buttons.count();
      assert.equal(count, 6, '−, +, Fit, Links, SVG, PNG');
      for (let i = 0; i < count; i++) {
        const box = await buttons.nth(i).boundingBox();
        assert.ok(box && box.x >= 0 && box.x + box.width <= 420, `button ${i} (${await buttons.nth(i).textContent()}) at ${JSON.stringify(box)}`);
      }
      await page.screenshot({ path: path.join(resultsDir, 'topology-narrow.png') });
      assert.deepEqual(errors, []);
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  test('the standalone HTML export renders the same diagram offline', async () => {
    const html = await renderTopologyHtml(smallGraph(), { script: bundle('webview.js'), css: bundle('webview.css') });
    const { page, errors, requests } = await load(browser, html);
    await page.locator(renders(1)).waitFor({ state: 'attached' });
    assert.equal(await page.locator('.vpcl-k-vpc .vpcl-k-az .vpcl-k-subnet').count(), 5);
    await page.screenshot({ path: path.join(resultsDir, 'topology-standalone.png') });
    assert.deepEqual(errors, []);
    assert.deepEqual(requests, []);
  });
});
