// The hover on a block VPC Lens cannot know, in a real VS Code (code-server + headless Chromium): a VPC set
// from a variable nobody gave a value says so, and the subnet summary carries the same reason. Screenshots
// go to test-results/e2e/unknown-hover/.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { useEditorSession } from './run';

const STEP_MS = 60_000;
const FILE = 'lab.tf';
const LAB_TF = `variable "lab_cidr" {
  type = string
}

resource "aws_vpc" "lab" {
  cidr_block = var.lab_cidr
}

resource "aws_subnet" "lab_app" {
  count      = 2
  vpc_id     = aws_vpc.lab.id
  cidr_block = cidrsubnet(var.lab_cidr, 8, count.index)
}
`;
const REASON = 'var.lab_cidr has no value (no default, and no variable file sets it)';

describe('hover on a block that is not known, in code-server', { timeout: 5 * 60_000 }, () => {
  const editor = useEditorSession(
    { name: 'unknown-hover' },
    // Next to examples/: a file of its own, so the other suites' findings are untouched.
    { beforeOpen: () => fs.writeFileSync(path.join(editor.session.scenario.folder, FILE), LAB_TF) },
  );

  test('hovering var.lab_cidr says the VPC block is not known and why', { timeout: STEP_MS }, async () => {
    const { workbench } = editor.session;
    try {
      await workbench.quickOpen(FILE);
      const text = await workbench.hoverOver('cidr_block = var.lab_cidr', 'var.lab_cidr', /Not known/, 45_000);
      console.log(`hover: ${JSON.stringify(text.slice(0, 300))}`);
      assert.match(text, /IPv4 block · VPC aws_vpc\.lab/);
      assert.ok(text.includes(`Not known: ${REASON}.`), text);
    } finally {
      await workbench.screenshot('hover-on-variable');
    }
  });

  test("hovering the subnet's name shows the reason in its summary", { timeout: STEP_MS }, async () => {
    const { workbench } = editor.session;
    try {
      await workbench.page.mouse.move(5, 5);
      const text = await workbench.hoverOver('"lab_app"', 'lab_app', /Subnet aws_subnet\.lab_app/, 45_000);
      assert.ok(text.includes(`not known: ${REASON}`), text);
    } finally {
      await workbench.screenshot('hover-on-subnet-name');
    }
  });
});
