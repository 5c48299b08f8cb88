import type { Span } from '../../../text/span';
import type { ElementGroup } from '../../types';
import { map, type Value, unknown } from '../../../values/value';
import { EvalContext, MAX_MODULE_DEPTH, type Memo } from './context';
import { evaluateTraced, spanOf } from './evaluate';
import { BlockInstances } from './blockInstances';
import type { InstanceKey } from './expansion';
import { type ModuleCallDecl, type ModuleDefinition, resolveLocalSource } from './moduleDefinition';
import { ModuleInstance } from './moduleInstance';
import type { Navigable } from './references';
import { instanceScope, type Scope } from './scope';

/** Arguments of a module block that are not inputs of the module. */
const CALL_META = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

/** The module block in the user's code through which installed code is reached, as findings name it. */
export interface VisibleCall {
  readonly at: Span;
  readonly what: string;
}

/**
 * A `module` block in one module instance. Local sources are followed (one child module instance per
 * count/for_each instance), and so are registry and git sources that `terraform init` installed (the root's
 * module manifest says where); others have unknown outputs.
 */
export class ModuleCallCollection extends BlockInstances<ModuleCallInstance> {
  /** The manifest's key of this call: the chain of call names from the root (`vpc`, `net.vpc`). */
  readonly key: string;
  /** The called module, when its source is a local folder with `.tf` files, or an installed one. */
  readonly target: ModuleDefinition | undefined;
  /** Set when the called module's code is installed (or called from installed code): findings there are shown at it. */
  private shownAt: VisibleCall | undefined;

  constructor(
    readonly caller: ModuleInstance,
    readonly decl: ModuleCallDecl,
  ) {
    super(decl.block);
    this.key = caller.moduleKey ? `${caller.moduleKey}.${decl.name}` : decl.name;
    this.target = this.resolveTarget();
  }

  get visibleCall(): VisibleCall | undefined {
    return this.shownAt;
  }

  protected blockScope(): Scope {
    return this.caller.scopeFor(this.decl.file);
  }

  protected makeInstance(key: InstanceKey, scope: Scope): ModuleCallInstance {
    return new ModuleCallInstance(this, key, scope);
  }

  get baseAddress(): string {
    return `${this.caller.prefix}module.${this.decl.name}`;
  }

  /** Why the outputs of a call that is not followed are unknown. */
  get notFollowed(): string {
    const { source } = this.decl;
    if (source === undefined) return `the source of ${this.baseAddress} is not known`;
    if (resolveLocalSource(this.caller.def.folder, source) === undefined && !this.caller.ctx.installedModules.has(this.key)) {
      return `${this.baseAddress} comes from "${source}", which VPC Lens reads once terraform init has installed it (it follows local modules and those in .terraform/modules)`;
    }
    return `${this.baseAddress} is not followed (see the warning on its source)`;
  }

  private resolveTarget(): ModuleDefinition | undefined {
    const { source, sourceAttr } = this.decl;
    if (source === undefined || !sourceAttr) return undefined;
    const ctx = this.caller.ctx;
    const local = resolveLocalSource(this.caller.def.folder, source);
    const installed = local === undefined ? ctx.installedModules.get(this.key) : undefined;
    const folder = local ?? installed;
    if (folder === undefined) return undefined;
    const at: Span = { file: this.decl.file, start: sourceAttr.value.start, end: sourceAttr.value.end };
    const def = ctx.definitionOf(folder);
    if (!def) {
      ctx.report(
        at,
        installed === undefined
          ? `Module source "${source}" not found: no .tf files were read from that folder`
          : `Module "${this.decl.name}" was installed by terraform init, but no .tf files were read from its folder (${relativeTo(ctx.rootFolder, folder)}): run terraform init again`,
      );
      return undefined;
    }
    if (this.caller.ancestry.includes(folder)) {
      ctx.report(at, `Module "${this.decl.name}" calls a module that is already being called (${source}): not followed`);
      return undefined;
    }
    if (this.caller.ancestry.length >= MAX_MODULE_DEPTH) {
      ctx.report(at, `Modules nested deeper than ${MAX_MODULE_DEPTH} levels are not followed`);
      return undefined;
    }
    this.shownAt = this.caller.visibleCall ?? (installed === undefined ? undefined : this.ownVisibleCall(source));
    if (this.shownAt) ctx.showElsewhere({ folder, ...this.shownAt });
    return def;
  }

