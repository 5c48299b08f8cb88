import type { ElementId, ElementKind, ElementOfKind, NetworkElement } from './types';

/** Read access to a network model: one unit's, or the whole workspace's (analysis/compositeModel.ts). */
export interface ModelView {
  readonly size: number;
  get(id: ElementId | undefined): NetworkElement | undefined;
  getOf<K extends ElementKind>(kind: K, id: ElementId | undefined): ElementOfKind<K> | undefined;
  all(): Iterable<NetworkElement>;
  ofKind<K extends ElementKind>(kind: K): readonly ElementOfKind<K>[];
}

/**
 * The network of one analysis unit: every element, indexed by id and by kind.
 * Built once per unit change by the workspace; read-only afterwards.
 */
export class NetworkModel implements ModelView {
  private readonly byId = new Map<ElementId, NetworkElement>();
  private readonly byKind = new Map<ElementKind, NetworkElement[]>();

  constructor(elements: Iterable<NetworkElement>) {
    for (const e of elements) {
      // A duplicate id (the same resource reached twice) keeps the first: ids are addresses.
      if (this.byId.has(e.id)) continue;
      this.byId.set(e.id, e);
      let list = this.byKind.get(e.kind);
      if (!list) this.byKind.set(e.kind, (list = []));
      list.push(e);
    }
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: ElementId | undefined): NetworkElement | undefined {
    return id === undefined ? undefined : this.byId.get(id);
  }

  getOf<K extends ElementKind>(kind: K, id: ElementId | undefined): ElementOfKind<K> | undefined {
    const e = this.get(id);
    return e && e.kind === kind ? (e as ElementOfKind<K>) : undefined;
  }

  all(): IterableIterator<NetworkElement> {
    return this.byId.values();
  }

  ofKind<K extends ElementKind>(kind: K): readonly ElementOfKind<K>[] {
    return (this.byKind.get(kind) ?? []) as ElementOfKind<K>[];
  }
}
