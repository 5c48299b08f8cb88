import { defineRule } from '../catalog';
import type { Finding } from '../types';
import { inRecommendedRange } from './ranges';
import { allVpcBlocks, cidrOf } from './support';

/** `vpc-cidr-range`: a VPC IPv4 block outside RFC 1918 and RFC 6598 (public addresses clash with the internet). */
export const vpcCidrRange = defineRule('vpc-cidr-range', function* (ctx): Iterable<Finding> {
  for (const { block, vpc, owner } of allVpcBlocks(ctx)) {
    if (block.ipv6) continue;
    const cidr = cidrOf(block.cidr);
    if (!cidr || !block.cidr.known || cidr.version !== 4 || inRecommendedRange(cidr)) continue;
    yield {
      ruleId: 'vpc-cidr-range',
      message:
        `VPC block ${cidr.text} of ${(vpc ?? owner).address} is outside the recommended private ranges ` +
        '(RFC 1918: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16; RFC 6598: 100.64.0.0/10)',
      span: block.cidr.span,
    };
  }
});
