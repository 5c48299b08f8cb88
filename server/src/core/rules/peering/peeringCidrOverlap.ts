import { cidrOverlaps } from '../../cidr';
import { defineRule } from '../catalog';
import type { Finding, RelatedInfo } from '../types';
import { parsedBlocks, peeringSides } from './support';

/**
 * `peering-cidr-overlap`: the two VPCs of a peering connection have overlapping blocks (IPv4 or IPv6); AWS
 * refuses to create the connection. One finding per connection, on the accepter VPC reference
 * (`peer_vpc_id`), listing every overlapping pair; related: both blocks of each pair where they are written.
 * Only known blocks are compared: an overlap found among them is certain whatever the unknown ones hold.
 */
export const peeringCidrOverlap = defineRule('peering-cidr-overlap', function* (ctx): Iterable<Finding> {
  for (const peering of ctx.model.ofKind('peering')) {
    const sides = peeringSides(ctx, peering);
    if (!sides || !peering.peerVpc.known) continue;
    const { requester, accepter } = sides;
    if (requester.id === accepter.id) {
      yield {
        ruleId: 'peering-cidr-overlap',
        message: `Peering connection ${peering.address} peers VPC ${requester.address} with itself; a VPC cannot be peered with its own blocks`,
        span: peering.peerVpc.span,
      };
      continue;
    }
    const pairs: string[] = [];
    const related: RelatedInfo[] = [];
    for (const version of [4, 6] as const) {
      const mine = parsedBlocks(ctx, requester, version).blocks;
      const theirs = parsedBlocks(ctx, accepter, version).blocks;
      for (const a of mine) {
        for (const b of theirs) {
          if (!cidrOverlaps(a.cidr, b.cidr)) continue;
          pairs.push(`${a.cidr.text} of ${requester.address} overlaps ${b.cidr.text} of ${accepter.address}`);
          related.push({ span: a.field.span, message: `${requester.address}: ${a.cidr.text}` }, { span: b.field.span, message: `${accepter.address}: ${b.cidr.text}` });
        }
      }
    }
    if (pairs.length === 0) continue;
    yield {
      ruleId: 'peering-cidr-overlap',
      message: `Peering connection ${peering.address} joins VPCs with overlapping blocks: ${pairs.join('; ')}; AWS cannot peer VPCs whose blocks overlap`,
      span: peering.peerVpc.span,
      related,
    };
  }
});
