import type { Field } from '../../model/field';
import type { ElementId, Subnet, TransitGatewayAttachment } from '../../model/types';
import type { Span } from '../../text/span';
import { defineRule } from '../catalog';
import type { Finding } from '../types';
import { type AzKey, subnetAz } from '../../model/subnetAz';
import { resolve } from '../routing/support';

/**
 * `tgw-attachment-az`: a transit gateway VPC attachment has no subnet in an AZ where its VPC has subnets.
 * A transit gateway only reaches the AZs its attachment has a subnet in, so resources in the others cannot
 * use it. Judged only when every attachment subnet and its AZ is known (an unknown one could cover the AZ);
 * VPC subnets with an unknown AZ add nothing. AZ names and ids are not compared with each other.
 * Reported on `subnet_ids`; related: a subnet of the VPC in each missing AZ.
 */
export const tgwAttachmentAz = defineRule('tgw-attachment-az', function* (ctx): Iterable<Finding> {
  for (const attachment of ctx.model.ofKind('tgw-attachment')) {
    const vpc = resolve(ctx, 'vpc', attachment.vpc);
    if (!vpc) continue;
    const covered = attachedAzs(ctx, attachment.subnets);
    if (!covered) continue;
    const missing = new Map<string, { az: AzKey; subnet: Subnet }>();
    for (const subnet of ctx.facts.subnetsOf(vpc.id)) {
      const az = subnetAz(subnet);
      if (!az || az.kind !== covered.kind || covered.keys.has(az.key) || missing.has(az.key)) continue;
      missing.set(az.key, { az, subnet });
    }
    if (missing.size === 0) continue;
    const names = [...missing.values()].map((m) => m.az.text).join(', ');
    const plural = missing.size > 1;
    yield {
      ruleId: 'tgw-attachment-az',
      message: `Transit gateway attachment ${attachment.address} has no subnet in ${names}, where VPC ${vpc.address} has subnets; resources in ${plural ? 'those AZs' : 'that AZ'} cannot reach the transit gateway. Add one subnet per AZ to the attachment`,
      span: subnetsSpan(attachment),
      related: [...missing.values()].map((m) => ({ span: m.az.span, message: `${m.subnet.address} is in ${m.az.text}` })),
    };
  }
});

/** The AZ keys the attachment's subnets cover; undefined when any subnet or AZ is unknown or kinds mix. */
function attachedAzs(ctx: Parameters<typeof resolve>[0], subnets: readonly Field<ElementId>[]): { keys: Set<string>; kind: AzKey['kind'] } | undefined {
  if (subnets.length === 0) return undefined; // required by AWS: a missing list is a deploy error, not this rule's
  const keys = new Set<string>();
  let kind: AzKey['kind'] | undefined;
  for (const f of subnets) {
    const subnet = resolve(ctx, 'subnet', f);
    const az = subnet && subnetAz(subnet);
    if (!az || (kind !== undefined && az.kind !== kind)) return undefined;
    kind = az.kind;
    keys.add(az.key);
  }
  return kind ? { keys, kind } : undefined;
}

/** The written `subnet_ids` list: the items' attribute when the front-end kept it, else their extent. */
function subnetsSpan(attachment: TransitGatewayAttachment): Span {
  const spans: Span[] = [];
  for (const f of attachment.subnets) {
    if (f.known && f.at) return f.at;
    if (f.span) spans.push(f.span);
  }
  const file = spans[0]?.file;
  if (!file || spans.some((s) => s.file !== file)) return attachment.nameSpan;
  return { file, start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) };
}
