import type { Span } from '../../../text/span';
import type { Binding, ClassDecl, Expr, Param, Program, Range, Stmt } from '../syntax/ast';
import { callLibraryFunction, isAppClass, isConstructBase, libraryMember, libraryModuleOf, librarySymbolValue, newLibraryValue } from './library';
import { resolveImport } from './modulePaths';
import { itemOf, LIST_METHODS, listMethod, MAX_LOOP_ITERATIONS, MAX_TOTAL_ITERATIONS, objectFunction, truthy } from './arrays';
import { bitwise, globalFunction, mathFunction, numberMethod, stringMethod } from './builtins';
import { CdkContext } from './cdkContext';
import { addChildrenOfProps, constructMember, constructMethod, nodeMethod } from './constructMembers';
import { type InterpreterOptions, PlannedSubnets, SELECTION_MEMBERS, SUBNETS_CHANGED } from './plannedSubnets';
import { isL1, PropertyOverrides } from './propertyOverrides';
import { type Construct, Env, isAbsentV, prim, primOf, prop, type Slot, type StackEnv, UNDEFINED, unknownV, type V } from './values';

/** Expression evaluations per unit: a runaway (deep recursion, huge generated code) ends in unknowns. */
const MAX_STEPS = 500_000;
const MAX_CALL_DEPTH = 30;

interface ModuleState {
  readonly uri: string;
  readonly env: Env;
  readonly exports: Map<string, { value: V }>;
  readonly starFrom: string[];
  done: boolean;
}

interface ClassEntry {
  readonly decl: ClassDecl;
  readonly env: Env;
  readonly uri: string;
}

/** Thrown inside a function body to return a value; caught by the call. */
class ReturnSignal {
  constructor(readonly value: V) {}
}

/** Thrown by `break` and `continue`; caught by the loop. One outside any loop ends its function, as a return. */
class LoopJump {
  constructor(readonly kind: 'break' | 'continue') {}
}
const BREAK = new LoopJump('break');
const CONTINUE = new LoopJump('continue');

/** Array methods that change a Vpc's subnet lists in place (`vpc.privateSubnets.push(...)`). */
const SUBNET_LIST_CHANGES = new Set(['push', 'pop', 'shift', 'unshift', 'splice']);

/** What ends a function or module body early: a return, or a stray break/continue. */
function endsBody(e: unknown): boolean {
  return e instanceof ReturnSignal || e instanceof LoopJump;
}

/**
 * Runs the CDK app symbolically: top-level code of each file, user construct classes (their constructors
 * with the props given at the `new` call site), helper functions and constants imported from local
 * modules, loops over known lists and counts. Records every construct it sees. What it cannot know (a prop
 * from outside the workspace, a loop over an unknown list, a branch on an unknown condition) stays unknown or
 * is not run; it never guesses. Never throws.
 */
export class CdkInterpreter {
  readonly constructs: Construct[] = [];
  /** Files (URIs) whose code was run: the unit's inputs. */
  readonly visited = new Set<string>();
  private readonly modules = new Map<string, ModuleState>();
  private readonly classes: ClassEntry[] = [];
  private readonly instantiated = new Set<ClassDecl>();
  private readonly usedIds = new Map<string, number>();
  private steps = 0;
  private iterations = 0;
  /** What the app's code asked that VPC Lens did not do all of (loops past their budget). */
  readonly problems: { readonly span: Span; readonly message: string }[] = [];
  private depth = 0;
  private uri = '';

  /** An L2 Vpc's subnets as the app's code sees them while it runs (`vpc.privateSubnets`). */
  private readonly planned: PlannedSubnets;
  /** Changes made to constructs' CloudFormation resources after they were made (`node.defaultChild`, L1 props). */
  readonly overrides = new PropertyOverrides();
  /** The app's `cdk.json` context (`this.node.tryGetContext(...)`), and the files read for it. */
  readonly context: CdkContext;

  constructor(
    private readonly programs: ReadonlyMap<string, Program>,
    options: InterpreterOptions = {},
  ) {
    this.planned = new PlannedSubnets(options.subnetsOf, options.azsOf);
    this.context = options.context ?? new CdkContext(undefined);
  }

  /** Runs the given files (the unit's CDK files), then constructs no code in the workspace instantiates. */
  run(entryUris: readonly string[]): void {
    for (const uri of entryUris) this.module(uri);
    const newed = new Set<string>();
    for (const program of this.programs.values()) collectNewNames(program.body, newed);
    // Outer constructs first: a class only ever made inside another class is made by that one.
    for (const pass of [0, 1]) {
      for (const c of this.classes) {
        if (this.instantiated.has(c.decl) || !this.isConstructClass(c)) continue;
        if (pass === 0 && newed.has(c.decl.name)) continue;
        const at = this.span(c.uri, c.decl.nameRange);
        const args: V[] = [
          unknownV('the scope is given where the class is used'),
          prim(c.decl.name, at),
          unknownV(`props of ${c.decl.name} are given where it is used, outside this workspace`),
        ];
        this.withUri(c.uri, () => this.instantiate(c, args, [at, at, at], at));
      }
    }
  }

