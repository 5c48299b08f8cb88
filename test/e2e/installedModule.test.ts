// A registry module in a real VS Code (code-server + headless Chromium): opened before `terraform init`, the
// module call is not followed; once terraform init has written .terraform/modules (here: the files it writes),
// the editor's file watcher reports the manifest, the server reads the installed module, and the hover on
// the module's name shows what it builds and the finding in its code. Screenshots go to
// test-results/e2e/installed-module/.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { INITIALISED, ROOT } from '../fixtures/installedModule';
import { useEditorSession } from './run';

const STEP_MS = 90_000;
// Named apart from examples/ (which has a main.tf in its module), so that quick open finds this one.
const FILE = 'live/registry.tf';

describe('a module installed by terraform init, in code-server', { timeout: 5 * 60_000 }, () => {
  const editor = useEditorSession({ name: 'installed-module' }, { beforeOpen: () => write(FILE, ROOT) });
  const write = (name: string, text: string) => {
    const full = path.join(editor.session.scenario.folder, name);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  };

  test('after terraform init, the hover on the module name shows what it builds and the SSH finding in its code', { timeout: STEP_MS }, async () => {
    const { workbench } = editor.session;
    try {
      await workbench.quickOpen('registry.tf');
      // The subnet given outside the VPC is found only once the module is read: nothing is there yet.
      await workbench.waitForEditorText('the module call', /module "vpc"/, 30_000);
      for (const [name, text] of Object.entries(INITIALISED)) if (name !== 'live/main.tf') write(name, text);
      const hover = await workbench.hoverOver('module "vpc"', '"vpc"', /Module module\.vpc from acme\/vpc\/aws/, 60_000);
      console.log(`hover: ${JSON.stringify(hover.slice(0, 400))}`);
      assert.match(hover, /SSH or RDP open to the world/);
      assert.match(hover, /installed by terraform init/);
      assert.match(hover, /10\.9\.2\.0\/24 · 251 usable/);
      // The wrong subnet in the user's own list is squiggled where it is written.
      await workbench.waitForSquiggleUnder('error', '"10.9.2.0/24"', '10.9.2.0/24', 30_000);
    } finally {
      await workbench.screenshot('hover-on-module-name');
    }
  });
});
