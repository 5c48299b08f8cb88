// VPC Lens in a real VS Code (code-server + headless Chromium): what a person sees after installing the .vsix
// and opening the example network. Screenshots of every step go to test-results/e2e/editor/.
// Run with `npm run test:e2e` (sets up the tools, packages the .vsix, then runs this file).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useEditorSession } from './run';
import { extensionHostLog } from './lib/codeServer';
import { pollUntil } from './lib/poll';

const STEP_MS = 60_000;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

describe('VPC Lens in code-server', { timeout: 9 * 60_000 }, () => {
  /** The mistake's CIDR as the source spells it, quotes included, so a comment quoting it is not matched. */
  let quotedCidr: string;
  const editor = useEditorSession(
    { name: 'editor' },
    {
      beforeOpen: () => {
        const { scenario } = editor.session;
        quotedCidr = `"${scenario.cidr}"`;
        console.log(`workspace: ${scenario.source}; ${scenario.file}:${scenario.line} ${quotedCidr}`);
      },
      afterOpen: async () => {
        await editor.session.workbench.screenshot('workbench');
      },
    },
  );

  test('the .vsix is installed as vpc-lens.vpc-lens', () => {
    assert.ok(
      editor.session.installedExtensions.some((e) => e.startsWith('vpc-lens.vpc-lens@')),
      `installed: ${editor.session.installedExtensions.join(', ') || '(none)'}`,
    );
  });

  test('Quick Open opens the file with the mistake', { timeout: STEP_MS }, async () => {
    const { workbench, scenario } = editor.session;
    await workbench.quickOpen(scenario.file);
    await workbench.goToLine(scenario.line);
    const text = await workbench.visibleEditorText();
    await workbench.screenshot('file-open');
    assert.ok(text.includes(quotedCidr), `${quotedCidr} not on screen:\n${text}`);
  });

  test('the extension host activates vpc-lens.vpc-lens without errors', { timeout: STEP_MS }, async () => {
    const { codeServer } = editor.session;
    const activation = await pollUntil(
      'the extension host log to report the activation of vpc-lens.vpc-lens',
      () => extensionHostLog(codeServer.dirs).match(/_doActivateExtension vpc-lens\.vpc-lens.*/)?.[0],
      { timeoutMs: 30_000 },
    );
    console.log(activation);
    const failures = extensionHostLog(codeServer.dirs)
      .split('\n')
      .filter((line) => /\[error\]/.test(line) && /vpc-lens/i.test(line));
    assert.deepEqual(failures, []);
  });

  test('the status bar shows the VPC Lens item', { timeout: STEP_MS }, async () => {
    const { workbench } = editor.session;
    const item = await workbench.statusBarItem(/VPC Lens/, 30_000);
    console.log(`status bar: ${item}`);
  });

  test('its "VPC Lens" output channel exists', { timeout: 90_000 }, async () => {
    const { workbench } = editor.session;
    // The channel appears when the extension activates, which is asynchronous: ask again until it is listed.
    let seen: string[] = [];
    try {
      seen = await pollUntil(
        'the "VPC Lens" output channel',
        async () => {
          const { channels, text } = await workbench.showOutputChannel(/VPC Lens/).catch(async (error: unknown) => {
            // Said in the log, so a slow run in CI shows which step of the pick took the time.
            console.log(`output channel pick failed, asking again: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}; ${await workbench.describeFocus()}`);
            await workbench.page.keyboard.press('Escape');
            throw error;
          });
          seen = channels;
          if (!channels.some((c) => /VPC Lens/.test(c))) return undefined;
          console.log(`"VPC Lens" output channel shows: ${JSON.stringify(text.slice(0, 300))}`);
          return channels;
        },
        // Three picks fit: in code-server the command is sometimes listed only on the second (registered late).
        { timeoutMs: 45_000, intervalMs: 1_000 },
      );
    } finally {
      await workbench.screenshot('output-channel');
    }
    assert.ok(seen.some((c) => /VPC Lens/.test(c)), `output channels: ${seen.join(', ')}`);
  });

  test('the mistake is squiggled in the editor', { timeout: STEP_MS }, async () => {
    const { workbench, scenario } = editor.session;
    try {
      const squiggles = await workbench.waitForErrorSquiggleUnder(quotedCidr, scenario.cidr, 45_000);
      assert.ok(squiggles > 0);
    } finally {
      await workbench.screenshot('squiggle');
    }
  });

  test('the Problems panel lists the rule code at the mistake', { timeout: STEP_MS }, async () => {
    const { workbench, scenario } = editor.session;
    try {
      const row = await workbench.problemRowMatching(
        [new RegExp(escapeRegExp(scenario.ruleCode)), new RegExp(`Ln ${scenario.line}\\b`)],
        30_000,
      );
      console.log(`Problems row: ${row}`);
    } finally {
      await workbench.screenshot('problems');
    }
  });

  test('hovering the CIDR shows its usable address count', { timeout: STEP_MS }, async () => {
    const { workbench, scenario } = editor.session;
    try {
      const hover = await workbench.hoverOver(quotedCidr, scenario.cidr, /[\d,]+ usable/, 30_000);
      console.log(`hover: ${JSON.stringify(hover.slice(0, 400))}`);
      assert.match(hover, /[\d,]+ usable/);
    } finally {
      await workbench.screenshot('hover');
    }
  });

  test('an inlay hint shows the usable count after the CIDR', { timeout: STEP_MS }, async () => {
    const { workbench } = editor.session;
    await workbench.page.mouse.move(5, 5);
    await workbench.page.keyboard.press('Escape');
    try {
      const hint = await workbench.waitForEditorText(
        `an inlay hint "N usable" after ${quotedCidr}`,
        new RegExp(`${escapeRegExp(quotedCidr)}\\s*[\\d,]+ usable`),
        30_000,
      );
      console.log(`inlay hint line: ${hint}`);
    } finally {
      await workbench.screenshot('inlay-hint');
    }
  });
});
