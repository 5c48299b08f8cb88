import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Where a diagnostic's rule link points in the editor. The .vsix ships `docs/rules/<id>.md`, so the link
 * opens the page that matches the installed version, offline; without a bundled page (a server started from
 * elsewhere) the canonical web address is used.
 */
const cache = new Map<string, string>();

function bundledDocsFolder(): string | undefined {
  // dist/server.js -> <extension>/docs/rules; from sources (tests) -> <repo>/docs/rules.
  for (const candidate of [path.join(__dirname, '..', 'docs', 'rules'), path.join(__dirname, '..', '..', '..', 'docs', 'rules')]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

let folder: string | undefined | null = null;

export function docsHref(ruleId: string, webUrl: string): string {
  let href = cache.get(ruleId);
  if (href === undefined) {
    if (folder === null) folder = bundledDocsFolder();
    const page = folder && path.join(folder, `${ruleId}.md`);
    href = page && fs.existsSync(page) ? pathToFileURL(page).href : webUrl;
    cache.set(ruleId, href);
  }
  return href;
}

/** The text of the bundled docs page of a rule (`docs/rules/<id>.md`), or undefined when none ships. */
export function bundledRulePage(ruleId: string): string | undefined {
  if (folder === null) folder = bundledDocsFolder();
  if (!folder) return undefined;
  try {
    return fs.readFileSync(path.join(folder, `${ruleId}.md`), 'utf8');
  } catch {
    return undefined;
  }
}
