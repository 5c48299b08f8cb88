// The VS Code API scenarios of `npm run test:vscode` (test/vscode/suite), run here in code-server's extension
// host, where no desktop VS Code can be downloaded: the browser opens the workbench as an "extension
// development" window (`payload` with extensionDevelopmentPath = the installed .vsix, extensionTestsPath = the
// bundled suite), the extension host runs the suite's run() and the suite writes its results to a JSON file.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startEditorSession, type EditorSession } from './run';
import { pollUntil } from './lib/poll';
import { bundleSuite } from '../vscode/bundleSuite';
import type { ScenarioResult } from '../vscode/suite/index';

describe('the VS Code API scenarios in code-server', { timeout: 6 * 60_000 }, () => {
  let session: EditorSession;
  let temp: string;
  let report: string;
  let results: ScenarioResult[] = [];

  before(async () => {
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'vpc-lens-api-suite-'));
    report = path.join(temp, 'report.json');
    const suite = await bundleSuite(path.join(temp, 'suite'));
    // A built workbench reads the development `payload` of its URL only with the smoke-test driver enabled.
    session = await startEditorSession({
      name: 'vscode-api',
      env: { VPC_LENS_TEST_REPORT: report },
      vscodeOptions: ['enable-smoke-test-driver'],
    });
    const { workbench, codeServer, scenario } = session;
    const installed = fs
      .readdirSync(codeServer.dirs.extensionsDir)
      .find((name) => name.startsWith('vpc-lens.vpc-lens-'));
    assert.ok(installed, 'the .vsix is installed');
    const remote = (file: string) => `vscode-remote://127.0.0.1:${codeServer.port}${file}`;
    const payload = [
      ['extensionDevelopmentPath', remote(path.join(codeServer.dirs.extensionsDir, installed))],
      ['extensionTestsPath', remote(suite)],
    ];
    await workbench.open(codeServer.url, scenario.folder, 90_000, { payload: JSON.stringify(payload) });
    results = await pollUntil(
      `the suite's results in ${report}`,
      () => (fs.existsSync(report) ? (JSON.parse(fs.readFileSync(report, 'utf8')) as ScenarioResult[]) : undefined),
      { timeoutMs: 150_000, intervalMs: 500 },
    );
    await workbench.screenshot('suite-done');
  }, { timeout: 5 * 60_000 });

  after(async () => {
    await session?.close();
    if (temp) fs.rmSync(temp, { recursive: true, force: true });
  }, { timeout: 60_000 });

  test('every scenario passes in the extension host', () => {
    for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.ms} ms)${r.error ? `\n${r.error}` : ''}`);
    assert.ok(results.length >= 4, `${results.length} scenarios ran`);
    assert.deepEqual(results.filter((r) => !r.ok).map((r) => `${r.name}: ${r.error}`), []);
  });
});
