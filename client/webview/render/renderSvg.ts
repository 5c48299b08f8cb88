// Draws a Layout as an SVG string. Pure (Node and browser). Colours come from CSS classes: the webview styles
// them with VS Code theme variables; a standalone SVG carries its own <style> from a palette.
import type { TopologyNode } from '../../../server/src/core/topology/types';
import { BOLD_CHAR_WIDTH, CHAR_WIDTH, LEAF_CHIP_WIDTH, fitText } from '../layout/sizes';
import type { Layout, LayoutEdge, LayoutNode } from '../layout/types';
import { escapeXml as esc } from './escape';
import { KIND_CHIP, KIND_NAME, attachmentSummary, cidrLine, detailLines, leafSubLine, nodeLabel } from './labels';
import { diagramCss, type Palette } from './theme';

export interface SvgTheme {
  /** Embed a <style> with these colours and paint the background: a self-contained picture. */
  readonly palette?: Palette;
  /** <title> tooltips on nodes (default true; the webview shows its own). */
  readonly titles?: boolean;
  /**
   * Focusable nodes (tabindex, role) for keyboard use in the webview, where context connections (see
   * `isContextEdge`) show only around the node in focus unless the user asks for all of them.
   */
  readonly interactive?: boolean;
}

/**
 * Connections that fan out from one node across every subnet (an endpoint's subnets or route tables, security
 * group and route table associations): drawn all at once they cross the whole VPC, so the panel shows them
 * around the selected or pointed-at node only. A picture (SVG, PNG, `vpc-lens topology --format svg`) draws them all.
 */
function isContextEdge(e: Pick<LayoutEdge, 'from' | 'to' | 'kind'>, kindOf: (id: string) => string | undefined): boolean {
  return e.kind === 'endpoint' || e.kind === 'association' || kindOf(e.from) === 'endpoint' || kindOf(e.to) === 'endpoint';
}

const COMPUTE_KINDS = new Set(['instance', 'eni', 'lb', 'target-group']);
const EXTERNAL_KINDS = new Set(['internet', 'onprem', 'cgw', 'dx-gateway']);

export function renderSvg(layout: Layout, theme: SvgTheme = {}): string {
  const width = Math.max(1, Math.ceil(layout.width));
  const height = Math.max(1, Math.ceil(layout.height));
  const children = new Map<string | undefined, LayoutNode[]>();
  for (const n of layout.nodes) {
    const list = children.get(n.parent);
    if (list) list.push(n);
    else children.set(n.parent, [n]);
  }
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="vpcl-diagram${theme.interactive ? ' vpcl-interactive' : ''}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="VPC topology">`);
  if (theme.palette) out.push(`<style>${diagramCss(theme.palette)}</style>`);
  out.push('<g class="vpcl-viewport">');
  if (theme.palette) out.push(`<rect class="vpcl-bg" x="0" y="0" width="${width}" height="${height}"/>`);
  const draw = (parent: string | undefined) => {
    for (const n of children.get(parent) ?? []) {
      out.push(openNode(n, theme));
      out.push(...nodeBody(n));
      const kids = children.get(n.node.id);
      if (kids) draw(n.node.id);
      out.push('</g>');
    }
  };
  draw(undefined);
  out.push('<g class="vpcl-edges" pointer-events="none">');
  const kinds = new Map(layout.nodes.map((n) => [n.node.id, n.node.kind] as const));
  for (const e of layout.edges) out.push(edge(e, isContextEdge(e, (id) => kinds.get(id))));
  out.push('</g></g></svg>');
  return out.join('');
}

