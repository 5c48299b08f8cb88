import type { Span } from '../../../text/span';
import { bool, list, map, num, str, type Value, unknown } from '../../../values/value';
import type { BinaryExpr, CallExpr, Expr, ForObjectExpr, ForTupleExpr, TemplatePart } from '../syntax/ast';
import { BUDGET } from './context';
import { callFunction, LAZY_FUNCTIONS } from './functions';
import { evalScopeTraversal, applyValueSteps } from './references';
import { childScope, type Scope } from './scope';
import type { TraceTarget } from './traces';
import { asBool, asNumber, asString, failure, isFailure, sortedEntries, typeName, unknownFrom, valuesEqual } from './valueOps';

export function spanOf(scope: Scope, e: { start: number; end: number }): Span {
  return { file: scope.file, start: e.start, end: e.end };
}

/** Evaluates and records CIDR-valued results (and tuple/object elements) as traces for hovers. */
export function evaluateTraced(expr: Expr, scope: Scope, target: TraceTarget): Value {
  const v = evaluate(expr, scope);
  scope.mod.ctx.traces?.record(expr, v, scope.file, target);
  return v;
}

/** Evaluates an expression. Never throws; errors and unknowns are `unknown` values. */
export function evaluate(expr: Expr, scope: Scope): Value {
  const ctx = scope.mod.ctx;
  if (!ctx.spend(1)) {
    ctx.charge(0, spanOf(scope, expr));
    return unknown(BUDGET);
  }
  switch (expr.kind) {
    case 'literal': {
      const at = spanOf(scope, expr);
      const v = expr.value;
      if (v === null) return { k: 'null', origin: at };
      if (typeof v === 'string') return str(v, at);
      if (typeof v === 'number') return num(v, at);
      return bool(v, at);
    }
    case 'template':
      return evalTemplate(expr.parts, scope, spanOf(scope, expr), true);
    case 'scope':
      return evalScopeTraversal(expr, scope);
    case 'relative':
      return applyValueSteps(evaluate(expr.source, scope), expr.steps, scope);
    case 'call':
      return evalCall(expr, scope);
    case 'tuple':
      return list(
        expr.items.map((i) => evaluate(i, scope)),
        spanOf(scope, expr),
      );
    case 'object': {
      const entries = new Map<string, Value>();
      for (const item of expr.items) {
        const k = evaluate(item.key, scope);
        if (isFailure(k)) return k;
        const key = asString(k);
        if (key === undefined) return k.k === 'unknown' || k.k === 'ref' ? unknownFrom(k) : failure('object keys must be strings');
        entries.set(key, evaluate(item.value, scope));
      }
      return map(entries, spanOf(scope, expr));
    }
    case 'for-tuple':
    case 'for-object':
      return evalFor(expr, scope);
    case 'conditional': {
      const c = evaluate(expr.cond, scope);
      if (isFailure(c)) return c;
      const b = asBool(c);
      if (b === undefined) {
        if (c.k === 'unknown' || c.k === 'ref') return unknownFrom(c);
        return reportFailure(scope, expr.cond, `the condition must be a bool, got ${typeName(c)}`);
      }
      return evaluate(b ? expr.then : expr.else, scope);
    }
    case 'unary': {
      const v = evaluate(expr.operand, scope);
      if (v.k === 'unknown') return v;
      const at = spanOf(scope, expr);
      if (expr.op === '-') {
        const n = asNumber(v);
        return n === undefined ? operandFailure(scope, expr, v, 'number') : num(-n, at);
      }
      const b = asBool(v);
      return b === undefined ? operandFailure(scope, expr, v, 'bool') : bool(!b, at);
    }
    case 'binary':
      return evalBinary(expr, scope);
    case 'paren':
      return evaluate(expr.inner, scope);
    case 'invalid':
      return unknown('the expression has a syntax error');
  }
}

function operandFailure(scope: Scope, e: Expr, v: Value, wanted: string): Value {
  if (v.k === 'ref' || v.k === 'unknown') return unknownFrom(v);
  return reportFailure(scope, e, `expected a ${wanted}, got ${typeName(v)}`);
}

