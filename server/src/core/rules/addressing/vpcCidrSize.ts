import { defineRule } from '../catalog';
import type { Finding } from '../types';
import { VPC_IPV4, VPC_IPV6, addressCount, sizeAllowed, sizeProblem } from './sizes';
import { allVpcBlocks, cidrOf } from './support';

/** `vpc-cidr-size`: a VPC block (or the netmask length an IPAM pool allocates) has a size AWS rejects. */
export const vpcCidrSize = defineRule('vpc-cidr-size', function* (ctx): Iterable<Finding> {
  for (const { block } of allVpcBlocks(ctx)) {
    const rule = block.ipv6 ? VPC_IPV6 : VPC_IPV4;
    const version = block.ipv6 ? 6 : 4;
    const name = block.ipv6 ? 'VPC IPv6 block' : 'VPC block';
    const cidr = cidrOf(block.cidr);
    if (cidr && block.cidr.known && cidr.version === version && !sizeAllowed(cidr.prefix, rule)) {
      yield {
        ruleId: 'vpc-cidr-size',
        message: `${name} ${cidr.text}${addressCount(version, cidr.prefix)} ${sizeProblem(cidr.prefix, rule)}: ${rule.allowed}`,
        span: block.cidr.span,
      };
    }
    const netmask = block.ipamNetmaskLength;
    if (netmask?.known && Number.isInteger(netmask.value) && !sizeAllowed(netmask.value, rule)) {
      yield {
        ruleId: 'vpc-cidr-size',
        message: `IPAM netmask length ${netmask.value} for a ${name} ${sizeProblem(netmask.value, rule)}: ${rule.allowed}`,
        span: netmask.span,
      };
    }
  }
});
