// `npm run test:vscode`: the VS Code API scenarios (test/vscode/suite) in a desktop VS Code driven by
// @vscode/test-electron, with this repo as the extension under development and a copy of examples/ open.
//
//   VPC_LENS_VSCODE_PATH=/path/to/code     use that VS Code executable (nothing is downloaded)
//   VPC_LENS_VSCODE_DOWNLOAD=stable|1.91.0 let @vscode/test-electron download that VS Code (machines online)
//
// Exit status: 0 all scenarios passed, 1 a scenario failed (or VS Code did not start), 3 not run: no VS Code
// given and downloading not asked for (as on the development machines here, which cannot download VS Code).
import { runTests } from '@vscode/test-electron';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bundleSuite, repoRoot } from './bundleSuite';

export const NOT_RUN_EXIT_CODE = 3;

async function main(): Promise<number> {
  const executable = process.env.VPC_LENS_VSCODE_PATH;
  const download = process.env.VPC_LENS_VSCODE_DOWNLOAD;
  if (!executable && !download) {
    console.error(
      'test:vscode: not run: set VPC_LENS_VSCODE_PATH to a VS Code executable (downloading VS Code is not possible here; VPC_LENS_VSCODE_DOWNLOAD=stable downloads it where it is)',
    );
    return NOT_RUN_EXIT_CODE;
  }
  if (executable && !fs.existsSync(executable)) {
    console.error(`test:vscode: VPC_LENS_VSCODE_PATH=${executable} does not exist`);
    return NOT_RUN_EXIT_CODE;
  }

  // The extension under development loads dist/extension.js and dist/server.js.
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) return 1;
  const suite = await bundleSuite();

  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'vpc-lens-vscode-test-'));
  try {
    const workspace = path.join(temp, 'workspace');
    fs.cpSync(path.join(repoRoot, 'examples'), workspace, { recursive: true });
    await runTests({
      ...(executable ? { vscodeExecutablePath: executable } : { version: download }),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: suite,
      launchArgs: [
        workspace,
        '--disable-extensions', // only VPC Lens: no other extension may change what the scenarios see
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${path.join(temp, 'user-data')}`,
        `--extensions-dir=${path.join(temp, 'extensions')}`,
      ],
    });
    return 0;
  } catch (error) {
    console.error(`test:vscode: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

void main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`test:vscode: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