export function reportFailure(scope: Scope, e: { start: number; end: number }, message: string): Value {
  const at = spanOf(scope, e);
  scope.mod.ctx.reportError(at, message);
  return failure(message);
}

function evalTemplate(parts: readonly TemplatePart[], scope: Scope, at: Span, top: boolean): Value {
  // "${x}" alone is x itself (type and origin kept): that is how module inputs pass CIDRs through.
  if (top && parts.length === 1 && parts[0]!.kind === 'interp') return evaluate(parts[0]!.expr, scope);
  let out = '';
  let opaque = false;
  // The first part that is not known: its reason is the template's.
  let firstOpaque: Value | undefined;
  for (const part of parts) {
    switch (part.kind) {
      case 'text':
        out += part.text;
        break;
      case 'interp': {
        const v = evaluate(part.expr, scope);
        if (isFailure(v)) return v;
        const s = asString(v);
        if (s === undefined) {
          if (v.k === 'unknown' || v.k === 'ref') {
            opaque = true;
            firstOpaque ??= v;
          } else return reportFailure(scope, part.expr, `cannot use a ${typeName(v)} in a string template`);
        } else out += s;
        break;
      }
      case 'if': {
        const c = evaluate(part.cond, scope);
        const b = asBool(c);
        if (b === undefined) {
          opaque = true;
          firstOpaque ??= c;
          break;
        }
        const v = evalTemplate(b ? part.then : part.else, scope, at, false);
        if (v.k !== 'string') {
          opaque = true;
          firstOpaque ??= v;
        } else out += v.v;
        break;
      }
      case 'for': {
        const coll = evaluate(part.collection, scope);
        const pairs = iterationPairs(coll);
        if (!pairs) {
          opaque = true;
          firstOpaque ??= coll;
          break;
        }
        for (const [k, v] of pairs) {
          const names = new Map<string, Value>([[part.valueVar, v]]);
          if (part.keyVar) names.set(part.keyVar, k);
          const body = evalTemplate(part.body, childScope(scope, names), at, false);
          if (body.k !== 'string') {
            opaque = true;
            firstOpaque ??= body;
            break;
          }
          out += body.v;
        }
        break;
      }
    }
  }
  return opaque ? (firstOpaque ? unknownFrom(firstOpaque) : unknown()) : str(out, at);
}

/** (key, value) pairs a `for` iterates: index/element for lists, sorted key/value for maps. */
function iterationPairs(coll: Value): [Value, Value][] | undefined {
  if (coll.k === 'list') return coll.items.map((v, i) => [num(i), v]);
  if (coll.k === 'map') return sortedEntries(coll).map(([k, v]) => [str(k), v]);
  return undefined;
}

function evalFor(expr: ForTupleExpr | ForObjectExpr, scope: Scope): Value {
  const at = spanOf(scope, expr);
  const coll = evaluate(expr.collection, scope);
  if (isFailure(coll)) return coll;
  if (coll.k === 'unknown' || coll.k === 'ref') return unknownFrom(coll);
  if (coll.k === 'null') return reportFailure(scope, expr.collection, 'cannot iterate over null');
  const pairs = iterationPairs(coll);
  if (!pairs) return reportFailure(scope, expr.collection, `cannot iterate over a ${typeName(coll)}`);
  const ctx = scope.mod.ctx;
  if (!ctx.charge(pairs.length, at)) return unknown(BUDGET);
  const items: Value[] = [];
  const entries = new Map<string, Value>();
  const groups = new Map<string, Value[]>();
  for (const [k, v] of pairs) {
    const names = new Map<string, Value>([[expr.valueVar, v]]);
    if (expr.keyVar) names.set(expr.keyVar, k);
    const inner = childScope(scope, names);
    if (expr.cond) {
      const c = evaluate(expr.cond, inner);
      if (isFailure(c)) return c;
      const b = asBool(c);
      if (b === undefined) return unknownFrom(c);
      if (!b) continue;
    }
    if (expr.kind === 'for-tuple') {
      items.push(evaluate(expr.value, inner));
      continue;
    }
    const kv = evaluate(expr.key, inner);
    if (isFailure(kv)) return kv;
    const key = asString(kv);
    if (key === undefined) return unknownFrom(kv);
    const value = evaluate(expr.value, inner);
    if (expr.group) {
      const g = groups.get(key) ?? [];
      g.push(value);
      groups.set(key, g);
    } else {
      if (entries.has(key)) {
        return reportFailure(scope, expr.key, `duplicate key "${key}" in a for expression (add ... to group the values)`);
      }
      entries.set(key, value);
    }
  }
  if (expr.kind === 'for-tuple') return list(items, at);
  if (expr.group) return map(new Map([...groups].map(([k, g]) => [k, list(g, at)])), at);
  return map(entries, at);
}

