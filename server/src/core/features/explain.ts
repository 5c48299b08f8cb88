import { catalogEntry } from '../rules/catalog';
import { type Diagnostic, docsUrl } from '../rules/types';
import type { Span } from '../text/span';
import { type ExplainTextAccessor, LocationLabeler } from './explainLocation';
import { escapeMarkdown } from './markdown';

export const EXPLAIN_HEADING = 'Why VPC Lens reports this';

export interface FindingExplanation {
  readonly markdown: string;
  /** The span of the narrowest finding explained: what the editor highlights when nothing else is hovered. */
  readonly span: Span;
}

/**
 * The findings whose span covers the offset, narrowest first (the most precise one is what the cursor is
 * "on"; a resource-header finding around it comes after).
 */
export function diagnosticsAt(diagnostics: readonly Diagnostic[], uri: string, offset: number): Diagnostic[] {
  return diagnostics
    .filter((d) => d.span.file === uri && d.span.start <= offset && offset <= d.span.end)
    .sort((a, b) => a.span.end - a.span.start - (b.span.end - b.span.start) || a.ruleId.localeCompare(b.ruleId));
}

/**
 * "Explain this finding": for every diagnostic under the cursor, the rule's title, why it fires (the
 * finding's own message, then the rule's rationale), the chain of places involved (its related information
 * as `file:line  message`, each a link) and the rule's docs page. Pure: the host passes the file's
 * diagnostics and a way to read texts (for line numbers).
 */
export function explainFindingsAt(
  diagnostics: readonly Diagnostic[],
  uri: string,
  offset: number,
  textOf: ExplainTextAccessor,
): FindingExplanation | undefined {
  const here = diagnosticsAt(diagnostics, uri, offset);
  if (here.length === 0) return undefined;
  const labeler = new LocationLabeler(uri, textOf);
  const sections = here.map((d) => findingMarkdown(d, labeler));
  return { markdown: [`#### ${EXPLAIN_HEADING}`, sections.join('\n\n---\n\n')].join('\n\n'), span: here[0]!.span };
}

function findingMarkdown(d: Diagnostic, labeler: LocationLabeler): string {
  const entry = catalogEntry(d.ruleId);
  const title = entry ? escapeMarkdown(entry.title) : escapeMarkdown(d.ruleId);
  const parts = [`**${title}** (\`${d.ruleId}\`, ${d.severity})`, escapeMarkdown(d.message)];
  if (entry?.rationale) parts.push(`*Why it matters:* ${escapeMarkdown(entry.rationale)}`);
  const chain = (d.related ?? []).map((r) => {
    const at = labeler.locate(r.span);
    return `- [${escapeMarkdown(at.label)}](${linkTarget(at.target)})  ${escapeMarkdown(r.message)}`;
  });
  if (chain.length > 0) parts.push(['Resources involved:', ...chain].join('\n'));
  // Problems of a front-end (parse errors) have no catalog entry and no docs page.
  if (entry) parts.push(`[Rule documentation: ${d.ruleId}](${d.docsUrl ?? docsUrl(d.ruleId)})`);
  return parts.join('\n\n');
}

/** Markdown link destinations end at a space or a closing parenthesis; file URIs may contain both. */
function linkTarget(uri: string): string {
  return uri.replace(/[ ()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
