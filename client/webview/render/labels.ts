// Words the diagram writes for a node: kind chips, the subnet's CIDR line, the tooltip lines.
import { awsCidrMath, formatCount, parseCidr } from '../../../server/src/core/cidr';
import type { TopologyNode, TopologyNodeKind } from '../../../server/src/core/topology/types';
import type { CollapsedAttachment, LayoutNode } from '../layout/types';

export const KIND_CHIP: Record<TopologyNodeKind, string> = {
  region: 'REGION', vpc: 'VPC', az: 'AZ', subnet: 'SUBNET', igw: 'IGW', 'egress-igw': 'EIGW', nat: 'NAT',
  eip: 'EIP', 'route-table': 'RT', sg: 'SG', nacl: 'NACL', peering: 'PCX', tgw: 'TGW', vgw: 'VGW', cgw: 'CGW',
  vpn: 'VPN', 'dx-gateway': 'DX', endpoint: 'VPCE', lb: 'LB', 'target-group': 'TG', instance: 'EC2', eni: 'ENI',
  internet: 'WWW', onprem: 'DC',
};

export const KIND_NAME: Record<TopologyNodeKind, string> = {
  region: 'Region', vpc: 'VPC', az: 'Availability Zone', subnet: 'Subnet', igw: 'Internet gateway',
  'egress-igw': 'Egress-only internet gateway', nat: 'NAT gateway', eip: 'Elastic IP', 'route-table': 'Route table',
  sg: 'Security group', nacl: 'Network ACL', peering: 'VPC peering', tgw: 'Transit gateway', vgw: 'Virtual private gateway',
  cgw: 'Customer gateway', vpn: 'VPN connection', 'dx-gateway': 'Direct Connect gateway', endpoint: 'VPC endpoint',
  lb: 'Load balancer', 'target-group': 'Target group', instance: 'Instance', eni: 'Network interface',
  internet: 'Internet', onprem: 'On-premises network',
};

/** "10.0.1.0/24 · 251 usable" (IPv4); an IPv6 or unparsable block as written. */
export function cidrLine(cidr: string | undefined): string | undefined {
  if (typeof cidr !== 'string' || cidr.trim() === '') return undefined;
  const first = cidr.split(/[,\s]+/).find((c) => c !== '') ?? cidr;
  const parsed = parseCidr(first);
  if (!parsed.ok || parsed.cidr.version !== 4) return cidr;
  return `${cidr} · ${formatCount(awsCidrMath(parsed.cidr).usable)} usable`;
}

/** The node's name; a label that already carries the CIDR (the graph builder's "name 10.0.1.0/24 · 251
 * usable") is cut before it, since the diagram writes the CIDR line itself. */
export function nodeLabel(node: TopologyNode): string {
  const label = node.label === undefined || node.label === null || String(node.label) === '' ? node.id : String(node.label);
  const cidr = typeof node.cidr === 'string' && node.cidr !== '' ? label.indexOf(node.cidr) : -1;
  const name = cidr > 0 ? label.slice(0, cidr).replace(/[\s·:,(-]+$/, '') : '';
  return name !== '' ? name : label;
}

/** The lines a tooltip shows: kind and name, CIDR, findings, badges, the builder's own details. */
export function detailLines(n: LayoutNode): string[] {
  const node = n.node;
  const lines = [`${KIND_NAME[node.kind] ?? node.kind}: ${nodeLabel(node)}`];
  const cidr = cidrLine(node.cidr);
  if (cidr) lines.push(cidr);
  if (node.kind === 'subnet' && typeof node.public === 'boolean') lines.push(node.public ? 'Public subnet' : 'Private subnet');
  if (node.az && node.kind !== 'az') lines.push(`AZ ${node.az}`);
  const f = node.findings;
  if (f && f.error + f.warning + f.info > 0) lines.push(`Findings: ${f.error} error(s), ${f.warning} warning(s), ${f.info} info`);
  for (const a of n.attachments) lines.push(`${KIND_NAME[a.kind]}: ${a.label}`);
  if (n.hiddenChildren > 0) lines.push(`${n.hiddenChildren} resource(s) inside (collapsed)`);
  for (const d of node.details ?? []) lines.push(String(d));
  return lines;
}

/** "rt: public-rt · nacl: main-nacl" for one attachment of a kind, "2 route tables" for several. */
export function attachmentSummary(attachments: readonly CollapsedAttachment[]): string {
  const groups = new Map<string, string[]>();
  for (const a of attachments) {
    const list = groups.get(a.kind);
    if (list) list.push(a.label);
    else groups.set(a.kind, [a.label]);
  }
  const short: Record<string, [string, string]> = {
    'route-table': ['rt', 'route tables'], nacl: ['nacl', 'NACLs'], sg: ['sg', 'security groups'], eip: ['eip', 'EIPs'],
  };
  return [...groups].map(([kind, labels]) => {
    const [one, many] = short[kind] ?? [kind, kind];
    return labels.length === 1 ? `${one}: ${labels[0]}` : `${labels.length} ${many}`;
  }).join(' · ');
}

/** The second line of a resource box: its CIDR and badges. */
export function leafSubLine(node: TopologyNode, attachments: readonly CollapsedAttachment[]): string {
  return [typeof node.cidr === 'string' ? node.cidr : '', attachmentSummary(attachments)].filter((s) => s !== '').join(' · ');
}
