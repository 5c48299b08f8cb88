import { defineRule } from '../catalog';
import type { Finding } from '../types';
import { blocksOf } from './support';

/** AWS's default quota of IPv4 blocks per VPC (adjustable through Service Quotas). */
const IPV4_BLOCKS_PER_VPC = 5;

/**
 * `vpc-cidr-limit`: more IPv4 blocks than the default quota. Blocks count whether or not their value is
 * known: an association with an unknown CIDR is still an association.
 */
export const vpcCidrLimit = defineRule('vpc-cidr-limit', function* (ctx): Iterable<Finding> {
  for (const vpc of ctx.model.ofKind('vpc')) {
    const ipv4 = blocksOf(ctx, vpc).filter((b) => !b.ipv6);
    if (ipv4.length <= IPV4_BLOCKS_PER_VPC) continue;
    yield {
      ruleId: 'vpc-cidr-limit',
      message:
        `VPC ${vpc.address} has ${ipv4.length} IPv4 blocks; the default quota is ${IPV4_BLOCKS_PER_VPC} per VPC ` +
        '(raise it in Service Quotas before applying)',
      span: vpc.nameSpan,
      related: ipv4.flatMap((b) =>
        b.cidr.span ? [{ span: b.cidr.span, message: `IPv4 block ${b.cidr.known ? b.cidr.value : '(unknown)'}` }] : [],
      ),
    };
  }
});
