import * as fs from 'node:fs';
import * as path from 'node:path';
import { field, type TNode } from '../../../server/src/core/frontends/cloudformation/syntax/templateTree';
import { parseTemplateText, type TemplateFormat } from '../../../server/src/core/frontends/cloudformation/syntax/parseTemplate';
import type { SourceProblem } from '../../../server/src/core/frontends/types';

export const FIXTURES = path.resolve(__dirname, '../../fixtures/cloudformation/syntax');

export function fixture(name: string): { uri: string; text: string } {
  const file = path.join(FIXTURES, name);
  return { uri: `file://${file}`, text: fs.readFileSync(file, 'utf8') };
}

export function parse(text: string, format: TemplateFormat): { tree: TNode | undefined; problems: readonly SourceProblem[]; uri: string } {
  const uri = `file:///ws/template.${format}`;
  return { ...parseTemplateText(uri, text, format), uri };
}

/** A node whose scalar value tests may read without narrowing first (undefined on collections). */
export type AnyNode = TNode & { readonly value?: unknown };

/** The node at a path of keys (strings) and indexes (numbers). */
export function at(node: TNode | undefined, ...steps: (string | number)[]): AnyNode {
  let current = node;
  for (const step of steps) {
    current = typeof step === 'number' ? (current?.kind === 'array' ? current.items[step] : undefined) : field(current, step);
  }
  if (!current) throw new Error(`no node at ${steps.join('.')}`);
  return current;
}

/** The tree as plain JSON data (what JSON.parse would give), to compare shapes. */
export function plain(node: TNode | undefined): unknown {
  if (!node) return undefined;
  if (node.kind === 'object') return Object.fromEntries(node.entries.map((e) => [e.key, plain(e.value)]));
  if (node.kind === 'array') return node.items.map(plain);
  return node.value;
}

/** The source text a span covers. */
export function textOf(text: string, span: { start: number; end: number }): string {
  return text.slice(span.start, span.end);
}

/** A problem's line (0-based) and the text it points at, the way an editor user sees it. */
export function where(text: string, problem: SourceProblem): { line: number; text: string } {
  return { line: text.slice(0, problem.span.start).split('\n').length - 1, text: textOf(text, problem.span) };
}
