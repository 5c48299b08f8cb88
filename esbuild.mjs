// Bundles the extension client, the language server and the CLI into dist/, and copies the WASM grammars
// they load next to them. `node esbuild.mjs --watch` rebuilds on change.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';

const require = createRequire(import.meta.url);
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const outdir = 'dist';

fs.mkdirSync(outdir, { recursive: true });
for (const [from, to] of [
  ['web-tree-sitter/tree-sitter.wasm', 'tree-sitter.wasm'],
  ['@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm', 'tree-sitter-terraform.wasm'],
  ['tree-sitter-typescript/tree-sitter-typescript.wasm', 'tree-sitter-typescript.wasm'],
]) {
  fs.copyFileSync(require.resolve(from), path.join(outdir, to));
}

/** Resolves the CLI's import of the topology renderer (client/webview/export.ts) to its own bundle next to cli.js. */
const externalTopologyRenderer = {
  name: 'external-topology-renderer',
  setup(build) {
    build.onResolve({ filter: /client\/webview\/export$/ }, () => ({ path: './topologyExport.js', external: true }));
  },
};

/**
 * Marks jsonc-parser's modules free of side effects (its package.json does not), so that the parts no bundle
 * uses are left out. Its formatter's string-intern module fills 1,200 cached strings of spaces at load: 4.6 ms of
 * every CLI start (Node 20, measured), for a formatter VPC Lens never calls.
 */
const jsoncWithoutSideEffects = {
  name: 'jsonc-without-side-effects',
  setup(build) {
    const inJsonc = (p) => p.split(/[\\/]/).includes('jsonc-parser');
    build.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData?.resolvingJsonc || !(args.path === 'jsonc-parser' || inJsonc(args.importer))) return undefined;
      const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { resolvingJsonc: true } });
      return resolved.errors.length > 0 ? undefined : { path: resolved.path, sideEffects: false };
    });
  },
};

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  external: ['vscode'],
  plugins: [jsoncWithoutSideEffects],
  // web-tree-sitter's ESM build needs import.meta.url, which a CommonJS bundle lacks: use its CJS build.
  // jsonc-parser's UMD main requires its parts dynamically, which a bundle cannot follow: use its ESM build.
  alias: {
    'web-tree-sitter': require.resolve('web-tree-sitter'),
    'jsonc-parser': require.resolve('jsonc-parser/lib/esm/main.js'),
  },
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: `${outdir}/extension.js` },
  { entryPoints: ['server/src/server.ts'], outfile: `${outdir}/server.js` },
  // The `vpc-lens` bin is a small launcher that runs the CLI bundle with V8's code cache (cli/launch/codeCache.ts).
  { entryPoints: ['server/src/cliLauncher.ts'], outfile: `${outdir}/cli.js`, banner: { js: '#!/usr/bin/env node' } },
  // The CLI's topology renderer (with ELK, three quarters of the CLI's code) is a bundle of its own, loaded only
  // when `vpc-lens topology` draws: every other command starts without compiling it.
  { entryPoints: ['server/src/cli.ts'], outfile: `${outdir}/cliMain.js`, plugins: [externalTopologyRenderer, jsoncWithoutSideEffects] },
  { entryPoints: ['client/webview/export.ts'], outfile: `${outdir}/topologyExport.js` },
  // Worker threads of the CLI's check analyse shares of a large workspace (server/src/host/parallelCheck.ts).
  { entryPoints: ['server/src/host/checkWorker.ts'], outfile: `${outdir}/checkWorker.js` },
  // The topology webview (browser): its script, with ELK's worker script embedded as a string (the webview
  // starts the layout worker from a Blob URL: VS Code refuses workers loaded from webview resource URLs).
  {
    entryPoints: ['client/webview/main.ts'],
    outfile: `${outdir}/webview.js`,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    external: [],
    define: { VPCL_ELK_WORKER_SOURCE: JSON.stringify(fs.readFileSync(require.resolve('elkjs/lib/elk-worker.min.js'), 'utf8')) },
  },
  { entryPoints: ['media/topology.css'], outfile: `${outdir}/webview.css`, platform: 'browser' },
].filter((e) => fs.existsSync(e.entryPoints[0]));

if (watch) {
  const contexts = await Promise.all(entries.map((e) => esbuild.context({ ...common, ...e })));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
  for (const e of entries) fs.chmodSync(e.outfile, 0o755);
  if (!production) writeCliCodeCache();
}

/**
 * Runs the CLI once on examples/ so that it leaves V8's code cache for this bundle and this Node next to it
 * (see server/src/cli/launch/codeCache.ts); caches of earlier bundles go. Not for --production: the .vsix
 * does not ship caches, which belong to one Node version.
 */
function writeCliCodeCache() {
  for (const f of fs.readdirSync(outdir)) if (f.endsWith('.codecache')) fs.rmSync(path.join(outdir, f));
  const run = spawnSync(process.execPath, [`${outdir}/cli.js`, 'check', 'examples', '--format', 'json', '--fail-on', 'never'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (run.status !== 0) console.warn(`esbuild.mjs: the CLI's code-cache run ended with ${run.status ?? run.signal}; the CLI works without one`);
}
