import { type Document, isAlias, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Span } from '../../../../text/span';
import { list, map, type Value } from '../../../../values/value';
import { fromPlain } from '../valueOps';
import { arg, MAX_DECODE_DEPTH, needString, stopFail, stopUnknown, type FnContext, type TfFunction, wholeFileOf } from './support';

/**
 * `yamldecode`: YAML 1.2 (core schema, as Terraform's decoder: `yes` stays a string), one document, aliases
 * to earlier anchors (each node decoded costs evaluation work, so an alias bomb ends in unknown); maps become
 * objects, sequences tuples. Warnings are not logged (the language server's stdout is its protocol); errors
 * fail the call. Text that `file()` read keeps its place: each value's origin is where it is written in the
 * YAML file, so a finding about it is reported there.
 */
export const YAML_FUNCTIONS: Record<string, TfFunction> = {
  yamldecode: (args, ctx) => {
    const argument = arg(args, 0, ctx);
    const text = needString(argument, ctx);
    const doc = parseDocument(text, { version: '1.2', schema: 'core', logLevel: 'error' });
    const error = doc.errors[0];
    if (error) return stopFail(ctx, `the argument is not valid YAML: ${error.message.split('\n')[0]}`);
    return new Decoder(doc, ctx, wholeFileOf(argument, text)).value(doc.contents, 0);
  },
};

class Decoder {
  private readonly resolving = new Set<unknown>();

  constructor(
    private readonly doc: Document,
    private readonly ctx: FnContext,
    private readonly file: string | undefined,
  ) {}

  value(node: unknown, depth: number): Value {
    if (!this.ctx.charge(1)) stopUnknown();
    if (depth > MAX_DECODE_DEPTH) stopFail(this.ctx, `the YAML is nested more than ${MAX_DECODE_DEPTH} levels deep`);
    if (node === null || node === undefined) return fromPlain(null, this.ctx.at);
    if (isAlias(node)) return this.alias(node.resolve(this.doc), depth);
    if (isScalar(node)) return fromPlain(node.value, this.spanOf(node.range));
    if (isSeq(node)) return list(node.items.map((item) => this.value(item, depth + 1)), this.spanOf(node.range));
    if (isMap(node)) {
      const entries = new Map<string, Value>();
      for (const pair of node.items) entries.set(this.key(pair.key), this.value(pair.value, depth + 1));
      return map(entries, this.spanOf(node.range));
    }
    return stopFail(this.ctx, 'the YAML holds a value Terraform cannot represent');
  }

  private alias(target: unknown, depth: number): Value {
    if (target === undefined) stopFail(this.ctx, 'an alias names no earlier anchor');
    if (this.resolving.has(target)) stopFail(this.ctx, 'an alias refers to a collection that holds it (a cycle)');
    this.resolving.add(target);
    try {
      return this.value(target, depth + 1);
    } finally {
      this.resolving.delete(target);
    }
  }

  /** Map keys are scalars, read as strings (Terraform's object attribute names). */
  private key(key: unknown): string {
    if (key === null || key === undefined) return '';
    if (isScalar(key)) return String(key.value ?? '');
    return stopFail(this.ctx, 'a map key must be a scalar');
  }

  private spanOf(range: readonly number[] | null | undefined): Span {
    return this.file && range ? { file: this.file, start: range[0]!, end: range[1]! } : this.ctx.at;
  }
}
