import { attrName, resolve } from '../elementAccess';

// Shared with every family; re-exported so this family's rules import their helpers from one place.
export { attrName, resolve };
import type { ElementId, Listener, LoadBalancer, Subnet } from '../../model/types';
import type { RuleContext } from '../types';

/**
 * Helpers shared by the load balancer rules. The listener index is built once per analysis (keyed on the
 * immutable model object), so each rule stays one pass over the model.
 */

/**
 * Whether a load balancer faces the internet: its scheme is known to be internet-facing and its type is known
 * to take a scheme. Gateway Load Balancers have no scheme (the model's default `internal = false` means nothing
 * for them), so they are never internet-facing here. undefined = cannot be decided.
 */
export function isInternetFacing(lb: LoadBalancer): boolean | undefined {
  if (!lb.lbType.known || !lb.internal.known) return undefined;
  if (lb.lbType.value === 'gateway') return false;
  return !lb.internal.value;
}

export interface ListenerIndex {
  /** Load balancer id -> its listeners (those whose `load_balancer_arn` is known). */
  readonly byLoadBalancer: ReadonlyMap<ElementId, readonly Listener[]>;
  /** Some listener names a load balancer we cannot resolve: it could belong to any of them. */
  readonly someUnknown: boolean;
}

const listenerIndexes = new WeakMap<object, ListenerIndex>();

export function listenerIndex(ctx: RuleContext): ListenerIndex {
  const memo = listenerIndexes.get(ctx.model);
  if (memo) return memo;
  const byLoadBalancer = new Map<ElementId, Listener[]>();
  let someUnknown = false;
  for (const l of ctx.model.ofKind('listener')) {
    if (!l.loadBalancer.known) {
      someUnknown = true;
      continue;
    }
    const list = byLoadBalancer.get(l.loadBalancer.value);
    if (list) list.push(l);
    else byLoadBalancer.set(l.loadBalancer.value, [l]);
  }
  const index: ListenerIndex = { byLoadBalancer, someUnknown };
  listenerIndexes.set(ctx.model, index);
  return index;
}

/** Protocol of a listener when known, upper-cased (front-ends already upper-case it; literals may not be). */
export function protocolOf(l: Listener): string | undefined {
  return l.protocol?.known ? l.protocol.value.trim().toUpperCase() : undefined;
}
