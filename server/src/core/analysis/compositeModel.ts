import type { ModelView, NetworkModel } from '../model/network';
import type { NetworkFacts } from '../model/facts';
import type { ElementId, ElementKind, ElementOfKind, NetworkElement } from '../model/types';

/**
 * The workspace's network as one read-only view over the per-unit models. Units never reference each other,
 * so an id lives in exactly one unit; lookups ask each unit in turn (a workspace has tens of units, not
 * thousands), which keeps an analysis after an edit free of any workspace-wide index rebuild.
 */
export class CompositeModel implements ModelView {
  constructor(private readonly parts: readonly NetworkModel[]) {}

  get size(): number {
    let n = 0;
    for (const p of this.parts) n += p.size;
    return n;
  }

  /** The unit model holding an element. */
  partOf(id: ElementId | undefined): NetworkModel | undefined {
    if (id === undefined) return undefined;
    return this.parts.find((p) => p.get(id) !== undefined);
  }

  get(id: ElementId | undefined): NetworkElement | undefined {
    return this.partOf(id)?.get(id);
  }

  getOf<K extends ElementKind>(kind: K, id: ElementId | undefined): ElementOfKind<K> | undefined {
    return this.partOf(id)?.getOf(kind, id);
  }

  *all(): IterableIterator<NetworkElement> {
    for (const p of this.parts) yield* p.all();
  }

  ofKind<K extends ElementKind>(kind: K): readonly ElementOfKind<K>[] {
    if (this.parts.length === 1) return this.parts[0]!.ofKind(kind);
    return this.parts.flatMap((p) => p.ofKind(kind));
  }
}

/** Facts over the whole workspace: each question goes to the unit that holds the element asked about. */
export function compositeFacts(units: readonly { readonly model: NetworkModel; readonly facts: NetworkFacts }[]): NetworkFacts {
  const unitOf = (id: ElementId) => units.find((u) => u.model.get(id) !== undefined);
  return {
    vpcBlocks: (vpc) => unitOf(vpc.id)?.facts.vpcBlocks(vpc) ?? vpc.cidrBlocks,
    subnetsOf: (vpcId) => unitOf(vpcId)?.facts.subnetsOf(vpcId) ?? [],
    routesOf: (tableId) => unitOf(tableId)?.facts.routesOf(tableId) ?? [],
    routeTableOf: (subnet) => unitOf(subnet.id)?.facts.routeTableOf(subnet) ?? { how: 'unknown' },
    publicness: (subnet) =>
      unitOf(subnet.id)?.facts.publicness(subnet) ?? { public: undefined, reason: 'the subnet is not in the analysed workspace' },
    vpcOf: (id) => unitOf(id)?.facts.vpcOf(id),
  };
}