  // ---- modules ----

  private module(uri: string): ModuleState | undefined {
    const existing = this.modules.get(uri);
    if (existing) return existing;
    const program = this.programs.get(uri);
    if (!program) return undefined;
    const state: ModuleState = { uri, env: new Env(undefined), exports: new Map(), starFrom: [], done: false };
    this.modules.set(uri, state);
    this.visited.add(uri);
    this.withUri(uri, () => {
      try {
        this.execBlock(program.body, state.env, state);
      } catch (e) {
        if (!endsBody(e)) throw e;
      }
    });
    state.done = true;
    return state;
  }

  private exported(state: ModuleState, name: string, seen = new Set<string>()): V | undefined {
    const b = state.exports.get(name);
    if (b) return b.value;
    if (seen.has(state.uri)) return undefined;
    seen.add(state.uri);
    for (const source of state.starFrom) {
      const target = resolveImport(state.uri, source, this.programs);
      const m = target ? this.module(target) : undefined;
      const v = m ? this.exported(m, name, seen) : undefined;
      if (v) return v;
    }
    return undefined;
  }

  private withUri<T>(uri: string, f: () => T): T {
    const previous = this.uri;
    this.uri = uri;
    try {
      return f();
    } finally {
      this.uri = previous;
    }
  }

  span(uri: string, r: Range): Span {
    return { file: uri, start: r.start, end: r.end };
  }

  private at(r: Range): Span {
    return this.span(this.uri, r);
  }

  // ---- statements ----

  private execBlock(body: readonly Stmt[], env: Env, mod?: ModuleState): void {
    for (const s of body) this.exec(s, env, mod);
  }

  private exec(s: Stmt, env: Env, mod?: ModuleState): void {
    switch (s.k) {
      case 'var': {
        const value = s.init ? this.eval(s.init, env) : UNDEFINED;
        env.declare(s.name, value);
        if (mod && s.exported) mod.exports.set(s.name, env.lookup(s.name)!);
        return;
      }
      case 'destructure': {
        const from = s.init ? this.eval(s.init, env) : UNDEFINED;
        for (const b of s.bindings) {
          env.declare(b.name, from.t === 'list' && /^\d+$/.test(b.key) ? itemOf(from, Number(b.key)) : this.member(from, b.key, s));
          if (mod && s.exported) mod.exports.set(b.name, env.lookup(b.name)!);
        }
        return;
      }
      case 'expr':
        this.eval(s.expr, env);
        return;
      case 'class': {
        env.declare(s.decl.name, { t: 'class', decl: s.decl, env });
        this.classes.push({ decl: s.decl, env, uri: this.uri });
        if (mod && s.decl.exported) mod.exports.set(s.decl.name, env.lookup(s.decl.name)!);
        return;
      }
      case 'enum': {
        const props = new Map<string, Slot>();
        let next = 0;
        for (const m of s.members) {
          let value: V;
          if (m.init) {
            value = this.eval(m.init, env);
            const n = primOf(value);
            next = typeof n === 'number' ? n + 1 : next;
          } else value = prim(next++, this.at(s));
          props.set(m.name, { value });
        }
        env.declare(s.name, { t: 'obj', props, at: this.at(s) });
        if (mod && s.exported) mod.exports.set(s.name, env.lookup(s.name)!);
        return;
      }
      case 'function': {
        env.declare(s.name, { t: 'fn', params: s.params, body: s.body, env });
        if (mod && s.exported) mod.exports.set(s.name, env.lookup(s.name)!);
        return;
      }
      case 'import':
        this.importInto(s.source, s.specifiers, env);
        return;
      case 'export':
        if (!mod) return;
        if (s.source) {
          if (s.all) mod.starFrom.push(s.source);
          const target = resolveImport(this.uri, s.source, this.programs);
          const m = target ? this.module(target) : undefined;
          for (const n of s.names) mod.exports.set(n.exported, { value: (m && this.exported(m, n.local)) ?? unknownV(`${n.local} is not known here`) });
        } else {
          for (const n of s.names) {
            const b = env.lookup(n.local);
            if (b) mod.exports.set(n.exported, b);
          }
        }
        return;
      case 'if': {
        const test = truthy(this.eval(s.test, env));
        // A branch on an unknown condition is not run: its constructs may or may not exist.
        if (test === true) this.execBlock(s.then, new Env(env));
        else if (test === false && s.otherwise) this.execBlock(s.otherwise, new Env(env));
        return;
      }
      case 'block':
        this.execBlock(s.body, new Env(env));
        return;
      case 'return':
        throw new ReturnSignal(s.value ? this.eval(s.value, env) : UNDEFINED);
      case 'for-each':
        this.forEachStatement(s, env);
        return;
      case 'for':
        this.forStatement(s, env);
        return;
      case 'do-while':
        this.doWhileStatement(s, env);
        return;
      case 'switch':
        this.switchStatement(s, env);
        return;
      case 'try':
        try {
          this.execBlock(s.body, new Env(env));
        } finally {
          if (s.finalizer) this.execBlock(s.finalizer, new Env(env));
        }
        return;
      case 'break':
        throw BREAK;
      case 'continue':
        throw CONTINUE;
    }
  }

