import type { SourceProblem } from '../../types';
import type { RawNode } from './rawTree';

/** More syntax errors than this in one file are summarised: one broken file must not flood the editor. */
export const MAX_SYNTAX_PROBLEMS = 50;

/** What a MISSING node stands for, in the words of the text the user has to type. */
const MISSING_TEXT: Record<string, string> = {
  quoted_template_end: '"',
  quoted_template_start: '"',
  block_end: '}',
  object_end: '}',
  tuple_end: ']',
  template_interpolation_end: '}',
  template_directive_end: '}',
  heredoc_identifier: 'heredoc end marker',
  identifier: 'name',
  expression: 'value',
};

/**
 * One problem per ERROR node (outermost only: nested ones describe the same mistake) and per MISSING node.
 * An ERROR is reported at its first token, which is where the parser stopped understanding the text.
 */
export function collectSyntaxErrors(root: RawNode, text: string, uri: string, out: SourceProblem[]): void {
  const stack: RawNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.error) {
      out.push(errorProblem(node, text, uri));
      continue;
    }
    if (node.missing) {
      const what = MISSING_TEXT[node.type] ?? node.type;
      out.push({
        code: 'parse-error',
        severity: 'error',
        message: `Syntax error: missing '${what}'`,
        span: { file: uri, start: node.start, end: node.end },
      });
      continue;
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
}

function errorProblem(node: RawNode, text: string, uri: string): SourceProblem {
  const culprit = unexpectedToken(node);
  let token = text.slice(culprit.start, culprit.end).trim();
  if (token === '') token = text.slice(node.start, node.end).trim();
  const firstLine = token.split(/\r?\n/)[0] ?? '';
  const shown = firstLine.length > 20 ? `${firstLine.slice(0, 20)}…` : firstLine;
  const message = shown ? `Syntax error: unexpected '${shown}'` : 'Syntax error';
  const span = culprit.end > culprit.start ? culprit : node;
  return { code: 'parse-error', severity: 'error', message, span: { file: uri, start: span.start, end: span.end } };
}

/** Tokens after which more input is expected: an ERROR ending in them holds a valid prefix, not the mistake. */
const PREFIX_TOKENS = new Set([
  '=', '{', '(', '[', ',', '.', ':', '?', '=>', 'for', 'in', 'if', '!', '-', '+', '*', '/', '%',
  '>', '>=', '<', '<=', '==', '!=', '&&', '||', '<<', '<<-', '...',
]);
const CLOSERS = new Set([')', ']', '}', 'block_end', 'object_end', 'tuple_end']);

/**
 * tree-sitter puts the valid prefix it gave up on first in an ERROR node and the tokens it skipped after:
 * the first skipped token (a closer, a stray operator, a nested ERROR) is the one the user has to fix.
 */
function unexpectedToken(node: RawNode): RawNode {
  const children = node.children.filter((c) => c.end > c.start);
  for (const c of children) {
    if (c.error) return unexpectedToken(c);
    if (CLOSERS.has(c.type) || (!c.named && !PREFIX_TOKENS.has(c.type))) return c;
  }
  return children[children.length - 1] ?? node;
}

/** Keeps the first problems and says how many more there were. */
export function capProblems(problems: SourceProblem[], uri: string): SourceProblem[] {
  if (problems.length <= MAX_SYNTAX_PROBLEMS) return problems;
  const kept = problems.slice(0, MAX_SYNTAX_PROBLEMS);
  const last = kept[kept.length - 1]!;
  kept.push({
    code: 'parse-error',
    severity: 'error',
    message: `${problems.length - MAX_SYNTAX_PROBLEMS} more syntax errors in this file are not shown`,
    span: { file: uri, start: last.span.end, end: last.span.end },
  });
  return kept;
}
