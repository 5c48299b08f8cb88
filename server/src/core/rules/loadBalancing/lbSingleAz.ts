import type { Subnet } from '../../model/types';
import { sameSpan, type Span } from '../../text/span';
import { defineRule } from '../catalog';
import type { Finding, RelatedInfo } from '../types';
import { type AzKey, subnetAz } from '../../model/subnetAz';
import { attrName, resolve } from './support';

/**
 * `lb-single-az`: an Application Load Balancer has subnets in fewer than two AZs (AWS rejects it: an ALB needs
 * at least two). Decided only for a known `application` type and when every subnet resolves to a subnet of the
 * model with a known AZ of one kind (names, ids and symbolic AZs cannot be compared with each other). A load
 * balancer listing no subnets at all is not judged: its subnets may come from something we cannot see (a
 * `dynamic` block over unknown values), and AWS reports a missing subnet list clearly on its own.
 */
export const lbSingleAz = defineRule('lb-single-az', function* (ctx): Iterable<Finding> {
  for (const lb of ctx.model.ofKind('lb')) {
    if (!lb.lbType.known || lb.lbType.value !== 'application' || lb.subnets.length === 0) continue;
    const subnets: { subnet: Subnet; az: AzKey }[] = [];
    for (const f of lb.subnets) {
      const subnet = resolve(ctx, 'subnet', f);
      const az = subnet && subnetAz(subnet);
      if (!subnet || !az) break;
      subnets.push({ subnet, az });
    }
    if (subnets.length !== lb.subnets.length) continue;
    const first = subnets[0]!.az;
    if (subnets.some(({ az }) => az.key !== first.key)) continue;

    const related: RelatedInfo[] = uniqueSubnets(subnets.map((s) => s.subnet)).map((s) => ({
      span: s.nameSpan,
      message: `subnet ${s.address} is in ${first.text}`,
    }));
    const count = new Set(subnets.map((s) => s.subnet.id)).size;
    yield {
      ruleId: 'lb-single-az',
      message:
        `Application Load Balancer ${lb.address} has ${count === 1 ? 'one subnet' : `${count} subnets`} in ${first.text} only; ` +
        `AWS requires subnets in at least two Availability Zones (${attrName(lb, 'subnets', 'Subnets')}): add a subnet of another AZ`,
      span: subnetsSpan(lb.subnets) ?? lb.nameSpan,
      related,
    };
  }
});

function uniqueSubnets(subnets: readonly Subnet[]): Subnet[] {
  return [...new Map(subnets.map((s) => [s.id, s])).values()];
}

/** The `subnets` attribute when every subnet is written in it (its expression), else undefined. */
function subnetsSpan(fields: readonly { readonly span?: Span; readonly at?: Span }[]): Span | undefined {
  const spans = fields.map((f) => f.at ?? f.span);
  const first = spans[0];
  if (!first || spans.some((s) => !s || !sameSpan(s, first))) return fields.length === 1 ? first : undefined;
  return first;
}