  // ---- loops ----

  /** One more iteration of the loop at `at`, if the loops' budget allows; the first refusal is reported there. */
  private nextIteration(at: Span): boolean {
    if (++this.iterations <= MAX_TOTAL_ITERATIONS) return true;
    if (this.iterations === MAX_TOTAL_ITERATIONS + 1) {
      this.problems.push({
        span: at,
        message: `this app's loops run more than ${MAX_TOTAL_ITERATIONS.toLocaleString('en-US')} times in all: VPC Lens stopped here, and what later iterations make is not analysed`,
      });
    }
    return false;
  }

  /** Runs one iteration's body; says whether the loop is to stop (`break`). */
  private iterate(body: readonly Stmt[], env: Env): 'stop' | 'next' {
    try {
      this.execBlock(body, env);
    } catch (e) {
      if (e === BREAK) return 'stop';
      if (e !== CONTINUE) throw e;
    }
    return 'next';
  }

  /** `for (const x of list)` / `for (const k in object)`. Over a value not known here the body is not run. */
  private forEachStatement(s: Extract<Stmt, { k: 'for-each' }>, env: Env): void {
    const iterable = this.planned.listOf(this.eval(s.iterable, env));
    const at = this.at(s.iterable);
    let items: readonly V[] | undefined;
    if (s.over === 'items') items = iterable.t === 'list' ? iterable.items : undefined;
    else if (iterable.t === 'obj') items = [...iterable.props.keys()].map((k) => prim(k, at));
    else if (iterable.t === 'list') items = iterable.items.map((_, i) => prim(String(i), at));
    if (!items) return;
    for (const item of items.slice(0, MAX_LOOP_ITERATIONS)) {
      if (!this.nextIteration(this.at(s))) return;
      const scope = new Env(env);
      this.bind(s.binding, item, scope);
      if (this.iterate(s.body, scope) === 'stop') return;
    }
  }

  /**
   * `for (init; test; update)`: runs while the test is known true. An unknown test ends the loop, and so does
   * an update VPC Lens cannot evaluate: the loop would otherwise repeat its first iteration.
   */
  private forStatement(s: Extract<Stmt, { k: 'for' }>, env: Env): void {
    const scope = new Env(env);
    this.execBlock(s.init, scope);
    for (let n = 0; n < MAX_LOOP_ITERATIONS; n++) {
      if (s.test && truthy(this.eval(s.test, scope)) !== true) return;
      if (!this.nextIteration(this.at(s))) return;
      if (this.iterate(s.body, new Env(scope)) === 'stop') return;
      if (s.update && this.eval(s.update, scope).t === 'unknown') return;
    }
  }

  /** `do body while (test)`: as `for`, with the test read after each iteration. */
  private doWhileStatement(s: Extract<Stmt, { k: 'do-while' }>, env: Env): void {
    for (let n = 0; n < MAX_LOOP_ITERATIONS; n++) {
      if (!this.nextIteration(this.at(s))) return;
      if (this.iterate(s.body, new Env(env)) === 'stop') return;
      if (truthy(this.eval(s.test, env)) !== true) return;
    }
  }

  /**
   * `switch`: runs from the first case whose value is strictly equal to the discriminant (else from `default`)
   * and falls through to the next `break`. As with `if`, nothing runs when the discriminant, or a case value
   * read before the match, is not a known primitive (objects are not compared): which constructs exist would
   * be a guess.
   */
  private switchStatement(s: Extract<Stmt, { k: 'switch' }>, env: Env): void {
    const value = this.eval(s.discriminant, env);
    if (value.t !== 'prim') return;
    let start = -1;
    for (let i = 0; i < s.cases.length && start < 0; i++) {
      const test = s.cases[i]!.test;
      if (!test) continue;
      const candidate = this.eval(test, env);
      if (candidate.t !== 'prim') return;
      if (candidate.v === value.v) start = i;
    }
    if (start < 0) start = s.cases.findIndex((c) => !c.test);
    if (start < 0) return;
    const scope = new Env(env);
    try {
      for (const c of s.cases.slice(start)) this.execBlock(c.body, scope);
    } catch (e) {
      if (e !== BREAK) throw e;
    }
  }

