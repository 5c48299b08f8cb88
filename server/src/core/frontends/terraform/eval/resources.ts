import type { Span } from '../../../text/span';
import { ref, type Value, unknown } from '../../../values/value';
import type { EvaluatedBody, EvaluatedResource } from '../evaluated';
import type { Attribute } from '../syntax/ast';
import { bodyToValue, evaluateBody, META_ATTRIBUTES, META_BLOCKS } from './body';
import type { MemoSlots, SlotOwner } from './context';
import { evaluate, evaluateTraced, spanOf } from './evaluate';
import { BlockInstances } from './blockInstances';
import type { InstanceKey } from './expansion';
import type { ResourceDecl } from './moduleDefinition';
import type { ModuleInstance } from './moduleInstance';
import { type Navigable, registerResourceObject } from './references';
import { instanceScope, type Scope } from './scope';

/** A `resource` block in one module instance, expanded into instances on first use. */
export class ResourceCollection extends BlockInstances<ResourceInstance> {
  constructor(
    readonly mod: ModuleInstance,
    readonly decl: ResourceDecl,
  ) {
    super(decl.block);
  }

  get baseAddress(): string {
    return `${this.mod.prefix}${this.decl.type}.${this.decl.name}`;
  }

  protected blockScope(): Scope {
    return this.mod.scopeFor(this.decl.file);
  }

  protected makeInstance(key: InstanceKey, scope: Scope): ResourceInstance {
    return new ResourceInstance(this, key, scope);
  }
}

/** One resource instance: attributes evaluated lazily (when referenced or emitted) and memoized. */
export class ResourceInstance implements Navigable, SlotOwner {
  readonly key?: number | string;
  readonly address: string;
  readonly elementId: string;
  private readonly scope: Scope;
  private readonly label: string | undefined;
  /** Attribute values by their place in the block (made on first use). */
  private attrSlots: MemoSlots | undefined;
  private bodyMemo: EvaluatedBody | undefined;
  private objectMemo: Value | undefined;
  private readonly busy = { busy: false };

  constructor(
    private readonly coll: ResourceCollection,
    k: InstanceKey,
    moduleScope: Scope,
  ) {
    this.key = k.key;
    this.address = coll.baseAddress + k.suffix;
    this.elementId = `${coll.mod.ctx.rootFolder}::${this.address}`;
    this.scope = instanceScope(moduleScope, k.countIndex, k.each);
    this.label = instanceLabel(coll.mod.path, k.suffix);
  }

  private get decl(): ResourceDecl {
    return this.coll.decl;
  }

  get(name: string, at: Span): Value {
    const attrs = this.decl.block.body.attributes;
    for (let i = 0; i < attrs.length; i++) {
      if (attrs[i]!.name === name && !META_ATTRIBUTES.has(name)) return this.attrValue(i);
    }
    const hasBlock = this.decl.block.body.blocks.some(
      (b) => !META_BLOCKS.has(b.type) && (b.type === name || (b.type === 'dynamic' && b.labels[0]?.value === name)),
    );
    if (hasBlock) {
      const obj = this.materialize(at);
      return obj.k === 'map' ? (obj.entries.get(name) ?? unknown()) : unknown();
    }
    // Not written: known only after apply (id, arn, default_security_group_id, ...).
    return ref(this.elementId, name, at);
  }

  /** The value of the block's attribute at `index`, evaluated once. */
  attrValue(index: number): Value {
    const slots = (this.attrSlots ??= new Array<MemoSlots[number]>(this.decl.block.body.attributes.length));
    return this.coll.mod.ctx.memoSlot(slots, index, this);
  }

  computeSlot(index: number): Value {
    const attr = this.attribute(index);
    const traces = this.coll.mod.ctx.traces;
    return traces
      ? evaluateTraced(attr.value, this.scope, { label: this.label, owner: this.elementId, attribute: attr.name })
      : evaluate(attr.value, this.scope);
  }

  slotLabel(index: number): string {
    return `${this.address}.${this.attribute(index).name}`;
  }

  slotSpan(index: number): Span {
    return spanOf(this.scope, this.attribute(index).value);
  }

  private attribute(index: number): Attribute {
    return this.decl.block.body.attributes[index]!;
  }

  body(): EvaluatedBody {
    if (this.bodyMemo) return this.bodyMemo;
    const result = this.coll.mod.ctx.guard(
      this.busy,
      this.address,
      spanOf(this.scope, this.decl.block),
      () =>
        evaluateBody(this.decl.block.body, this.scope, { label: this.label, owner: this.elementId }, true, (index) =>
          this.attrValue(index),
        ),
      () => undefined,
    );
    if (!result) return { attrs: new Map(), blocks: [] };
    this.bodyMemo = result;
    return result;
  }

  materialize(_at?: Span): Value {
    if (this.objectMemo) return this.objectMemo;
    const body = this.body();
    this.objectMemo = registerResourceObject(bodyToValue(body, spanOf(this.scope, this.decl.block)), this.elementId);
    return this.objectMemo;
  }

  toEvaluated(): EvaluatedResource {
    const nameLabel = this.decl.block.labels[1]!;
    return {
      elementId: this.elementId,
      address: this.address,
      type: this.decl.type,
      name: this.decl.name,
      key: this.key,
      span: spanOf(this.scope, this.decl.block),
      nameSpan: spanOf(this.scope, nameLabel),
      body: this.body(),
    };
  }
}

/** `module.net[0] [1]`: the module path and the instance key, as hovers list instances; undefined for neither. */
function instanceLabel(modulePath: string, suffix: string): string | undefined {
  if (!modulePath) return suffix || undefined;
  return suffix ? `${modulePath} ${suffix}` : modulePath;
}
