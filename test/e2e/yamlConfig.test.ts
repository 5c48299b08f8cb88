// A network described in a YAML file that Terraform reads with yamldecode(file(...)), in a real VS Code
// (code-server + headless Chromium): the subnet outside the VPC is squiggled in the YAML file where its block is
// written, and the host-bits quick fix rewrites a block there. Screenshots go to test-results/e2e/yaml-config/.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAIN_TF } from '../fixtures/terraformFileConfig';
import { useEditorSession } from './run';

const STEP_MS = 90_000;
const OUTSIDE = '10.1.2.0/24';
const HOST_BITS = '10.0.3.1/24';
const FIXED = '10.0.3.0/24';
const NETWORK_YAML = `vpc_cidr: 10.0.0.0/16
subnets:
  app-a:
    cidr: 10.0.1.0/24
    az: eu-west-1a
  app-b:
    cidr: ${OUTSIDE}
    az: eu-west-1b
  app-c:
    cidr: ${HOST_BITS}
    az: eu-west-1c
`;

describe('a network read from YAML with file(), in code-server', { timeout: 5 * 60_000 }, () => {
  /** 1-based line and column of the block with host bits. */
  let at: { line: number; column: number };
  const editor = useEditorSession(
    { name: 'yaml-config' },
    {
      beforeOpen: () => {
        const folder = path.join(editor.session.scenario.folder, 'yamlnet');
        fs.mkdirSync(folder, { recursive: true });
        fs.writeFileSync(path.join(folder, 'config.tf'), MAIN_TF);
        fs.writeFileSync(path.join(folder, 'network.yaml'), NETWORK_YAML);
        const lines = NETWORK_YAML.split('\n');
        const index = lines.findIndex((l) => l.includes(HOST_BITS));
        at = { line: index + 1, column: lines[index]!.indexOf(HOST_BITS) + 1 };
      },
    },
  );

  test('the subnet outside the VPC is squiggled in network.yaml, and host bits there are fixed with the quick fix', { timeout: STEP_MS }, async () => {
    const { workbench } = editor.session;
    try {
      await workbench.quickOpen('network.yaml');
      await workbench.waitForEditorText('the YAML file', /vpc_cidr: 10\.0\.0\.0\/16/, 30_000);
      await workbench.waitForSquiggleUnder('error', `cidr: ${OUTSIDE}`, OUTSIDE, 60_000);
      await workbench.waitForSquiggleUnder('warning', `cidr: ${HOST_BITS}`, HOST_BITS, 30_000);
      await workbench.screenshot('squiggles-in-yaml');
      const listed = await workbench.applyQuickFix(
        new RegExp(`network address ${FIXED.replace(/\./g, '\\.')}`),
        40_000,
        () => workbench.goToLine(at.line, 10_000, at.column + 2),
      );
      console.log(`Quick Fix menu: ${JSON.stringify(listed)}`);
      await workbench.waitForEditorText('the fixed block', new RegExp(`cidr: ${FIXED.replace(/\./g, '\\.')}`), 15_000);
      await workbench.waitForNoSquiggleUnder('warning', `cidr: ${FIXED}`, FIXED, 30_000);
      // The other finding stays: the file was analysed again, not cleared.
      const stillOutside = await workbench.squigglesUnder('error', `cidr: ${OUTSIDE}`, OUTSIDE);
      assert.ok(stillOutside !== undefined && stillOutside > 0, `squiggles under ${OUTSIDE}: ${stillOutside}`);
    } finally {
      await workbench.screenshot('after-the-fix');
    }
  });
});