  private bind(b: Binding, value: V, env: Env): void {
    if (b.k === 'name') env.declare(b.name, value);
    else if (b.k === 'items') b.names.forEach((name, i) => name !== undefined && env.declare(name, itemOf(value, i)));
    else for (const f of b.bindings) env.declare(f.name, this.member(value, f.key, { start: 0, end: 0 }));
  }

  private importInto(source: string, specifiers: readonly { imported: string; local: string }[], env: Env): void {
    const lib = libraryModuleOf(source);
    if (lib) {
      for (const s of specifiers) {
        env.declare(s.local, { t: 'lib', path: s.imported === '*' || s.imported === 'default' ? lib : libraryMember(lib, s.imported) });
      }
      return;
    }
    const target = resolveImport(this.uri, source, this.programs);
    const m = target ? this.module(target) : undefined;
    for (const s of specifiers) {
      if (!m) {
        env.declare(s.local, unknownV(`'${source}' is not a file VPC Lens reads`));
        continue;
      }
      if (s.imported === '*') {
        const props = new Map<string, Slot>();
        for (const [k, b] of m.exports) props.set(k, { value: b.value });
        env.declare(s.local, { t: 'obj', props });
      } else {
        env.declare(s.local, this.exported(m, s.imported) ?? unknownV(`${s.imported} is not exported by '${source}' (or is defined in a cycle of imports)`));
      }
    }
  }

  // ---- expressions ----

  eval(e: Expr, env: Env): V {
    if (++this.steps > MAX_STEPS) return unknownV('too much code to evaluate', this.at(e));
    const at = this.at(e);
    switch (e.k) {
      case 'str':
      case 'num':
      case 'bool':
        return prim(e.v, at);
      case 'null':
        return prim(null, at);
      case 'undefined':
        return prim(undefined, at);
      case 'template': {
        let out = '';
        for (const p of e.parts) {
          if (typeof p === 'string') {
            out += p;
            continue;
          }
          const v = primOf(this.eval(p, env));
          if (v === undefined) return unknownV('the template uses a value not known here', at);
          out += String(v);
        }
        return prim(out, at);
      }
      case 'ident': {
        const b = env.lookup(e.name);
        return b ? b.value : unknownV(`${e.name} is not known here`, at);
      }
      case 'this':
        return env.thisValue() ?? unknownV('`this` outside a class', at);
      case 'member': {
        const obj = this.eval(e.object, env);
        if (e.optional && isAbsentV(obj)) return prim(undefined, at);
        return this.member(obj, e.prop, e);
      }
      case 'index': {
        const indexed = this.eval(e.object, env);
        if (e.optional && isAbsentV(indexed)) return prim(undefined, at);
        const key = primOf(this.eval(e.index, env));
        if (key === undefined) return unknownV('the index is not known here', at);
        const obj = this.planned.listOf(indexed);
        if (obj.t === 'list') {
          const i = Number(key);
          return Number.isInteger(i) && i >= 0 && i < obj.items.length ? obj.items[i]! : UNDEFINED;
        }
        return this.member(obj, String(key), e);
      }
      case 'call':
        return this.call(e, env);
      case 'new':
        return this.construct(e, env);
      case 'object': {
        const props = new Map<string, Slot>();
        for (const p of e.props) {
          if (p.k === 'prop') props.set(p.key, { value: this.eval(p.value, env), keySpan: this.at(p.keyRange), span: this.at(p) });
          else {
            const spread = this.eval(p.arg, env);
            if (spread.t === 'obj') for (const [k, s] of spread.props) props.set(k, s);
            // An unknown spread may set any key: what is written after it is still known.
          }
        }
        return { t: 'obj', props, at };
      }
      case 'array': {
        const items: V[] = [];
        for (const item of e.items) {
          if (item.k === 'spread') {
            const v = this.eval(item.arg, env);
            if (v.t !== 'list') return unknownV('a spread of a value not known here', at);
            items.push(...v.items);
          } else items.push(this.eval(item, env));
        }
        return { t: 'list', items, at };
      }
      case 'spread':
        return unknownV(undefined, at);
      case 'binary':
        return this.binary(e.op, e.left, e.right, env, at);
      case 'unary': {
        const v = this.eval(e.arg, env);
        const p = primOf(v);
        if (e.op === '!' ) {
          const t = truthy(v);
          return t === undefined ? unknownV(undefined, at) : prim(!t, at);
        }
        if (e.op === '+' && typeof p === 'string') return prim(Number(p), at);
        if (typeof p !== 'number') return unknownV(undefined, at);
        if (e.op === '-') return prim(-p, at);
        if (e.op === '+') return prim(p, at);
        if (e.op === '~') return prim(~p, at);
        return unknownV(undefined, at);
      }
      case 'cond': {
        const t = truthy(this.eval(e.test, env));
        if (t === undefined) return unknownV('the condition is not known here', at);
        return this.eval(t ? e.then : e.otherwise, env);
      }
      case 'assign': {
        const value = this.eval(e.value, env);
        this.assign(e.target, value, env, this.at(e));
        return value;
      }
      case 'seq': {
        let last: V = UNDEFINED;
        for (const item of e.items) last = this.eval(item, env);
        return last;
      }
      case 'fn': {
        // Arrow functions see the `this` of where they are written.
        const self = env.thisValue();
        return { t: 'fn', params: e.params, body: e.body, env, ...(self ? { self } : {}) };
      }
      case 'other':
        return unknownV(undefined, at);
    }
  }

