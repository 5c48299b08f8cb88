// Headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core from .cache/e2e. playwright-core
// is not a project dependency, so it is loaded at run time and typed here by the few calls the tests make.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { cacheDir, chromiumPath } from './paths';
import { withTimeout } from './poll';

export interface Locator {
  first(): Locator;
  nth(index: number): Locator;
  count(): Promise<number>;
  innerText(options?: { timeout?: number }): Promise<string>;
  /** Also for SVG elements, which have no innerText. */
  textContent(options?: { timeout?: number }): Promise<string | null>;
  isVisible(): Promise<boolean>;
  waitFor(options?: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number }): Promise<void>;
  boundingBox(): Promise<{ x: number; y: number; width: number; height: number } | null>;
  click(options?: { timeout?: number }): Promise<void>;
  getAttribute(name: string, options?: { timeout?: number }): Promise<string | null>;
  filter(options: { hasText?: string | RegExp }): Locator;
  locator(selector: string): Locator;
}

/** A frame inside the page (e.g. a webview's iframes), to find elements in. */
export interface FrameLocator {
  locator(selector: string): Locator;
  frameLocator(selector: string): FrameLocator;
  first(): FrameLocator;
}

export interface Page {
  frameLocator(selector: string): FrameLocator;
  goto(url: string, options?: { waitUntil?: 'load' | 'domcontentloaded'; timeout?: number }): Promise<unknown>;
  locator(selector: string): Locator;
  keyboard: {
    press(key: string): Promise<void>;
    type(text: string, options?: { delay?: number }): Promise<void>;
  };
  mouse: { move(x: number, y: number, options?: { steps?: number }): Promise<void> };
  setViewportSize(size: { width: number; height: number }): Promise<void>;
  screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
  /** Evaluates a JavaScript expression in the page (a string, so no bundler helpers leak into it). */
  evaluate<R>(expression: string): Promise<R>;
  setDefaultTimeout(ms: number): void;
  on(event: 'console', listener: (message: { type(): string; text(): string }) => void): void;
  on(event: 'pageerror', listener: (error: Error) => void): void;
}

interface BrowserContext {
  newPage(): Promise<Page>;
}

export interface Browser {
  newContext(options: { viewport: { width: number; height: number } }): Promise<BrowserContext>;
  close(): Promise<void>;
}

interface PlaywrightCore {
  chromium: {
    launch(options: {
      executablePath: string;
      headless: boolean;
      args: string[];
      timeout: number;
      env: NodeJS.ProcessEnv;
    }): Promise<Browser>;
  };
}

export function loadPlaywright(): PlaywrightCore {
  const requireFromCache = createRequire(path.join(cacheDir, 'package.json'));
  return requireFromCache('playwright-core') as PlaywrightCore;
}

/** Flags that keep a headless Chromium on this machine quiet and offline (no sandbox: we run as root). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export interface OpenBrowser {
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/** `homeDir` takes what Chromium writes outside its temp profile (crash report folders under ~/.config). */
export async function openBrowser(homeDir: string, viewport = { width: 1440, height: 900 }): Promise<OpenBrowser> {
  const browser = await loadPlaywright().chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    timeout: 60_000,
    env: { ...process.env, HOME: homeDir, XDG_CONFIG_HOME: path.join(homeDir, '.config'), XDG_CACHE_HOME: path.join(homeDir, '.cache') },
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    // playwright kills the browser process on close; bound it so a wedged browser cannot hang the run.
    await withTimeout('chromium to close', browser.close(), 15_000).catch(() => undefined);
  };
  try {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    return { browser, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}
