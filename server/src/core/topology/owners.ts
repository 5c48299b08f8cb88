import type { ModelView } from '../model/network';
import type { ElementId, ElementKind, NetworkElement } from '../model/types';

/** Element kinds the graph draws as nodes of their own (EIPs only when nothing uses them). */
const DRAWN_KINDS: ReadonlySet<ElementKind> = new Set<ElementKind>([
  'vpc',
  'subnet',
  'route-table',
  'igw',
  'egress-igw',
  'nat',
  'eip',
  'sg',
  'nacl',
  'peering',
  'tgw',
  'vgw',
  'cgw',
  'vpn',
  'dx-gateway',
  'endpoint',
  'lb',
  'target-group',
  'instance',
  'eni',
]);

/**
 * The element a part belongs to in the picture: a route to its table, a listener to its load balancer, an
 * SG rule to its group... Findings on a part are counted on that node, and a cursor in a part highlights it.
 * Undefined for a drawn element (it is its own node) and for a part whose owner is unknown.
 */
function ownerOf(e: NetworkElement): ElementId | undefined {
  const id = (f: { known: boolean; value?: ElementId } | undefined) => (f?.known ? f.value : undefined);
  switch (e.kind) {
    case 'vpc-cidr-block':
      return id(e.vpc);
    case 'route':
    case 'main-route-table-association':
    case 'route-table-association':
      return id(e.routeTable);
    case 'gateway-attachment':
      return id(e.gateway);
    case 'eip':
      return e.associatedWith[0];
    case 'sg-rule':
      return id(e.group);
    case 'nacl-entry':
    case 'nacl-association':
      return id(e.nacl);
    case 'tgw-attachment':
      return id(e.transitGateway);
    case 'tgw-route':
      return id(e.attachment);
    case 'listener':
      return id(e.loadBalancer);
    case 'flow-log':
      return id(e.resource);
    default:
      return undefined;
  }
}

/**
 * The node id that stands for an element: itself when drawn, else its owner's node (followed through parts
 * of parts: a TGW route -> its attachment -> the transit gateway). Undefined when no drawn owner is known.
 */
export function nodeIdFor(model: ModelView, e: NetworkElement, isNode: (id: ElementId) => boolean): ElementId | undefined {
  let current: NetworkElement | undefined = e;
  // Bounded: owner chains are at most a few links long; a cycle in bad input must not loop forever.
  for (let step = 0; current && step < 8; step++) {
    if (DRAWN_KINDS.has(current.kind) && isNode(current.id)) return current.id;
    const owner = ownerOf(current);
    if (owner === undefined) return undefined;
    current = model.get(owner);
  }
  return undefined;
}
