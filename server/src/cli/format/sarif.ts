import type { Severity } from '../../core/rules/types';
import type { CheckReport, ReportLocation } from '../report';

/** What SARIF needs of a catalog entry (the catalog and the built-in problem codes both provide it). */
export interface SarifRuleInfo {
  readonly id: string;
  readonly title: string;
  readonly defaultSeverity: Severity;
  readonly docsUrl: string | undefined;
  readonly category?: string;
  /** The rule's docs page (Markdown): code scanning shows it with every alert of the rule. */
  readonly helpMarkdown?: string;
}

export interface SarifOptions {
  readonly toolVersion: string;
  readonly informationUri: string;
  readonly rules: readonly SarifRuleInfo[];
  /** `file:` URI of the folder paths are relative to, ending in `/`. */
  readonly srcRootUri: string;
}

const SRCROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';

/** SARIF has no `hint`; `note` is its lowest level that still shows. */
export function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

/** `check --format sarif`: SARIF 2.1.0, one run, for GitHub code scanning and other SARIF viewers. */
export function formatSarif(report: CheckReport, options: SarifOptions): string {
  const rules = [...options.rules];
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  // A code the catalog does not list still gets a rule entry, so every result has a valid ruleIndex.
  for (const d of report.diagnostics) {
    if (ruleIndex.has(d.code)) continue;
    ruleIndex.set(d.code, rules.length);
    rules.push({ id: d.code, title: d.code, defaultSeverity: d.severity, docsUrl: d.docsUrl });
  }

  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'VPC Lens',
            version: options.toolVersion,
            semanticVersion: options.toolVersion,
            informationUri: options.informationUri,
            rules: rules.map((r) => ({
              id: r.id,
              name: ruleName(r.id),
              shortDescription: { text: r.title },
              ...(r.helpMarkdown ? helpOf(r.helpMarkdown) : {}),
              ...(r.docsUrl ? { helpUri: r.docsUrl } : {}),
              defaultConfiguration: { level: sarifLevel(r.defaultSeverity) },
              ...(r.category ? { properties: { category: r.category } } : {}),
            })),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: options.srcRootUri } },
        columnKind: 'utf16CodeUnits',
        results: report.diagnostics.map((d) => ({
          ruleId: d.code,
          ruleIndex: ruleIndex.get(d.code)!,
          level: sarifLevel(d.severity),
          message: { text: d.message },
          locations: [{ physicalLocation: physicalLocation(d) }],
          ...(d.related.length > 0
            ? {
                relatedLocations: d.related.map((r, i) => ({
                  id: i + 1,
                  physicalLocation: physicalLocation(r),
                  message: { text: r.message },
                })),
              }
            : {}),
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function physicalLocation(l: ReportLocation) {
  return {
    artifactLocation: { uri: relativeUri(l.file), uriBaseId: SRCROOT },
    // SARIF lines and columns are 1-based; its endColumn is the column after the region, like LSP's end.
    region: {
      startLine: l.range.start.line + 1,
      startColumn: l.range.start.character + 1,
      endLine: l.range.end.line + 1,
      endColumn: l.range.end.character + 1,
    },
  };
}

/** A relative path as a relative URI reference: each segment percent-encoded, slashes kept. */
function relativeUri(file: string): string {
  return file
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/**
 * `fullDescription` (the page's "What it checks", as one paragraph of text) and `help` (the page without its
 * title; SARIF wants a `text` beside the `markdown`, and Markdown reads as text) from a rule's docs page.
 */
function helpOf(page: string): { fullDescription?: { text: string }; help: { text: string; markdown: string } } {
  const markdown = page.replace(/^# .*\n+/, '').trim();
  // The first paragraph under the heading: up to a blank line, the next heading or the end.
  const checks = /(?:^|\n)## What it checks\n+([\s\S]*?)(?=\n\s*\n|\n## |$(?![\s\S]))/.exec(markdown)?.[1]?.replace(/\s*\n\s*/g, ' ').trim();
  return { ...(checks ? { fullDescription: { text: checks } } : {}), help: { text: markdown, markdown } };
}

/** SARIF `name` is an identifier-like form of the id: `subnet-outside-vpc` -> `SubnetOutsideVpc`. */
function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}
