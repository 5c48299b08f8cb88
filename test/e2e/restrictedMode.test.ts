// VPC Lens in a Restricted Mode window (Workspace Trust on, examples/ not trusted), in code-server + headless
// Chromium: it declares `untrustedWorkspaces: supported` because it only reads files, so it still squiggles
// the mistake, and its output channel says why it runs there. Screenshots go to test-results/e2e/restricted-mode/.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useEditorSession } from './run';
import { pollUntil } from './lib/poll';

const STEP_MS = 60_000;
/** client/src/trust.ts's note, as the user reads it (that module needs the vscode API, so not imported). */
const RESTRICTED_MODE_NOTE = 'Restricted Mode: VPC Lens only reads files; it never runs code from the workspace';

describe('VPC Lens in a Restricted Mode window', { timeout: 6 * 60_000 }, () => {
  const editor = useEditorSession({ name: 'restricted-mode', restrictedMode: true });

  test('the window is in Restricted Mode', { timeout: STEP_MS }, async () => {
    const { workbench } = editor.session;
    try {
      const item = await workbench.statusBarItem(/Restricted Mode/, 30_000);
      console.log(`status bar: ${item}`);
    } finally {
      await workbench.screenshot('restricted-window');
    }
  });

  test('the mistake is still squiggled', { timeout: STEP_MS }, async () => {
    const { workbench, scenario } = editor.session;
    const quoted = `"${scenario.cidr}"`;
    await workbench.quickOpen(scenario.file);
    await workbench.goToLine(scenario.line);
    try {
      assert.ok((await workbench.waitForErrorSquiggleUnder(quoted, scenario.cidr, 45_000)) > 0);
    } finally {
      await workbench.screenshot('squiggle');
    }
  });

  test('the "VPC Lens" output says it only reads files', { timeout: STEP_MS }, async () => {
    const { workbench } = editor.session;
    try {
      const text = await pollUntil(
        `"${RESTRICTED_MODE_NOTE}" in the "VPC Lens" output`,
        async () => {
          const { text } = await workbench.showOutputChannel(/VPC Lens/);
          if (text.includes(RESTRICTED_MODE_NOTE)) return text;
          throw new Error(`the output shows ${JSON.stringify(text.slice(0, 300))}`);
        },
        { timeoutMs: 30_000, intervalMs: 1_000 },
      );
      console.log(`output: ${text.split('\n').find((l) => l.includes('Restricted Mode'))}`);
    } finally {
      await workbench.screenshot('output-note');
    }
  });
});