  /** This block as the place findings in the installed module are shown: its name label. */
  private ownVisibleCall(source: string): VisibleCall {
    return { at: this.labelSpan, what: `${this.baseAddress} ("${source}")` };
  }

  /** The block's name label (`"vpc"` in `module "vpc"`). */
  private get labelSpan(): Span {
    const { block, file } = this.decl;
    const label = block.labels[0];
    return { file, start: label?.start ?? block.start, end: label?.end ?? block.start };
  }

  /** One instance of this call and the resources it brought in, for a hover on the name label. */
  groupOf(instance: ModuleCallInstance, elementIds: readonly string[]): ElementGroup {
    const { source } = this.decl;
    return { span: this.labelSpan, label: instance.path, ...(source !== undefined ? { source } : {}), elementIds };
  }
}

/** One instance of a module call: its inputs (evaluated in the caller) and the child module instance. */
export class ModuleCallInstance implements Navigable {
  get moduleKey(): string {
    return this.coll.key;
  }

  get visibleCall(): VisibleCall | undefined {
    return this.coll.visibleCall;
  }

  readonly key?: number | string;
  /** `module.net[0]`: the child's address prefix without the final dot. */
  readonly path: string;
  readonly child: ModuleInstance | undefined;
  private readonly callerScope: Scope;
  private readonly inputMemo: Memo<string> = new Map();
  private objectMemo: Value | undefined;

  constructor(
    private readonly coll: ModuleCallCollection,
    k: InstanceKey,
    callerModuleScope: Scope,
  ) {
    this.key = k.key;
    this.path = coll.baseAddress + k.suffix;
    this.callerScope = instanceScope(callerModuleScope, k.countIndex, k.each);
    const target = coll.target;
    this.child = target
      ? new ModuleInstance(coll.caller.ctx, target, this.path, [...coll.caller.ancestry, target.folder], this)
      : undefined;
  }

  /** The caller's argument for a child variable, evaluated in the caller (its value keeps its origin). */
  inputFor(name: string): Value | undefined {
    if (CALL_META.has(name)) return undefined;
    const attr = this.coll.decl.block.body.attributes.find((a) => a.name === name);
    if (!attr) return undefined;
    const hit = EvalContext.hit(this.inputMemo, name);
    if (hit) return hit;
    const ctx = this.coll.caller.ctx;
    const written = spanOf(this.callerScope, attr.value);
    return ctx.memo(this.inputMemo, name, `${this.path}.${name}`, written, () =>
      unknownWrittenAt(evaluateTraced(attr.value, this.callerScope, { label: this.path }), written),
    );
  }

  /** Evaluates every argument (for traces), including those the child does not declare. */
  evaluateAllInputs(): void {
    for (const attr of this.coll.decl.block.body.attributes) this.inputFor(attr.name);
  }

  get(name: string, at: Span): Value {
    return this.child ? this.child.output(name, at) : unknown(this.coll.notFollowed);
  }

  materialize(at: Span): Value {
    if (!this.child) return unknown(this.coll.notFollowed);
    if (this.objectMemo) return this.objectMemo;
    const entries = new Map<string, Value>();
    for (const name of this.child.def.outputs.keys()) entries.set(name, this.child.output(name, at));
    this.objectMemo = map(entries, at);
    return this.objectMemo;
  }
}

/**
 * An unknown argument remembers the caller's expression as where it came from, as a literal does: a CIDR
 * field the module builds from it then points back to the call site, whose hover can say why the block is
 * not known. An unknown that already has an origin (an outer caller's argument) keeps it.
 */
function unknownWrittenAt(v: Value, written: Span): Value {
  return v.k === 'unknown' && !v.origin ? { ...v, origin: written } : v;
}

/** `folder` relative to the root module's folder when inside it (`.terraform/modules/vpc`), else as it is. */
function relativeTo(root: string, folder: string): string {
  return folder.startsWith(`${root}/`) ? folder.slice(root.length + 1) : folder;
}
