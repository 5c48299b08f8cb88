// The topology diagram in a real VS Code (code-server + headless Chromium): "VPC Lens: Show Topology" from the
// Command Palette opens the panel, the diagram draws the example VPC and its subnets (inside the webview's
// two iframes), and a click on a subnet reveals its resource in the editor. Screenshots of every step go to
// test-results/e2e/topology/.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { useEditorSession } from './run';
import { pollUntil } from './lib/poll';
import { selectors } from './lib/workbench';

const STEP_MS = 90_000;
const FILE = 'subnets.tf';
/** The subnet to click: `aws_subnet.analytics`, drawn with its Name tag. */
const SUBNET = { type: 'aws_subnet', name: 'analytics', label: 'prod-analytics' };

/** 1-based first and last line of `resource "type" "name" { ... }` (the block ends at the first `}` in column 1). */
function resourceLines(text: string, type: string, name: string): { first: number; last: number } {
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.startsWith(`resource "${type}" "${name}"`));
  assert.ok(first >= 0, `no resource "${type}" "${name}"`);
  const last = lines.findIndex((l, i) => i > first && l.startsWith('}'));
  assert.ok(last > first, `resource "${type}" "${name}" does not end`);
  return { first: first + 1, last: last + 1 };
}

describe('the topology diagram in code-server', { timeout: 6 * 60_000 }, () => {
  let resource: { first: number; last: number };
  const editor = useEditorSession(
    { name: 'topology' },
    {
      beforeOpen: () => {
        resource = resourceLines(fs.readFileSync(path.join(editor.session.scenario.folder, FILE), 'utf8'), SUBNET.type, SUBNET.name);
      },
      // Another file in the editor, so the reveal has to open the subnet's file.
      afterOpen: () => editor.session.workbench.quickOpen('vpc.tf'),
    },
  );

  test('"VPC Lens: Show Topology" draws the VPC and its subnets', { timeout: STEP_MS }, async () => {
    const { workbench } = editor.session;
    const diagram = workbench.webviewContent();
    try {
      await workbench.runCommand('VPC Lens: Show Topology');
      // The panel asks the server for the graph when its script is ready, then lays it out: wait for the drawing.
      await diagram.locator('.vpcl-node.vpcl-k-vpc').first().waitFor({ state: 'visible', timeout: 60_000 });
      const subnet = diagram.locator('.vpcl-node.vpcl-k-subnet').filter({ hasText: SUBNET.label }).first();
      await subnet.waitFor({ state: 'visible', timeout: 30_000 });
      const vpcTitle = await diagram.locator('.vpcl-node.vpcl-k-vpc .vpcl-title').first().textContent();
      const subnets = await diagram.locator('.vpcl-node.vpcl-k-subnet').count();
      const status = await diagram.locator('.vpcl-status').innerText();
      console.log(`diagram: VPC "${vpcTitle}", ${subnets} subnets, status "${status}"`);
      assert.ok(subnets >= 2, `${subnets} subnets drawn`);
      // With its stylesheet (dist/webview.css, from the .vsix) the drawing area fills the panel; without it the
      // diagram is a thumbnail above the status line.
      const panel = await workbench.page.locator(selectors.webview).first().boundingBox();
      const stage = await diagram.locator('.vpcl-stage').boundingBox();
      assert.ok(panel && stage, 'panel and drawing area have a size');
      assert.ok(stage.height > panel.height * 0.6, `drawing area ${Math.round(stage.height)} px high in a ${Math.round(panel.height)} px panel`);
    } finally {
      await workbench.screenshot('topology-open');
    }
  });

  test(`a click on subnet ${SUBNET.label} reveals ${SUBNET.type}.${SUBNET.name} in the editor`, { timeout: STEP_MS }, async () => {
    const { workbench } = editor.session;
    const subnet = workbench.webviewContent().locator('.vpcl-node.vpcl-k-subnet').filter({ hasText: SUBNET.label }).first();
    try {
      // The subnet's own title: the middle of the subnet box may be a resource drawn inside it.
      await subnet.locator('.vpcl-title').first().click({ timeout: 15_000 });
      const where = await pollUntil(
        `the active editor to show ${FILE} with the cursor in lines ${resource.first}-${resource.last}`,
        async () => {
          const tab = await workbench.activeTabName();
          const cursor = await workbench.cursorPosition();
          if (tab === FILE && cursor && cursor.line >= resource.first && cursor.line <= resource.last) return { tab, ...cursor };
          // Becomes the timeout's message: what the editor showed last.
          throw new Error(`active tab ${JSON.stringify(tab)}, cursor ${cursor ? `Ln ${cursor.line}, Col ${cursor.column}` : '(none)'}`);
        },
        { timeoutMs: 30_000 },
      );
      console.log(`revealed: ${where.tab} Ln ${where.line}, Col ${where.column} (resource lines ${resource.first}-${resource.last})`);
      const text = await workbench.visibleEditorText();
      assert.ok(text.includes(`resource "${SUBNET.type}" "${SUBNET.name}"`), 'the resource is on screen');
    } finally {
      await workbench.screenshot('node-revealed');
    }
  });
});
