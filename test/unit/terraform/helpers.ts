import { loadGrammars } from '../../../server/src/host/grammars';
import { createTerraformFrontEnd, type TerraformFrontEnd, type TerraformParsedFile } from '../../../server/src/core/frontends/terraform';
import type { EvaluatedResource } from '../../../server/src/core/frontends/terraform/evaluated';
import type { SourceProblem, ValueTrace } from '../../../server/src/core/frontends/types';
import { toPlain, type Value } from '../../../server/src/core/values/value';

let frontEnd: Promise<TerraformFrontEnd> | undefined;

/** A fresh front-end (own caches) on the shared grammar. */
export async function newFrontEnd(): Promise<TerraformFrontEnd> {
  const g = await loadGrammars();
  return createTerraformFrontEnd(g.terraform);
}

async function sharedFrontEnd(): Promise<TerraformFrontEnd> {
  frontEnd ??= newFrontEnd();
  return frontEnd;
}

export const WS = 'file:///ws';

export interface Evaluated {
  readonly parsed: Map<string, TerraformParsedFile>;
  readonly resources: readonly EvaluatedResource[];
  readonly traces: readonly ValueTrace[];
  readonly problems: readonly SourceProblem[];
  /** Parse problems and evaluation problems together. */
  readonly allProblems: readonly SourceProblem[];
  resource(address: string): EvaluatedResource;
  /** An attribute of a resource instance as plain JS (refs as `${id.attr}`, unknown as undefined). */
  attr(address: string, name: string): unknown;
  value(address: string, name: string): Value;
  addresses(): string[];
}

/** Parses and evaluates files given as `{ 'path/in/ws.tf': text }` (URIs under file:///ws). */
export async function evaluateFiles(files: Record<string, string>, varFiles: readonly string[] = []): Promise<Evaluated> {
  const fe = await sharedFrontEnd();
  const parsed = new Map<string, TerraformParsedFile>();
  for (const [path, text] of Object.entries(files)) {
    const uri = `${WS}/${path}`;
    parsed.set(uri, fe.parse(uri, text));
  }
  const ev = fe.evaluate(parsed, { terraformVarFiles: varFiles.map((f) => `${WS}/${f}`) });
  const byAddress = new Map(ev.resources.map((r) => [r.address, r]));
  const resource = (address: string): EvaluatedResource => {
    const r = byAddress.get(address);
    if (!r) throw new Error(`no resource ${address}; have ${[...byAddress.keys()].join(', ')}`);
    return r;
  };
  const value = (address: string, name: string): Value => {
    const a = resource(address).body.attrs.get(name);
    if (!a) throw new Error(`${address} has no attribute ${name}`);
    return a.value;
  };
  return {
    parsed,
    ...ev,
    allProblems: [...[...parsed.values()].flatMap((p) => p.problems), ...ev.problems],
    resource,
    value,
    attr: (address, name) => toPlain(value(address, name)),
    addresses: () => ev.resources.map((r) => r.address),
  };
}

/** Offset of the first occurrence of `needle` in `text` (fails loudly when absent). */
export function offsetOf(text: string, needle: string, from = 0): number {
  const i = text.indexOf(needle, from);
  if (i < 0) throw new Error(`"${needle}" not in text`);
  return i;
}

/** Evaluates one expression (in a resource attribute, with `locals` and variables available). */
export async function evalExpr(expression: string, prelude = ''): Promise<{ plain: unknown; value: Value; problems: readonly SourceProblem[] }> {
  const r = await evaluateFiles({ 'main.tf': `${prelude}\nresource "test" "t" {\n  v = ${expression}\n}\n` });
  return { plain: r.attr('test.t', 'v'), value: r.value('test.t', 'v'), problems: r.allProblems };
}
