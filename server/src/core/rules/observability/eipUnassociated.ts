import type { ElasticIp } from '../../model/types';
import { defineRule } from '../catalog';
import type { Finding, RuleContext } from '../types';

/**
 * `eip-unassociated`: an Elastic IP is attached to nothing: no NAT gateway, instance, network interface or
 * association uses it, and AWS bills idle addresses. Silent whenever something we cannot see might use it:
 * an unknown instance or interface on the address itself, a NAT gateway of the unit whose allocation is unknown,
 * or an internet-facing Network Load Balancer (or one of unknown type or scheme) in the unit, since those take
 * addresses through subnet mappings (`allocation_id`), which the model does not record. Reported on the EIP's name. No quick fix: whether to
 * release it or attach it is the user's call.
 */
export const eipUnassociated = defineRule('eip-unassociated', function* (ctx): Iterable<Finding> {
  if (someUserUnseen(ctx)) return;
  for (const eip of ctx.model.ofKind('eip')) {
    if (!isIdle(eip)) continue;
    yield {
      ruleId: 'eip-unassociated',
      message:
        `Elastic IP ${eip.address} is not used by any NAT gateway, instance, network interface or association; ` +
        'AWS bills an idle Elastic IP: attach it or release it',
      span: eip.nameSpan,
    };
  }
});

function isIdle(eip: ElasticIp): boolean {
  if (eip.associatedWith.length > 0) return false;
  // Written but unknown: attached to something we cannot resolve.
  if (eip.instance !== undefined || eip.networkInterface !== undefined) return false;
  return true;
}

/** Whether some element of the unit could use any EIP without the model saying which. */
function someUserUnseen(ctx: RuleContext): boolean {
  for (const nat of ctx.model.ofKind('nat')) if (nat.allocation !== undefined && !nat.allocation.known) return true;
  for (const lb of ctx.model.ofKind('lb')) {
    const mayBeNetwork = !lb.lbType.known || lb.lbType.value === 'network';
    const mayFaceInternet = !lb.internal.known || !lb.internal.value;
    if (mayBeNetwork && mayFaceInternet) return true;
  }
  return false;
}
