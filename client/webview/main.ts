// The topology webview (browser, bundled to dist/webview.js): renders the graph the extension host sends,
// lays it out in a worker, and handles pan/zoom, search, selection, reveal, tooltips, export and keyboard use.
// The same script runs the standalone HTML export, where the graph is embedded in the page.
import type { TopologyGraph } from '../../server/src/core/topology/types';
import { createWorkerElk } from './app/elkWorker';
import { resolvedPalette, svgToPngBase64 } from './app/exportImage';
import { connectHost } from './app/host';
import { Viewport } from './app/viewport';
import { layoutTopologyWith, primeLayoutCache } from './layout/layoutWith';
import type { ElkEngine, Layout, LayoutNode } from './layout/types';
import type { HostToWebviewMessage, TopologyScope, WebviewState } from './messages';
import { detailLines } from './render/labels';
import { renderSvg } from './render/renderSvg';
import { diagramCss, VSCODE_FONT, VSCODE_PALETTE } from './render/theme';

// Only readable while this script first runs: the CSP nonce that lets the diagram's <style> in.
const nonce = (document.currentScript as HTMLScriptElement | null)?.nonce ?? '';

const host = connectHost();
let state: WebviewState = host.getState();
let graph: TopologyGraph | undefined;
let layout: Layout | undefined;
let byId = new Map<string, LayoutNode>();
let highlighted: string | undefined;
/** The node under the pointer: its context connections show, as the selected node's do. */
let pointed: string | undefined;
let layoutRun = 0;
let renders = 0;
let workerElk: ElkEngine | undefined;
// The worker starts on the first layout the cache cannot answer (the standalone page brings its own layout).
const elk: ElkEngine = { layout: (g) => (workerElk ??= createWorkerElk()).layout(g) };

