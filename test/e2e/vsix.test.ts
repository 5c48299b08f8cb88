// The .vsix `npm run package` builds holds the bundles, WASM grammars, TextMate grammar, icon and docs,
// and nothing else: no sources, source maps, tests, examples or node_modules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot, vsixPath } from './lib/paths';
import { zipEntryNames } from './lib/zipEntries';

const allowed = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/package\.json$/,
  /^extension\/(readme\.md|changelog\.md|license\.txt)$/i, // vsce renames them readme.md, changelog.md, LICENSE.txt
  // The extension runs three bundles; the CLI's (cli.js, cliMain.js, checkWorker.js, topologyExport.js) ship with
  // the npm package only.
  /^extension\/dist\/(extension|server|webview)\.js$/,
  /^extension\/dist\/[\w.-]+\.(wasm|css)$/,
  /^extension\/dist\/webview\/.+\.(js|css|html|wasm)$/,
  /^extension\/syntaxes\/[\w.-]+\.json$/,
  /^extension\/media\/.+\.(png|svg|gif|css|js)$/,
  /^extension\/docs\/rules\/[\w-]+\.md$/, // diagnostics link to the bundled rule pages
];

const required = [
  'extension/package.json',
  'extension/LICENSE.txt',
  'extension/dist/extension.js',
  'extension/dist/server.js',
  'extension/dist/tree-sitter.wasm',
  'extension/dist/tree-sitter-terraform.wasm',
  'extension/dist/webview.js', // the topology panel's script and stylesheet
  'extension/dist/webview.css',
  'extension/media/icon.png',
  'extension/docs/rules/subnet-outside-vpc.md',
];

test('the .vsix holds only the shipped files, and all of them', () => {
  const vsix = vsixPath();
  assert.ok(fs.existsSync(vsix), `${vsix} missing: run npm run package`);
  const names = zipEntryNames(vsix);
  const unexpected = names.filter((name) => !allowed.some((pattern) => pattern.test(name)));
  assert.deepEqual(unexpected, [], 'files that should not ship');
  const missing = required.filter((name) => !names.includes(name));
  assert.deepEqual(missing, [], 'files that must ship');
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { icon?: string };
  if (manifest.icon) assert.ok(names.includes(`extension/${manifest.icon}`), `icon ${manifest.icon} not packed`);
});
