/**
 * Data-driven diagnostics tests. A fixture is source text in which a comment line marks what is expected on
 * the nearest line above it that is not itself an annotation, with carets under the exact span:
 *
 *   resource "aws_subnet" "b" {
 *     cidr_block = "10.1.0.0/24"
 *     #            ^^^^^^^^^^^^^ error subnet-outside-vpc
 *     #            ^^^^^^^^^^^^^ warning cidr-host-bits host bits set
 *   }
 *
 * - `#` and `//` comments both work (HCL allows both; TypeScript uses `//`), so annotations never change
 *   what the fixture means.
 * - Text after the code is optional and must occur in the diagnostic's message.
 * - Carets right after the comment marker (`#^^^^`) also cover the marker, so a span starting at column 0
 *   (a resource header) can be marked.
 * - A span running over several lines is marked from its start to the end of its first line; an empty span
 *   is marked with one caret.
 */
import assert from 'node:assert/strict';
import { createWorkspace } from '../../../server/src/host/createWorkspace';
import type { AnalysisSettings } from '../../../server/src/core/config/settings';
import { DEFAULT_SETTINGS } from '../../../server/src/core/config/settings';
import type { Diagnostic } from '../../../server/src/core/rules/types';
import { LineIndex } from '../../../server/src/core/text/lineIndex';

export const FIXTURE_ROOT = 'file:///fixture/';

export interface Expectation {
  readonly file: string;
  /** 0-based line and columns of the marked span. */
  readonly line: number;
  readonly startCol: number;
  readonly endCol: number;
  readonly severity: string;
  readonly code: string;
  readonly messageIncludes?: string;
}

const ANNOTATION = /^(\s*)(#|\/\/)(\s*)(\^+)\s+(error|warning|info|hint)\s+([A-Za-z0-9_-]+)(?:\s+(.*?))?\s*$/;

export function isAnnotationLine(line: string): boolean {
  return ANNOTATION.test(line);
}

/** The expectations written in one file. Throws on an annotation with no line above it. */
export function parseAnnotations(file: string, text: string): Expectation[] {
  const lines = new LineIndex(text);
  const out: Expectation[] = [];
  let target = -1;
  for (let i = 0; i < lines.lineCount; i++) {
    const line = lines.lineText(i);
    const m = ANNOTATION.exec(line);
    if (!m) {
      target = i;
      continue;
    }
    if (target < 0) throw new Error(`${file}:${i + 1}: annotation has no line above it to refer to`);
    const [, indent, marker, gap, carets, severity, code, message] = m as unknown as string[];
    const caretStart = indent!.length + marker!.length + gap!.length;
    const startCol = gap === '' ? indent!.length : caretStart;
    const endCol = caretStart + carets!.length;
    const targetLength = lines.lineText(target).length;
    if (endCol > targetLength) {
      throw new Error(`${file}:${i + 1}: carets run past the end of line ${target + 1} (${endCol} > ${targetLength} columns)`);
    }
    out.push({
      file,
      line: target,
      startCol,
      endCol,
      severity: severity!,
      code: code!,
      ...(message ? { messageIncludes: message } : {}),
    });
  }
  return out;
}

interface Actual extends Expectation {
  readonly message: string;
}

function toActual(file: string, d: Diagnostic, lines: LineIndex): Actual {
  const start = lines.positionAt(d.span.start);
  const end = lines.positionAt(d.span.end);
  let endCol = end.line === start.line ? end.character : lines.lineText(start.line).length;
  if (endCol <= start.character) endCol = start.character + 1;
  return { file, line: start.line, startCol: start.character, endCol, severity: d.severity, code: d.ruleId, message: d.message };
}

const keyOf = (e: Expectation): string => `${e.file}:${e.line + 1}:${e.startCol + 1}-${e.endCol + 1} ${e.severity} ${e.code}`;

export interface CheckOptions {
  readonly settings?: AnalysisSettings;
  /**
   * Compare only diagnostics with these codes (plus `parse-error`, which always counts: a fixture that does
   * not parse tests nothing). Rule fixtures use it so that rules added later do not break them.
   */
  readonly codes?: readonly string[];
}

/**
 * Runs the real pipeline (host workspace with every front-end -> analyze) over the files and asserts that
 * the diagnostics are exactly the annotated ones. Files are keyed by path relative to the fixture root.
 */
export async function checkDiagnostics(files: Readonly<Record<string, string>>, options: CheckOptions = {}): Promise<void> {
  const errors: string[] = [];
  const ws = await createWorkspace({ error: (m) => errors.push(m) });
  const expected: Expectation[] = [];
  for (const [rel, text] of Object.entries(files)) {
    ws.setFile(FIXTURE_ROOT + rel, text);
    expected.push(...parseAnnotations(rel, text));
  }
  const analysis = ws.analyze(options.settings ?? DEFAULT_SETTINGS);
  assert.deepEqual(errors, [], 'the analysis logged errors');

  const counted = options.codes ? new Set([...options.codes, 'parse-error']) : undefined;
  const actual: Actual[] = [];
  for (const [uri, list] of analysis.diagnostics) {
    const rel = uri.startsWith(FIXTURE_ROOT) ? uri.slice(FIXTURE_ROOT.length) : uri;
    const text = files[rel] ?? ws.getText(uri) ?? '';
    const lines = new LineIndex(text);
    for (const d of list) if (!counted || counted.has(d.ruleId)) actual.push(toActual(rel, d, lines));
  }

  const report = compare(expected, actual, files);
  if (report) assert.fail(report);
}

/** Matches expectations to diagnostics one to one; a readable report of the differences, or undefined. */
function compare(expected: readonly Expectation[], actual: readonly Actual[], files: Readonly<Record<string, string>>): string | undefined {
  const unmatched = [...actual];
  const missing: Expectation[] = [];
  const wrongMessage: [Expectation, Actual][] = [];
  for (const e of expected) {
    const key = keyOf(e);
    const candidates = unmatched.filter((a) => keyOf(a) === key);
    const hit = candidates.find((a) => !e.messageIncludes || a.message.includes(e.messageIncludes));
    if (hit) unmatched.splice(unmatched.indexOf(hit), 1);
    else if (candidates[0]) {
      wrongMessage.push([e, candidates[0]]);
      unmatched.splice(unmatched.indexOf(candidates[0]), 1);
    } else missing.push(e);
  }
  if (missing.length === 0 && unmatched.length === 0 && wrongMessage.length === 0) return undefined;

  const source = (e: Expectation): string => {
    const line = new LineIndex(files[e.file] ?? '').lineText(e.line);
    return `      ${line}\n      ${' '.repeat(e.startCol)}${'^'.repeat(Math.max(1, e.endCol - e.startCol))}`;
  };
  const parts: string[] = ['Diagnostics differ from the annotations.'];
  if (missing.length > 0) {
    parts.push('Expected but not reported:');
    for (const e of missing) parts.push(`  ${keyOf(e)}${e.messageIncludes ? ` (message with "${e.messageIncludes}")` : ''}\n${source(e)}`);
  }
  if (unmatched.length > 0) {
    parts.push('Reported but not expected:');
    for (const a of unmatched) parts.push(`  ${keyOf(a)}: ${a.message}\n${source(a)}`);
  }
  if (wrongMessage.length > 0) {
    parts.push('Reported with another message:');
    for (const [e, a] of wrongMessage) parts.push(`  ${keyOf(e)}: expected "${e.messageIncludes}" in: ${a.message}`);
  }
  parts.push('All reported:', ...(actual.length ? actual.map((a) => `  ${keyOf(a)}: ${a.message}`) : ['  (none)']));
  return parts.join('\n');
}
