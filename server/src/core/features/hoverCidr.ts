import { type AwsCidrMath, type Cidr, awsCidrMath, cidrContains, formatCount, parseCidr, shareOfParent } from '../cidr';
import type { NetworkFacts } from '../model/facts';
import type { ModelView } from '../model/network';
import type { NetworkElement } from '../model/types';
import { baseAddress, elementLabel, kindName } from './elementLabel';
import { code, table } from './markdown';

/** Owners whose blocks hold addresses (AWS's reserved five apply to them). */
const ADDRESSED_KINDS: ReadonlySet<NetworkElement['kind']> = new Set(['subnet', 'vpc', 'vpc-cidr-block']);

/** Instance lists longer than this are cut, with an "and N more" line. */
export const MAX_INSTANCE_LINES = 20;

export interface CidrInstance {
  readonly label?: string;
  readonly value: string;
}

interface Context {
  readonly model: ModelView;
  readonly facts: NetworkFacts;
}

/** Markdown for one CIDR value or the values of every instance of a `count`/`for_each` expression. */
export function cidrHoverMarkdown(ctx: Context, instances: readonly CidrInstance[], owner: NetworkElement | undefined): string {
  // Every instance shares the expression: name the resource (`aws_subnet.app`), not one instance of it.
  const ownerLine = !owner
    ? ''
    : instances.length > 1
      ? ` · ${kindName(owner.kind)} ${code(baseAddress(owner))}`
      : ` · ${kindName(owner.kind)} ${elementLabel(owner)}`;
  if (instances.length === 0) return `**CIDR block**${ownerLine}\n\nValue not known until apply.`;
  if (instances.length === 1) {
    const only = instances[0]!;
    const label = only.label ? `${code(only.label)} ` : '';
    return `${label}**${only.value}**${ownerLine}\n\n${singleCidrBody(ctx, only.value, owner)}`;
  }

  const lines = instances.slice(0, MAX_INSTANCE_LINES).map((i) => `- ${i.label ? `${code(i.label)} ` : ''}${instanceSummary(i.value)}`);
  if (instances.length > MAX_INSTANCE_LINES) lines.push(`- and ${instances.length - MAX_INSTANCE_LINES} more`);
  const parts = [`**${instances.length} instances**${ownerLine}`, lines.join('\n')];
  const together = combinedShare(ctx, instances, owner);
  if (together) parts.push(together);
  const first = instances[0]!;
  parts.push('---', `Details of ${first.label ? code(first.label) : 'the first instance'} **${first.value}**`, singleCidrBody(ctx, first.value, owner));
  return parts.join('\n\n');
}

function instanceSummary(value: string): string {
  const parsed = parseCidr(value);
  if (!parsed.ok) return `${value} · invalid: ${parsed.message}`;
  return `${value} · ${formatCount(awsCidrMath(parsed.cidr).usable)} usable`;
}

function singleCidrBody(ctx: Context, value: string, owner: NetworkElement | undefined): string {
  const parsed = parseCidr(value);
  if (!parsed.ok) return `**Invalid CIDR block:** ${parsed.message}`;
  const cidr = parsed.cidr;
  const math = awsCidrMath(cidr);
  const rows: [string, string][] = [['Network', code(math.network)]];
  if (math.netmask) rows.push(['Netmask', code(math.netmask)]);
  rows.push(['Range', `${code(math.first)} – ${code(math.last)}`]);
  rows.push(['Addresses', formatCount(math.total)]);
  // AWS reserves addresses in subnets; for a route destination or a rule's peer they only matter if the
  // block were used as a subnet, and the hover says so.
  const asSubnet = !owner || ADDRESSED_KINDS.has(owner.kind) ? '' : ' as a subnet';
  rows.push([`Usable${asSubnet}`, usableText(math)]);
  const share = shareOfVpc(ctx, cidr, owner);
  if (share) rows.push(['In VPC', share]);
  const parts: string[] = [];
  if (cidr.hostBitsSet) parts.push(`⚠ Host bits are set: the network is **${cidr.canonical}**.`);
  parts.push(table(rows));
  const heading = asSubnet ? 'Reserved by AWS if used as a subnet:' : 'Reserved by AWS:';
  parts.push([heading, ...math.reserved.map((r) => `- ${code(r.address)} ${r.purpose}`)].join('\n'));
  return parts.join('\n\n');
}

