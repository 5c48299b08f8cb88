import type { Span } from '../../../text/span';
import { type Value, unknown } from '../../../values/value';
import type { Attribute } from '../syntax/ast';
import { EvalContext, type Memo } from './context';
import { evaluateTraced, spanOf } from './evaluate';
import type { ModuleCallInstance, VisibleCall } from './moduleCalls';
import { ModuleCallCollection } from './moduleCalls';
import type { ModuleDefinition, ResourceDecl } from './moduleDefinition';
import { ResourceCollection } from './resources';
import { fileScope, type Scope } from './scope';
import { failure } from './valueOps';

/** A root variable's value from a `.tfvars` file. */
export interface VarFileValue {
  readonly attr: Attribute;
  readonly file: string;
}

/**
 * One instance of a module (the root, or one instance of a module call): its variables, locals, resources,
 * module calls and outputs, each evaluated on first use and memoized.
 */
export class ModuleInstance {
  /** Address prefix of everything inside: `module.net[0].` (empty for the root). */
  readonly prefix: string;
  private readonly scopes = new Map<string, Scope>();
  private readonly varMemo: Memo<string> = new Map();
  private readonly defaultMemo: Memo<string> = new Map();
  private readonly localMemo: Memo<string> = new Map();
  private readonly outputMemo: Memo<string> = new Map();
  private readonly varFileMemo: Memo<Attribute> = new Map();
  private readonly resourceColls = new Map<string, Map<string, ResourceCollection>>();
  private readonly callColls = new Map<string, ModuleCallCollection>();

  constructor(
    readonly ctx: EvalContext,
    readonly def: ModuleDefinition,
    /** `module.net[0]`, empty for the root module. */
    readonly path: string,
    /** Folders of this module and its callers, to stop a module from calling itself. */
    readonly ancestry: readonly string[],
    private readonly call?: ModuleCallInstance,
    private readonly varFileValues?: ReadonlyMap<string, VarFileValue>,
  ) {
    this.prefix = path ? `${path}.` : '';
  }

  get label(): string | undefined {
    return this.path || undefined;
  }

  /** The chain of module call names from the root (`net.vpc`; empty for the root): the module manifest's key. */
  get moduleKey(): string {
    return this.call?.moduleKey ?? '';
  }

  /** Set when this module's code was installed by terraform init: the user's module block that reaches it. */
  get visibleCall(): VisibleCall | undefined {
    return this.call?.visibleCall;
  }

  /** `path.module`: this module's folder relative to the root module's folder. */
  get pathModule(): string {
    const root = this.ctx.rootFolder;
    if (this.def.folder === root) return '.';
    const a = root.split('/');
    const b = this.def.folder.split('/');
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/') || '.';
  }

  scopeFor(file: string): Scope {
    let s = this.scopes.get(file);
    if (!s) {
      s = fileScope(this, file);
      this.scopes.set(file, s);
    }
    return s;
  }

  variable(name: string, at: Span): Value {
    const decl = this.def.variables.get(name);
    if (!decl) return failure(`no variable "${name}" is declared`);
    const hit = EvalContext.hit(this.varMemo, name);
    if (hit) return hit;
    return this.ctx.memo(this.varMemo, name, `${this.prefix}var.${name}`, at, () => {
      const input = this.call?.inputFor(name);
      if (input) return input;
      const fromFile = this.varFileValues?.get(name);
      if (fromFile) return this.varFileValue(fromFile);
      if (decl.default) return this.defaultValue(name);
      return unknown(
        this.call
          ? `var.${name} has no value (${this.call.path} does not pass it, and it has no default)`
          : `var.${name} has no value (no default, and no variable file sets it)`,
      );
    });
  }

  /** The default expression's value (also evaluated when overridden, so hovers show it). */
  defaultValue(name: string): Value {
    const decl = this.def.variables.get(name);
    if (!decl?.default) return unknown();
    const hit = EvalContext.hit(this.defaultMemo, name);
    if (hit) return hit;
    const expr = decl.default.value;
    const scope = this.scopeFor(decl.file);
    return this.ctx.memo(this.defaultMemo, name, `${this.prefix}var.${name}`, spanOf(scope, expr), () =>
      evaluateTraced(expr, scope, { label: this.label }),
    );
  }

  varFileValue(v: VarFileValue): Value {
    const scope = this.scopeFor(v.file);
    return this.ctx.memo(this.varFileMemo, v.attr, `var.${v.attr.name}`, spanOf(scope, v.attr.value), () =>
      evaluateTraced(v.attr.value, scope, {}),
    );
  }

  local(name: string, at: Span): Value {
    const decl = this.def.locals.get(name);
    if (!decl) return failure(`no local value "${name}"`);
    const hit = EvalContext.hit(this.localMemo, name);
    if (hit) return hit;
    return this.ctx.memo(this.localMemo, name, `${this.prefix}local.${name}`, at, () =>
      evaluateTraced(decl.attr.value, this.scopeFor(decl.file), { label: this.label }),
    );
  }

  output(name: string, at: Span): Value {
    const decl = this.def.outputs.get(name);
    if (!decl) return failure(`the module has no output "${name}"`);
    if (!decl.value) return unknown();
    const expr = decl.value.value;
    const hit = EvalContext.hit(this.outputMemo, name);
    if (hit) return hit;
    return this.ctx.memo(this.outputMemo, name, `${this.prefix}output.${name}`, at, () =>
      evaluateTraced(expr, this.scopeFor(decl.file), { label: this.label }),
    );
  }

  /**
   * `type.name`'s collection, made on first use. Looked up by type, then name: a reference names them apart,
   * and joining them into one key would build a string on every reference.
   */
  resource(type: string, name: string): ResourceCollection | undefined {
    const c = this.resourceColls.get(type)?.get(name);
    if (c) return c;
    const decl = this.def.resources.get(`${type}.${name}`);
    return decl ? this.collectionOf(decl) : undefined;
  }

  /** The collection of one of this module's resource declarations, made on first use. */
  collectionOf(decl: ResourceDecl): ResourceCollection {
    let ofType = this.resourceColls.get(decl.type);
    if (!ofType) {
      ofType = new Map();
      this.resourceColls.set(decl.type, ofType);
    }
    let c = ofType.get(decl.name);
    if (!c) {
      c = new ResourceCollection(this, decl);
      ofType.set(decl.name, c);
    }
    return c;
  }

  moduleCall(name: string): ModuleCallCollection | undefined {
    let c = this.callColls.get(name);
    if (!c) {
      const decl = this.def.calls.get(name);
      if (!decl) return undefined;
      c = new ModuleCallCollection(this, decl);
      this.callColls.set(name, c);
    }
    return c;
  }
}