  private assign(target: Expr, value: V, env: Env, at: Span): void {
    if (target.k === 'ident') {
      const b = env.lookup(target.name);
      if (b) b.value = value;
      return;
    }
    if (target.k !== 'member') return;
    const obj = this.eval(target.object, env);
    const resource = cfnResourceOf(obj);
    if (resource) this.overrides.assign(resource, target.prop, value, at);
    if (obj.t === 'construct') obj.c.fields.set(target.prop, value);
    else if (obj.t === 'obj') obj.props.set(target.prop, { value, keySpan: this.at(target.propRange) });
  }

  private binary(op: string, l: Expr, r: Expr, env: Env, at: Span): V {
    const left = this.eval(l, env);
    if (op === '&&' || op === '||' || op === '??') {
      if (op === '??') {
        if (left.t === 'unknown') return unknownV(left.why, at);
        return left.t === 'prim' && (left.v === undefined || left.v === null) ? this.eval(r, env) : left;
      }
      const t = truthy(left);
      if (t === undefined) return unknownV('the condition is not known here', at);
      if (op === '&&') return t ? this.eval(r, env) : left;
      return t ? left : this.eval(r, env);
    }
    const right = this.eval(r, env);
    const a = primOf(left);
    const b = primOf(right);
    if (a === undefined || b === undefined) {
      if ((op === '===' || op === '!==') && left.t === 'prim' && right.t === 'prim') {
        return prim(op === '===' ? left.v === right.v : left.v !== right.v, at);
      }
      // A known object (a construct, a list, ...) is never strictly equal to a primitive.
      if ((op === '===' || op === '!==') && (left.t === 'prim') !== (right.t === 'prim') && isKnownObject(left.t === 'prim' ? right : left)) {
        return prim(op === '!==', at);
      }
      return unknownV('an operand is not known here', at);
    }
    switch (op) {
      case '+':
        return typeof a === 'string' || typeof b === 'string' ? prim(String(a) + String(b), at) : num(Number(a) + Number(b), at);
      case '-':
        return num(Number(a) - Number(b), at);
      case '*':
        return num(Number(a) * Number(b), at);
      case '/':
        return num(Number(a) / Number(b), at);
      case '%':
        return num(Number(a) % Number(b), at);
      case '**':
        return num(Number(a) ** Number(b), at);
      case '===':
      case '==':
        return prim(a === b, at);
      case '!==':
      case '!=':
        return prim(a !== b, at);
      case '<':
        return prim(a < b, at);
      case '>':
        return prim(a > b, at);
      case '<=':
        return prim(a <= b, at);
      case '>=':
        return prim(a >= b, at);
      default:
        return bitwise(op, Number(a), Number(b), at) ?? unknownV(undefined, at);
    }
  }

  member(obj: V, name: string, e: Range): V {
    const at = this.at(e);
    switch (obj.t) {
      case 'lib':
        return librarySymbolValue(libraryMember(obj.path, name), at);
      case 'obj': {
        const s = obj.props.get(name);
        return s ? s.value : prim(undefined, at);
      }
      case 'list':
        return name === 'length' ? prim(obj.items.length, at) : unknownV(undefined, at);
      case 'prim':
        if (obj.v === undefined || obj.v === null) return unknownV(`reading ${name} of ${String(obj.v)}`, at);
        return typeof obj.v === 'string' && name === 'length' ? prim(obj.v.length, at) : unknownV(undefined, at);
      case 'construct': {
        const field = obj.c.fields.get(name);
        // A planned subnet's block or AZ is reported where the code reads it (`vpc.publicSubnets[0].ipv4CidrBlock`).
        if (field?.t === 'prim' && this.planned.isPlanned(obj.c)) return prim(field.v, at);
        if (field) return field;
        if (obj.c.type === 'ec2.Vpc' && name === 'availabilityZones') return this.planned.availabilityZones(obj.c, at);
        return constructMember(obj.c, name, at);
      }
      case 'libval':
        if (obj.kind === 'subnets' && SELECTION_MEMBERS.has(name)) return this.planned.member(obj, name, at);
        if (obj.kind === 'cfnResource' && obj.data['of']?.t === 'construct') {
          const of = obj.data['of'].c;
          return this.overrides.read(of.elementId, name) ?? constructMember(of, name, at);
        }
        return obj.data[name] ?? unknownV(undefined, at);
      default:
        return unknownV(obj.t === 'unknown' ? obj.why : undefined, at);
    }
  }

