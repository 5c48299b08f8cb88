import type { Span } from '../../../text/span';
import { uriInFolder } from '../../../text/uri';
import { type Value, unknown } from '../../../values/value';
import type { SourceProblem } from '../../types';
import type { ShownElsewhere } from '../../shownElsewhere';
import type { ModuleDefinition } from './moduleDefinition';
import { TraceRecorder } from './traces';

/** Work units (expression evaluations, list elements built) one root module may take. */
export const MAX_WORK = 5_000_000;

/** The reason of a value caught in a cycle (also how a reference tells a cycle from other unknowns). */
export const CYCLE = 'it depends on itself (a cycle)';

/** The reason of a value the evaluation budget (MAX_WORK) cut short. */
export const BUDGET = 'evaluating it takes more work than VPC Lens allows one module';

/** Largest `count` / number of `for_each` keys expanded. */
export const MAX_INSTANCES = 10_000;
/** Deepest chain of module calls followed. */
export const MAX_MODULE_DEPTH = 32;

const IN_PROGRESS: unique symbol = Symbol('in progress');
export type Memo<K> = Map<K, Value | typeof IN_PROGRESS>;
/** Memoized values by position (a resource instance's attributes, in the order they are written). */
export type MemoSlots = (Value | typeof IN_PROGRESS | undefined)[];

/**
 * The owner of memo slots: computes a slot, and names it only when it turns out to be part of a cycle, so that
 * evaluating a slot builds no label, span or closure (resource attributes are the evaluator's most evaluated).
 */
export interface SlotOwner {
  computeSlot(index: number): Value;
  slotLabel(index: number): string;
  slotSpan(index: number): Span;
}

/**
 * Per-root evaluation state: problems, traces, the work budget and the stack of memoized evaluations in
 * progress (which turns a reference cycle into unknown plus one problem instead of a hang).
 */
export class EvalContext {
  /** Undefined when traces are not wanted (a one-shot check). */
  readonly traces: TraceRecorder | undefined;
  private readonly problems = new Map<string, SourceProblem>();
  /**
   * The evaluations in progress, innermost last: a label, or a slot's owner with the slot's index at the same
   * place in `stackSlots` (a label is built for those only when a cycle is reported).
   */
  private readonly stack: (string | SlotOwner)[] = [];
  private readonly stackSlots: number[] = [];
  private readonly reportedCycles = new Set<string>();
  private work = 0;
  private budgetReported = false;
  /** Inside `try()` / `can()`: errors are expected and not reported. */
  suppressErrors = 0;

  /** Folders of installed modules this root reads, and the module blocks of the user's code that call them. */
  private readonly shown = new Map<string, ShownElsewhere>();
  /** The files `file()` and `fileexists()` asked for, and what they found (undefined: not held). */
  private readonly read = new Map<string, string | undefined>();

  constructor(
    readonly rootFolder: string,
    readonly definitionOf: (folder: string) => ModuleDefinition | undefined,
    recordTraces = true,
    /** The root's module manifest: manifest key (`vpc`, `net.vpc`) -> folder `terraform init` installed it in. */
    readonly installedModules: ReadonlyMap<string, string> = new Map(),
    /** Texts of the workspace's files (`BuildOptions.textOf`): what `file()` reads. */
    private readonly textOf: (uri: string) => string | undefined = () => undefined,
  ) {
    this.traces = recordTraces ? new TraceRecorder() : undefined;
  }

  /** Findings in `entry.folder` are reported at `entry.at` (the first call that reaches the folder wins). */
  showElsewhere(entry: ShownElsewhere): void {
    if (!this.shown.has(entry.folder)) this.shown.set(entry.folder, entry);
  }

  get shownElsewhere(): readonly ShownElsewhere[] {
    return [...this.shown.values()];
  }

  /**
   * A file as Terraform's file functions name it (relative to the root module's folder, where Terraform runs,
   * or absolute): its URI, and its text when the workspace holds it (remembered for `filesRead`). One function
   * per root, handed to every function call.
   */
  readonly readFileAtPath = (path: string): { readonly uri: string; readonly text: string | undefined } | undefined => {
    const uri = fileUriIn(this.rootFolder, path);
    if (uri === undefined) return undefined;
    if (!this.read.has(uri)) this.read.set(uri, this.textOf(uri));
    return { uri, text: this.read.get(uri) };
  };

  /** Each file this root read through `file()`/`fileexists()` and its text then: a change must evaluate it again. */
  get filesRead(): ReadonlyMap<string, string | undefined> {
    return this.read;
  }

