import type { NetworkElement } from '../model/types';
import { code, escapeMarkdown } from './markdown';

/** `aws_subnet.public[0]` (“public-a”): the address, and the Name tag when there is one. */
export function elementLabel(e: NetworkElement): string {
  const name = e.displayName && e.displayName !== e.address ? ` (${escapeMarkdown(e.displayName)})` : '';
  return `${code(e.address)}${name}`;
}

/** `aws_subnet.app` of `aws_subnet.app[2]`: the name the instances of one count/for_each resource share. */
export function baseAddress(e: NetworkElement): string {
  return e.address.replace(/\[[^\]]*\]$/, '');
}

const KIND_NAMES: Record<NetworkElement['kind'], string> = {
  vpc: 'VPC',
  'vpc-cidr-block': 'VPC CIDR block association',
  subnet: 'subnet',
  'route-table': 'route table',
  route: 'route',
  'route-table-association': 'route table association',
  'main-route-table-association': 'main route table association',
  igw: 'internet gateway',
  'egress-igw': 'egress-only internet gateway',
  'gateway-attachment': 'gateway attachment',
  nat: 'NAT gateway',
  eip: 'Elastic IP',
  sg: 'security group',
  'sg-rule': 'security group rule',
  nacl: 'network ACL',
  'nacl-entry': 'network ACL entry',
  'nacl-association': 'network ACL association',
  peering: 'VPC peering connection',
  tgw: 'transit gateway',
  'tgw-attachment': 'transit gateway VPC attachment',
  'tgw-route': 'transit gateway route',
  endpoint: 'VPC endpoint',
  vgw: 'virtual private gateway',
  cgw: 'customer gateway',
  vpn: 'site-to-site VPN connection',
  'dx-gateway': 'Direct Connect gateway',
  lb: 'load balancer',
  listener: 'load balancer listener',
  'target-group': 'target group',
  instance: 'EC2 instance',
  eni: 'network interface',
  'flow-log': 'flow log',
};

export function kindName(kind: NetworkElement['kind']): string {
  return KIND_NAMES[kind];
}