  private call(e: Extract<Expr, { k: 'call' }>, env: Env): V {
    const at = this.at(e);
    const args = e.args.map((a) => this.eval(a, env));
    const argSpans = e.args.map((a) => this.at(a));
    if (e.callee.k === 'ident' && e.callee.name === 'super') {
      this.superCall(args, argSpans, env, at);
      return UNDEFINED;
    }
    if (e.callee.k === 'member') {
      const target = this.eval(e.callee.object, env);
      const method = e.callee.prop;
      if (target.t === 'lib') {
        const path = libraryMember(target.path, method);
        return callLibraryFunction(path, args, at) ?? unknownV(`${path}(...) is not evaluated by VPC Lens`, at);
      }
      if ((target.t === 'construct' && target.c.userClass) || target.t === 'obj') {
        const m = this.userMethod(target.t === 'construct' ? target.c : target, method);
        if (m) return this.callFunction(m.params, m.body, m.env, args, target);
      }
      const resource = cfnResourceOf(target);
      if (resource && this.overrides.isOverrideMethod(method)) {
        this.overrides.call(resource, method, args, at);
        return UNDEFINED;
      }
      if (target.t === 'construct' || (target.t === 'libval' && target.kind === 'connections')) {
        return constructMethod(this, target, method, args, argSpans, at);
      }
      if (target.t === 'libval' && target.kind === 'node') {
        if (method === 'tryGetContext' || method === 'getContext') return this.context.value(this.uri, args[0], at);
        const result = nodeMethod(target, method, args, at);
        if (result) return result;
      }
      if (target.t === 'libval' && target.kind === 'subnets' && SUBNET_LIST_CHANGES.has(method)) {
        // `vpc.publicSubnets.push(subnet)`: the Vpc's subnets are no longer those it planned (selection.ts).
        const vpc = target.data['vpc'];
        if (vpc?.t === 'construct') vpc.c.calls.push({ method: SUBNETS_CHANGED, args, argSpans, span: at });
        return unknownV(`${method}(...) of a Vpc's subnets is not evaluated by VPC Lens`, at);
      }
      const asList = target.t === 'libval' && target.kind === 'subnets' && LIST_METHODS.has(method) ? this.planned.listOf(target) : target;
      if (asList.t === 'list') {
        const result = listMethod(asList, method, args, at, (fn, fnArgs) => this.callFunction(fn.params, fn.body, fn.env, fnArgs, fn.self), () => this.nextIteration(at));
        if (result) return result;
      }
      if (e.callee.object.k === 'ident' && e.callee.object.name === 'Object' && !env.lookup('Object')) {
        const result = objectFunction(method, args[0], at);
        if (result) return result;
      }
      if (e.callee.object.k === 'ident' && e.callee.object.name === 'Math' && !env.lookup('Math')) {
        const result = mathFunction(method, args, at);
        if (result) return result;
      }
      if (target.t === 'prim' && (typeof target.v === 'string' || typeof target.v === 'number')) {
        const result = typeof target.v === 'string' ? stringMethod(target.v, method, args, at) : numberMethod(target.v, method, args, at);
        if (result) return result;
      }
      const fn = this.member(target, method, e.callee);
      if (fn.t === 'fn') return this.callFunction(fn.params, fn.body, fn.env, args, fn.self);
      return unknownV(`${method}(...) is not evaluated by VPC Lens`, at);
    }
    if (e.callee.k === 'ident' && !env.lookup(e.callee.name)) {
      const result = globalFunction(e.callee.name, args, at);
      if (result) return result;
    }
    const callee = this.eval(e.callee, env);
    if (callee.t === 'fn') return this.callFunction(callee.params, callee.body, callee.env, args, callee.self);
    return unknownV('the called function is not known here', at);
  }

  /** A method of the class (or a superclass) a construct or plain object was made from. */
  private userMethod(self: Construct | V, name: string): { params: readonly Param[]; body: readonly Stmt[]; env: Env } | undefined {
    const entry = 'elementId' in self ? this.classEntries.get(self) : this.objectEntries.get(self);
    for (let cls = entry; cls; cls = this.superEntry(cls)) {
      const m = cls.decl.methods.find((x) => x.name === name);
      if (m) return { params: m.params, body: m.body, env: cls.env };
    }
    return undefined;
  }

  private callFunction(params: readonly Param[], body: readonly Stmt[], closure: Env, args: readonly V[], self?: V): V {
    if (this.depth >= MAX_CALL_DEPTH) return unknownV('calls nested too deep');
    const env = new Env(closure, self);
    this.bindParams(params, args, env);
    this.depth++;
    try {
      this.execBlock(body, env);
      return UNDEFINED;
    } catch (e) {
      if (e instanceof ReturnSignal) return e.value;
      if (e instanceof LoopJump) return UNDEFINED;
      throw e;
    } finally {
      this.depth--;
    }
  }

