import { cfnCidr } from '../../../cidr';
import { sameSpan } from '../../../text/span';
import { bool, list, str, toPlain, unknown, type Value } from '../../../values/value';
import type { TNode, TObject } from '../syntax/templateTree';
import type { EvalContext, TemplateEvaluator } from './evaluator';
import { parseSub } from './sub';
import { intrinsicCall, isPreprocessorDirective, scalarString } from './template';
import { integerOf, isNoValue, scalarText, whyNotKnown } from './values';
import { symbolicAzName } from '../../../model/symbolicAz';

type Intrinsic = (ev: TemplateEvaluator, arg: TNode, call: TObject, ctx: EvalContext) => Value;

/**
 * CloudFormation's intrinsic functions, with the semantics of the AWS template reference. A call whose
 * arguments cannot be resolved gives unknown; a malformed call (wrong arity or argument kind) gives unknown
 * plus an `evaluation` problem at the call. The result of a computation is attributed to the call's text.
 */
const INTRINSICS: Readonly<Record<string, Intrinsic>> = {
  Ref: (ev, arg, call) => {
    const name = scalarString(arg);
    if (name === undefined) return malformed(ev, call, 'Ref takes the name of a parameter or resource');
    return ev.refTo(name, call);
  },
  'Fn::GetAtt': (ev, arg, call, ctx) => {
    let logicalId: string | undefined;
    let attribute: string | undefined;
    const text = scalarString(arg);
    if (text !== undefined) {
      const dot = text.indexOf('.');
      if (dot > 0) [logicalId, attribute] = [text.slice(0, dot), text.slice(dot + 1)];
    } else if (arg.kind === 'array' && arg.items.length === 2) {
      logicalId = scalarString(arg.items[0]);
      const attr = ev.evaluate(arg.items[1]!, ctx);
      attribute = attr.k === 'string' ? attr.v : undefined;
      if (logicalId !== undefined && attribute === undefined) return unknown(`the attribute name is not known`, call.span);
    }
    if (logicalId === undefined || attribute === undefined) {
      return malformed(ev, call, 'Fn::GetAtt takes [LogicalId, Attribute] or "LogicalId.Attribute"');
    }
    return ev.getAtt(logicalId, attribute, call);
  },
  'Fn::Cidr': (ev, arg, call, ctx) => {
    const args = arrayArgs(arg, 3);
    if (!args) return malformed(ev, call, 'Fn::Cidr takes [ipBlock, count, cidrBits]');
    const [block, count, bits] = args.map((a) => ev.evaluate(a, ctx)) as [Value, Value, Value];
    for (const v of [block, count, bits]) if (v.k === 'unknown' || v.k === 'ref') return unknown(whyNotKnown(v), call.span);
    const n = integerOf(count);
    const b = integerOf(bits);
    if (block.k !== 'string' || n === undefined || b === undefined) {
      return malformed(ev, call, 'Fn::Cidr takes a CIDR block, a whole-number count and a whole number of host bits');
    }
    const r = cachedCidr(block.v, n, b);
    if (!r.ok) return malformed(ev, call, r.message);
    return list(r.value.map((c) => str(c, call.span)), call.span);
  },
  'Fn::Select': (ev, arg, call, ctx) => {
    const args = arrayArgs(arg, 2);
    if (!args) return malformed(ev, call, 'Fn::Select takes [index, list]');
    const index = ev.evaluate(args[0]!, ctx);
    if (index.k === 'unknown' || index.k === 'ref') return unknown(whyNotKnown(index), call.span);
    const i = integerOf(index);
    if (i === undefined || i < 0) return malformed(ev, call, 'Fn::Select index must be a whole number from 0');
    const listNode = args[1]!;
    const azs = intrinsicCall(listNode);
    if (azs?.name === 'Fn::GetAZs') {
      // The region's AZs are unknown here, but the i-th one is a distinct AZ: symbolic names keep that.
      ev.evaluate(azs.arg, ctx);
      return str(symbolicAzName(i), call.span);
    }
    const items = ev.evaluate(listNode, ctx);
    if (items.k === 'unknown' || items.k === 'ref') return unknown(whyNotKnown(items), call.span);
    if (items.k !== 'list') return malformed(ev, call, 'Fn::Select needs a list as its second argument');
    const item = items.items[i];
    if (!item) return malformed(ev, call, `Fn::Select index ${i} is out of range for a list of ${items.items.length}`);
    // An item computed with the list (Fn::Cidr, Fn::Split) is reported at this Select; a written one where written.
    return !item.origin || sameSpan(item.origin, listNode.span) ? { ...item, origin: call.span } : item;
  },
  'Fn::GetAZs': (ev, arg, call, ctx) => {
    ev.evaluate(arg, ctx);
    return unknown('the Availability Zones of the region are known at deployment', call.span);
  },
  'Fn::FindInMap': (ev, arg, call, ctx) => {
    if (arg.kind !== 'array' || (arg.items.length !== 3 && arg.items.length !== 4)) {
      return malformed(ev, call, 'Fn::FindInMap takes [MapName, TopLevelKey, SecondLevelKey]');
    }
    const keys = arg.items.slice(0, 3).map((k) => ev.evaluate(k, ctx));
    for (const k of keys) if (scalarText(k) === undefined) return unknown(whyNotKnown(k), call.span);
    const [mapName, top, second] = keys.map((k) => scalarText(k)!) as [string, string, string];
    const found = lookup(ev.view.mappings, [mapName, top, second]);
    if (found) return ev.evaluate(found, ctx);
    const fallback = arg.items[3]?.kind === 'object' ? arg.items[3].entries.find((e) => e.key === 'DefaultValue') : undefined;
    if (fallback) return ev.evaluate(fallback.value, ctx);
    return malformed(ev, call, `Mappings has no entry ${mapName}.${top}.${second}`);
  },
  'Fn::If': (ev, arg, call, ctx) => {
    const args = arrayArgs(arg, 3);
    const name = args ? scalarString(args[0]) : undefined;
    if (!args || name === undefined) return malformed(ev, call, 'Fn::If takes [ConditionName, valueIfTrue, valueIfFalse]');
    const c = ev.condition(name, args[0]!);
    if (c.k === 'bool') return ev.evaluate(c.v ? args[1]! : args[2]!, ctx);
    // Undecidable: a value both branches agree on still holds; otherwise rules must not use it.
    const a = ev.evaluate(args[1]!, ctx);
    const b = ev.evaluate(args[2]!, ctx);
    if (!isNoValue(a) && !isNoValue(b) && a.k !== 'unknown' && a.k !== 'ref' && samePlain(a, b)) return a;
    return unknown(`depends on condition ${name}, which cannot be decided here`, call.span);
  },
  'Fn::Equals': (ev, arg, call, ctx) => {
    const args = arrayArgs(arg, 2);
    if (!args) return malformed(ev, call, 'Fn::Equals takes [value1, value2]');
    const [a, b] = args.map((x) => ev.evaluate(x, ctx)) as [Value, Value];
    if (hasUnknown(a) || hasUnknown(b)) return unknown('compares a value known only at deployment', call.span);
    return bool(samePlain(a, b), call.span);
  },
  'Fn::Not': (ev, arg, call, ctx) => {
    const args = arrayArgs(arg, 1);
    if (!args) return malformed(ev, call, 'Fn::Not takes [condition]');
    const v = conditionValue(ev, args[0]!, ctx);
    return v === undefined ? unknown('undecidable condition', call.span) : bool(!v, call.span);
  },
  'Fn::And': (ev, arg, call, ctx) => logical(ev, arg, call, ctx, 'Fn::And'),
  'Fn::Or': (ev, arg, call, ctx) => logical(ev, arg, call, ctx, 'Fn::Or'),
  Condition: (ev, arg, call) => {
    const name = scalarString(arg);
    if (name === undefined) return malformed(ev, call, 'Condition takes a condition name');
    return ev.condition(name, arg);
  },
  'Fn::Sub': (ev, arg, call, ctx) => {
    let template: string | undefined;
    let vars: TNode | undefined;
    if (arg.kind === 'string') template = String(arg.value);
    else if (arg.kind === 'array' && arg.items.length === 2 && arg.items[0]!.kind === 'string' && arg.items[1]!.kind === 'object') {
      template = String((arg.items[0] as { value: unknown }).value);
      vars = arg.items[1];
    }
    if (template === undefined && isPreprocessorDirective(arg)) return unknown('the text is inserted by a template preprocessor', call.span);
    if (template === undefined) return malformed(ev, call, 'Fn::Sub takes a string or [string, {Name: value}]');
    let out = '';
    for (const part of parseSub(template)) {
      if (part.kind === 'text') {
        out += part.text;
        continue;
      }
      const v = subVariable(ev, part.name, vars, call, ctx);
      const text = scalarText(v);
      if (text === undefined) return unknown(`\${${part.name}}: ${whyNotKnown(v)}`, call.span);
      out += text;
    }
    return str(out, call.span);
  },
  'Fn::Join': (ev, arg, call, ctx) => {
    const args = arrayArgs(arg, 2);
    const delimiter = args ? scalarString(args[0]) : undefined;
    if (!args || delimiter === undefined) return malformed(ev, call, 'Fn::Join takes [delimiter, [values...]]');
    const items = ev.evaluate(args[1]!, ctx);
    if (items.k !== 'list') return items.k === 'unknown' || items.k === 'ref' ? unknown(whyNotKnown(items), call.span) : malformed(ev, call, 'Fn::Join needs a list of values');
    const texts: string[] = [];
    for (const item of items.items) {
      const t = scalarText(item);
      if (t === undefined) return unknown(whyNotKnown(item), call.span);
      texts.push(t);
    }
    return str(texts.join(delimiter), call.span);
  },
  'Fn::Split': (ev, arg, call, ctx) => {
    const args = arrayArgs(arg, 2);
    const delimiter = args ? scalarString(args[0]) : undefined;
    if (!args || delimiter === undefined || delimiter === '') return malformed(ev, call, 'Fn::Split takes [delimiter, string]');
    const source = ev.evaluate(args[1]!, ctx);
    const text = scalarText(source);
    if (text === undefined) return source.k === 'unknown' || source.k === 'ref' ? unknown(whyNotKnown(source), call.span) : malformed(ev, call, 'Fn::Split needs a string');
    return list(text.split(delimiter).map((s) => str(s, call.span)), call.span);
  },
  'Fn::Base64': (ev, arg, _call, ctx) => ev.evaluate(arg, ctx),
  'Fn::ImportValue': (ev, arg, _call, ctx) => ev.importValue(arg, ctx),
};