function openNode(n: LayoutNode, theme: SvgTheme): string {
  const node = n.node;
  const classes = ['vpcl-node', `vpcl-k-${node.kind}`];
  if (n.container) classes.push('vpcl-container');
  if (node.kind === 'subnet') classes.push(node.public ? 'vpcl-public' : 'vpcl-private');
  if (COMPUTE_KINDS.has(node.kind)) classes.push('vpcl-compute');
  if (EXTERNAL_KINDS.has(node.kind)) classes.push('vpcl-external');
  if (n.onBorder) classes.push('vpcl-border');
  const label = `${KIND_NAME[node.kind] ?? node.kind} ${nodeLabel(node)}${node.cidr ? ` ${node.cidr}` : ''}`;
  const focus = theme.interactive ? ` tabindex="0" role="button" aria-label="${esc(label)}"` : '';
  const title = theme.titles === false ? '' : `<title>${esc(detailLines(n).join('\n'))}</title>`;
  return `<g class="${classes.join(' ')}" data-id="${esc(node.id)}" data-kind="${esc(node.kind)}"${focus}>${title}`;
}

function nodeBody(n: LayoutNode): string[] {
  switch (n.node.kind) {
    case 'region':
    case 'vpc':
      return bigContainer(n);
    case 'az':
      return az(n);
    case 'subnet':
      return subnet(n);
    default:
      return leaf(n);
  }
}

const num = (v: number) => String(Math.round(v * 10) / 10);
const rect = (x: number, y: number, w: number, h: number, rx: number, cls: string) =>
  `<rect class="${cls}" x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" rx="${rx}"/>`;
const text = (x: number, y: number, value: string, cls: string, anchor?: 'middle' | 'end') =>
  `<text class="${cls}" x="${num(x)}" y="${num(y)}"${anchor ? ` text-anchor="${anchor}"` : ''}>${esc(value)}</text>`;

function bigContainer(n: LayoutNode): string[] {
  const { x, y, width } = n.box;
  const node = n.node;
  const out = [rect(x, y, n.box.width, n.box.height, 10, 'vpcl-shape')];
  const chip = KIND_CHIP[node.kind];
  const chipWidth = chip.length * 7 + 12;
  out.push(rect(x + 12, y + 10, chipWidth, 18, 3, 'vpcl-chip'), text(x + 12 + chipWidth / 2, y + 23, chip, 'vpcl-chip-text', 'middle'));
  const gatewaysRoom = node.kind === 'vpc' ? 170 : 24;
  const titleX = x + 20 + chipWidth;
  const label = fitText(nodeLabel(node), width - (titleX - x) - gatewaysRoom, true);
  out.push(text(titleX, y + 24, label, 'vpcl-title'));
  let after = titleX + label.length * BOLD_CHAR_WIDTH + 10;
  if (node.cidr) {
    out.push(text(after, y + 24, String(node.cidr), 'vpcl-muted'));
    after += String(node.cidr).length * CHAR_WIDTH + 10;
  }
  out.push(...findingBadges(node, after + 8, y + 19));
  const summary = attachmentSummary(n.attachments);
  if (summary) out.push(text(x + 12, y + 44, fitText(summary, width - 24 - gatewaysRoom), 'vpcl-muted vpcl-small'));
  return out;
}

function az(n: LayoutNode): string[] {
  const { x, y, width, height } = n.box;
  return [rect(x, y, width, height, 8, 'vpcl-shape'), text(x + 12, y + 21, fitText(nodeLabel(n.node), width - 24), 'vpcl-label vpcl-small'), ...findingBadges(n.node, x + width - 14, y + 16, true)];
}

function subnet(n: LayoutNode): string[] {
  const { x, y, width, height } = n.box;
  const node = n.node;
  const tag = node.public ? 'PUBLIC' : 'PRIVATE';
  const tagWidth = tag.length * 7 + 10;
  const out = [rect(x, y, width, height, 6, 'vpcl-shape')];
  out.push(rect(x + width - 10 - tagWidth, y + 9, tagWidth, 16, 8, 'vpcl-tag'), text(x + width - 10 - tagWidth / 2, y + 21, tag, 'vpcl-tag-text', 'middle'));
  const f = node.findings;
  const badgeRoom = f ? ['error', 'warning', 'info'].filter((k) => (f as Record<string, number>)[k]! > 0).length * 22 : 0;
  const label = fitText(nodeLabel(node), width - 34 - tagWidth - badgeRoom, true);
  out.push(text(x + 12, y + 22, label, 'vpcl-title'));
  out.push(...findingBadges(node, x + 12 + label.length * BOLD_CHAR_WIDTH + 14, y + 17));
  const cidr = cidrLine(node.cidr);
  if (cidr) out.push(text(x + 12, y + 40, fitText(cidr, width - 24), ''));
  const extra = [attachmentSummary(n.attachments), n.hiddenChildren > 0 ? `${n.hiddenChildren} resource${n.hiddenChildren === 1 ? '' : 's'} inside` : '']
    .filter((s) => s !== '')
    .join(' · ');
  if (extra) out.push(text(x + 12, y + 56, fitText(extra, width - 24), 'vpcl-muted vpcl-small'));
  return out;
}

