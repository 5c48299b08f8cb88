import type { ElementGroup } from '../frontends/types';
import type { NetworkFacts } from '../model/facts';
import { valueOf } from '../model/field';
import type { ModelView } from '../model/network';
import { azLabel } from '../model/symbolicAz';
import type { NetworkElement, Subnet } from '../model/types';
import { elementLabel, kindName } from './elementLabel';
import { cidrWithUsable, safe } from './hoverElement';
import { code, escapeMarkdown, table } from './markdown';

interface Context {
  readonly model: ModelView;
  readonly facts: NetworkFacts;
}

/** Instances of one module call shown in full; the rest are counted. */
const MAX_INSTANCES = 3;
/** Subnets listed per instance; the rest are counted. */
const MAX_SUBNETS = 6;

const GATEWAY_KINDS: ReadonlySet<NetworkElement['kind']> = new Set(['igw', 'egress-igw', 'nat', 'tgw', 'vgw', 'cgw', 'vpn']);

/**
 * A hover on a module call's name: what each instance of it builds. The VPCs with their blocks, the subnets
 * with block, AZ and reachability, the gateways, and the count of everything else: for a registry module
 * (terraform-aws-modules/vpc), the network it makes of the arguments given, without opening its code.
 */
export function groupHoverMarkdown(ctx: Context, groups: readonly ElementGroup[]): string {
  const shown = groups.slice(0, MAX_INSTANCES).map((g) => instanceMarkdown(ctx, g));
  if (groups.length > MAX_INSTANCES) shown.push(`and ${groups.length - MAX_INSTANCES} more instances`);
  return shown.join('\n\n---\n\n');
}

function instanceMarkdown(ctx: Context, group: ElementGroup): string {
  const from = group.source === undefined ? '' : ` from ${code(group.source)}`;
  const title = `**Module** ${code(group.label)}${from}`;
  const elements = group.elementIds.map((id) => ctx.model.get(id)).filter((e): e is NetworkElement => e !== undefined && !isPart(e));
  if (elements.length === 0) return `${title}\n\nNo network resources.`;

  const rows: [string, string][] = [];
  for (const vpc of elements) {
    if (vpc.kind !== 'vpc') continue;
    const blocks = vpc.cidrBlocks.map((b) => (b.amazonProvided && !b.cidr.known ? 'Amazon-provided IPv6' : cidrWithUsable(b.cidr)));
    rows.push(['VPC', `${elementLabel(vpc)}: ${blocks.join(', ') || 'no block known'}`]);
  }
  const subnets = elements.filter((e): e is Subnet => e.kind === 'subnet');
  if (subnets.length > 0) {
    const listed = subnets.slice(0, MAX_SUBNETS).map((s) => subnetLine(ctx, s));
    if (subnets.length > MAX_SUBNETS) listed.push(`and ${subnets.length - MAX_SUBNETS} more`);
    rows.push([`Subnets (${subnets.length})`, listed.join('<br>')]);
  }
  const gateways = countByKind(elements.filter((e) => GATEWAY_KINDS.has(e.kind)));
  if (gateways) rows.push(['Gateways', gateways]);
  const others = countByKind(elements.filter((e) => e.kind !== 'vpc' && e.kind !== 'subnet' && !GATEWAY_KINDS.has(e.kind)));
  if (others) rows.push(['Also', others]);
  return `${title}\n\n${table(rows)}`;
}

/** `10.0.1.0/24 · 251 usable (eu-west-1a, private)`. */
function subnetLine(ctx: Context, s: Subnet): string {
  const az = valueOf(s.availabilityZone);
  const pub = safe(() => ctx.facts.publicness(s));
  const reach = pub?.public === true ? 'public' : pub?.public === false ? 'private' : undefined;
  const notes = [az === undefined ? undefined : azLabel(az), reach].filter((n): n is string => n !== undefined);
  const name = s.displayName && s.displayName !== s.address ? escapeMarkdown(s.displayName) : code(s.address);
  return `${name}: ${cidrWithUsable(s.cidr)}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
}

/** `2 NAT gateways, 1 internet gateway`, most first; empty for none. */
function countByKind(elements: readonly NetworkElement[]): string {
  const counts = new Map<NetworkElement['kind'], number>();
  for (const e of elements) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || kindName(a[0]).localeCompare(kindName(b[0])))
    .map(([kind, n]) => `${n} ${plural(kindName(kind), n)}`)
    .join(', ');
}

/** `route tables`, `network ACL entries`, `Elastic IPs`: the names of KIND_NAMES in the plural. */
function plural(name: string, n: number): string {
  if (n === 1) return name;
  if (/[^aeiou]y$/.test(name)) return `${name.slice(0, -1)}ies`;
  return name.endsWith('s') ? `${name}es` : `${name}s`;
}

/** Routes, rules and entries declared inside their table, group or ACL: counted with it, not on their own. */
function isPart(e: NetworkElement): boolean {
  return 'inline' in e && e.inline === true;
}
