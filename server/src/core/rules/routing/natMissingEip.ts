import { defineRule } from '../catalog';
import type { Finding } from '../types';
import { isPublicNat } from './natPrivateSubnet';
import { attrName } from './support';

/**
 * `nat-missing-eip`: a public NAT gateway in a subnet has no Elastic IP allocation (AWS requires one).
 * Only zonal NAT gateways (those with a subnet) are judged: a regional NAT gateway has no subnet and may get
 * its addresses automatically. No quick fix: which EIP to use (a new one or an existing one) is a choice.
 */
export const natMissingEip = defineRule('nat-missing-eip', function* (ctx): Iterable<Finding> {
  for (const nat of ctx.model.ofKind('nat')) {
    if (nat.allocation !== undefined || isPublicNat(nat) !== true || !nat.subnet.known) continue;
    yield {
      ruleId: 'nat-missing-eip',
      message: `Public NAT gateway ${nat.address} has no Elastic IP allocation (${attrName(nat, 'allocation_id', 'AllocationId')}); AWS requires one for public connectivity. Allocate an Elastic IP for it, or make it a private NAT gateway`,
      span: nat.nameSpan,
    };
  }
});
