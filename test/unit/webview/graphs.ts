// Topology graphs for the diagram tests and the benchmark: a small two-VPC network as the graph builder
// produces it, and a generator of big ones.
import type { TopologyEdge, TopologyGraph, TopologyNode } from '../../../server/src/core/topology/types';

const range = (line: number) => ({ start: { line, character: 0 }, end: { line: line + 3, character: 1 } });

export function smallGraph(): TopologyGraph {
  const file = 'file:///work/network/main.tf';
  const nodes: TopologyNode[] = [
    { id: 'internet', kind: 'internet', label: 'Internet' },
    { id: 'vpc.main', kind: 'vpc', label: 'main', cidr: '10.0.0.0/16', file, range: range(0) },
    { id: 'igw.main', kind: 'igw', label: 'main-igw', parent: 'vpc.main', file, range: range(10) },
    { id: 'az.main.a', kind: 'az', label: 'us-east-1a', parent: 'vpc.main' },
    { id: 'az.main.b', kind: 'az', label: 'us-east-1b', parent: 'vpc.main' },
    { id: 'subnet.public_a', kind: 'subnet', label: 'public-a', parent: 'az.main.a', cidr: '10.0.1.0/24', az: 'us-east-1a', public: true, file, range: range(20), details: ['public: route 0.0.0.0/0 -> igw main-igw'] },
    { id: 'subnet.private_a', kind: 'subnet', label: 'private-a', parent: 'az.main.a', cidr: '10.0.10.0/24', az: 'us-east-1a', public: false, file, range: range(30), findings: { error: 1, warning: 2, info: 0 } },
    { id: 'subnet.public_b', kind: 'subnet', label: 'public-b', parent: 'az.main.b', cidr: '10.0.2.0/24', az: 'us-east-1b', public: true, file, range: range(40) },
    { id: 'subnet.private_b', kind: 'subnet', label: 'private-b', parent: 'az.main.b', cidr: '10.0.11.0/24', az: 'us-east-1b', public: false, file, range: range(50) },
    { id: 'nat.a', kind: 'nat', label: 'nat-a', parent: 'subnet.public_a', file, range: range(60) },
    { id: 'eip.nat_a', kind: 'eip', label: 'nat-a-eip', parent: 'vpc.main', file, range: range(65) },
    { id: 'i.web', kind: 'instance', label: 'web-1', parent: 'subnet.private_a', file, range: range(70) },
    { id: 'i.web2', kind: 'instance', label: 'web-2', parent: 'subnet.private_b', file, range: range(75) },
    { id: 'lb.web', kind: 'lb', label: 'web-alb', parent: 'vpc.main', file, range: range(80) },
    { id: 'ep.s3', kind: 'endpoint', label: 's3', parent: 'vpc.main', file, range: range(90) },
    { id: 'rt.public', kind: 'route-table', label: 'public-rt', parent: 'vpc.main', file, range: range(100) },
    { id: 'rt.private', kind: 'route-table', label: 'private-rt', parent: 'vpc.main', file, range: range(110) },
    { id: 'nacl.main', kind: 'nacl', label: 'main-nacl', parent: 'vpc.main', file, range: range(120) },
    { id: 'sg.web', kind: 'sg', label: 'web-sg', parent: 'vpc.main', file, range: range(130) },
    { id: 'vpc.shared', kind: 'vpc', label: 'shared-services', cidr: '10.1.0.0/16', file, range: range(140) },
    { id: 'az.shared.a', kind: 'az', label: 'us-east-1a', parent: 'vpc.shared' },
    { id: 'subnet.shared_a', kind: 'subnet', label: 'shared-a', parent: 'az.shared.a', cidr: '10.1.0.0/24', az: 'us-east-1a', public: false, file, range: range(150) },
    { id: 'vgw.shared', kind: 'vgw', label: 'shared-vgw', parent: 'vpc.shared', file, range: range(160) },
    { id: 'pcx.main_shared', kind: 'peering', label: 'main<->shared', file, range: range(170) },
    { id: 'tgw.core', kind: 'tgw', label: 'core-tgw', file, range: range(180) },
    { id: 'onprem', kind: 'onprem', label: 'On-premises' },
    { id: 'vpn.office', kind: 'vpn', label: 'office-vpn', file, range: range(190) },
  ];
  const edges: TopologyEdge[] = [
    { from: 'igw.main', to: 'internet', kind: 'attachment' },
    { from: 'rt.public', to: 'subnet.public_a', kind: 'association' },
    { from: 'rt.public', to: 'subnet.public_b', kind: 'association' },
    { from: 'rt.public', to: 'igw.main', kind: 'route', label: '0.0.0.0/0' },
    { from: 'rt.private', to: 'subnet.private_a', kind: 'association' },
    { from: 'rt.private', to: 'subnet.private_b', kind: 'association' },
    { from: 'rt.private', to: 'nat.a', kind: 'route', label: '0.0.0.0/0' },
    { from: 'nacl.main', to: 'subnet.private_a', kind: 'association' },
    { from: 'eip.nat_a', to: 'nat.a', kind: 'association' },
    { from: 'sg.web', to: 'i.web', kind: 'association' },
    { from: 'lb.web', to: 'subnet.public_a', kind: 'lb-subnet' },
    { from: 'lb.web', to: 'subnet.public_b', kind: 'lb-subnet' },
    { from: 'ep.s3', to: 'rt.private', kind: 'endpoint' },
    { from: 'vpc.main', to: 'pcx.main_shared', kind: 'peering' },
    { from: 'vpc.shared', to: 'pcx.main_shared', kind: 'peering' },
    { from: 'vpc.main', to: 'tgw.core', kind: 'tgw-attachment' },
    { from: 'vpc.shared', to: 'tgw.core', kind: 'tgw-attachment' },
    { from: 'vgw.shared', to: 'vpn.office', kind: 'vpn' },
    { from: 'vpn.office', to: 'onprem', kind: 'vpn' },
  ];
  return { version: 1, nodes, edges };
}

