import type { EvaluatedResource } from '../evaluated';
import type { ElementGroup, SourceProblem, ValueTrace } from '../../types';
import type { ShownElsewhere } from '../../shownElsewhere';
import { EvalContext } from './context';
import { ModuleInstance, type VarFileValue } from './moduleInstance';
import type { FolderModule, RootPlan } from './rootPlan';

export interface RootEvaluation {
  readonly resources: readonly EvaluatedResource[];
  readonly traces: readonly ValueTrace[];
  readonly problems: readonly SourceProblem[];
  /** Installed modules the root reads, and where their findings are shown. */
  readonly shownElsewhere: readonly ShownElsewhere[];
  /** Each module call instance and the resources it brings in (recorded with traces only: for hovers). */
  readonly groups: readonly ElementGroup[];
  /** The files `file()`/`fileexists()` read, with their texts then (undefined: not held): the evaluation's other inputs. */
  readonly filesRead: ReadonlyMap<string, string | undefined>;
}

/**
 * Evaluates one root module: every resource instance (module calls followed), plus every local, variable
 * default, module argument, output and tfvars value so that their CIDRs are traced for hovers.
 */
export function evaluateRoot(
  plan: RootPlan,
  modules: ReadonlyMap<string, FolderModule>,
  recordTraces = true,
  /** `BuildOptions.textOf`: the texts `file()` reads. */
  textOf?: (uri: string) => string | undefined,
): RootEvaluation {
  const rootModule = modules.get(plan.folder);
  const ctx = new EvalContext(plan.folder, (folder) => modules.get(folder)?.def, recordTraces, plan.manifest?.installed, textOf);
  const resources: EvaluatedResource[] = [];
  const groups: ElementGroup[] | undefined = recordTraces ? [] : undefined;
  if (!rootModule) return { resources, traces: [], problems: [], shownElsewhere: [], groups: [], filesRead: new Map() };

  const varValues = new Map<string, VarFileValue>();
  for (const f of plan.varFiles) {
    for (const attr of f.body.attributes) varValues.set(attr.name, { attr, file: f.uri });
  }
  const root = new ModuleInstance(ctx, rootModule.def, '', [plan.folder], undefined, varValues);
  try {
    emitModule(root, resources, groups);
    for (const f of plan.varFiles) {
      for (const attr of f.body.attributes) root.varFileValue({ attr, file: f.uri });
    }
  } catch (err) {
    // A bug must not take the whole workspace down: report it on the root and keep what was evaluated.
    const first = rootModule.files[0];
    ctx.report(
      { file: first?.uri ?? plan.folder, start: 0, end: 0 },
      `VPC Lens could not evaluate this module completely: ${describeError(err)}`,
    );
  }
  return {
    resources,
    traces: ctx.traces?.traces() ?? [],
    problems: ctx.allProblems(),
    shownElsewhere: ctx.shownElsewhere,
    groups: groups ?? [],
    filesRead: ctx.filesRead,
  };
}

function emitModule(mod: ModuleInstance, out: EvaluatedResource[], groups: ElementGroup[] | undefined): void {
  mod.def.resources.forEach((decl) => {
    const instances = mod.collectionOf(decl).expand().instances;
    for (let i = 0; i < instances.length; i++) out.push(instances[i]!.toEvaluated());
  });
  const at = (file: string) => ({ file, start: 0, end: 0 });
  mod.def.locals.forEach((decl, name) => mod.local(name, at(decl.file)));
  mod.def.variables.forEach((_, name) => mod.defaultValue(name));
  mod.def.outputs.forEach((decl, name) => mod.output(name, at(decl.file)));
  for (const name of mod.def.calls.keys()) {
    const call = mod.moduleCall(name)!;
    for (const inst of call.expand().instances) {
      inst.evaluateAllInputs();
      if (!inst.child) continue;
      const first = out.length;
      emitModule(inst.child, out, groups);
      groups?.push(call.groupOf(inst, out.slice(first).map((r) => r.elementId)));
    }
  }
}

function describeError(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
