import type { SourceProblem } from '../../types';
import type { RawNode } from '../../terraform/syntax/rawTree';

/**
 * Syntax problems of a TypeScript tree. tree-sitter's TypeScript recovery often wraps a whole region (even
 * the file) in an ERROR whose children are still well-formed statements; the token it could not place is in
 * the innermost ERROR. So an ERROR that holds other ERRORs is not reported itself, only the innermost ones
 * and MISSING nodes are.
 */
export function collectTsSyntaxErrors(root: RawNode, text: string, uri: string, out: SourceProblem[]): void {
  const hasErrorInside = new Map<RawNode, boolean>();
  // Post-order without recursion: which nodes hold an ERROR or MISSING node below them.
  const order: RawNode[] = [];
  const stack: RawNode[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    order.push(n);
    for (const c of n.children) stack.push(c);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const n = order[i]!;
    hasErrorInside.set(n, n.children.some((c) => c.error || c.missing || hasErrorInside.get(c) === true));
  }
  const visit: RawNode[] = [root];
  while (visit.length > 0) {
    const n = visit.pop()!;
    if (n.missing) {
      out.push({ code: 'parse-error', severity: 'error', message: `Syntax error: missing '${n.type}'`, span: { file: uri, start: n.start, end: n.end } });
      continue;
    }
    if (n.error && !hasErrorInside.get(n)) {
      const token = text.slice(n.start, n.end).trim().split(/\r?\n/)[0] ?? '';
      const shown = token.length > 20 ? `${token.slice(0, 20)}…` : token;
      out.push({
        code: 'parse-error',
        severity: 'error',
        message: shown ? `Syntax error: unexpected '${shown}'` : 'Syntax error',
        span: { file: uri, start: n.start, end: n.end },
      });
      continue;
    }
    for (let i = n.children.length - 1; i >= 0; i--) visit.push(n.children[i]!);
  }
}