// Templates repeat one Fn::Cidr per subnet (`!Select [i, !Cidr [VpcCidr, 256, 8]]`): the blocks are computed once.
const CIDR_CACHE_LIMIT = 256;
const cidrCache = new Map<string, ReturnType<typeof cfnCidr>>();

function cachedCidr(block: string, count: number, bits: number): ReturnType<typeof cfnCidr> {
  const key = `${block}|${count}|${bits}`;
  let r = cidrCache.get(key);
  if (!r) {
    r = cfnCidr(block, count, bits);
    if (cidrCache.size >= CIDR_CACHE_LIMIT) cidrCache.delete(cidrCache.keys().next().value!);
    cidrCache.set(key, r);
  }
  return r;
}

export function callIntrinsic(ev: TemplateEvaluator, name: string, arg: TNode, call: TObject, ctx: EvalContext): Value {
  const fn = Object.prototype.hasOwnProperty.call(INTRINSICS, name) ? INTRINSICS[name] : undefined;
  // Functions outside the network's concern (Fn::Transform, Fn::Length, ...) are simply not known here.
  if (!fn) return unknown(`${name} is not evaluated by VPC Lens`, call.span);
  return fn(ev, arg, call, ctx);
}

function malformed(ev: TemplateEvaluator, call: TObject, message: string): Value {
  ev.problem(call.span, message);
  return unknown(message, call.span);
}

