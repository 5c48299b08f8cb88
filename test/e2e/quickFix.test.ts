// A quick fix applied from the light bulb in a real VS Code (code-server + headless Chromium): the
// `cidr-host-bits` mistake of examples/subnets.tf (`10.0.7.1/24`) is offered "Replace with the network address
// 10.0.7.0/24" with Ctrl+., and after picking it the file reads `10.0.7.0/24` and the warning is gone.
// Screenshots of every step go to test-results/e2e/quick-fix/.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { useEditorSession } from './run';
import { pollUntil } from './lib/poll';
import { selectors } from './lib/workbench';

const STEP_MS = 60_000;
const FILE = 'subnets.tf';
const WRONG = '10.0.7.1/24';
const FIXED = '10.0.7.0/24';

describe('a quick fix in code-server', { timeout: 6 * 60_000 }, () => {
  /** 1-based line and column of the wrong CIDR in the workspace copy. */
  let at: { line: number; column: number };
  const editor = useEditorSession(
    { name: 'quick-fix' },
    {
      beforeOpen: () => {
        const lines = fs.readFileSync(path.join(editor.session.scenario.folder, FILE), 'utf8').split('\n');
        const index = lines.findIndex((l) => l.includes(`"${WRONG}"`));
        assert.ok(index >= 0, `${FILE} has no "${WRONG}" (examples/README.md lists it for cidr-host-bits)`);
        at = { line: index + 1, column: lines[index]!.indexOf(WRONG) + 1 };
      },
    },
  );

  test(`the host-bits warning shows under "${WRONG}" with a light bulb`, { timeout: STEP_MS }, async () => {
    const { workbench } = editor.session;
    await workbench.quickOpen(FILE);
    // The cursor on the CIDR: the editor asks for code actions where the cursor is.
    await workbench.goToLine(at.line, 10_000, at.column + 2);
    try {
      await workbench.waitForSquiggleUnder('warning', `"${WRONG}"`, WRONG, 45_000);
      await workbench.page.locator(selectors.lightBulb).first().waitFor({ state: 'visible', timeout: 30_000 });
    } finally {
      await workbench.screenshot('warning-and-light-bulb');
    }
  });

  test('Ctrl+. lists the fix and applying it rewrites the block', { timeout: STEP_MS }, async () => {
    const { workbench } = editor.session;
    let listed: string[] = [];
    try {
      listed = await workbench.applyQuickFix(
        new RegExp(`network address ${FIXED.replace(/\./g, '\\.')}`),
        40_000,
        () => workbench.goToLine(at.line, 10_000, at.column + 2),
        () => workbench.screenshot('quick-fix-menu'),
      );
      console.log(`Quick Fix menu: ${JSON.stringify(listed)}`);
      const line = await workbench.waitForEditorText(`"${FIXED}" in the editor`, new RegExp(`cidr_block\\s*=\\s*"${FIXED.replace(/\./g, '\\.')}"`), 15_000);
      console.log(`after the fix: ${line}`);
      assert.ok(!(await workbench.visibleEditorText()).includes(`"${WRONG}"`), `"${WRONG}" is still on screen`);
    } finally {
      await workbench.screenshot('fix-applied');
    }
    assert.ok(listed.some((entry) => entry.includes(`Replace with the network address ${FIXED}`)), `menu: ${listed.join(' | ')}`);
  });

  test('the warning disappears after the fix', { timeout: STEP_MS }, async () => {
    const { workbench } = editor.session;
    try {
      // The server re-analyses the edited (unsaved) document and publishes diagnostics without the finding.
      await workbench.waitForNoSquiggleUnder('warning', `"${FIXED}"`, FIXED, 30_000);
      await workbench.page.keyboard.press('Control+Shift+M');
      const rows = workbench.page.locator(selectors.problemsRow);
      await rows.first().waitFor({ state: 'visible', timeout: 15_000 });
      // Still listing the other mistakes of the file (so the panel is up to date), no longer cidr-host-bits.
      const texts = await pollUntil(
        'the Problems panel to drop cidr-host-bits and keep the other findings',
        async () => {
          const all: string[] = [];
          for (let i = 0; i < (await rows.count()); i++) all.push((await rows.nth(i).innerText({ timeout: 2_000 })).replace(/\s+/g, ' '));
          const hasOthers = all.some((t) => t.includes('subnet-outside-vpc'));
          return hasOthers && !all.some((t) => t.includes('cidr-host-bits')) ? all : undefined;
        },
        { timeoutMs: 30_000 },
      );
      console.log(`Problems after the fix: ${texts.length} rows, none cidr-host-bits`);
    } finally {
      await workbench.screenshot('warning-gone');
    }
  });
});
