import { defineRule } from '../catalog';
import type { Finding } from '../types';
import { attrName, isInternetFacing, resolve } from './support';

/**
 * `lb-internet-facing-private`: an internet-facing load balancer uses a subnet that is not public. Its nodes
 * in that subnet get public addresses but no route from the internet, so clients reaching that AZ time out.
 * Publicness comes from the derived facts; a subnet whose publicness cannot be decided is not reported.
 * Reported on each private subnet where the load balancer names it, related to the subnet with the reason.
 * No quick fix: making the load balancer internal and routing the subnet to an internet gateway are both fixes.
 */
export const lbInternetFacingPrivate = defineRule('lb-internet-facing-private', function* (ctx): Iterable<Finding> {
  for (const lb of ctx.model.ofKind('lb')) {
    if (isInternetFacing(lb) !== true) continue;
    const seen = new Set<string>();
    for (const f of lb.subnets) {
      const subnet = resolve(ctx, 'subnet', f);
      if (!subnet || !f.known || seen.has(subnet.id)) continue;
      seen.add(subnet.id);
      const publicness = ctx.facts.publicness(subnet);
      if (publicness.public !== false) continue;
      yield {
        ruleId: 'lb-internet-facing-private',
        message:
          `Internet-facing load balancer ${lb.address} uses private subnet ${subnet.address} (${stripVerdict(publicness.reason)}); ` +
          `put it in public subnets, or make it internal (${attrName(lb, 'internal = true', 'Scheme: internal')})`,
        span: f.span,
        related: [{ span: subnet.nameSpan, message: `subnet ${subnet.address}: ${publicness.reason}` }],
      };
    }
  }
});

/** A publicness reason without its `private: ` verdict, to embed in a sentence that already says it. */
function stripVerdict(reason: string): string {
  return reason.replace(/^private:\s*/, '');
}
