import type { ElementId } from '../../model/types';
import type { Span } from '../../text/span';
import { defineRule } from '../catalog';
import type { Finding } from '../types';
import { gatewayIndex, labelOf } from './support';

interface Attached {
  readonly igw: ElementId;
  /** Where the attachment is written: the gateway's `vpc_id` or the attachment resource's. */
  readonly span: Span;
}

/**
 * `igw-multiple`: more than one internet gateway is attached to one VPC (AWS allows one; the second
 * attachment fails with `Resource.AlreadyAssociated`). The first attachment in declaration order is taken as
 * the intended one; every further one is reported where it names the VPC, related to the first.
 */
export const igwMultiple = defineRule('igw-multiple', function* (ctx): Iterable<Finding> {
  const index = gatewayIndex(ctx);
  const byVpc = new Map<ElementId, Attached[]>();
  for (const igw of ctx.model.ofKind('igw')) {
    const spans = index.attachmentSpans.get(igw.id);
    if (!spans) continue;
    for (const [vpc, span] of spans) {
      const list = byVpc.get(vpc);
      if (list) list.push({ igw: igw.id, span });
      else byVpc.set(vpc, [{ igw: igw.id, span }]);
    }
  }
  for (const [vpc, list] of byVpc) {
    if (list.length < 2) continue;
    const [first, ...rest] = list as [Attached, ...Attached[]];
    for (const extra of rest) {
      yield {
        ruleId: 'igw-multiple',
        message: `Internet gateway ${labelOf(ctx, extra.igw)} is attached to VPC ${labelOf(ctx, vpc)}, which already has internet gateway ${labelOf(ctx, first.igw)}; a VPC can have only one`,
        span: extra.span,
        related: [{ span: first.span, message: `${labelOf(ctx, first.igw)} is attached to ${labelOf(ctx, vpc)} here` }],
      };
    }
  }
});