/**
 * A network of about `target` nodes: VPCs of 3 AZs, each AZ with public and private subnets holding
 * instances, a NAT per AZ, gateways, route tables; VPCs joined by a transit gateway.
 */
export function bigGraph(target: number): TopologyGraph {
  const nodes: TopologyNode[] = [{ id: 'internet', kind: 'internet', label: 'Internet' }, { id: 'tgw', kind: 'tgw', label: 'core-tgw' }];
  const edges: TopologyEdge[] = [];
  const file = 'file:///work/big/main.tf';
  let v = 0;
  while (nodes.length < target) {
    const vpc = `vpc${v}`;
    nodes.push({ id: vpc, kind: 'vpc', label: `vpc-${v}`, cidr: `10.${v % 256}.0.0/16`, file, range: range(v) });
    nodes.push({ id: `${vpc}.igw`, kind: 'igw', label: `igw-${v}`, parent: vpc });
    edges.push({ from: `${vpc}.igw`, to: 'internet', kind: 'attachment' }, { from: vpc, to: 'tgw', kind: 'tgw-attachment' });
    for (let a = 0; a < 3 && nodes.length < target; a++) {
      const az = `${vpc}.az${a}`;
      nodes.push({ id: az, kind: 'az', label: `us-east-1${'abc'[a]}`, parent: vpc });
      for (let s = 0; s < 4 && nodes.length < target; s++) {
        const subnet = `${az}.s${s}`;
        const isPublic = s === 0;
        nodes.push({ id: subnet, kind: 'subnet', label: `${isPublic ? 'public' : 'private'}-${a}-${s}`, parent: az, cidr: `10.${v % 256}.${a * 16 + s}.0/24`, public: isPublic, file, range: range(s) });
        if (isPublic) nodes.push({ id: `${subnet}.nat`, kind: 'nat', label: `nat-${v}-${a}`, parent: subnet });
        for (let i = 0; i < 6 && nodes.length < target; i++) {
          nodes.push({ id: `${subnet}.i${i}`, kind: 'instance', label: `app-${v}-${a}-${s}-${i}`, parent: subnet, file, range: range(i) });
        }
      }
    }
    v++;
  }
  return { version: 1, nodes: nodes.slice(0, Math.max(target, 3)), edges };
}
