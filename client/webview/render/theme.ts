// The diagram's colours: one set of CSS rules over roles, two palettes. In the webview each role is a
// `--vscode-*` variable (light, dark and high contrast follow the editor theme; the fallback is the light
// palette, which the standalone SVG/HTML export uses as is).
export type ColorRole =
  | 'background' | 'foreground' | 'muted' | 'border' | 'leafFill'
  | 'regionStroke' | 'vpcStroke' | 'vpcFill' | 'azStroke'
  | 'publicStroke' | 'publicFill' | 'privateStroke' | 'privateFill'
  | 'network' | 'compute' | 'external' | 'chipText'
  | 'edge' | 'edgePeering' | 'edgeTransit' | 'edgeVpn'
  | 'error' | 'warning' | 'info' | 'focus' | 'match';

export type Palette = Readonly<Record<ColorRole, string>>;

export const LIGHT_PALETTE: Palette = {
  background: '#ffffff',
  foreground: '#1f2328',
  muted: '#5f6b7a',
  border: '#c8ccd2',
  leafFill: '#f6f8fa',
  regionStroke: '#5f6b7a',
  vpcStroke: '#8c4fff',
  vpcFill: '#faf7ff',
  azStroke: '#147eba',
  publicStroke: '#3f8624',
  publicFill: '#f2f8f0',
  privateStroke: '#147eba',
  privateFill: '#eff6fb',
  network: '#8c4fff',
  compute: '#d45b07',
  external: '#5f6b7a',
  chipText: '#ffffff',
  edge: '#7d8590',
  edgePeering: '#8c4fff',
  edgeTransit: '#d45b07',
  edgeVpn: '#b8860b',
  error: '#d1242f',
  warning: '#bf8700',
  info: '#0969da',
  focus: '#0090f1',
  match: '#e3b341',
};

const mix = (color: string, percent: number) => `color-mix(in srgb, ${color} ${percent}%, transparent)`;
const purple = `var(--vscode-charts-purple, ${LIGHT_PALETTE.vpcStroke})`;
const green = `var(--vscode-charts-green, ${LIGHT_PALETTE.publicStroke})`;
const blue = `var(--vscode-charts-blue, ${LIGHT_PALETTE.privateStroke})`;

/** Roles as VS Code theme variables, for the editor panel. */
export const VSCODE_PALETTE: Palette = {
  background: `var(--vscode-editor-background, ${LIGHT_PALETTE.background})`,
  foreground: `var(--vscode-editor-foreground, ${LIGHT_PALETTE.foreground})`,
  muted: `var(--vscode-descriptionForeground, ${LIGHT_PALETTE.muted})`,
  border: `var(--vscode-editorWidget-border, ${LIGHT_PALETTE.border})`,
  leafFill: `var(--vscode-editorWidget-background, ${LIGHT_PALETTE.leafFill})`,
  regionStroke: `var(--vscode-descriptionForeground, ${LIGHT_PALETTE.regionStroke})`,
  vpcStroke: purple,
  vpcFill: mix(purple, 5),
  azStroke: blue,
  publicStroke: green,
  publicFill: mix(green, 9),
  privateStroke: blue,
  privateFill: mix(blue, 8),
  network: purple,
  compute: `var(--vscode-charts-orange, ${LIGHT_PALETTE.compute})`,
  external: `var(--vscode-descriptionForeground, ${LIGHT_PALETTE.external})`,
  chipText: '#ffffff',
  edge: `var(--vscode-editorLineNumber-foreground, ${LIGHT_PALETTE.edge})`,
  edgePeering: purple,
  edgeTransit: `var(--vscode-charts-orange, ${LIGHT_PALETTE.edgeTransit})`,
  edgeVpn: `var(--vscode-charts-yellow, ${LIGHT_PALETTE.edgeVpn})`,
  error: `var(--vscode-editorError-foreground, ${LIGHT_PALETTE.error})`,
  warning: `var(--vscode-editorWarning-foreground, ${LIGHT_PALETTE.warning})`,
  info: `var(--vscode-editorInfo-foreground, ${LIGHT_PALETTE.info})`,
  focus: `var(--vscode-focusBorder, ${LIGHT_PALETTE.focus})`,
  match: `var(--vscode-editor-findMatchBorder, ${LIGHT_PALETTE.match})`,
};

