import type { Cidr } from '../../cidr';
import type { Known } from '../../model/field';
import type { CidrBlock, ElementId, Vpc, VpcPeering } from '../../model/types';
import type { RuleContext } from '../types';
import { blocksOf, cidrOf } from '../addressing/support';
import { resolve } from '../routing/support';

/** The two VPCs of a peering connection, when both are VPCs of the model. */
export function peeringSides(ctx: RuleContext, peering: VpcPeering): { requester: Vpc; accepter: Vpc } | undefined {
  const requester = resolve(ctx, 'vpc', peering.vpc);
  const accepter = resolve(ctx, 'vpc', peering.peerVpc);
  return requester && accepter ? { requester, accepter } : undefined;
}

/** The side across the connection from `vpcId`; undefined when `vpcId` is not a side. */
export function otherSide(peering: VpcPeering, vpcId: ElementId): ElementId | undefined {
  if (!peering.vpc.known || !peering.peerVpc.known) return undefined;
  if (peering.vpc.value === vpcId) return peering.peerVpc.value;
  if (peering.peerVpc.value === vpcId) return peering.vpc.value;
  return undefined;
}

export interface ParsedBlock {
  readonly block: CidrBlock;
  readonly field: Known<string>;
  readonly cidr: Cidr;
}

/**
 * A VPC's blocks of one IP version, parsed; `complete` is false when any block of that version is unknown
 * (IPAM, Amazon-provided IPv6, unresolved value) or does not parse: an unseen block could change the answer.
 */
export function parsedBlocks(ctx: RuleContext, vpc: Vpc, version: 4 | 6): { blocks: ParsedBlock[]; complete: boolean } {
  const blocks: ParsedBlock[] = [];
  let complete = true;
  for (const block of blocksOf(ctx, vpc)) {
    if (block.ipv6 !== (version === 6)) continue;
    const cidr = cidrOf(block.cidr);
    if (!cidr || cidr.version !== version || !block.cidr.known) complete = false;
    else blocks.push({ block, field: block.cidr, cidr });
  }
  return { blocks, complete };
}
