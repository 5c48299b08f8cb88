// The test module @vscode/test-electron (or any VS Code started with --extensionTestsPath) loads into the
// extension host: `run()` runs the scenarios one after another with node:assert and rejects when one fails.
// Bundled to CommonJS by test/vscode/bundleSuite.ts (the extension host requires JavaScript).
import * as fs from 'node:fs';
import { scenarios } from './scenarios';

export interface ScenarioResult {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
}

export async function run(): Promise<void> {
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    const started = Date.now();
    try {
      await scenario.run();
      results.push({ name: scenario.name, ok: true, ms: Date.now() - started });
      console.log(`ok   ${scenario.name} (${Date.now() - started} ms)`);
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      results.push({ name: scenario.name, ok: false, ms: Date.now() - started, error: message });
      console.error(`FAIL ${scenario.name}\n${message}`);
    }
  }
  const failed = results.filter((r) => !r.ok);
  console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
  // For runners that cannot read the extension host's console (a browser-hosted VS Code): the results as JSON.
  const report = process.env.VPC_LENS_TEST_REPORT;
  if (report) fs.writeFileSync(report, JSON.stringify(results, null, 2));
  if (failed.length > 0) throw new Error(`${failed.length} of ${results.length} VS Code API scenarios failed: ${failed.map((f) => f.name).join('; ')}`);
}