export const COLOR_ROLES = Object.keys(LIGHT_PALETTE) as ColorRole[];

/** The diagram's CSS rules, every colour from `p`, scoped under `.vpcl-diagram`. */
export const STANDALONE_FONT = "-apple-system,'Segoe UI',Helvetica,Arial,sans-serif";
export const VSCODE_FONT = `var(--vscode-font-family,${STANDALONE_FONT})`;

export function diagramCss(p: Palette, fontFamily = STANDALONE_FONT): string {
  const d = '.vpcl-diagram';
  return `
${d}{font-family:${fontFamily};font-size:12px;color:${p.foreground}}
${d} .vpcl-bg{fill:${p.background}}
${d} text{fill:${p.foreground}}
${d} .vpcl-title{font-weight:600}
${d} .vpcl-muted{fill:${p.muted}}
${d} .vpcl-small{font-size:10.5px}
${d} .vpcl-shape{fill:${p.leafFill};stroke:${p.border};stroke-width:1}
${d} .vpcl-k-region>.vpcl-shape{fill:none;stroke:${p.regionStroke};stroke-dasharray:2 3}
${d} .vpcl-k-vpc>.vpcl-shape{fill:${p.vpcFill};stroke:${p.vpcStroke};stroke-width:2}
${d} .vpcl-k-az>.vpcl-shape{fill:none;stroke:${p.azStroke};stroke-dasharray:6 4}
${d} .vpcl-k-az>.vpcl-label{fill:${p.azStroke}}
${d} .vpcl-public>.vpcl-shape{fill:${p.publicFill};stroke:${p.publicStroke};stroke-width:1.5}
${d} .vpcl-private>.vpcl-shape{fill:${p.privateFill};stroke:${p.privateStroke};stroke-width:1.5}
${d} .vpcl-public>.vpcl-tag{fill:${p.publicStroke}}
${d} .vpcl-private>.vpcl-tag{fill:${p.privateStroke}}
${d} .vpcl-chip{fill:${p.network}}
${d} .vpcl-compute>.vpcl-chip{fill:${p.compute}}
${d} .vpcl-external>.vpcl-chip{fill:${p.external}}
${d} .vpcl-k-vpc>.vpcl-chip{fill:${p.vpcStroke}}
${d} .vpcl-chip-text,${d} .vpcl-tag-text{fill:${p.chipText};font-size:10px;font-weight:700}
${d} .vpcl-edge{fill:none;stroke:${p.edge};stroke-width:1.5}
${d} .vpcl-derived{stroke-dasharray:4 4;stroke-width:1;opacity:.7}
${d} .vpcl-e-lb-subnet{stroke-dasharray:2 3}
${d} .vpcl-e-endpoint,${d} .vpcl-e-association{stroke-width:1;opacity:.45}
${d} .vpcl-e-peering{stroke:${p.edgePeering};stroke-width:2.5}
${d} .vpcl-e-tgw-attachment{stroke:${p.edgeTransit};stroke-width:2.5}
${d} .vpcl-e-vpn{stroke:${p.edgeVpn};stroke-width:2.5;stroke-dasharray:8 4}
${d} .vpcl-badge-error>circle{fill:${p.error}}
${d} .vpcl-badge-warning>circle{fill:${p.warning}}
${d} .vpcl-badge-info>circle{fill:${p.info}}
${d} .vpcl-badge>text{fill:#ffffff;font-size:10px;font-weight:700}
${d} .vpcl-node:focus{outline:none}
${d} .vpcl-node:focus>.vpcl-shape,${d} .vpcl-selected>.vpcl-shape{stroke:${p.focus};stroke-width:3}
${d} .vpcl-highlight>.vpcl-shape{stroke:${p.focus};stroke-width:3;stroke-dasharray:none}
${d} .vpcl-match>.vpcl-shape{stroke:${p.match};stroke-width:3}
${d}.vpcl-searching .vpcl-node:not(.vpcl-match):not(.vpcl-container){opacity:.35}
${d}.vpcl-interactive:not(.vpcl-all-links) .vpcl-context:not(.vpcl-lit){display:none}
${d} .vpcl-edge.vpcl-lit{stroke:${p.focus};stroke-width:2;opacity:1}
`.trim();
}
