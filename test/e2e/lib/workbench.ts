// What a person does in the VS Code workbench, as playwright steps: open a file with Quick Open, go to a
// line, hover text, open the Problems panel, pick an output channel. Every wait watches the page with a
// deadline. Selectors are VS Code's own DOM classes (checked against code-server 4.139 / Code 1.139).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Locator, Page } from './browser';
import { pollUntil } from './poll';

export const selectors = {
  workbench: '.monaco-workbench',
  explorerRow: '.explorer-folders-view .monaco-list-row',
  quickInput: '.quick-input-widget',
  quickInputRow: '.quick-input-widget .quick-input-list .monaco-list-row',
  activeTab: '.tabs-container .tab.active',
  viewLines: '.editor-group-container.active .editor-instance .monaco-editor .view-lines',
  squiggleError: '.editor-group-container.active .monaco-editor .squiggly-error',
  squiggleWarning: '.editor-group-container.active .monaco-editor .squiggly-warning',
  lightBulb: '.editor-group-container.active .monaco-editor .lightBulbWidget',
  focusedEditor: '.editor-group-container.active .monaco-editor.focused',
  codeActionRow: '.action-widget .monaco-list-row',
  activeGroupTab: '.editor-group-container.active .tabs-container .tab.active',
  cursorPosition: '.part.statusbar [id="status.editor.selection"]',
  webview: 'iframe.webview',
  webviewContent: '#active-frame',
  hover: '.monaco-hover',
  statusBarItem: '.part.statusbar .statusbar-item',
  problemsPanel: '.markers-panel',
  problemsRow: '.markers-panel .monaco-list-row',
  outputText: '.part.panel .output-view .monaco-editor .view-lines, .part.panel .monaco-editor .view-lines',
} as const;

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Whether a squiggle box (drawn just below the text's baseline) lies under the text's rectangle. */
function overlaps(box: { x: number; y: number; width: number; height: number }, text: Rect): boolean {
  const horizontally = box.x < text.left + text.width && box.x + box.width > text.left;
  const vertically = box.y < text.top + text.height + 4 && box.y + box.height > text.top - 4;
  return horizontally && vertically;
}

export class Workbench {
  private shot = 0;

  constructor(
    readonly page: Page,
    private readonly screenshotDir: string,
  ) {
    fs.mkdirSync(screenshotDir, { recursive: true });
  }

  /** Saves a numbered screenshot (`01-name.png`, ...) and returns its path. */
  async screenshot(name: string): Promise<string> {
    this.shot += 1;
    const file = path.join(this.screenshotDir, `${String(this.shot).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Opens `folder`; `query` adds URL parameters (e.g. the `payload` of an extension test run). */
  async open(url: string, folder: string, timeoutMs: number, query: Record<string, string> = {}): Promise<void> {
    const search = Object.entries({ folder, ...query }).map(([key, value]) => `${key}=${encodeURIComponent(value)}`);
    await this.page.goto(`${url}/?${search.join('&')}`, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
    await this.page.locator(selectors.workbench).waitFor({ state: 'visible', timeout: timeoutMs });
    // The explorer lists the folder's files once the remote connection and file service are up.
    await this.page.locator(selectors.explorerRow).first().waitFor({ state: 'visible', timeout: timeoutMs });
  }

  /** Opens the quick input with `key`, types `text`, waits for a row matching `rowText`, accepts it. */
  private async pickFromQuickInput(key: string, text: string, rowText: string | RegExp, timeoutMs: number): Promise<void> {
    await this.pressUntilVisible(key, this.page.locator(selectors.quickInput).first(), 'the quick input', timeoutMs);
    await this.page.keyboard.type(text, { delay: 10 });
    await this.page.locator(selectors.quickInputRow).filter({ hasText: rowText }).first().waitFor({ state: 'visible', timeout: timeoutMs });
    await this.page.keyboard.press('Enter');
  }

  /**
   * Presses `key` until `target` shows: a key pressed while the focus is still moving (a box closing, an
   * editor opening) can be lost, which a person would simply press again. `before` runs before every press
   * (to put the focus back), `afterMiss` after a press that showed nothing useful (to close what it opened).
   * Each miss is logged with what the page showed; the last one fails with all of them.
   */
  private async pressUntilVisible(
    key: string,
    target: Locator,
    what: string,
    timeoutMs: number,
    steps: { before?: () => Promise<void>; afterMiss?: () => Promise<void> } = {},
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const misses: string[] = [];
    for (let attempt = 1; ; attempt++) {
      await steps.before?.();
      await this.page.keyboard.press(key);
      try {
        // What a key opens shows in well under a second; a third of the deadline bounds one press.
        await target.waitFor({ state: 'visible', timeout: Math.max(1_000, Math.min(deadline - Date.now(), timeoutMs / 3)) });
        return;
      } catch (error) {
        const miss = `press ${attempt} of ${key}: ${await this.describeFocus()}`;
        console.log(`${what} did not show, ${miss}`);
        misses.push(miss);
        if (Date.now() >= deadline) throw new Error(`${what} did not show after ${attempt} presses of ${key}; ${misses.join('; ')}`, { cause: error });
        await steps.afterMiss?.();
      }
    }
  }

  /** Runs a command from the Command Palette by its title, as a person would. */
  async runCommand(title: string, timeoutMs = 15_000): Promise<void> {
    await this.pickFromQuickInput('F1', title, title, timeoutMs);
  }

  /** Quick Open (Ctrl+P) a file by name and wait until its editor is the active tab. */
  async quickOpen(file: string, timeoutMs = 20_000): Promise<void> {
    const name = path.basename(file);
    await this.pickFromQuickInput('Control+P', file, name, timeoutMs);
    await this.page.locator(selectors.activeTab).filter({ hasText: name }).waitFor({ state: 'visible', timeout: timeoutMs });
    await this.page.locator(selectors.viewLines).first().waitFor({ state: 'visible', timeout: timeoutMs });
  }

  /** Go to Line (Ctrl+G): puts the cursor on `line` (and `column`, both 1-based) and scrolls it into view. */
  async goToLine(line: number, timeoutMs = 10_000, column?: number): Promise<void> {
    await this.pressUntilVisible('Control+G', this.page.locator(selectors.quickInput).first(), 'the Go to Line box', timeoutMs);
    await this.page.keyboard.type(column === undefined ? String(line) : `${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator(selectors.quickInput).waitFor({ state: 'hidden', timeout: timeoutMs });
    // The focus moves back to the editor after the box closes: a key pressed before that is lost.
    await this.page.locator(selectors.focusedEditor).first().waitFor({ state: 'visible', timeout: timeoutMs });
  }

  /** The text the active editor shows right now (visible lines only, inlay hints included). */
  async visibleEditorText(): Promise<string> {
    const lines = this.page.locator(selectors.viewLines).first();
    return (await lines.innerText({ timeout: 5_000 })).replace(/\u00a0/g, ' ');
  }

  async waitForEditorText(what: string, pattern: RegExp, timeoutMs: number): Promise<string> {
    return pollUntil(
      what,
      async () => {
        const text = await this.visibleEditorText();
        return text.match(pattern)?.[0];
      },
      { timeoutMs },
    );
  }

  /**
   * Where `target` is drawn on screen, inside the first visible occurrence of `context` in the active editor
   * (e.g. target `10.1.5.0/24` inside context `"10.1.5.0/24"`, so a comment quoting the same CIDR is skipped).
   */
  async rectOfEditorText(context: string, target = context): Promise<Rect | undefined> {
    // A string, not a function: tsx's helpers (e.g. __name) would not exist inside the page.
    const script = `(() => {
      const context = ${JSON.stringify(context)};
      const target = ${JSON.stringify(target)};
      const root = document.querySelector(${JSON.stringify(selectors.viewLines)});
      if (!root) return undefined;
      for (const line of root.querySelectorAll('.view-line')) {
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        const nodes = [];
        let all = '';
        for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push([n, all.length]); all += n.data; }
        const found = all.replace(/\u00a0/g, ' ').indexOf(context);
        if (found < 0) continue;
        const at = found + Math.max(0, context.indexOf(target));
        const locate = (offset) => {
          for (let i = nodes.length - 1; i >= 0; i--) if (nodes[i][1] <= offset) return [nodes[i][0], offset - nodes[i][1]];
        };
        const [startNode, startOffset] = locate(at);
        const [endNode, endOffset] = locate(at + target.length - 1);
        const range = document.createRange();
        range.setStart(startNode, startOffset);
        range.setEnd(endNode, endOffset + 1);
        const r = range.getBoundingClientRect();
        return { left: r.left, top: r.top, width: r.width, height: r.height };
      }
      return undefined;
    })()`;
    return (await this.page.evaluate<Rect | undefined>(script)) ?? undefined;
  }

  /** Waits for an error squiggle drawn under `target` (inside `context`) and returns how many squiggles show. */
  async waitForErrorSquiggleUnder(context: string, target: string, timeoutMs: number): Promise<number> {
    return this.waitForSquiggleUnder('error', context, target, timeoutMs);
  }

  /**
   * Whether a squiggle of `severity` is drawn under `target` (inside `context`): the number of such squiggles
   * on screen when one is, 0 when none is, undefined while `context` is not on screen.
   */
  async squigglesUnder(severity: 'error' | 'warning', context: string, target: string): Promise<number | undefined> {
    const text = await this.rectOfEditorText(context, target);
    if (!text) return undefined;
    // One snapshot of every squiggle's box, taken in the page: the editor re-renders its squiggles when
    // diagnostics change, and asking for them one by one (a locator per squiggle) would wait on one that is gone.
    const selector = severity === 'error' ? selectors.squiggleError : selectors.squiggleWarning;
    const boxes = await this.page.evaluate<{ x: number; y: number; width: number; height: number }[]>(
      `[...document.querySelectorAll(${JSON.stringify(selector)})].map((el) => { const r = el.getBoundingClientRect(); return { x: r.left, y: r.top, width: r.width, height: r.height }; })`,
    );
    return boxes.some((box) => box.width > 0 && overlaps(box, text)) ? boxes.length : 0;
  }

  /** Waits for a squiggle of `severity` under `target` (inside `context`); returns how many of them show. */
  async waitForSquiggleUnder(severity: 'error' | 'warning', context: string, target: string, timeoutMs: number): Promise<number> {
    return pollUntil(
      `a ${severity} squiggle (.squiggly-${severity}) under ${target}`,
      async () => {
        const count = await this.squigglesUnder(severity, context, target);
        return count !== undefined && count > 0 ? count : undefined;
      },
      { timeoutMs },
    );
  }

  /** Waits until `context` is on screen with no squiggle of `severity` under `target`. */
  async waitForNoSquiggleUnder(severity: 'error' | 'warning', context: string, target: string, timeoutMs: number): Promise<void> {
    await pollUntil(`${context} on screen without a ${severity} squiggle under ${target}`, async () => (await this.squigglesUnder(severity, context, target)) === 0, {
      timeoutMs,
    });
  }

  /**
   * Opens the Quick Fix menu (Ctrl+.) at the cursor, waits for an entry matching `title` and applies it.
   * Returns the entries the menu listed. `focusCursor` puts the editor's focus and cursor back where the fix
   * is wanted before every press: a key pressed while something else holds the focus never reaches the
   * editor. A press whose menu does not list the entry is retried (pressUntilVisible).
   */
  async applyQuickFix(
    title: RegExp,
    timeoutMs: number,
    focusCursor: () => Promise<void>,
    whenListed?: () => Promise<unknown>,
  ): Promise<string[]> {
    const rows = this.page.locator(selectors.codeActionRow);
    const wanted = rows.filter({ hasText: title }).first();
    await this.pressUntilVisible('Control+.', wanted, `a Quick Fix entry matching ${title}`, timeoutMs, {
      before: focusCursor,
      afterMiss: () => this.page.keyboard.press('Escape'),
    });
    const listed: string[] = [];
    for (let i = 0; i < (await rows.count()); i++) listed.push((await rows.nth(i).innerText({ timeout: 2_000 })).trim());
    await whenListed?.();
    await wanted.click({ timeout: timeoutMs });
    await rows.first().waitFor({ state: 'hidden', timeout: timeoutMs });
    return listed;
  }

  /** What holds the focus and which widgets show: said when a key press did not do what a test expected. */
  async describeFocus(): Promise<string> {
    const script = `(() => {
      const describe = (el) => el ? [el.tagName.toLowerCase(), el.className && String(el.className).split(' ').slice(0, 3).join('.'), el.getAttribute('aria-label')].filter(Boolean).join(' ') : 'nothing';
      const visible = (selector) => [...document.querySelectorAll(selector)].filter((el) => el.offsetParent !== null);
      const texts = (selector) => visible(selector).map((el) => el.innerText.replace(/\\s+/g, ' ').trim().slice(0, 120));
      return [
        'focus on ' + describe(document.activeElement),
        'action widget ' + JSON.stringify(texts('.action-widget')),
        'light bulb ' + (visible(${JSON.stringify(selectors.lightBulb)}).length > 0 ? 'shown' : 'hidden'),
        'quick input ' + JSON.stringify(texts('.quick-input-widget')),
        'notifications ' + JSON.stringify(texts('.notification-toast')),
        'editor messages ' + JSON.stringify(texts('.monaco-editor-overlaymessage')),
      ].join(', ');
    })()`;
    try {
      return await this.page.evaluate<string>(script);
    } catch (error) {
      return `the page could not be read (${error instanceof Error ? error.message : String(error)})`;
    }
  }

  /** The cursor of the active editor as the status bar shows it ("Ln 60, Col 1"), 1-based. */
  async cursorPosition(timeoutMs = 5_000): Promise<{ line: number; column: number } | undefined> {
    const item = this.page.locator(selectors.cursorPosition).first();
    if (!(await item.isVisible())) return undefined;
    const match = (await item.innerText({ timeout: timeoutMs })).match(/Ln (\d+), Col (\d+)/);
    return match ? { line: Number(match[1]), column: Number(match[2]) } : undefined;
  }

  /** The file name on the active tab of the active editor group. */
  async activeTabName(timeoutMs = 5_000): Promise<string | undefined> {
    const tab = this.page.locator(selectors.activeGroupTab).first();
    if (!(await tab.isVisible())) return undefined;
    // The tab's label splits the name (and adds problem counts); VS Code keeps the whole name in this attribute.
    return (await tab.getAttribute('data-resource-name', { timeout: timeoutMs })) ?? undefined;
  }

  /** The content of the (only) webview panel: VS Code puts it two iframes deep. */
  webviewContent(): FrameLocator {
    return this.page.frameLocator(selectors.webview).frameLocator(selectors.webviewContent);
  }

  /** Waits for a status bar item whose text matches `pattern` and returns its text. */
  async statusBarItem(pattern: RegExp, timeoutMs: number): Promise<string> {
    const items = this.page.locator(selectors.statusBarItem);
    return pollUntil(
      `a status bar item matching ${pattern}`,
      async () => {
        for (let i = 0; i < (await items.count()); i++) {
          const text = (await items.nth(i).innerText({ timeout: 2_000 })).replace(/\s+/g, ' ').trim();
          if (pattern.test(text)) return text;
        }
        return undefined;
      },
      { timeoutMs },
    );
  }

  /** Text of the visible hover widgets, joined. */
  async hoverText(): Promise<string> {
    const hovers = this.page.locator(selectors.hover);
    const texts: string[] = [];
    for (let i = 0; i < (await hovers.count()); i++) {
      const hover = hovers.nth(i);
      if (await hover.isVisible()) texts.push(await hover.innerText({ timeout: 2_000 }));
    }
    return texts.join('\n');
  }

  /** Moves the mouse onto `text` in the editor until a hover containing `expected` shows; returns its text. */
  async hoverOver(context: string, target: string, expected: RegExp, timeoutMs: number): Promise<string> {
    let attempt = 0;
    return pollUntil(
      `a hover containing ${expected} over ${target}`,
      async () => {
        const shown = await this.hoverText();
        if (expected.test(shown)) return shown;
        const rect = await this.rectOfEditorText(context, target);
        if (!rect) return undefined;
        const at = { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        // Leave and re-enter now and then: the hover is requested on mouse move, and a reply that came
        // before the server was ready stays empty until the mouse moves again.
        attempt += 1;
        if (attempt % 8 === 1) await this.page.mouse.move(at.x, at.y - 200, { steps: 2 });
        await this.page.mouse.move(at.x + ((attempt % 3) - 1), at.y, { steps: 3 });
        return undefined;
      },
      { timeoutMs, intervalMs: 300 },
    );
  }

  /** Opens the Problems panel (Ctrl+Shift+M) and waits for a row whose text matches every pattern. */
  async problemRowMatching(patterns: RegExp[], timeoutMs: number): Promise<string> {
    await this.page.keyboard.press('Control+Shift+M');
    await this.page.locator(selectors.problemsPanel).first().waitFor({ state: 'visible', timeout: 15_000 });
    const rows = this.page.locator(selectors.problemsRow);
    return pollUntil(
      `a row in the Problems panel matching ${patterns.join(' and ')}`,
      async () => {
        for (let i = 0; i < (await rows.count()); i++) {
          const text = (await rows.nth(i).innerText({ timeout: 2_000 })).replace(/\s+/g, ' ');
          if (patterns.every((p) => p.test(text))) return text;
        }
        return undefined;
      },
      { timeoutMs },
    );
  }

  /**
   * Opens "Output: Show Output Channels...", reads the channel names it lists, and when one matches
   * `channel` shows that channel in the Output panel. Returns the names and the channel's visible text.
   */
  async showOutputChannel(channel: RegExp, timeoutMs = 15_000): Promise<{ channels: string[]; text: string }> {
    await this.runCommand('Output: Show Output Channels', timeoutMs);
    const rows = this.page.locator(selectors.quickInputRow);
    await rows.first().waitFor({ state: 'visible', timeout: timeoutMs });
    const channels: string[] = [];
    for (let i = 0; i < (await rows.count()); i++) channels.push((await rows.nth(i).innerText()).trim());
    const wanted = channels.find((c) => channel.test(c));
    if (!wanted) {
      await this.page.keyboard.press('Escape');
      return { channels, text: '' };
    }
    await this.page.keyboard.type(wanted, { delay: 10 });
    await rows.filter({ hasText: wanted }).first().waitFor({ state: 'visible', timeout: timeoutMs });
    await this.page.keyboard.press('Enter');
    const output = this.page.locator(selectors.outputText).first();
    await output.waitFor({ state: 'visible', timeout: timeoutMs });
    const text = await output.innerText({ timeout: timeoutMs });
    return { channels, text: text.replace(/\u00a0/g, ' ') };
  }
}
