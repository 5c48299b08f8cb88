import { str, type Value } from '../../../../values/value';
import { fromPlain, sortedEntries } from '../valueOps';
import { decodeJsonFile } from './jsonPositions';
import { arg, needString, stopFail, stopUnknown, type TfFunction, wholeFileOf } from './support';

/** JSON text of a fully known value (object keys sorted, as Terraform does); undefined when unknown. */
export function jsonText(v: Value): string | undefined {
  const plain = toJson(v);
  return plain === UNKNOWN_MARK ? undefined : JSON.stringify(plain);
}

const UNKNOWN_MARK = Symbol('unknown');

function toJson(v: Value): unknown {
  switch (v.k) {
    case 'unknown':
    case 'ref':
      return UNKNOWN_MARK;
    case 'null':
      return null;
    case 'string':
    case 'number':
    case 'bool':
      return v.v;
    case 'list': {
      const out: unknown[] = [];
      for (const e of v.items) {
        const j = toJson(e);
        if (j === UNKNOWN_MARK) return UNKNOWN_MARK;
        out.push(j);
      }
      return out;
    }
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const [k, e] of sortedEntries(v)) {
        const j = toJson(e);
        if (j === UNKNOWN_MARK) return UNKNOWN_MARK;
        out[k] = j;
      }
      return out;
    }
  }
}

export const JSON_FUNCTIONS: Record<string, TfFunction> = {
  jsonencode: (args, ctx) => {
    const text = jsonText(arg(args, 0, ctx));
    return text === undefined ? stopUnknown() : str(text, ctx.at);
  },
  jsondecode: (args, ctx) => {
    const argument = arg(args, 0, ctx);
    const text = needString(argument, ctx);
    const file = wholeFileOf(argument, text);
    if (file) return decodeJsonFile(text, file, ctx);
    try {
      return fromPlain(JSON.parse(text), ctx.at);
    } catch {
      return stopFail(ctx, 'the argument is not valid JSON');
    }
  },
};
