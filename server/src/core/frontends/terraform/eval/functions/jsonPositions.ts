import { type Node, type ParseError, parseTree } from 'jsonc-parser';
import type { Span } from '../../../../text/span';
import { list, map, type Value } from '../../../../values/value';
import { fromPlain } from '../valueOps';
import { type FnContext, MAX_DECODE_DEPTH, stopFail, stopUnknown } from './support';

/**
 * JSON text that `file()` read, decoded with each value's place in `file` (jsondecode of other strings uses
 * JSON.parse): strict JSON, as Terraform's decoder (no comments, no trailing commas); each node decoded costs
 * evaluation work.
 */
export function decodeJsonFile(text: string, file: string, ctx: FnContext): Value {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0 || !root) return stopFail(ctx, 'the argument is not valid JSON');
  const spanOf = (node: Node): Span => ({ file, start: node.offset, end: node.offset + node.length });
  const decode = (node: Node, depth: number): Value => {
    if (!ctx.charge(1)) stopUnknown();
    if (depth > MAX_DECODE_DEPTH) stopFail(ctx, `the JSON is nested more than ${MAX_DECODE_DEPTH} levels deep`);
    switch (node.type) {
      case 'object': {
        const entries = new Map<string, Value>();
        for (const property of node.children ?? []) {
          const [key, value] = property.children ?? [];
          if (key && value) entries.set(String(key.value), decode(value, depth + 1));
        }
        return map(entries, spanOf(node));
      }
      case 'array':
        return list((node.children ?? []).map((item) => decode(item, depth + 1)), spanOf(node));
      default:
        return fromPlain(node.value, spanOf(node));
    }
  };
  return decode(root, 0);
}
