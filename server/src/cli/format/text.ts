import type { Severity } from '../../core/rules/types';
import type { CheckReport, ReportDiagnostic, ReportLocation } from '../report';
import { createStyle, type Style } from './colors';

const SEVERITY_WIDTH = 'warning'.length;

/**
 * `check --format text`, for people: a header per file, then one line per finding
 * (`path:line:col  severity  message  [code]`, 1-based, so terminals and editors make it a link), related
 * places indented below it, and a summary line.
 */
export function formatText(report: CheckReport, options: { color: boolean }): string {
  const style = createStyle(options.color);
  const lines: string[] = [];
  let currentFile: string | undefined;
  for (const d of report.diagnostics) {
    if (d.file !== currentFile) {
      if (currentFile !== undefined) lines.push('');
      lines.push(style.bold(d.file));
      currentFile = d.file;
    }
    lines.push(findingLine(d, style));
    for (const r of d.related) lines.push(`    related: ${location(r)} ${r.message}`);
  }
  if (lines.length > 0) lines.push('');
  lines.push(summaryLine(report, style));
  return `${lines.join('\n')}\n`;
}

function findingLine(d: ReportDiagnostic, style: Style): string {
  const severity = style.severity(d.severity, d.severity.padEnd(SEVERITY_WIDTH));
  return `${location(d)}  ${severity}  ${d.message}  ${style.dim(`[${d.code}]`)}`;
}

/** 1-based `path:line:col`. */
export function location(l: ReportLocation): string {
  return `${l.file}:${l.range.start.line + 1}:${l.range.start.character + 1}`;
}

const SEVERITY_NOUNS: Record<Severity, [singular: string, plural: string]> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  info: ['info', 'info'],
  hint: ['hint', 'hints'],
};

function count(n: number, singular: string, plural: string): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** "3 errors, 2 warnings, 1 info in 4 files (12 resources)" or "No problems found in 4 files (12 resources)". */
export function summaryLine(report: CheckReport, style: Style = createStyle(false)): string {
  const scope = `in ${count(report.files, 'file', 'files')} (${count(report.resources, 'resource', 'resources')})`;
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const d of report.diagnostics) counts[d.severity]++;
  const parts = (Object.keys(SEVERITY_NOUNS) as Severity[])
    .filter((s) => counts[s] > 0)
    .map((s) => style.severity(s, count(counts[s], ...SEVERITY_NOUNS[s])));
  if (parts.length === 0) return style.ok(`No problems found ${scope}`);
  return `${parts.join(', ')} ${scope}`;
}
