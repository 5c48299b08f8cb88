import { type Cidr, awsCidrMath, formatCount } from '../../cidr';
import type { Known } from '../../model/field';
import type { Subnet } from '../../model/types';
import { defineRule } from '../catalog';
import type { Finding, RuleContext } from '../types';
import { cidrOf, subnetsByVpc, vpcLabel } from './support';

interface Sized {
  readonly subnet: Subnet;
  readonly field: Known<string>;
  readonly cidr: Cidr;
}

/**
 * `subnet-public-oversized`: a public subnet is larger than every private subnet of its VPC. Public subnets
 * usually hold only load balancers and NAT gateways, so their addresses are better spent on private ones.
 * A VPC is judged only when every subnet's publicness and IPv4 block is known: an undecided subnet could be
 * the larger private one.
 */
export const subnetPublicOversized = defineRule('subnet-public-oversized', function* (ctx): Iterable<Finding> {
  for (const [vpcId, subnets] of subnetsByVpc(ctx)) {
    const split = splitByPublicness(ctx, subnets);
    if (!split || split.private.length === 0) continue;
    const largestPrivate = split.private.reduce((a, b) => (b.cidr.size > a.cidr.size ? b : a));
    for (const pub of split.public) {
      if (pub.cidr.size <= largestPrivate.cidr.size) continue;
      yield {
        ruleId: 'subnet-public-oversized',
        message:
          `Public subnet ${pub.cidr.text} (${usable(pub.cidr)} usable) of ${pub.subnet.address} is larger than every private subnet ` +
          `of VPC ${vpcLabel(ctx, vpcId)} (largest: ${largestPrivate.cidr.text}, ${usable(largestPrivate.cidr)} usable); ` +
          'public subnets usually need few addresses',
        span: pub.field.span,
        related: [{ span: largestPrivate.field.span, message: `largest private subnet ${largestPrivate.subnet.address}: ${largestPrivate.cidr.text}` }],
      };
    }
  }
});

function usable(c: Cidr): string {
  return formatCount(awsCidrMath(c).usable);
}

/** Public and private subnets with their IPv4 blocks; undefined when the VPC cannot be judged. */
function splitByPublicness(ctx: RuleContext, subnets: readonly Subnet[]): { public: Sized[]; private: Sized[] } | undefined {
  const out = { public: [] as Sized[], private: [] as Sized[] };
  for (const subnet of subnets) {
    if (subnet.cidr === undefined) continue; // IPv6-only subnet: no IPv4 size to compare
    const isPublic = ctx.facts.publicness(subnet).public;
    if (isPublic === undefined) return undefined;
    const cidr = cidrOf(subnet.cidr);
    if (!cidr || !subnet.cidr.known || cidr.version !== 4) {
      if (isPublic) continue; // a public subnet of unknown size is just not judged
      return undefined;
    }
    (isPublic ? out.public : out.private).push({ subnet, field: subnet.cidr, cidr });
  }
  return out;
}
