import type { Span } from '../../../text/span';
import type { Block } from '../syntax/ast';
import { spanOf } from './evaluate';
import { expandInstances, type InstanceKey } from './expansion';
import type { InstanceCollection, Navigable } from './references';
import type { Scope } from './scope';

/**
 * A `resource` or `module` block of one module instance, expanded into its count/for_each instances once, on
 * first use. The expansion is guarded: a block whose `count` refers back to itself ends in no instances and a
 * cycle problem instead of recursing.
 */
export abstract class BlockInstances<I extends Navigable> implements InstanceCollection {
  readonly mode: 'single' | 'count' | 'for_each';
  private expansion: { known: boolean; instances: I[]; why?: string } | undefined;
  private readonly busy = { busy: false };

  constructor(private readonly block: Block) {
    const attrs = block.body.attributes;
    this.mode = attrs.some((a) => a.name === 'count')
      ? 'count'
      : attrs.some((a) => a.name === 'for_each')
        ? 'for_each'
        : 'single';
  }

  abstract get baseAddress(): string;
  /** The scope the block's count/for_each and its instances are evaluated in. */
  protected abstract blockScope(): Scope;
  protected abstract makeInstance(key: InstanceKey, scope: Scope): I;

  expand(at?: Span): { known: boolean; instances: I[]; why?: string } {
    if (this.expansion) return this.expansion;
    const scope = this.blockScope();
    this.expansion = scope.mod.ctx.guard(
      this.busy,
      this.baseAddress,
      at ?? spanOf(scope, this.block),
      () => {
        const e = expandInstances(this.block, scope, this.baseAddress);
        const instances = e.keys.map((k) => this.makeInstance(k, scope));
        return e.why === undefined ? { known: e.known, instances } : { known: e.known, instances, why: e.why };
      },
      () => ({ known: false, instances: [] as I[] }),
    );
    return this.expansion;
  }
}
