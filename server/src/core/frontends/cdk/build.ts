import { unchangedSinceRead } from '../textsRead';
import type { AnalysisUnit, SourceProblem } from '../types';
import { CdkContext } from './eval/cdkContext';
import { CdkInterpreter } from './eval/interpreter';
import { resolveImport } from './eval/modulePaths';
import type { CdkParsedFile } from './parsedFile';
import type { Program } from './syntax/ast';
import type { Construct } from './eval/values';
import { constructsToModel } from './toModel';
import { plannedSelection } from './toModel/selection';
import { plannedAzs, type VpcInfo } from './toModel/vpc';

interface CachedUnit {
  readonly inputs: readonly CdkParsedFile[];
  readonly unit: AnalysisUnit;
  /** The `cdk.json` files the app's context came from, with their texts then. */
  readonly contextRead: ReadonlyMap<string, string | undefined>;
}

type TextOf = ((uri: string) => string | undefined) | undefined;

/**
 * Groups the CDK files into units (files joined by relative imports, with the support modules they import)
 * and builds each: run the app symbolically, map its constructs. A unit whose files did not change (by
 * parsed-file identity) is returned as the same object.
 */
export class CdkBuilder {
  private readonly cache = new Map<string, CachedUnit>();

  build(files: ReadonlyMap<string, CdkParsedFile>, textOf?: TextOf): AnalysisUnit[] {
    const units: AnalysisUnit[] = [];
    const live = new Set<string>();
    for (const component of components(files)) {
      const key = `cdk:${component[0]}`;
      live.add(key);
      const inputs = component.map((uri) => files.get(uri)!);
      const cached = this.cache.get(key);
      if (
        cached &&
        cached.inputs.length === inputs.length &&
        cached.inputs.every((f, i) => f === inputs[i]) &&
        unchangedSinceRead(cached.contextRead, textOf)
      ) {
        units.push(cached.unit);
        continue;
      }
      const { unit, contextRead } = buildUnit(key, inputs, textOf);
      this.cache.set(key, { inputs, unit, contextRead });
      units.push(unit);
    }
    for (const key of this.cache.keys()) if (!live.has(key)) this.cache.delete(key);
    return units;
  }
}

/** Connected components over relative imports that contain at least one app file, each sorted by URI. */
function components(files: ReadonlyMap<string, CdkParsedFile>): string[][] {
  const neighbours = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    if (!neighbours.has(a)) neighbours.set(a, new Set());
    if (!neighbours.has(b)) neighbours.set(b, new Set());
    neighbours.get(a)!.add(b);
    neighbours.get(b)!.add(a);
  };
  for (const [uri, f] of files) {
    if (!neighbours.has(uri)) neighbours.set(uri, new Set());
    for (const source of f.imports) {
      const target = resolveImport(uri, source, files);
      if (target && target !== uri) link(uri, target);
    }
  }
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const start of [...files.keys()].sort()) {
    if (seen.has(start)) continue;
    const component: string[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length > 0) {
      const uri = stack.pop()!;
      component.push(uri);
      for (const n of neighbours.get(uri) ?? []) if (!seen.has(n)) (seen.add(n), stack.push(n));
    }
    if (component.some((uri) => files.get(uri)?.role === 'app')) out.push(component.sort());
  }
  return out;
}

function buildUnit(key: string, inputs: readonly CdkParsedFile[], textOf: TextOf): { unit: AnalysisUnit; contextRead: ReadonlyMap<string, string | undefined> } {
  const context = new CdkContext(textOf);
  return { unit: runUnit(key, inputs, context), contextRead: context.read };
}

function runUnit(key: string, inputs: readonly CdkParsedFile[], context: CdkContext): AnalysisUnit {
  const problems: SourceProblem[] = [];
  try {
    const programs = new Map<string, Program>(inputs.map((f) => [f.uri, f.program]));
    const layouts = new Map<Construct, VpcInfo>();
    const interpreter = new CdkInterpreter(programs, { subnetsOf: (selection) => plannedSelection(selection, layouts), azsOf: plannedAzs, context });
    interpreter.run(inputs.filter((f) => f.role === 'app').map((f) => f.uri));
    for (const f of inputs) if (f.role === 'support' && interpreter.visited.has(f.uri)) problems.push(...f.deferredProblems);
    for (const p of interpreter.problems) problems.push({ code: 'evaluation', severity: 'warning', message: p.message, span: p.span });
    const model = constructsToModel(interpreter.constructs, interpreter.overrides);
    problems.push(...model.problems);
    return { key, elements: model.elements, traces: model.traces, problems };
  } catch (err) {
    const first = inputs[0]!;
    problems.push({
      code: 'evaluation',
      severity: 'warning',
      message: `VPC Lens could not evaluate this CDK app: ${err instanceof Error ? err.message : String(err)}`,
      span: { file: first.uri, start: 0, end: 0 },
    });
    return { key, elements: [], traces: [], problems };
  }
}