function arrayArgs(arg: TNode, arity: number): readonly TNode[] | undefined {
  return arg.kind === 'array' && arg.items.length === arity ? arg.items : undefined;
}

function lookup(root: TNode | undefined, path: readonly string[]): TNode | undefined {
  let cur = root;
  for (const key of path) {
    if (cur?.kind !== 'object') return undefined;
    cur = cur.entries.find((e) => e.key === key)?.value;
  }
  return cur;
}

/** `${Name}` in Fn::Sub: the variable map first, then `Res.Attr` as GetAtt, else `Ref`. */
function subVariable(ev: TemplateEvaluator, name: string, vars: TNode | undefined, call: TObject, ctx: EvalContext): Value {
  const own = vars?.kind === 'object' ? vars.entries.find((e) => e.key === name) : undefined;
  if (own) return ev.evaluate(own.value, ctx);
  const dot = name.indexOf('.');
  if (dot > 0 && !name.startsWith('AWS::')) return ev.getAtt(name.slice(0, dot), name.slice(dot + 1), call);
  return ev.refTo(name, call);
}

function conditionValue(ev: TemplateEvaluator, node: TNode, ctx: EvalContext): boolean | undefined {
  const v = ev.evaluate(node, { ...ctx, inCondition: true });
  if (v.k === 'bool') return v.v;
  if (v.k === 'string' && (v.v === 'true' || v.v === 'false')) return v.v === 'true';
  return undefined;
}

/** Three-valued And/Or: a decided operand can settle the result even when another is undecidable. */
function logical(ev: TemplateEvaluator, arg: TNode, call: TObject, ctx: EvalContext, name: 'Fn::And' | 'Fn::Or'): Value {
  if (arg.kind !== 'array' || arg.items.length < 2 || arg.items.length > 10) {
    return malformed(ev, call, `${name} takes a list of 2 to 10 conditions`);
  }
  const settle = name === 'Fn::Or';
  let undecided = false;
  for (const item of arg.items) {
    const v = conditionValue(ev, item, ctx);
    if (v === undefined) undecided = true;
    else if (v === settle) return bool(settle, call.span);
  }
  return undecided ? unknown('undecidable condition', call.span) : bool(!settle, call.span);
}

function hasUnknown(v: Value): boolean {
  if (v.k === 'unknown' || v.k === 'ref') return true;
  if (v.k === 'list') return v.items.some(hasUnknown);
  if (v.k === 'map') return [...v.entries.values()].some(hasUnknown);
  return false;
}

/** CloudFormation compares values as text: `1` equals `"1"`, `true` equals `"true"`. */
function samePlain(a: Value, b: Value): boolean {
  const ta = scalarText(a);
  const tb = scalarText(b);
  if (ta !== undefined || tb !== undefined) return ta === tb;
  return JSON.stringify(toPlain(a)) === JSON.stringify(toPlain(b));
}
