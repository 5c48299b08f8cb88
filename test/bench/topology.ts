// Time to first paint of the topology webview in headless Chromium: from the `update` message to the frame
// after the diagram is in the DOM (layout in the worker + SVG rendering + insertion). Networks of 100,
// 1,000 and 2,000 nodes; past 600 drawn nodes the view starts with subnet contents collapsed, as it does for
// users. Also the in-process (Node) layout time with nothing collapsed, for comparison.
//   node esbuild.mjs && bash test/e2e/setup.sh && node --import tsx test/bench/topology.ts
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { layoutTopology } from '../../client/webview/layout/layoutTopology';
import { openBrowser } from '../e2e/lib/browser';
import { load, panelPage } from '../browser/page';
import { bigGraph } from '../unit/webview/graphs';

const SIZES = [100, 1_000, 2_000];
const RUNS = 3;

export interface TopologyBenchRow {
  readonly nodes: number;
  readonly drawn: number;
  readonly firstPaintMs: number[];
  readonly nodeLayoutAllExpandedMs: number;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

export async function measureTopology(): Promise<TopologyBenchRow[]> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'vpcl-bench-'));
  const rows: TopologyBenchRow[] = [];
  try {
    for (const size of SIZES) {
      const graph = bigGraph(size);
      const firstPaintMs: number[] = [];
      let drawn = 0;
      for (let run = 0; run < RUNS; run++) {
        // A fresh page per run: no layout cache, a cold worker.
        const browser = await openBrowser(home);
        try {
          const { page, errors } = await load(browser, panelPage());
          const result = await page.evaluate<{ ms: number; drawn: number }>(`new Promise((resolve) => {
            const start = performance.now();
            new MutationObserver((_, observer) => {
              if (document.body.dataset.vpclRenders !== '1') return;
              observer.disconnect();
              requestAnimationFrame(() => requestAnimationFrame(() => resolve({ ms: performance.now() - start, drawn: document.querySelectorAll('.vpcl-node').length })));
            }).observe(document.body, { attributes: true });
            window.postMessage({ type: 'update', scope: 'workspace', graph: ${JSON.stringify(graph)} }, '*');
          })`);
          if (errors.length > 0) throw new Error(errors.join('\n'));
          firstPaintMs.push(Math.round(result.ms));
          drawn = result.drawn;
        } finally {
          await browser.close();
        }
      }
      const t = performance.now();
      await layoutTopology(graph, { collapseThreshold: Infinity });
      rows.push({ nodes: graph.nodes.length, drawn, firstPaintMs, nodeLayoutAllExpandedMs: Math.round(performance.now() - t) });
    }
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
  return rows;
}

export function topologyMarkdown(rows: TopologyBenchRow[]): string {
  const lines = [
    '| graph nodes | nodes drawn | first paint in Chromium (median of 3) | runs | layout in Node, nothing collapsed |',
    '|---:|---:|---:|---|---:|',
    ...rows.map((r) => `| ${r.nodes.toLocaleString('en-US')} | ${r.drawn.toLocaleString('en-US')} | ${median(r.firstPaintMs)} ms | ${r.firstPaintMs.join(', ')} ms | ${r.nodeLayoutAllExpandedMs} ms |`),
  ];
  return lines.join('\n');
}

if (require.main === module) {
  measureTopology().then(
    (rows) => console.log(topologyMarkdown(rows)),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
