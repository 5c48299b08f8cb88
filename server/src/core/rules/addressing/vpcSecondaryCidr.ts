import { type Cidr, cidrOverlaps } from '../../cidr';
import type { Known } from '../../model/field';
import type { Vpc } from '../../model/types';
import { defineRule } from '../catalog';
import type { Finding, RuleContext } from '../types';
import { restrictedSecondaryRanges } from './ranges';
import { blocksOf, cidrOf } from './support';

interface ParsedBlock {
  readonly primary: boolean;
  readonly field: Known<string>;
  readonly cidr: Cidr;
}

/**
 * `vpc-secondary-cidr`: a secondary block overlaps another block of its VPC, or comes from a range AWS
 * restricts for the primary block's range. Each secondary is compared with the blocks before it, so an
 * overlapping pair is reported once, on the later block.
 */
export const vpcSecondaryCidr = defineRule('vpc-secondary-cidr', function* (ctx): Iterable<Finding> {
  for (const vpc of ctx.model.ofKind('vpc')) yield* checkVpc(ctx, vpc);
});

function* checkVpc(ctx: RuleContext, vpc: Vpc): Iterable<Finding> {
  const blocks = parsedBlocks(ctx, vpc);
  const primary = blocks.find((p) => p.primary && p.cidr.version === 4);
  const restrictions = primary ? restrictedSecondaryRanges(primary.cidr) : undefined;

  for (let i = 0; i < blocks.length; i++) {
    const current = blocks[i]!;
    if (current.primary) continue;
    const earlier = blocks.slice(0, i).find((other) => cidrOverlaps(other.cidr, current.cidr));
    if (earlier) {
      yield {
        ruleId: 'vpc-secondary-cidr',
        message: `Secondary block ${current.cidr.text} of ${vpc.address} overlaps its ${earlier.primary ? 'primary' : 'other'} block ${earlier.cidr.text}`,
        span: current.field.span,
        related: [{ span: earlier.field.span, message: `${vpc.address} block ${earlier.cidr.text}` }],
      };
      continue;
    }
    if (!primary || !restrictions || current.cidr.version !== 4) continue;
    const range = restrictions.restricted.find((r) => cidrOverlaps(r, current.cidr));
    if (!range) continue;
    yield {
      ruleId: 'vpc-secondary-cidr',
      message:
        `Secondary block ${current.cidr.text} of ${vpc.address} is in ${range.canonical}, which AWS does not allow ` +
        `when the primary block (${primary.cidr.text}) is in ${restrictions.primaryRange}`,
      span: current.field.span,
      related: [{ span: primary.field.span, message: `primary block ${primary.cidr.text} of ${vpc.address}` }],
    };
  }
}

/** Known, valid blocks of the right version, primary first. */
function parsedBlocks(ctx: RuleContext, vpc: Vpc): ParsedBlock[] {
  const out: ParsedBlock[] = [];
  for (const block of blocksOf(ctx, vpc)) {
    const cidr = cidrOf(block.cidr);
    if (!cidr || !block.cidr.known || cidr.version !== (block.ipv6 ? 6 : 4)) continue;
    out.push({ primary: block.primary, field: block.cidr, cidr });
  }
  return out.sort((a, b) => Number(b.primary) - Number(a.primary));
}
