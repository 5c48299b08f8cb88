import type { Severity } from '../../core/rules/types';

/** ANSI styling that turns into plain text when colour is off. */
export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  severity(severity: Severity, s: string): string;
  ok(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

const SEVERITY_COLOURS: Record<Severity, (s: string) => string> = {
  error: wrap(31, 39),
  warning: wrap(33, 39),
  info: wrap(36, 39),
  hint: wrap(90, 39),
};

export function createStyle(color: boolean): Style {
  if (!color) {
    const plain = (s: string) => s;
    return { bold: plain, dim: plain, severity: (_severity, s) => s, ok: plain };
  }
  return {
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    severity: (severity, s) => SEVERITY_COLOURS[severity](s),
    ok: wrap(32, 39),
  };
}
