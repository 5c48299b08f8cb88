import type { Field } from '../../model/field';
import { parseVpcDefaultPartId } from '../../model/fields';
import type { ElementId, NetworkElement } from '../../model/types';
import { defineRule } from '../catalog';
import type { Finding, RelatedInfo, RuleContext } from '../types';

/**
 * `sg-cross-vpc-reference`: a rule names a security group of another VPC, and no peering connection (or
 * transit gateway) joins the two VPCs: only those let a rule reference a group across VPCs. Decided only when both groups'
 * VPCs are known and every peering that could join them is known: a peering with an unknown side might be
 * the one.
 */
export const sgCrossVpcReference = defineRule('sg-cross-vpc-reference', function* (ctx): Iterable<Finding> {
  const peered = peerings(ctx);
  if (peered === 'unknown') return;
  for (const rule of ctx.model.ofKind('sg-rule')) {
    if (!rule.group.known) continue;
    const own = groupVpc(ctx, rule.group.value);
    if (!own) continue;
    for (const peer of rule.peers) {
      if (peer.kind !== 'sg' || !peer.group.known) continue;
      const other = groupVpc(ctx, peer.group.value);
      if (!other || other.vpc === own.vpc) continue;
      if (peered.wild.has(own.vpc) || peered.wild.has(other.vpc) || peered.pairs.has(pairKey(own.vpc, other.vpc))) continue;
      const related: RelatedInfo[] = [];
      const otherGroup = ctx.model.get(peer.group.value);
      if (otherGroup) related.push({ span: otherGroup.nameSpan, message: `Security group ${otherGroup.address}` });
      for (const v of [other.vpc, own.vpc]) {
        const vpc = ctx.model.get(v);
        if (vpc) related.push({ span: vpc.nameSpan, message: `VPC ${vpc.address}` });
      }
      yield {
        ruleId: 'sg-cross-vpc-reference',
        message: `Security group rule references ${groupText(ctx, peer.group.value, other.vpc)}, which is not peered with VPC ${label(ctx, own.vpc)} (the VPC of ${label(ctx, rule.group.value)})`,
        span: peer.group.span,
        related,
      };
    }
  }
});

interface Peerings {
  readonly pairs: ReadonlySet<string>;
  /** VPCs with a peering whose other side is unknown. */
  readonly wild: ReadonlySet<ElementId>;
}

function peerings(ctx: RuleContext): Peerings | 'unknown' {
  const pairs = new Set<string>();
  const wild = new Set<ElementId>();
  for (const p of ctx.model.ofKind('peering')) {
    if (p.vpc.known && p.peerVpc.known) pairs.add(pairKey(p.vpc.value, p.peerVpc.value));
    else if (p.vpc.known) wild.add(p.vpc.value);
    else if (p.peerVpc.known) wild.add(p.peerVpc.value);
    else return 'unknown';
  }
  // Transit gateways can also carry security group references (when the gateway enables it): VPCs attached
  // to one gateway count as joined, so the rule never claims what it cannot see.
  const byGateway = new Map<ElementId, ElementId[]>();
  for (const a of ctx.model.ofKind('tgw-attachment')) {
    if (!a.vpc.known) return 'unknown';
    if (!a.transitGateway.known) {
      wild.add(a.vpc.value);
      continue;
    }
    const list = byGateway.get(a.transitGateway.value);
    if (list) list.push(a.vpc.value);
    else byGateway.set(a.transitGateway.value, [a.vpc.value]);
  }
  for (const vpcs of byGateway.values()) {
    // Quadratic in the VPCs of one gateway only; a gateway with very many is treated as joining everything.
    if (vpcs.length > 200) vpcs.forEach((v) => wild.add(v));
    else for (const a of vpcs) for (const b of vpcs) if (a !== b) pairs.add(pairKey(a, b));
  }
  return { pairs, wild };
}

function pairKey(a: ElementId, b: ElementId): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** The VPC of a group: its `vpc_id`, or the VPC whose default group it is (`aws_vpc.x.default_security_group_id`). */
function groupVpc(ctx: RuleContext, groupId: ElementId): { vpc: ElementId } | undefined {
  const group = ctx.model.getOf('sg', groupId);
  if (group) return knownVpc(group.vpc);
  const part = parseVpcDefaultPartId(groupId);
  return part?.part === 'sg' ? { vpc: part.vpcId } : undefined;
}

function knownVpc(f: Field<ElementId> | undefined): { vpc: ElementId } | undefined {
  return f?.known ? { vpc: f.value } : undefined;
}

function label(ctx: RuleContext, id: ElementId): string {
  const e: NetworkElement | undefined = ctx.model.get(id);
  if (e) return e.address;
  const part = parseVpcDefaultPartId(id);
  return part ? `the default security group of VPC ${label(ctx, part.vpcId)}` : id;
}

/** "aws_security_group.app of VPC aws_vpc.a", or "the default security group of VPC aws_vpc.b". */
function groupText(ctx: RuleContext, groupId: ElementId, vpcId: ElementId): string {
  const group = label(ctx, groupId);
  return group.startsWith('the default security group') ? group : `${group} of VPC ${label(ctx, vpcId)}`;
}
