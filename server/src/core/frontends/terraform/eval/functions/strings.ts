import { bool, list, map, NULL, num, str, type Value, unknown } from '../../../../values/value';
import { asString } from '../valueOps';
import { jsonText } from './json';
import { re2ToRegExp } from './re2';
import {
  arg,
  type FnContext,
  needInteger,
  needNumber,
  needString,
  needStrings,
  stopFail,
  stopUnknown,
  type TfFunction,
} from './support';

export const STRING_FUNCTIONS: Record<string, TfFunction> = {
  format: (args, ctx) => str(formatText(needString(arg(args, 0, ctx), ctx, 'format'), args.slice(1), ctx), ctx.at),
  formatlist: (args, ctx) => {
    const fmt = needString(arg(args, 0, ctx), ctx, 'format');
    const rest = args.slice(1);
    let n: number | undefined;
    for (const a of rest) {
      if (a.k === 'list') {
        if (n !== undefined && n !== a.items.length) stopFail(ctx, 'all list arguments must have the same length');
        n = a.items.length;
      } else if (a.k === 'unknown') stopUnknown(a);
    }
    const count = n ?? 1;
    const out: Value[] = [];
    for (let i = 0; i < count; i++) {
      out.push(str(formatText(fmt, rest.map((a) => (a.k === 'list' ? a.items[i]! : a)), ctx), ctx.at));
    }
    return list(out, ctx.at);
  },
  join: (args, ctx) => {
    const sep = needString(arg(args, 0, ctx), ctx, 'separator');
    const parts = args.slice(1).flatMap((l) => needStrings(l, ctx, 'list'));
    return str(parts.join(sep), ctx.at);
  },
  split: (args, ctx) => {
    const sep = needString(arg(args, 0, ctx), ctx, 'separator');
    const s = needString(arg(args, 1, ctx), ctx, 'string');
    return list(s.split(sep).map((p) => str(p, ctx.at)), ctx.at);
  },
  lower: (args, ctx) => str(needString(arg(args, 0, ctx), ctx).toLowerCase(), ctx.at),
  upper: (args, ctx) => str(needString(arg(args, 0, ctx), ctx).toUpperCase(), ctx.at),
  title: (args, ctx) =>
    str(
      needString(arg(args, 0, ctx), ctx).replace(/(^|[^\p{L}\p{N}])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase()),
      ctx.at,
    ),
  trimspace: (args, ctx) => str(needString(arg(args, 0, ctx), ctx).trim(), ctx.at),
  chomp: (args, ctx) => str(needString(arg(args, 0, ctx), ctx).replace(/(\r?\n)+$/, ''), ctx.at),
  trim: (args, ctx) => {
    const s = needString(arg(args, 0, ctx), ctx);
    const cut = new Set(needString(arg(args, 1, ctx), ctx));
    let a = 0;
    let b = s.length;
    while (a < b && cut.has(s[a]!)) a++;
    while (b > a && cut.has(s[b - 1]!)) b--;
    return str(s.slice(a, b), ctx.at);
  },
  trimprefix: (args, ctx) => {
    const s = needString(arg(args, 0, ctx), ctx);
    const p = needString(arg(args, 1, ctx), ctx);
    return str(s.startsWith(p) ? s.slice(p.length) : s, ctx.at);
  },
  trimsuffix: (args, ctx) => {
    const s = needString(arg(args, 0, ctx), ctx);
    const p = needString(arg(args, 1, ctx), ctx);
    return str(p && s.endsWith(p) ? s.slice(0, s.length - p.length) : s, ctx.at);
  },
  replace: (args, ctx) => {
    const s = needString(arg(args, 0, ctx), ctx);
    const search = needString(arg(args, 1, ctx), ctx);
    const replacement = needString(arg(args, 2, ctx), ctx);
    if (search.length > 1 && search.startsWith('/') && search.endsWith('/')) {
      const re = re2ToRegExp(search.slice(1, -1), true);
      if (!re) return stopUnknown(UNREAD_PATTERN);
      return str(s.replace(re, replacement.replace(/\$\{?(\d+)\}?/g, '$$$1')), ctx.at);
    }
    return str(search === '' ? s : s.split(search).join(replacement), ctx.at);
  },
  regex: (args, ctx) => {
    const re = needPattern(arg(args, 0, ctx), ctx, false);
    const m = re.exec(needString(arg(args, 1, ctx), ctx));
    if (!m) return stopFail(ctx, 'regex: the pattern did not match any part of the string');
    return matchValue(m, ctx);
  },
  regexall: (args, ctx) => {
    const re = needPattern(arg(args, 0, ctx), ctx, true);
    return list([...needString(arg(args, 1, ctx), ctx).matchAll(re)].map((m) => matchValue(m, ctx)), ctx.at);
  },
  substr: (args, ctx) => {
    const chars = [...needString(arg(args, 0, ctx), ctx)];
    let offset = needInteger(arg(args, 1, ctx), ctx, 'offset');
    const length = needInteger(arg(args, 2, ctx), ctx, 'length');
    if (offset < 0) offset = Math.max(0, chars.length + offset);
    if (offset > chars.length) stopFail(ctx, 'offset is beyond the end of the string');
    const end = length < 0 ? chars.length : Math.min(chars.length, offset + length);
    return str(chars.slice(offset, end).join(''), ctx.at);
  },
  strrev: (args, ctx) => str([...needString(arg(args, 0, ctx), ctx)].reverse().join(''), ctx.at),
  startswith: (args, ctx) =>
    bool(needString(arg(args, 0, ctx), ctx).startsWith(needString(arg(args, 1, ctx), ctx)), ctx.at),
  endswith: (args, ctx) => bool(needString(arg(args, 0, ctx), ctx).endsWith(needString(arg(args, 1, ctx), ctx)), ctx.at),
  strcontains: (args, ctx) =>
    bool(needString(arg(args, 0, ctx), ctx).includes(needString(arg(args, 1, ctx), ctx)), ctx.at),
  parseint: (args, ctx) => {
    const s = needString(arg(args, 0, ctx), ctx);
    const base = needInteger(arg(args, 1, ctx), ctx, 'base');
    const n = base >= 2 && base <= 62 ? parseInt(s, base) : NaN;
    return Number.isFinite(n) ? num(n, ctx.at) : stopFail(ctx, `cannot parse "${s}" as a base ${base} integer`);
  },
};