  private bindParams(params: readonly Param[], args: readonly V[], env: Env): void {
    params.forEach((p, i) => {
      let v = args[i] ?? UNDEFINED;
      if (p.init && v.t === 'prim' && v.v === undefined) v = this.eval(p.init, env);
      if (p.fields) for (const f of p.fields) env.declare(f, this.member(v, f, { start: 0, end: 0 }));
      else if (p.items) p.items.forEach((name, j) => name !== undefined && env.declare(name, itemOf(v, j)));
      else env.declare(p.name, v);
    });
  }

  // ---- constructs ----

  private readonly classEntries = new Map<Construct, ClassEntry>();
  /** The class each plain object made with `new` came from (its methods). */
  private readonly objectEntries = new WeakMap<V, ClassEntry>();
  private readonly pendingSuper = new Map<Env, { entry: ClassEntry; self: V }>();

  private construct(e: Extract<Expr, { k: 'new' }>, env: Env): V {
    const at = this.at(e);
    const callee = this.eval(e.callee, env);
    const args = e.args.map((a) => this.eval(a, env));
    const argSpans = e.args.map((a) => this.at(a));
    if (callee.t === 'class') {
      const entry = this.classes.find((c) => c.decl === callee.decl) ?? { decl: callee.decl, env: callee.env, uri: this.uri };
      return this.instantiate(entry, args, argSpans, at);
    }
    if (callee.t !== 'lib') return unknownV('the class is not known here', at);
    const value = newLibraryValue(callee.path, args, at);
    if (value) return value;
    if (isAppClass(callee.path)) return { t: 'construct', c: this.newConstruct('cdk.App', false, [UNDEFINED, prim(''), UNDEFINED], argSpans, at) };
    const made: V = { t: 'construct', c: this.newConstruct(callee.path, false, args, argSpans, at) };
    addChildrenOfProps(this, made);
    return made;
  }

  /** Registers a construct made by `new` or by a method (`vpc.addFlowLog('Logs', ...)`). */
  newConstruct(type: string, userClass: boolean, args: readonly V[], argSpans: readonly Span[], at: Span): Construct {
    const scope = args[0];
    const parent = scope?.t === 'construct' ? scope.c : undefined;
    const idValue = primOf(args[1]);
    const id = idValue === undefined ? `?${this.constructs.length + 1}` : String(idValue);
    const idSpan = args[1]?.t === 'prim' && args[1].at ? args[1].at : (argSpans[1] ?? at);
    const path = type === 'cdk.App' ? '' : parent && parent.path ? `${parent.path}/${id}` : id;
    const stackEnv = this.stackEnvOf(args[2], parent, at);
    let elementId = `${at.file}::${path}`;
    const seen = this.usedIds.get(elementId) ?? 0;
    this.usedIds.set(elementId, seen + 1);
    if (seen > 0) elementId = `${elementId}#${seen + 1}`;
    const c: Construct = {
      type,
      userClass,
      id,
      idSpan,
      path,
      span: at,
      fileUri: at.file,
      elementId,
      props: args[2] ?? UNDEFINED,
      ...(argSpans[2] ? { propsSpan: argSpans[2] } : {}),
      fields: new Map(),
      calls: [],
      ...(parent ? { parent } : {}),
      ...(stackEnv ? { stackEnv } : {}),
    };
    this.constructs.push(c);
    return c;
  }

  /**
   * A stack's concrete environment (`env` with an account and a region VPC Lens knows), or its parent's. An
   * `env` not known here (`process.env.CDK_DEFAULT_ACCOUNT`) makes the stack environment-agnostic to VPC Lens.
   */
  private stackEnvOf(props: V | undefined, parent: Construct | undefined, at: Span): StackEnv | undefined {
    const env = props?.t === 'obj' ? props.props.get('env')?.value : undefined;
    if (env === undefined || isAbsentV(env)) return parent?.stackEnv;
    const account = primOf(prop(env, 'account'));
    const region = primOf(prop(env, 'region'));
    if (typeof account !== 'string' || typeof region !== 'string') return undefined;
    const azs = this.context.availabilityZones(at.file, account, region);
    return { account, region, ...(azs ? { azs } : {}) };
  }

  private instantiate(entry: ClassEntry, args: readonly V[], argSpans: readonly Span[], at: Span): V {
    this.instantiated.add(entry.decl);
    if (this.depth >= MAX_CALL_DEPTH) return unknownV('constructs nested too deep', at);
    let self: V;
    if (this.isConstructClass(entry) || args[0]?.t === 'construct') {
      const c = this.newConstruct(entry.decl.name, true, args, argSpans, at);
      this.classEntries.set(c, entry);
      self = { t: 'construct', c };
    } else {
      // A plain class (`new VpcBuilder()`): an object whose methods are the class's.
      self = { t: 'obj', props: new Map(), at };
      this.objectEntries.set(self, entry);
    }
    this.runConstructor(entry, self, args);
    return self;
  }