  report(span: Span, message: string, severity: SourceProblem['severity'] = 'warning'): void {
    const key = `${span.file}#${span.start}-${span.end}#${message}`;
    if (!this.problems.has(key)) this.problems.set(key, { code: 'evaluation', severity, message, span });
  }

  /** A problem that `try()`/`can()` may swallow. */
  reportError(span: Span, message: string): void {
    if (this.suppressErrors === 0) this.report(span, message);
  }

  allProblems(): SourceProblem[] {
    return [...this.problems.values()];
  }

  /** Charges work; false (with one problem) once the root's budget is used up. */
  charge(units: number, at: Span): boolean {
    if (this.spend(units)) return true;
    if (!this.budgetReported) {
      this.budgetReported = true;
      this.report(at, 'This configuration needs more evaluation work than VPC Lens spends on one root module; the rest is left unknown');
    }
    return false;
  }

  /**
   * Charges work without reporting: false once the budget is used up (then `charge` reports where). For the
   * hot path, which must not build a span for every expression it evaluates.
   */
  spend(units: number): boolean {
    this.work += units;
    return this.work <= MAX_WORK;
  }

  get exhausted(): boolean {
    return this.work > MAX_WORK;
  }

  /**
   * The memoized value of a key, when it is computed (not while it is being computed): lets callers skip
   * building the label and span `memo` wants, on every lookup after the first.
   */
  static hit<K>(memo: Memo<K>, key: K): Value | undefined {
    const cached = memo.get(key);
    return cached === IN_PROGRESS ? undefined : cached;
  }

  /**
   * Evaluates once per key. Re-entering a key that is being evaluated is a cycle: it evaluates to unknown
   * and the cycle is reported once, at `at`, by name (`local.a -> local.b -> local.a`).
   */
  memo<K>(memo: Memo<K>, key: K, label: string, at: Span, compute: () => Value): Value {
    const cached = memo.get(key);
    if (cached === IN_PROGRESS) return this.cycle(label, at);
    if (cached !== undefined) return cached;
    memo.set(key, IN_PROGRESS);
    this.push(label, -1);
    let value: Value;
    try {
      value = compute();
    } finally {
      this.pop();
    }
    memo.set(key, value);
    return value;
  }

  /** `memo` for slot `index` of `owner`: the same cycle handling, with the label and span asked for only then. */
  memoSlot(slots: MemoSlots, index: number, owner: SlotOwner): Value {
    const cached = slots[index];
    if (cached === IN_PROGRESS) return this.cycle(owner.slotLabel(index), owner.slotSpan(index));
    if (cached !== undefined) return cached;
    slots[index] = IN_PROGRESS;
    this.push(owner, index);
    let value: Value;
    try {
      value = owner.computeSlot(index);
    } finally {
      this.pop();
    }
    slots[index] = value;
    return value;
  }

  /** Like `memo` for a computation whose result is not a Value (resource expansion). */
  guard<T>(busy: { busy: boolean }, label: string, at: Span, compute: () => T, onCycle: () => T): T {
    if (busy.busy) {
      this.cycle(label, at);
      return onCycle();
    }
    busy.busy = true;
    this.push(label, -1);
    try {
      return compute();
    } finally {
      this.pop();
      busy.busy = false;
    }
  }

  private push(entry: string | SlotOwner, slot: number): void {
    this.stack.push(entry);
    this.stackSlots.push(slot);
  }

  private pop(): void {
    this.stack.pop();
    this.stackSlots.pop();
  }

  private cycle(label: string, at: Span): Value {
    const labels = this.stack.map((entry, i) => (typeof entry === 'string' ? entry : entry.slotLabel(this.stackSlots[i]!)));
    const from = labels.lastIndexOf(label);
    const members = from >= 0 ? labels.slice(from) : [label];
    const key = [...members].sort().join('|');
    if (!this.reportedCycles.has(key)) {
      this.reportedCycles.add(key);
      this.report(at, `Cycle: ${[...members, label].join(' -> ')} refer to each other, so VPC Lens cannot evaluate them`);
    }
    return unknown(CYCLE);
  }
}

/** A path as Terraform's file functions take it, relative to the root module's folder URI; undefined if unusable. */
function fileUriIn(rootFolder: string, path: string): string | undefined {
  return path === '' || path.includes('\0') ? undefined : uriInFolder(rootFolder, path);
}
