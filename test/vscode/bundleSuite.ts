// Bundles test/vscode/suite/index.ts into one CommonJS file the extension host can require (`vscode` stays
// external: the extension host provides it).
import * as esbuild from 'esbuild';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Writes the bundle to `outDir/index.js` and returns its path. */
export async function bundleSuite(outDir = path.join(repoRoot, '.cache', 'vscode-test', 'suite')): Promise<string> {
  const outfile = path.join(outDir, 'index.js');
  await esbuild.build({
    entryPoints: [path.join(repoRoot, 'test', 'vscode', 'suite', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return outfile;
}