/** Go-style `format` verbs as Terraform supports them: %s %d %v %q %t %f %x %X %o %b %e %%, widths and flags. */
export function formatText(fmt: string, values: readonly Value[], ctx: FnContext): string {
  let next = 0;
  return fmt.replace(/%([-+ #0]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/g, (_m, flags: string, width: string, prec: string, verb: string) => {
    if (verb === '%') return '%';
    const v = values[next++];
    if (!v) stopFail(ctx, `format: not enough arguments for %${verb}`);
    let out: string;
    switch (verb) {
      case 'd': {
        const n = needNumber(v, ctx, 'a %d value');
        if (!Number.isInteger(n)) stopFail(ctx, `format: %d needs a whole number, got ${n}`);
        out = (flags.includes('+') && n >= 0 ? '+' : '') + n.toFixed(0);
        break;
      }
      case 'f':
      case 'e':
      case 'g': {
        const n = needNumber(v, ctx, `a %${verb} value`);
        const p = prec === undefined ? 6 : Number(prec);
        out = verb === 'f' ? n.toFixed(p) : verb === 'e' ? n.toExponential(p) : String(n);
        break;
      }
      case 'x':
      case 'X':
      case 'o':
      case 'b': {
        const n = needInteger(v, ctx, `a %${verb} value`);
        out = n.toString(verb === 'o' ? 8 : verb === 'b' ? 2 : 16);
        if (verb === 'X') out = out.toUpperCase();
        break;
      }
      case 't':
        if (v.k !== 'bool') return v.k === 'unknown' ? stopUnknown(v) : stopFail(ctx, 'format: %t needs a bool');
        out = String(v.v);
        break;
      case 'q':
        out = JSON.stringify(needString(v, ctx));
        break;
      case 's':
        out = needString(v, ctx, 'a %s value');
        break;
      case 'v': {
        if (v.k === 'unknown' || v.k === 'ref') stopUnknown(v);
        const s = asString(v);
        out = s ?? (v.k === 'null' ? 'null' : jsonText(v) ?? stopUnknown());
        break;
      }
      default:
        return stopFail(ctx, `format: unsupported verb %${verb}`);
    }
    if (prec !== undefined && (verb === 's' || verb === 'v' || verb === 'q')) out = out.slice(0, Number(prec));
    const w = width ? Number(width) : 0;
    if (out.length < w) {
      if (flags.includes('-')) out = out.padEnd(w, ' ');
      else if (flags.includes('0') && 'dfeg'.includes(verb)) {
        const sign = out.startsWith('-') || out.startsWith('+') ? out[0]! : '';
        out = sign + out.slice(sign.length).padStart(w - sign.length, '0');
      } else out = out.padStart(w, ' ');
    }
    return out;
  });
}

/** The pattern argument of `regex`/`regexall`; unknown when JavaScript would not read it as RE2 does (see re2.ts). */
function needPattern(v: Value, ctx: FnContext, global: boolean): RegExp {
  const re = re2ToRegExp(needString(v, ctx, 'pattern'), global);
  return re ?? stopUnknown(UNREAD_PATTERN);
}

/** Why a pattern re2ToRegExp refuses leaves the result unknown. */
const UNREAD_PATTERN = unknown('VPC Lens does not run this regular expression (JavaScript would not read it as Terraform does)');

/**
 * What Terraform's `regex` gives for one match: the matched text when the pattern has no groups, a map by
 * name when its groups are named, else the list of groups (a group that took no part is null).
 */
function matchValue(m: RegExpMatchArray, ctx: FnContext): Value {
  const text = (s: string | undefined): Value => (s === undefined ? NULL : str(s, ctx.at));
  if (m.groups) return map(new Map(Object.entries(m.groups).map(([name, s]) => [name, text(s)])), ctx.at);
  if (m.length === 1) return str(m[0], ctx.at);
  return list(m.slice(1).map(text), ctx.at);
}
