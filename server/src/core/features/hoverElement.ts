import { awsCidrMath, formatCount, parseCidr } from '../cidr';
import type { NetworkFacts } from '../model/facts';
import { type Field, type UnknownField, valueOf } from '../model/field';
import { azLabel } from '../model/symbolicAz';
import type { ModelView } from '../model/network';
import type { NetworkElement, Subnet, Vpc } from '../model/types';
import { elementLabel, kindName } from './elementLabel';
import { code, escapeMarkdown, table } from './markdown';

interface Context {
  readonly model: ModelView;
  readonly facts: NetworkFacts;
}

/** The network role of a resource, for a hover on its name. */
export function elementHoverMarkdown(ctx: Context, e: NetworkElement): string {
  const title = `**${capitalize(kindName(e.kind))}** ${elementLabel(e)}`;
  switch (e.kind) {
    case 'vpc':
      return `${title}\n\n${table(vpcRows(ctx, e))}`;
    case 'subnet':
      return `${title}\n\n${table(subnetRows(ctx, e))}`;
    default: {
      const vpc = safe(() => ctx.facts.vpcOf(e.id));
      return vpc && vpc.id !== e.id ? `${title} in VPC ${code(vpc.address)}` : title;
    }
  }
}

function vpcRows(ctx: Context, vpc: Vpc): [string, string][] {
  const blocks = safe(() => ctx.facts.vpcBlocks(vpc)) ?? vpc.cidrBlocks;
  const blockText = blocks.map((b) => {
    const kind = [b.primary ? 'primary' : 'secondary', b.ipv6 ? 'IPv6' : 'IPv4'].join(' ');
    if (b.cidr.known) return `${b.cidr.value} (${kind})`;
    if (b.amazonProvided) return `Amazon-provided (${kind})`;
    return `unknown (${kind}${b.cidr.why ? `: ${escapeMarkdown(b.cidr.why)}` : ''})`;
  });
  const subnets = safe(() => ctx.facts.subnetsOf(vpc.id)) ?? [];
  const azs = [...new Set(subnets.map((s) => valueOf(s.availabilityZone)).filter((z): z is string => !!z))].sort().map(azLabel);
  const rows: [string, string][] = [
    ['CIDR blocks', blockText.length ? blockText.join(', ') : 'none known'],
    ['Subnets', String(subnets.length)],
    ['Availability zones', azs.length ? azs.join(', ') : 'none known'],
  ];
  const dns = [describeFlag('DNS support', vpc.enableDnsSupport, true), describeFlag('DNS hostnames', vpc.enableDnsHostnames, false)];
  rows.push(['DNS', dns.join(', ')]);
  return rows;
}

function subnetRows(ctx: Context, subnet: Subnet): [string, string][] {
  const vpc = ctx.model.getOf('vpc', valueOf(subnet.vpc)) ?? safe(() => ctx.facts.vpcOf(subnet.id));
  const rows: [string, string][] = [['VPC', vpc ? elementLabel(vpc) : 'unknown']];
  const az = subnet.availabilityZone;
  rows.push(['Availability zone', az?.known ? azLabel(az.value) : fieldText(az, 'not set (AWS picks one)')]);
  rows.push(['CIDR block', cidrWithUsable(subnet.cidr)]);
  if (subnet.ipv6Cidr) rows.push(['IPv6 block', cidrWithUsable(subnet.ipv6Cidr)]);
  const pub = safe(() => ctx.facts.publicness(subnet));
  const visibility = pub?.public === true ? 'public' : pub?.public === false ? 'private' : 'undetermined';
  const reason = pub?.reason.replace(/^(public|private)\b[:,]?\s*/i, '');
  rows.push(['Reachability', reason ? `**${visibility}**: ${reason}` : `**${visibility}**`]);
  rows.push(['Route table', routeTableText(ctx, subnet)]);
  rows.push(['Network ACL', naclText(ctx, subnet, vpc)]);
  return rows;
}

/** `10.0.1.0/24 · 251 usable`, or why the block is not known. */
export function cidrWithUsable(f: Field<string> | undefined): string {
  if (!f) return 'not set';
  if (!f.known) return notKnown(f);
  const parsed = parseCidr(f.value);
  if (!parsed.ok) return `${f.value} (invalid: ${parsed.message})`;
  return `${f.value} · ${formatCount(awsCidrMath(parsed.cidr).usable)} usable`;
}

function routeTableText(ctx: Context, subnet: Subnet): string {
  const choice = safe(() => ctx.facts.routeTableOf(subnet));
  switch (choice?.how) {
    case 'explicit':
      return `${elementLabel(choice.table)} (explicit association)`;
    case 'main':
      return `${elementLabel(choice.table)} (the VPC's main route table, no explicit association)`;
    case 'implicit-main':
      return "the VPC's implicit main route table (local route only)";
    default:
      return 'unknown';
  }
}

function naclText(ctx: Context, subnet: Subnet, vpc: Vpc | undefined): string {
  const nacl = ctx.model.ofKind('nacl').find((n) => n.subnets.some((s) => s.known && s.value === subnet.id));
  if (nacl) return elementLabel(nacl);
  const defaultNacl = vpc && ctx.model.ofKind('nacl').find((n) => n.isDefault && valueOf(n.vpc) === vpc.id);
  return defaultNacl ? `${elementLabel(defaultNacl)} (default)` : "the VPC's default network ACL";
}

function describeFlag(name: string, f: Field<boolean> | undefined, awsDefault: boolean): string {
  if (!f) return `${name} ${awsDefault ? 'on' : 'off'} (default)`;
  if (!f.known) return `${name} unknown`;
  return `${name} ${f.value ? 'on' : 'off'}`;
}

function fieldText(f: Field<string> | undefined, absent: string): string {
  if (!f) return absent;
  return f.known ? f.value : notKnown(f);
}

/** An unknown value in a summary row, with the reason the front-end gave. */
function notKnown(f: UnknownField): string {
  return f.why ? `not known: ${escapeMarkdown(f.why)}` : 'not known until apply';
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Facts are derived from user input; a bug there must cost a hover line, not the hover. */
export function safe<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}
