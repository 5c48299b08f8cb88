import type { Body, CallExpr, Expr, TemplatePart, TraversalStep } from './ast';

/** Depth past which nested expressions are not searched (generated or hostile files; the evaluator caps too). */
const MAX_DEPTH = 200;

/** Calls `visit` on every function call expression of a body (its blocks' too), outermost first. */
export function forEachCall(body: Body, visit: (call: CallExpr) => void): void {
  const inBody = (b: Body, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    for (const a of b.attributes) inExpr(a.value, depth + 1);
    for (const block of b.blocks) inBody(block.body, depth + 1);
  };
  const inParts = (parts: readonly TemplatePart[], depth: number): void => {
    for (const p of parts) {
      if (p.kind === 'interp') inExpr(p.expr, depth + 1);
      else if (p.kind === 'if') {
        inExpr(p.cond, depth + 1);
        inParts(p.then, depth + 1);
        inParts(p.else, depth + 1);
      } else if (p.kind === 'for') {
        inExpr(p.collection, depth + 1);
        inParts(p.body, depth + 1);
      }
    }
  };
  const inSteps = (steps: readonly TraversalStep[], depth: number): void => {
    for (const s of steps) {
      if (s.kind === 'index') inExpr(s.key, depth + 1);
      else if (s.kind === 'splat') inSteps(s.each, depth + 1);
    }
  };
  const inExpr = (e: Expr, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    const d = depth + 1;
    switch (e.kind) {
      case 'call':
        visit(e);
        for (const a of e.args) inExpr(a, d);
        return;
      case 'template':
        return inParts(e.parts, d);
      case 'scope':
        return inSteps(e.steps, d);
      case 'relative':
        inExpr(e.source, d);
        return inSteps(e.steps, d);
      case 'tuple':
        for (const i of e.items) inExpr(i, d);
        return;
      case 'object':
        for (const i of e.items) {
          inExpr(i.key, d);
          inExpr(i.value, d);
        }
        return;
      case 'for-tuple':
      case 'for-object':
        inExpr(e.collection, d);
        if (e.kind === 'for-object') inExpr(e.key, d);
        inExpr(e.value, d);
        if (e.cond) inExpr(e.cond, d);
        return;
      case 'conditional':
        inExpr(e.cond, d);
        inExpr(e.then, d);
        return inExpr(e.else, d);
      case 'unary':
        return inExpr(e.operand, d);
      case 'binary':
        inExpr(e.left, d);
        return inExpr(e.right, d);
      case 'paren':
        return inExpr(e.inner, d);
      default:
        return;
    }
  };
  inBody(body, 0);
}
