import type { CheckReport } from '../report';

/** `check --format json`: the object interfaces.md specifies, key order included. */
export function formatJson(report: CheckReport): string {
  const out = {
    version: 1,
    files: report.files,
    resources: report.resources,
    diagnostics: report.diagnostics.map((d) => ({
      file: d.file,
      range: d.range,
      severity: d.severity,
      code: d.code,
      message: d.message,
      related: d.related.map((r) => ({ file: r.file, range: r.range, message: r.message })),
    })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
