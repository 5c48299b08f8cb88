// Parts of `npm run bench` that need more than Node: the topology view's first paint (Chromium, installed by
// test/e2e/setup.sh) and the size of the packaged extension (`npm run package`). Missing prerequisites give a
// one-line reason in BENCHMARKS.md instead of failing the whole run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { measureTopology, topologyMarkdown, type TopologyBenchRow } from './topology';
import { zipEntryNames } from '../e2e/lib/zipEntries';

export type Optional<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

export async function measureTopologyIfPossible(): Promise<Optional<TopologyBenchRow[]>> {
  try {
    return { ok: true, value: await measureTopology() };
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0]! : String(err);
    return { ok: false, reason: `not measured (${message}); run \`bash test/e2e/setup.sh\` first for Chromium` };
  }
}

export interface VsixSize {
  readonly file: string;
  readonly bytes: number;
  readonly entries: number;
}

export function vsixSize(repoRoot: string): Optional<VsixSize> {
  const version = (JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
  const file = path.join(repoRoot, `vpc-lens-${version}.vsix`);
  if (!fs.existsSync(file)) return { ok: false, reason: 'no .vsix: run `npm run package` first' };
  return { ok: true, value: { file: path.basename(file), bytes: fs.statSync(file).size, entries: zipEntryNames(file).length } };
}

export function renderExtras(topology: Optional<TopologyBenchRow[]>, vsix: Optional<VsixSize>): string[] {
  const out = ['## Topology view: time to first paint', ''];
  out.push(
    'The webview bundle (`dist/webview.js`) in headless Chromium with the panel\'s real CSP, from the `update` message to the frame after the diagram is in the DOM (layout in the worker, SVG rendering, insertion); a fresh page per run. Past 600 drawn nodes the view starts with subnet contents collapsed, as it does for users. Standalone: `node --import tsx test/bench/topology.ts`.',
    '',
  );
  out.push(topology.ok ? topologyMarkdown(topology.value) : `Topology ${topology.reason}.`, '');
  out.push('## Package', '');
  out.push(
    vsix.ok
      ? `\`${vsix.value.file}\` (\`npm run package\`): ${(vsix.value.bytes / 1024).toFixed(0)} KiB, ${vsix.value.entries} entries (bundles, WASM grammars, TextMate grammar, rule docs, icon, README, CHANGELOG, LICENSE).`
      : `Package size ${vsix.reason}.`,
    '',
  );
  return out;
}
