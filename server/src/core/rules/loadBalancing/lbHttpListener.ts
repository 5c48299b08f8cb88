import type { Listener, ListenerAction } from '../../model/types';
import { defineRule } from '../catalog';
import type { Finding, RuleContext } from '../types';
import { isInternetFacing, listenerIndex, protocolOf, resolve } from './support';

/**
 * `lb-http-listener`: an internet-facing load balancer serves plain HTTP: an HTTP listener whose default
 * action does not redirect to HTTPS, on a load balancer with no HTTPS listener. Anything that might be the
 * missing HTTPS piece keeps it silent: an action or redirect protocol we cannot read, a listener of this load
 * balancer with an unknown protocol, or a listener whose load balancer we cannot resolve. A redirect without
 * a protocol keeps the request's (`#{protocol}`), so it is not a redirect to HTTPS. Reported on the protocol.
 * No quick fix: redirecting needs an HTTPS listener with a certificate, which only the user can provide.
 */
export const lbHttpListener = defineRule('lb-http-listener', function* (ctx): Iterable<Finding> {
  for (const listener of ctx.model.ofKind('listener')) {
    if (protocolOf(listener) !== 'HTTP' || !listener.protocol?.known) continue;
    const lb = resolve(ctx, 'lb', listener.loadBalancer);
    if (!lb || isInternetFacing(lb) !== true) continue;
    if (redirectsToHttps(listener) !== false || hasHttpsListener(ctx, lb.id) !== false) continue;
    yield {
      ruleId: 'lb-http-listener',
      message:
        `Internet-facing load balancer ${lb.address} serves plain HTTP on listener ${listener.address}: ` +
        'its default action does not redirect to HTTPS and the load balancer has no HTTPS listener, so traffic crosses the internet unencrypted',
      span: listener.protocol.span,
      related: [{ span: lb.nameSpan, message: `internet-facing load balancer ${lb.address}` }],
    };
  }
});

/** true/false when every default action is readable; undefined when one could be a redirect we cannot see. */
function redirectsToHttps(listener: Listener): boolean | undefined {
  if (listener.defaultActions.length === 0) return undefined;
  let unsure = false;
  for (const action of listener.defaultActions) {
    const verdict = isHttpsRedirect(action);
    if (verdict === true) return true;
    if (verdict === undefined) unsure = true;
  }
  return unsure ? undefined : false;
}

function isHttpsRedirect(action: ListenerAction): boolean | undefined {
  if (!action.type.known) return undefined;
  if (action.type.value.trim().toLowerCase() !== 'redirect') return false;
  const protocol = action.redirectProtocol;
  if (protocol === undefined) return false; // `#{protocol}`: stays HTTP
  if (!protocol.known) return undefined;
  return protocol.value.trim().toUpperCase() === 'HTTPS';
}

/** Whether the load balancer has an HTTPS listener; undefined when an unreadable listener might be one. */
function hasHttpsListener(ctx: RuleContext, lbId: string): boolean | undefined {
  const index = listenerIndex(ctx);
  let unsure = index.someUnknown;
  for (const l of index.byLoadBalancer.get(lbId) ?? []) {
    if (l.protocol && !l.protocol.known) unsure = true;
    else if (protocolOf(l) === 'HTTPS') return true;
  }
  return unsure ? undefined : false;
}
