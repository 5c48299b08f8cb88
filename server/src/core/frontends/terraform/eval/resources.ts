import type { Span } from '../../../text/span';
import { ref, type Value, unknown } from '../../../values/value';
import type { EvaluatedBody, EvaluatedResource } from '../evaluated';
import type { Attribute } from '../syntax/ast';
import { bodyToValue, evaluateBody, META_ATTRIBUTES, META_BLOCKS } from './body';
import type { Memo } from './context';
import { evaluateTraced, spanOf } from './evaluate';
import { expandInstances, type InstanceKey } from './expansion';
import type { ResourceDecl } from './moduleDefinition';
import type { ModuleInstance } from './moduleInstance';
import { type InstanceCollection, type Navigable, registerResourceObject } from './references';
import type { Scope } from './scope';

/** A `resource` block in one module instance, expanded into instances on first use. */
export class ResourceCollection implements InstanceCollection {
  readonly mode: 'single' | 'count' | 'for_each';
  private expansion: { known: boolean; instances: ResourceInstance[] } | undefined;
  private readonly busy = { busy: false };

  constructor(
    readonly mod: ModuleInstance,
    readonly decl: ResourceDecl,
  ) {
    const attrs = decl.block.body.attributes;
    this.mode = attrs.some((a) => a.name === 'count')
      ? 'count'
      : attrs.some((a) => a.name === 'for_each')
        ? 'for_each'
        : 'single';
  }

  get baseAddress(): string {
    return `${this.mod.prefix}${this.decl.type}.${this.decl.name}`;
  }

  expand(at?: Span): { known: boolean; instances: ResourceInstance[] } {
    if (this.expansion) return this.expansion;
    const scope = this.mod.scopeFor(this.decl.file);
    const result = this.mod.ctx.guard(
      this.busy,
      this.baseAddress,
      at ?? spanOf(scope, this.decl.block),
      () => {
        const e = expandInstances(this.decl.block, scope);
        return { known: e.known, instances: e.keys.map((k) => new ResourceInstance(this, k, scope)) };
      },
      () => ({ known: false, instances: [] as ResourceInstance[] }),
    );
    this.expansion = result;
    return result;
  }
}

/** One resource instance: attributes evaluated lazily (when referenced or emitted) and memoized. */
export class ResourceInstance implements Navigable {
  readonly key?: number | string;
  readonly address: string;
  readonly elementId: string;
  private readonly scope: Scope;
  private readonly label: string | undefined;
  private readonly attrMemo: Memo<string> = new Map();
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
    this.scope = { ...moduleScope, countIndex: k.countIndex, each: k.each };
    this.label = [coll.mod.path, k.suffix].filter(Boolean).join(' ') || undefined;
  }

  private get decl(): ResourceDecl {
    return this.coll.decl;
  }

  get(name: string, at: Span): Value {
    const attr = this.decl.block.body.attributes.find((a) => a.name === name && !META_ATTRIBUTES.has(a.name));
    if (attr) return this.attrValue(attr);
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

  attrValue(attr: Attribute): Value {
    return this.coll.mod.ctx.memo(this.attrMemo, attr.name, `${this.address}.${attr.name}`, spanOf(this.scope, attr.value), () =>
      evaluateTraced(attr.value, this.scope, { label: this.label, owner: this.elementId, attribute: attr.name }),
    );
  }

  body(): EvaluatedBody {
    if (this.bodyMemo) return this.bodyMemo;
    const result = this.coll.mod.ctx.guard(
      this.busy,
      this.address,
      spanOf(this.scope, this.decl.block),
      () =>
        evaluateBody(this.decl.block.body, this.scope, { label: this.label, owner: this.elementId }, true, (a) =>
          this.attrValue(a),
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
