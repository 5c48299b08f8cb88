// STUB: replaced by the facts implementation.
import type { NetworkFacts } from './facts';
import type { NetworkModel } from './network';

export function computeFacts(model: NetworkModel): NetworkFacts {
  return {
    vpcBlocks: (vpc) => vpc.cidrBlocks,
    subnetsOf: (id) => model.ofKind('subnet').filter((s) => s.vpc.known && s.vpc.value === id),
    routesOf: () => [],
    routeTableOf: () => ({ how: 'unknown' }),
    publicness: () => ({ public: undefined, reason: 'not computed' }),
    vpcOf: () => undefined,
  };
}
