import type { SourceProblem } from '../../types';
import type { Expr, TemplateExpr, TemplatePart } from '../syntax/ast';
import type { HclParseResult } from '../syntax/parse';
import type { DecodedString } from './jsonString';

/** Parses a small HCL file (the Terraform front-end's `parseHcl` with its tree-sitter parser). */
export type HclSnippetParser = (source: string) => HclParseResult;

export interface EmbeddedResult {
  readonly expr: Expr;
  readonly problems: readonly SourceProblem[];
}

/** Where the JSON string node sits in the file, quotes included. */
interface StringSpan {
  readonly start: number;
  readonly end: number;
}

const EXPR_PREFIX = 'x = ';
const HEREDOC_MARKER = 'VPCLENS_JSON_TEMPLATE_END';

/**
 * A JSON string in an expression position: a template (`"${var.cidr}"`, `"%{ if ... }"`). Parsed as the body
 * of a synthetic heredoc, because a heredoc takes its text literally (JSON already decoded the backslash
 * escapes; only `$${` / `%%{` remain to HCL), and every offset is mapped back onto the JSON file.
 */
export function parseTemplateString(parse: HclSnippetParser, decoded: DecodedString, at: StringSpan, file: string): EmbeddedResult {
  const text = decoded.text;
  if (!text.includes('${') && !text.includes('%{')) {
    return { expr: { kind: 'literal', value: text, start: at.start, end: at.end }, problems: [] };
  }
  let marker = HEREDOC_MARKER;
  while (text.includes(marker)) marker += '_';
  const prefix = `${EXPR_PREFIX}<<${marker}\n`;
  const result = parse(`${prefix}${text}\n${marker}\n`);
  const value = result.body.attributes[0]?.value;
  if (result.problems.length > 0 || value?.kind !== 'template') {
    return invalid(result, prefix.length, decoded, at, file, 'template');
  }
  const parts = remap(value.parts, prefix.length, decoded) as TemplatePart[];
  const template: TemplateExpr = { kind: 'template', parts: dropSyntheticNewline(parts), start: at.start, end: at.end };
  return { expr: template, problems: [] };
}

/**
 * A JSON string that Terraform reads as a bare expression, not a template: `depends_on` entries, `provider`,
 * `lifecycle.ignore_changes`, a variable's `type`.
 */
export function parseExpressionString(parse: HclSnippetParser, decoded: DecodedString, at: StringSpan, file: string): EmbeddedResult {
  const result = parse(`${EXPR_PREFIX}${decoded.text}\n`);
  const value = result.body.attributes[0]?.value;
  if (result.problems.length > 0 || !value) return invalid(result, EXPR_PREFIX.length, decoded, at, file, 'expression');
  return { expr: remap(value, EXPR_PREFIX.length, decoded) as Expr, problems: [] };
}

function invalid(
  result: HclParseResult,
  prefixLength: number,
  decoded: DecodedString,
  at: StringSpan,
  file: string,
  what: string,
): EmbeddedResult {
  const first = result.problems[0];
  const span = first
    ? {
        file,
        start: mapOffset(first.span.start, prefixLength, decoded),
        end: Math.max(mapOffset(first.span.start, prefixLength, decoded), mapOffset(first.span.end, prefixLength, decoded)),
      }
    : { file, start: at.start, end: at.end };
  const detail = first ? `: ${first.message}` : '';
  return {
    expr: { kind: 'invalid', start: at.start, end: at.end },
    problems: [{ code: 'parse-error', severity: 'error', message: `Invalid ${what} in this JSON string${detail}`, span }],
  };
}

/** The heredoc body ends with the newline before its closing marker; the JSON string does not. */
function dropSyntheticNewline(parts: TemplatePart[]): TemplatePart[] {
  const last = parts[parts.length - 1];
  if (last?.kind !== 'text' || !last.text.endsWith('\n')) return parts;
  const text = last.text.slice(0, -1);
  return text ? [...parts.slice(0, -1), { kind: 'text', text }] : parts.slice(0, -1);
}

function mapOffset(offset: number, prefixLength: number, decoded: DecodedString): number {
  return decoded.offsetAt(Math.max(0, Math.min(offset - prefixLength, decoded.text.length)));
}

const OFFSET_KEYS = new Set(['start', 'end', 'rootEnd']);

/**
 * A copy of an AST fragment with every offset moved from the synthetic snippet onto the JSON file. Generic
 * over the AST's shape on purpose: every offset field of `syntax/ast.ts` is named start, end or rootEnd.
 */
function remap(node: unknown, prefixLength: number, decoded: DecodedString): unknown {
  if (Array.isArray(node)) return node.map((n) => remap(n, prefixLength, decoded));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    out[k] = OFFSET_KEYS.has(k) && typeof v === 'number' ? mapOffset(v, prefixLength, decoded) : remap(v, prefixLength, decoded);
  }
  return out;
}
