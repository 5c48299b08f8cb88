// Runs a set of files through the real Workspace (every front-end, every rule) and renders the findings per
// file as stable one-line strings, the shape of test/snapshots/corpus/findings.json.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS } from '../../../server/src/core/config/settings';
import type { Diagnostic } from '../../../server/src/core/rules/types';
import { LineIndex } from '../../../server/src/core/text/lineIndex';
import { createWorkspace } from '../../../server/src/host/createWorkspace';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
/** The shared corpus sits beside the repository (../shared/corpus), not inside it; VPC_LENS_CORPUS overrides. */
export const CORPUS_DIR = path.resolve(
  process.env.VPC_LENS_CORPUS ?? path.join(REPO_ROOT, '..', 'shared', 'corpus', 'aws-cloudformation-templates'),
);
export const SNAPSHOT_FILE = path.join(REPO_ROOT, 'test', 'snapshots', 'corpus', 'findings.json');

/** relpath -> ["<line>:<col> <code> <message>", ...] (1-based line and column, sorted). */
export type FindingsSnapshot = Record<string, string[]>;

export interface CorpusAnalysis {
  findings: FindingsSnapshot;
  /** Files no front-end claimed (a valid template must be claimed). */
  unclaimed: string[];
  /** What the workspace logged: a front-end or rule that threw. */
  errors: string[];
  analyseMs: number;
}

/** Every template-looking file under `dir`, as `/`-separated paths relative to it, sorted. */
export function corpusFiles(dir: string): string[] {
  const walk = (sub: string): string[] =>
    fs.readdirSync(path.join(dir, sub), { withFileTypes: true }).flatMap((e) => {
      const rel = sub ? `${sub}/${e.name}` : e.name;
      if (e.isDirectory()) return walk(rel);
      return /\.(json|ya?ml|template)$/i.test(e.name) ? [rel] : [];
    });
  return walk('').sort();
}

/**
 * URIs are `file:///corpus/<relpath>` so the snapshot does not depend on where the checkout lives. All files
 * go into ONE workspace, as when a user opens the folder: exports and imports join stacks across files.
 */
export async function analyseFiles(files: ReadonlyMap<string, string>): Promise<CorpusAnalysis> {
  const errors: string[] = [];
  const workspace = await createWorkspace({ error: (message) => errors.push(message) });
  const started = performance.now();
  const relOf = new Map<string, string>();
  const unclaimed: string[] = [];
  for (const [rel, text] of files) {
    const uri = `file:///corpus/${rel}`;
    relOf.set(uri, rel);
    if (!workspace.setFile(uri, text)) unclaimed.push(rel);
  }
  const analysis = workspace.analyze(DEFAULT_SETTINGS);
  const analyseMs = performance.now() - started;

  const findings: FindingsSnapshot = {};
  for (const rel of [...files.keys()].sort()) findings[rel] = [];
  for (const [uri, diagnostics] of analysis.diagnostics) {
    const rel = relOf.get(uri) ?? uri;
    const text = files.get(rel);
    findings[rel] = render(diagnostics, text === undefined ? undefined : new LineIndex(text));
  }
  return { findings, unclaimed, errors, analyseMs };
}

function render(diagnostics: readonly Diagnostic[], lines: LineIndex | undefined): string[] {
  return diagnostics
    .map((d) => {
      const p = lines?.positionAt(d.span.start);
      const at = p ? `${p.line + 1}:${p.character + 1}` : `@${d.span.start}`;
      return `${at} ${d.ruleId} ${d.message}`;
    })
    .sort(byPositionThenText);
}

function byPositionThenText(a: string, b: string): number {
  const [al = 0, ac = 0] = a.split(' ', 1)[0]!.split(':').map(Number);
  const [bl = 0, bc = 0] = b.split(' ', 1)[0]!.split(':').map(Number);
  return al - bl || ac - bc || (a < b ? -1 : a > b ? 1 : 0);
}

/** Counts per rule id over a whole snapshot, most frequent first. */
export function countsByRule(snapshot: FindingsSnapshot): [string, number][] {
  const counts = new Map<string, number>();
  for (const lines of Object.values(snapshot)) {
    for (const line of lines) {
      const code = line.split(' ')[1] ?? '?';
      counts.set(code, (counts.get(code) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}
