// The topology webview served as the panel serves it (same CSP, dist/ inlined) to headless Chromium, with a
// stub of the VS Code webview API; every request other than the page itself is aborted and recorded.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { topologyCsp } from '../../client/src/topology/webviewHtml';
import type { OpenBrowser, Page } from '../e2e/lib/browser';
import { repoRoot } from '../e2e/lib/paths';

export const PAGE_URL = 'http://vpc-lens.test/topology.html';
export const resultsDir = path.join(repoRoot, 'test-results', 'browser');
const NONCE = 'testnonce0123456789';

interface Route {
  request(): { url(): string };
  fulfill(response: { status: number; contentType: string; body: string }): Promise<void>;
  abort(): Promise<void>;
}
export type RoutablePage = Page & { route(url: string, handler: (route: Route) => Promise<void>): Promise<void> };

/** Strips the source map comment: the map is a file the page must not fetch. */
export function bundle(name: string): string {
  return fs.readFileSync(path.join(repoRoot, 'dist', name), 'utf8').replace(/\/[/*]# sourceMappingURL=.*$/gm, '');
}

export function panelPage(): string {
  // What the panel serves, with dist/ inlined (the same nonce-gated script and the stub before it).
  const stub = `
    window.__posted = []; window.__state = undefined;
    window.acquireVsCodeApi = () => ({
      postMessage: (m) => window.__posted.push(m),
      getState: () => window.__state,
      setState: (s) => { window.__state = s; },
    });`;
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${topologyCsp('http://vpc-lens.test', NONCE)}">
<style nonce="${NONCE}">${bundle('webview.css')}</style></head>
<body><div id="vpcl-app"></div>
<script nonce="${NONCE}">${stub}</script>
<script nonce="${NONCE}">${bundle('webview.js').replace(/<\/script/gi, '<\\/script')}</script>
</body></html>`;
}

export interface Session {
  page: RoutablePage;
  errors: string[];
  requests: string[];
}

export async function load(browser: OpenBrowser, html: string): Promise<Session> {
  const page = browser.page as RoutablePage;
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === PAGE_URL) return route.fulfill({ status: 200, contentType: 'text/html', body: html });
    requests.push(url);
    return route.abort();
  });
  await page.goto(PAGE_URL, { waitUntil: 'load' });
  return { page, errors, requests };
}


/** SVG elements have no innerText: their text content, words joined as drawn. */
export const textOf = (page: Page, selector: string) =>
  page.evaluate<string>(`[...document.querySelector(${JSON.stringify(selector)}).querySelectorAll('text')].map((t) => t.textContent).join(' ')`);
