import { RULE_CATALOG } from '../core/rules/catalog';
import { docsUrl } from '../core/rules/types';
import type { RulesCommand } from './args';
import type { CliIo } from './io';

/** `vpc-lens rules`: the whole catalog, planned rules marked, so users can configure ids before they land. */
export function runRules(command: RulesCommand, io: CliIo): number {
  if (command.format === 'json') {
    const rules = RULE_CATALOG.map((e) => ({
      id: e.id,
      category: e.category,
      severity: e.severity,
      title: e.title,
      docsUrl: docsUrl(e.id),
      implemented: e.implemented,
    }));
    io.out(`${JSON.stringify(rules, null, 2)}\n`);
    return 0;
  }
  const rows = RULE_CATALOG.map((e) => [e.id, e.severity, e.implemented ? e.title : `${e.title} (planned)`, docsUrl(e.id)]);
  const header = ['ID', 'SEVERITY', 'TITLE', 'DOCS'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const implemented = RULE_CATALOG.filter((e) => e.implemented).length;
  io.out(
    [line(header), ...rows.map(line), '', `${RULE_CATALOG.length} rules, ${implemented} implemented`].join('\n') + '\n',
  );
  return 0;
}