function leaf(n: LayoutNode): string[] {
  const { x, y, width, height } = n.box;
  const node = n.node;
  const round = node.kind === 'internet' || node.kind === 'onprem' ? height / 2 : 6;
  const chip = KIND_CHIP[node.kind] ?? node.kind.toUpperCase();
  const out = [rect(x, y, width, height, round, 'vpcl-shape')];
  out.push(`<path class="vpcl-chip" d="${chipPath(x, y, LEAF_CHIP_WIDTH, height, round)}"/>`);
  out.push(text(x + LEAF_CHIP_WIDTH / 2, y + height / 2 + 3.5, chip, 'vpcl-chip-text', 'middle'));
  const sub = leafSubLine(node, n.attachments);
  const textX = x + LEAF_CHIP_WIDTH + 8;
  const room = width - LEAF_CHIP_WIDTH - 14;
  if (sub) {
    out.push(text(textX, y + height / 2 - 3, fitText(nodeLabel(node), room), ''));
    out.push(text(textX, y + height / 2 + 11, fitText(sub, room * 1.1), 'vpcl-muted vpcl-small'));
  } else {
    out.push(text(textX, y + height / 2 + 4, fitText(nodeLabel(node), room), ''));
  }
  out.push(...findingBadges(node, x + width - 4, y + 2, true));
  return out;
}

/** The left part of a rounded rectangle: the coloured kind chip of a leaf node. */
function chipPath(x: number, y: number, w: number, h: number, r: number): string {
  const rr = Math.min(r, w / 2, h / 2);
  return `M${num(x + w)} ${num(y)}H${num(x + rr)}A${rr} ${rr} 0 0 0 ${num(x)} ${num(y + rr)}V${num(y + h - rr)}A${rr} ${rr} 0 0 0 ${num(x + rr)} ${num(y + h)}H${num(x + w)}Z`;
}

/** Error/warning/info counts as coloured circles, left to right from (x, cy) or right to left. */
function findingBadges(node: TopologyNode, x: number, cy: number, rightAligned = false): string[] {
  const f = node.findings;
  if (!f) return [];
  const out: string[] = [];
  const kinds = (['error', 'warning', 'info'] as const).filter((k) => Number(f[k]) > 0);
  const step = rightAligned ? -22 : 22;
  kinds.forEach((k, i) => {
    const count = Number(f[k]);
    const cx = x + i * step;
    out.push(`<g class="vpcl-badge vpcl-badge-${k}"><title>${count} ${k}${count === 1 ? '' : k === 'info' ? '' : 's'}</title><circle cx="${num(cx)}" cy="${num(cy)}" r="9"/>${text(cx, cy + 3.5, count > 99 ? '99+' : String(count), '', 'middle')}</g>`);
  });
  return out;
}

function edge(e: LayoutEdge, context: boolean): string {
  if (e.points.length < 2) return '';
  const [first, ...rest] = e.points;
  const d = `M${num(first!.x)} ${num(first!.y)}${rest.map((p) => `L${num(p.x)} ${num(p.y)}`).join('')}`;
  const cls = `vpcl-edge vpcl-e-${esc(e.kind)}${e.derived ? ' vpcl-derived' : ''}${context ? ' vpcl-context' : ''}`;
  const label = e.label ? `<title>${esc(e.label)}</title>` : '';
  return `<path class="${cls}" d="${d}" data-from="${esc(e.from)}" data-to="${esc(e.to)}">${label}</path>`;
}