function save(patch: Partial<WebviewState>): void {
  state = { ...state, ...patch };
  host.setState(state);
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

// --- page ---------------------------------------------------------------------------------------------
const style = el('style');
style.nonce = nonce;
style.textContent = diagramCss(VSCODE_PALETTE, VSCODE_FONT);
document.head.append(style);

const app = document.getElementById('vpcl-app') ?? document.body.appendChild(el('div', { id: 'vpcl-app' }));
const scopeSelect = el('select', { className: 'vpcl-scope', title: 'What to draw' },
  el('option', { value: 'workspace', textContent: 'Workspace' }), el('option', { value: 'file', textContent: 'Current file' }));
const search = el('input', { className: 'vpcl-search', type: 'search', placeholder: 'Search name or CIDR', value: state.search ?? '' });
search.setAttribute('aria-label', 'Search nodes by name or CIDR');
const matchCount = el('span', { className: 'vpcl-count' });
const button = (label: string, title: string, action: () => void) => {
  const b = el('button', { type: 'button', textContent: label, title });
  b.setAttribute('aria-label', title);
  b.addEventListener('click', action);
  return b;
};
const linksButton = button('Links', 'Show all connections, not only those of the selected node (L)', () => setAllLinks(!state.allLinks));
const status = el('span', { className: 'vpcl-status', role: 'status' });
const stage = el('div', { className: 'vpcl-stage', tabIndex: -1 });
const tooltip = el('div', { className: 'vpcl-tooltip', role: 'tooltip', hidden: true });
const viewport = new Viewport(stage, (transform) => save({ transform }));

app.append(
  el('div', { className: 'vpcl-toolbar' },
    ...(host.inEditor ? [scopeSelect] : []),
    search, matchCount,
    el('span', { className: 'vpcl-spacer' }),
    button('−', 'Zoom out (-)', () => viewport.zoomBy(1 / 1.25)),
    button('+', 'Zoom in (+)', () => viewport.zoomBy(1.25)),
    button('Fit', 'Fit to window (0)', fit),
    linksButton,
    button('SVG', 'Export SVG', () => void exportAs('svg')),
    button('PNG', 'Export PNG', () => void exportAs('png')),
  ),
  stage, tooltip, el('div', { className: 'vpcl-footer' }, status),
);
scopeSelect.value = state.scope ?? 'workspace';

function setStatus(text: string): void {
  status.textContent = text;
}

// --- layout and drawing -------------------------------------------------------------------------------
async function show(next: TopologyGraph): Promise<void> {
  graph = next;
  const run = ++layoutRun;
  setStatus('Laying out…');
  try {
    const result = await layoutTopologyWith(elk, next, { expanded: state.expanded ?? [] });
    if (run !== layoutRun) return; // a newer graph arrived meanwhile
    layout = result;
    draw();
  } catch (err) {
    if (run === layoutRun) setStatus(`Layout failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function draw(): void {
  if (!layout) return;
  stage.innerHTML = renderSvg(layout, { titles: false, interactive: true });
  const svg = stage.querySelector('svg');
  svg?.setAttribute('width', '100%');
  svg?.setAttribute('height', '100%');
  svg?.removeAttribute('viewBox');
  byId = new Map(layout.nodes.map((n) => [n.node.id, n]));
  if (state.transform) viewport.set(state.transform);
  else fit();
  if (state.selected) nodeElement(state.selected)?.classList.add('vpcl-selected');
  if (highlighted) nodeElement(highlighted)?.classList.add('vpcl-highlight');
  applySearch(false);
  applyLinks();
  renders++;
  document.body.dataset.vpclRenders = String(renders);
}

function drawStatus(): void {
  if (!layout) return;
  const count = layout.nodes.length;
  const context = stage.querySelectorAll('.vpcl-context').length;
  const links = context === 0 ? '' : state.allLinks
    ? ` · all ${context} endpoint and association links drawn (L: the selected node's only)`
    : ` · ${context} endpoint and association links: drawn for the selected node (L: draw all)`;
  setStatus(`${count} node${count === 1 ? '' : 's'}${links}${layout.subnetsCollapsed ? ' · big network: subnet contents collapsed (double-click a subnet to open it)' : ''}`);
}

// --- connections in focus -----------------------------------------------------------------------------
/** Lights the connections of the selected, pointed-at and editor-highlighted nodes (and shows context ones). */
function lightLinks(): void {
  stage.querySelectorAll('.vpcl-lit').forEach((e) => e.classList.remove('vpcl-lit'));
  for (const id of new Set([state.selected, pointed, highlighted])) {
    if (id === undefined) continue;
    const q = CSS.escape(id);
    stage.querySelectorAll(`.vpcl-edge[data-from="${q}"],.vpcl-edge[data-to="${q}"]`).forEach((e) => e.classList.add('vpcl-lit'));
  }
}

function applyLinks(): void {
  stage.querySelector('svg')?.classList.toggle('vpcl-all-links', state.allLinks === true);
  linksButton.setAttribute('aria-pressed', String(state.allLinks === true));
  lightLinks();
  drawStatus();
}

function setAllLinks(all: boolean): void {
  save({ allLinks: all });
  applyLinks();
}

function fit(): void {
  if (layout) viewport.fit(layout.width, layout.height);
}

function nodeElement(id: string): SVGGElement | null {
  return stage.querySelector(`.vpcl-node[data-id="${CSS.escape(id)}"]`);
}

function nodeOf(target: EventTarget | null): { id: string; element: SVGGElement } | undefined {
  const element = target instanceof Element ? target.closest<SVGGElement>('.vpcl-node') : null;
  const id = element?.dataset.id;
  return element && id !== undefined ? { id, element } : undefined;
}

// --- selection, reveal, tooltips ----------------------------------------------------------------------
function select(id: string | undefined): void {
  stage.querySelectorAll('.vpcl-selected').forEach((e) => e.classList.remove('vpcl-selected'));
  if (id !== undefined) nodeElement(id)?.classList.add('vpcl-selected');
  save({ selected: id });
  lightLinks();
}

function reveal(id: string): void {
  const node = byId.get(id)?.node;
  if (node?.file) host.post({ type: 'reveal', id, file: node.file, ...(node.range ? { range: node.range } : {}) });
}

function showTooltip(id: string, x: number, y: number): void {
  const n = byId.get(id);
  if (!n) return;
  tooltip.replaceChildren(...detailLines(n).map((line, i) => el('div', { className: i === 0 ? 'vpcl-tooltip-title' : '', textContent: line })));
  tooltip.hidden = false;
  const r = app.getBoundingClientRect();
  const left = Math.min(x + 14, r.width - tooltip.offsetWidth - 8);
  const top = y + 18 + tooltip.offsetHeight > r.height ? y - tooltip.offsetHeight - 10 : y + 18;
  tooltip.style.left = `${Math.max(4, left)}px`;
  tooltip.style.top = `${Math.max(4, top)}px`;
}

stage.addEventListener('click', (e) => {
  if (viewport.consumeDrag()) return;
  const hit = nodeOf(e.target);
  select(hit?.id);
  if (hit) reveal(hit.id);
});
stage.addEventListener('dblclick', (e) => {
  const hit = nodeOf(e.target);
  const n = hit && byId.get(hit.id);
  if (!n || n.node.kind !== 'subnet' || !layout?.subnetsCollapsed) return;
  const open = new Set(state.expanded ?? []);
  if (open.has(n.node.id)) open.delete(n.node.id);
  else open.add(n.node.id);
  save({ expanded: [...open] });
  if (graph) void show(graph);
});
function point(id: string | undefined): void {
  if (id === pointed) return;
  pointed = id;
  lightLinks();
}

stage.addEventListener('mouseover', (e) => {
  const hit = nodeOf(e.target);
  point(hit?.id);
  if (!hit) { tooltip.hidden = true; return; }
  const r = app.getBoundingClientRect();
  showTooltip(hit.id, (e as MouseEvent).clientX - r.left, (e as MouseEvent).clientY - r.top);
});
stage.addEventListener('mouseleave', () => {
  tooltip.hidden = true;
  point(undefined);
});
stage.addEventListener('focusin', (e) => {
  const hit = nodeOf(e.target);
  if (!hit) return;
  select(hit.id);
  const b = hit.element.getBoundingClientRect();
  const r = app.getBoundingClientRect();
  showTooltip(hit.id, b.left - r.left, b.top - r.top + Math.min(b.height, 40));
});
stage.addEventListener('focusout', () => { tooltip.hidden = true; });
stage.addEventListener('keydown', (e) => {
  const hit = nodeOf(e.target);
  if (hit && (e.key === 'Enter' || e.key === ' ')) {
    e.preventDefault();
    reveal(hit.id);
  }
});
document.addEventListener('keydown', (e) => {
  if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.ctrlKey || e.metaKey || e.altKey) return;
  const pan = 60;
  const t = viewport.transform;
  const actions: Record<string, () => void> = {
    '+': () => viewport.zoomBy(1.25), '=': () => viewport.zoomBy(1.25), '-': () => viewport.zoomBy(1 / 1.25), '0': fit,
    '/': () => search.focus(),
    l: () => setAllLinks(!state.allLinks), L: () => setAllLinks(!state.allLinks),
    ArrowLeft: () => viewport.set({ ...t, x: t.x + pan }), ArrowRight: () => viewport.set({ ...t, x: t.x - pan }),
    ArrowUp: () => viewport.set({ ...t, y: t.y + pan }), ArrowDown: () => viewport.set({ ...t, y: t.y - pan }),
  };
  const action = actions[e.key];
  if (action && !(e.key.startsWith('Arrow') && nodeOf(e.target))) {
    e.preventDefault();
    action();
  }
});

// --- search -------------------------------------------------------------------------------------------
let matchIndex = -1;
function matches(): string[] {
  const q = search.value.trim().toLowerCase();
  if (!q || !layout) return [];
  return layout.nodes
    .filter((n) => String(n.node.label ?? '').toLowerCase().includes(q) || String(n.node.cidr ?? '').toLowerCase().includes(q) || n.node.id.toLowerCase().includes(q))
    .map((n) => n.node.id);
}

function applySearch(persist = true): void {
  const found = matches();
  const svg = stage.querySelector('svg');
  svg?.classList.toggle('vpcl-searching', search.value.trim() !== '');
  stage.querySelectorAll('.vpcl-match').forEach((e) => e.classList.remove('vpcl-match'));
  for (const id of found) nodeElement(id)?.classList.add('vpcl-match');
  matchCount.textContent = search.value.trim() ? `${found.length} match${found.length === 1 ? '' : 'es'}` : '';
  if (persist) save({ search: search.value });
}

search.addEventListener('input', () => {
  matchIndex = -1;
  applySearch();
});
search.addEventListener('keydown', (e) => {
  if (e.key === 'Escape') {
    search.value = '';
    applySearch();
    return;
  }
  if (e.key !== 'Enter') return;
  const found = matches();
  if (found.length === 0) return;
  matchIndex = (matchIndex + (e.shiftKey ? -1 : 1) + found.length) % found.length;
  const n = byId.get(found[matchIndex]!);
  if (n) {
    viewport.center(n.box);
    select(n.node.id);
  }
});

// --- editor integration -------------------------------------------------------------------------------
function setHighlight(id: string | undefined): void {
  if (highlighted) nodeElement(highlighted)?.classList.remove('vpcl-highlight');
  highlighted = id;
  lightLinks();
  const n = id !== undefined ? byId.get(id) : undefined;
  if (!n) return;
  nodeElement(n.node.id)?.classList.add('vpcl-highlight');
  // Follow the cursor only when the node is out of sight.
  const b = nodeElement(n.node.id)?.getBoundingClientRect();
  const s = stage.getBoundingClientRect();
  if (b && (b.right < s.left || b.left > s.right || b.bottom < s.top || b.top > s.bottom)) viewport.center(n.box);
}

scopeSelect.addEventListener('change', () => {
  const scope = scopeSelect.value as TopologyScope;
  save({ scope });
  host.post({ type: 'scope', scope });
});

host.onMessage((message: HostToWebviewMessage) => {
  switch (message.type) {
    case 'update':
      scopeSelect.value = message.scope;
      if (message.scope !== state.scope) save({ scope: message.scope });
      void show(message.graph);
      break;
    case 'highlight':
      setHighlight(message.id);
      break;
    case 'error':
      setStatus(message.message);
      break;
  }
});

async function exportAs(format: 'svg' | 'png'): Promise<void> {
  if (!layout) return;
  try {
    const svg = renderSvg(layout, { palette: resolvedPalette() });
    host.save(format, format === 'svg' ? svg : await svgToPngBase64(svg, layout.width, layout.height));
  } catch (err) {
    setStatus(`Export failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}

// --- start --------------------------------------------------------------------------------------------
if (host.inEditor) {
  host.post({ type: 'ready' });
} else {
  const data = document.getElementById('vpcl-data')?.textContent;
  if (data) {
    const page = JSON.parse(data) as { graph: TopologyGraph; layout?: Layout; title?: string };
    if (page.layout) primeLayoutCache(page.layout);
    void show(page.graph);
  }
}