function evalCall(expr: CallExpr, scope: Scope): Value {
  const ctx = scope.mod.ctx;
  const at = spanOf(scope, expr);
  if (LAZY_FUNCTIONS.has(expr.name)) {
    ctx.suppressErrors++;
    try {
      if (expr.name === 'can') {
        const v = expr.args[0] ? evaluate(expr.args[0], scope) : failure('can needs an argument');
        if (isFailure(v)) return bool(false, at);
        return v.k === 'unknown' ? unknownFrom(v) : bool(true, at);
      }
      for (const a of expr.args) {
        const v = evaluate(a, scope);
        if (!isFailure(v)) return v;
      }
    } finally {
      ctx.suppressErrors--;
    }
    return reportFailure(scope, expr, 'try: no argument could be evaluated without an error');
  }

  const args: Value[] = expr.args.map((a) => evaluate(a, scope));
  if (expr.expandFinal && args.length > 0) {
    const last = args.pop()!;
    if (isFailure(last)) return last;
    if (last.k !== 'list') {
      if (last.k === 'unknown') return unknownFrom(last);
      return reportFailure(scope, expr.args[expr.args.length - 1]!, 'only a list can be expanded with ...');
    }
    args.push(...last.items);
  }
  return callFunction(expr.name, args, {
    at,
    fail: (message) => {
      const full = message.startsWith(`${expr.name}:`) ? message : `${expr.name}: ${message}`;
      ctx.reportError(at, full);
      return failure(full);
    },
    charge: (units) => ctx.charge(units, at),
    readFile: ctx.readFileAtPath,
  });
}

function evalBinary(expr: BinaryExpr, scope: Scope): Value {
  const l = evaluate(expr.left, scope);
  const r = evaluate(expr.right, scope);
  if (isFailure(l)) return l;
  if (isFailure(r)) return r;
  const at = spanOf(scope, expr);
  switch (expr.op) {
    case '==':
    case '!=': {
      const eq = valuesEqual(l, r);
      if (eq === undefined) return unknownFrom(l, r);
      return bool(expr.op === '==' ? eq : !eq, at);
    }
    case '&&':
    case '||': {
      const a = asBool(l);
      const b = asBool(r);
      const isAnd = expr.op === '&&';
      // A known deciding side decides even when the other side is unknown.
      if (a === !isAnd || b === !isAnd) return bool(!isAnd, at);
      if (a === undefined || b === undefined) {
        if ((a === undefined && l.k !== 'unknown') || (b === undefined && r.k !== 'unknown')) {
          return reportFailure(scope, expr, `${expr.op} needs bool operands`);
        }
        return unknownFrom(l, r);
      }
      return bool(isAnd ? a && b : a || b, at);
    }
  }
  const a = asNumber(l);
  const b = asNumber(r);
  if (a === undefined || b === undefined) {
    if (l.k === 'unknown' || r.k === 'unknown' || l.k === 'ref' || r.k === 'ref') return unknownFrom(l, r);
    return reportFailure(scope, expr, `${expr.op} needs number operands, got ${typeName(l)} and ${typeName(r)}`);
  }
  switch (expr.op) {
    case '+':
      return num(a + b, at);
    case '-':
      return num(a - b, at);
    case '*':
      return num(a * b, at);
    case '/':
      return b === 0 ? reportFailure(scope, expr, 'division by zero') : num(a / b, at);
    case '%':
      return b === 0 ? reportFailure(scope, expr, 'division by zero') : num(a % b, at);
    case '>':
      return bool(a > b, at);
    case '>=':
      return bool(a >= b, at);
    case '<':
      return bool(a < b, at);
    case '<=':
      return bool(a <= b, at);
  }
}

