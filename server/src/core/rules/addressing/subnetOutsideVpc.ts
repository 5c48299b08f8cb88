import { type Cidr, cidrContains } from '../../cidr';
import type { CidrBlock, ElementId, Subnet, Vpc } from '../../model/types';
import { defineRule } from '../catalog';
import type { Finding, RelatedInfo, RuleContext } from '../types';
import { blocksOf, cidrOf } from './support';

/** A VPC's blocks of one IP version; `cidrs` is undefined when any of them is unknown (cannot decide). */
interface VersionBlocks {
  readonly blocks: readonly CidrBlock[];
  readonly cidrs: readonly Cidr[] | undefined;
}

/**
 * `subnet-outside-vpc`: a subnet block lies in none of its VPC's blocks. Decided only when every block of
 * that IP version is known: an unknown block (IPAM allocation, Amazon-provided IPv6, an association whose
 * VPC could not be resolved) might be the one that contains the subnet.
 */
export const subnetOutsideVpc = defineRule('subnet-outside-vpc', function* (ctx): Iterable<Finding> {
  const unresolved = unresolvedAssociationVersions(ctx);
  const perVpc = new Map<ElementId, Record<4 | 6, VersionBlocks>>();
  for (const subnet of ctx.model.ofKind('subnet')) {
    const vpc = subnet.vpc.known ? ctx.model.getOf('vpc', subnet.vpc.value) : undefined;
    if (!vpc) continue;
    let blocks = perVpc.get(vpc.id);
    if (!blocks) perVpc.set(vpc.id, (blocks = blocksByVersion(ctx, vpc)));
    for (const version of [4, 6] as const) {
      if (unresolved.has(version)) continue;
      const finding = check(subnet, vpc, blocks[version], version);
      if (finding) yield finding;
    }
  }
});

function blocksByVersion(ctx: RuleContext, vpc: Vpc): Record<4 | 6, VersionBlocks> {
  const all = blocksOf(ctx, vpc);
  const of = (version: 4 | 6): VersionBlocks => {
    const blocks = all.filter((b) => b.ipv6 === (version === 6));
    const cidrs: Cidr[] = [];
    for (const b of blocks) {
      const c = cidrOf(b.cidr);
      if (!c || c.version !== version) return { blocks, cidrs: undefined };
      cidrs.push(c);
    }
    return { blocks, cidrs };
  };
  return { 4: of(4), 6: of(6) };
}

function check(subnet: Subnet, vpc: Vpc, { blocks, cidrs }: VersionBlocks, version: 4 | 6): Finding | undefined {
  const field = version === 4 ? subnet.cidr : subnet.ipv6Cidr;
  const cidr = cidrOf(field);
  if (!cidr || !field?.known || cidr.version !== version || !cidrs) return undefined;
  if (cidrs.some((outer) => cidrContains(outer, cidr))) return undefined;
  // A VPC always has a primary IPv4 block; none known means it is allocated elsewhere (IPAM).
  if (cidrs.length === 0 && version === 4) return undefined;

  const name = version === 6 ? 'Subnet IPv6 block' : 'Subnet';
  const message =
    cidrs.length === 0
      ? `${name} ${cidr.text} of ${subnet.address} is outside VPC ${vpc.address}, which has no IPv6 block`
      : `${name} ${cidr.text} is outside VPC ${vpc.address} (${cidrs.map((c) => c.text).join(', ')})`;
  return { ruleId: 'subnet-outside-vpc', message, span: field.span, related: relatedToVpc(blocks, vpc) };
}

/**
 * The VPC itself (its name), then each known block whose value is written outside the VPC resource: one
 * that flowed in from a `.tfvars` file, a variable default or a module call (the field's `span` is where the
 * value is written, `at` the `var.x` in the VPC), or the secondary block of an association resource. A
 * literal in the VPC itself is not repeated: the VPC's name is a line away from it.
 */
function relatedToVpc(blocks: readonly CidrBlock[], vpc: Vpc): RelatedInfo[] {
  const out: RelatedInfo[] = [{ span: vpc.nameSpan, message: `VPC ${vpc.address}` }];
  for (const b of blocks) {
    const writtenElsewhere = b.cidr.known && (b.cidr.at !== undefined || b.declaredBy !== vpc.id);
    if (writtenElsewhere) out.push({ span: b.cidr.span, message: `VPC block ${b.cidr.value} of ${vpc.address}` });
  }
  return out;
}

/** IP versions of association resources whose VPC is unknown: any VPC may have such a block. */
function unresolvedAssociationVersions(ctx: RuleContext): Set<4 | 6> {
  const out = new Set<4 | 6>();
  for (const a of ctx.model.ofKind('vpc-cidr-block')) if (!a.vpc.known) out.add(a.block.ipv6 ? 6 : 4);
  return out;
}