function usableText(math: AwsCidrMath): string {
  const count = `${formatCount(math.usable)} usable`;
  return math.usableFirst && math.usableLast ? `${count}: ${code(math.usableFirst)} – ${code(math.usableLast)}` : count;
}

/** The VPC block holding this CIDR and the share it takes: "0.39% of `aws_vpc.main` 10.0.0.0/16 (1 of 256 /24s)". */
function shareOfVpc(ctx: Context, cidr: Cidr, owner: NetworkElement | undefined): string | undefined {
  if (!owner) return undefined;
  if (owner.kind === 'vpc' || owner.kind === 'vpc-cidr-block') return undefined;
  const vpc = safeVpcOf(ctx.facts, owner.id);
  if (!vpc) return undefined;
  const blocks = vpcCidrs(ctx.facts, vpc).filter((b) => b.version === cidr.version);
  const parent = blocks.find((b) => cidrContains(b, cidr));
  if (!parent) {
    // Only a subnet is meant to sit inside its VPC; a route destination outside it is normal.
    if (owner.kind !== 'subnet' || blocks.length === 0) return undefined;
    return `outside every block of ${code(vpc.address)} (${blocks.map((b) => b.canonical).join(', ')})`;
  }
  const of = ofBlocks(cidr.prefix, parent.prefix, 1n);
  return `${shareOfParent(cidr, parent)} of ${code(vpc.address)} ${parent.canonical}${of ? ` (${of})` : ''}`;
}

/** Several same-sized instances in one VPC block: "Together: 3 of 256 /24s of `aws_vpc.main` 10.0.0.0/16". */
function combinedShare(ctx: Context, instances: readonly CidrInstance[], owner: NetworkElement | undefined): string | undefined {
  if (!owner || owner.kind === 'vpc' || owner.kind === 'vpc-cidr-block') return undefined;
  const vpc = safeVpcOf(ctx.facts, owner.id);
  if (!vpc) return undefined;
  const cidrs: Cidr[] = [];
  for (const i of instances) {
    const p = parseCidr(i.value);
    if (!p.ok) return undefined;
    cidrs.push(p.cidr);
  }
  const first = cidrs[0]!;
  if (cidrs.some((c) => c.prefix !== first.prefix || c.version !== first.version)) return undefined;
  const parent = vpcCidrs(ctx.facts, vpc).find((b) => cidrs.every((c) => cidrContains(b, c)));
  if (!parent) return undefined;
  const of = ofBlocks(first.prefix, parent.prefix, BigInt(new Set(cidrs.map((c) => c.canonical)).size));
  return of ? `Together: ${of} of ${code(vpc.address)} ${parent.canonical}` : undefined;
}

/** "1 of 256 /24s": how many blocks of the inner size the parent holds ('' when not meaningful). */
function ofBlocks(innerPrefix: number, parentPrefix: number, taken: bigint): string {
  const diff = innerPrefix - parentPrefix;
  if (diff <= 0 || diff > 64) return '';
  return `${formatCount(taken)} of ${formatCount(2n ** BigInt(diff))} /${innerPrefix}s`;
}

function vpcCidrs(facts: NetworkFacts, vpc: Parameters<NetworkFacts['vpcBlocks']>[0]): Cidr[] {
  const out: Cidr[] = [];
  for (const b of facts.vpcBlocks(vpc)) {
    if (!b.cidr.known) continue;
    const p = parseCidr(b.cidr.value);
    if (p.ok) out.push(p.cidr);
  }
  return out;
}

function safeVpcOf(facts: NetworkFacts, id: string) {
  try {
    return facts.vpcOf(id);
  } catch {
    return undefined;
  }
}
