// The diagram outside the editor, for `vpc-lens topology --format svg|html` (Node only: reads the webview
// bundle from disk). The SVG is the picture alone with a built-in light palette; the HTML page is the panel's
// own interactive renderer (dist/webview.js and .css inlined) with the graph and its layout embedded, and a
// CSP that forbids any network access.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TopologyGraph } from '../../server/src/core/topology/types';
import { layoutTopology } from './layout/layoutTopology';
import { escapeXml, jsonForScript } from './render/escape';
import { renderSvg } from './render/renderSvg';
import { LIGHT_PALETTE } from './render/theme';

export async function renderTopologySvg(graph: TopologyGraph): Promise<string> {
  const layout = await layoutTopology(graph);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderSvg(layout, { palette: LIGHT_PALETTE })}\n`;
}

export interface WebviewAssets {
  readonly script: string;
  readonly css: string;
}

/** The page data main.ts reads in standalone mode (`<script id="vpcl-data">`). */
export interface StandalonePageData {
  readonly graph: TopologyGraph;
  readonly layout?: unknown;
  readonly title?: string;
}

export async function renderTopologyHtml(graph: TopologyGraph, assets: WebviewAssets = readWebviewAssets(), title = 'VPC topology'): Promise<string> {
  const layout = await layoutTopology(graph);
  const data: StandalonePageData = { graph, layout, title };
  // A `</script` inside the bundle would end the inline script early; `<\/script` means the same in JS.
  const script = assets.script.replace(/<\/(script)/gi, '<\\/$1');
  const css = assets.css.replace(/<\/(style)/gi, '<\\/$1');
  const csp = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; worker-src blob:";
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(title)}</title>
<style>${css}</style>
</head>
<body class="vpcl-standalone">
<div id="vpcl-app"></div>
<script type="application/json" id="vpcl-data">${jsonForScript(data)}</script>
<script>${script}</script>
</body>
</html>
`;
}

/** dist/webview.js and dist/webview.css: next to the running bundle (dist/cli.js), else the repo's dist/. */
export function readWebviewAssets(): WebviewAssets {
  const candidates = [__dirname, path.resolve(__dirname, '..', '..', 'dist')];
  for (const dir of candidates) {
    const script = path.join(dir, 'webview.js');
    if (fs.existsSync(script)) {
      const cssFile = path.join(dir, 'webview.css');
      return { script: fs.readFileSync(script, 'utf8'), css: fs.existsSync(cssFile) ? fs.readFileSync(cssFile, 'utf8') : '' };
    }
  }
  throw new Error(`webview bundle not found next to ${__dirname}: run \`npm run build\``);
}