  private runConstructor(entry: ClassEntry, self: V, args: readonly V[]): void {
    const env = new Env(entry.env, self);
    this.bindParams(entry.decl.params, args, env);
    for (const f of entry.decl.paramFields) this.setField(self, f, env.lookup(f)?.value ?? UNDEFINED);
    this.pendingSuper.set(env, { entry, self });
    this.depth++;
    try {
      this.withUri(entry.uri, () => {
        // TypeScript runs field initialisers right after super(); a constructor without super() runs them first.
        if (!hasSuperCall(entry.decl.body)) this.initFields(entry, self, env);
        this.execBlock(entry.decl.body, env);
      });
    } catch (e) {
      if (!endsBody(e)) throw e;
    } finally {
      this.depth--;
      this.pendingSuper.delete(env);
    }
  }

  /**
   * Field initialisers; a field declared without one reads as `undefined` until assigned
   * (`private natGateway?: ec2.CfnNatGateway;` then `if (this.natGateway === undefined)`), unless set already.
   */
  private initFields(entry: ClassEntry, self: V, env: Env): void {
    for (const f of entry.decl.fields) {
      if (f.init) this.setField(self, f.name, this.eval(f.init, env));
      else if (self.t === 'construct' ? !self.c.fields.has(f.name) : self.t === 'obj' && !self.props.has(f.name)) this.setField(self, f.name, UNDEFINED);
    }
  }

  private setField(self: V, name: string, value: V): void {
    if (self.t === 'construct') self.c.fields.set(name, value);
    else if (self.t === 'obj') self.props.set(name, { value });
  }

  private superCall(args: readonly V[], _argSpans: readonly Span[], env: Env, _at: Span): void {
    let e: Env | undefined = env;
    while (e && !this.pendingSuper.has(e)) e = e.parent;
    const pending = e ? this.pendingSuper.get(e) : undefined;
    if (!pending) return;
    const parent = this.superEntry(pending.entry);
    if (parent) this.runConstructor(parent, pending.self, args);
    this.initFields(pending.entry, pending.self, e!);
  }

  private superEntry(entry: ClassEntry): ClassEntry | undefined {
    if (!entry.decl.superClass) return undefined;
    const sup = this.withUri(entry.uri, () => this.eval(entry.decl.superClass!, entry.env));
    if (sup.t !== 'class') return undefined;
    return this.classes.find((c) => c.decl === sup.decl) ?? { decl: sup.decl, env: sup.env, uri: entry.uri };
  }

  private isConstructClass(entry: ClassEntry, seen = 0): boolean {
    if (!entry.decl.superClass || seen > 20) return false;
    const sup = this.withUri(entry.uri, () => this.eval(entry.decl.superClass!, entry.env));
    if (sup.t === 'lib') return isConstructBase(sup.path);
    if (sup.t === 'class') {
      const parent = this.classes.find((c) => c.decl === sup.decl);
      return parent ? this.isConstructClass(parent, seen + 1) : false;
    }
    return false;
  }
}

function num(v: number, at: Span): V {
  return Number.isFinite(v) ? prim(v, at) : unknownV('not a finite number', at);
}

function hasSuperCall(body: readonly Stmt[]): boolean {
  return body.some((s) => s.k === 'expr' && s.expr.k === 'call' && s.expr.callee.k === 'ident' && s.expr.callee.name === 'super');
}

/** Names of classes made with `new Name(...)` anywhere (a cheap walk over statements and expressions). */
function collectNewNames(body: readonly Stmt[], out: Set<string>): void {
  const stack: unknown[] = [...body];
  let budget = 1_000_000;
  while (stack.length > 0 && budget-- > 0) {
    const node = stack.pop();
    if (!node || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    const n = node as Record<string, unknown>;
    if (n['k'] === 'new' && (n['callee'] as Expr | undefined)?.k === 'ident') out.add((n['callee'] as { name: string }).name);
    for (const [key, value] of Object.entries(n)) if (key !== 'k' && value && typeof value === 'object') stack.push(value);
  }
}

/**
 * The model element id of the CloudFormation resource a value stands for: an L1 construct, or the
 * `node.defaultChild` of a library construct (`vpc.node.defaultChild`, a planned subnet's).
 */
function cfnResourceOf(v: V): string | undefined {
  if (v.t === 'construct') return isL1(v.c) ? v.c.elementId : undefined;
  if (v.t === 'libval' && v.kind === 'cfnResource' && v.data['of']?.t === 'construct') return v.data['of'].c.elementId;
  return undefined;
}

function isKnownObject(v: V): boolean {
  return v.t === 'construct' || v.t === 'list' || v.t === 'obj' || v.t === 'fn' || v.t === 'class';
}
