// The graph of the repository's examples/: one VPC in eu-west-1, two AZs, public/private/database subnets,
// a NAT gateway per AZ, an IGW, gateway and interface endpoints from a module, and deliberate mistakes.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { INTERNET_NODE_ID, regionNodeId } from '../../../server/src/core/topology';
import { type Built, examplesTopology, textAt } from './helpers';

describe('topology of examples/', async () => {
  const g: Built = await examplesTopology();
  const label = (address: string) => g.node(address).label;
  const hasEdge = (kind: string, from: string, to: string) => g.edges(kind).some((e) => e.from === g.id(from) && e.to === g.id(to));

  test('contains region > vpc > az > subnet > NAT', () => {
    const vpc = g.node('aws_vpc.main');
    assert.equal(vpc.parent, regionNodeId('eu-west-1'));
    assert.equal(g.node(regionNodeId('eu-west-1')).kind, 'region');
    const az = g.node(g.node('aws_subnet.public[0]').parent!);
    assert.deepEqual([az.kind, az.label, az.az, az.parent], ['az', 'eu-west-1a', 'eu-west-1a', vpc.id]);
    assert.equal(g.node(g.node('aws_subnet.public[1]').parent!).label, 'eu-west-1b');
    assert.deepEqual(g.graph.nodes.filter((n) => n.kind === 'az').map((n) => n.label).sort(), ['eu-west-1a', 'eu-west-1b']);
    assert.equal(g.node('aws_nat_gateway.main[0]').parent, g.id('aws_subnet.public[0]'));
    assert.equal(g.node('aws_nat_gateway.main[1]').parent, g.id('aws_subnet.public[1]'));
  });

  test('labels VPCs with their blocks and subnets with name, CIDR and usable count', () => {
    assert.equal(label('aws_vpc.main'), 'prod-payments\n10.0.0.0/16');
    assert.equal(g.node('aws_vpc.main').cidr, '10.0.0.0/16');
    assert.equal(label('aws_subnet.public[0]'), 'prod-public-eu-west-1a\n10.0.0.0/24 · 251 usable');
    assert.equal(label('aws_subnet.private[1]'), 'prod-private-eu-west-1b\n10.0.32.0/20 · 4,091 usable');
    assert.equal(label('aws_subnet.vpn_appliance'), 'prod-vpn-appliance\n10.0.8.0/29 · 3 usable');
    assert.equal(g.node('aws_subnet.database[1]').cidr, '10.0.101.0/24');
  });

  test('marks public and private subnets, and says why in the details', () => {
    assert.equal(g.node('aws_subnet.public[0]').public, true);
    assert.equal(g.node('aws_subnet.public[1]').public, true);
    for (const s of ['aws_subnet.private[0]', 'aws_subnet.database[1]', 'aws_subnet.tools']) assert.equal(g.node(s).public, false, s);
    const details = g.node('aws_subnet.public[0]').details!;
    assert.ok(details.some((d) => d.startsWith('public: route 0.0.0.0/0 -> aws_internet_gateway.main')), details.join('\n'));
    assert.ok(details.includes('route table: prod-public (explicit association)'));
    assert.ok(details.includes('network ACL: prod-public'));
    assert.ok(details.some((d) => d.includes('256 addresses, 251 usable')));
  });

  test('puts the IGW on the VPC with an attachment edge to the one internet node', () => {
    assert.equal(g.node('aws_internet_gateway.main').parent, g.id('aws_vpc.main'));
    assert.equal(g.graph.nodes.filter((n) => n.kind === 'internet').length, 1);
    assert.equal(g.node(INTERNET_NODE_ID).parent, undefined);
    assert.ok(hasEdge('attachment', 'aws_internet_gateway.main', INTERNET_NODE_ID));
  });

  test('draws nat-egress from each private subnet to the NAT of its default route', () => {
    assert.ok(hasEdge('nat-egress', 'aws_subnet.private[0]', 'aws_nat_gateway.main[0]'));
    assert.ok(hasEdge('nat-egress', 'aws_subnet.private[1]', 'aws_nat_gateway.main[1]'));
    assert.ok(hasEdge('nat-egress', 'aws_subnet.analytics', 'aws_nat_gateway.main[1]'));
    assert.ok(!g.edges('nat-egress').some((e) => e.from === g.id('aws_subnet.public[0]')), 'public subnets use the IGW');
    assert.equal(g.edges('nat-egress')[0]!.label, '0.0.0.0/0');
  });

  test('gives route tables and NACLs to the VPC, with association and route edges', () => {
    assert.equal(g.node('aws_route_table.private[0]').parent, g.id('aws_vpc.main'));
    assert.equal(g.node('aws_network_acl.public').parent, g.id('aws_vpc.main'));
    assert.ok(hasEdge('association', 'aws_subnet.private[0]', 'aws_route_table.private[0]'));
    assert.ok(hasEdge('association', 'aws_subnet.public[1]', 'aws_network_acl.public'));
    assert.ok(g.edges('route').some((e) => e.from === g.id('aws_route_table.public') && e.to === g.id('aws_internet_gateway.main') && e.label === '0.0.0.0/0'));
    assert.ok(g.node('aws_route_table.public').details!.includes('0.0.0.0/0 -> prod-payments-igw'));
  });

  test('draws endpoints on the VPC: gateway ones to route tables, interface ones to subnets', () => {
    const s3 = g.node('module.endpoints.aws_vpc_endpoint.s3');
    assert.deepEqual([s3.kind, s3.parent, s3.label], ['endpoint', g.id('aws_vpc.main'), 'prod-payments-s3\ns3 (Gateway)']);
    assert.ok(hasEdge('endpoint', 'module.endpoints.aws_vpc_endpoint.s3', 'aws_route_table.private[1]'));
    const ssm = 'module.endpoints.aws_vpc_endpoint.interface["ssm"]';
    assert.equal(label(ssm), 'prod-payments-ssm\nssm (Interface)');
    assert.ok(hasEdge('endpoint', ssm, 'aws_subnet.private[0]'));
    assert.ok(hasEdge('endpoint', ssm, 'aws_subnet.private[1]'));
  });

  test('keeps the source file and range of every resource node', () => {
    const vpc = g.node('aws_vpc.main');
    assert.match(vpc.file!, /examples\/vpc\.tf$/);
    assert.deepEqual(vpc.range!.start, { line: 0, character: 0 });
    assert.match(textAt(g.texts, vpc), /^resource "aws_vpc" "main" \{[\s\S]*\}$/);
    const s3 = g.node('module.endpoints.aws_vpc_endpoint.s3');
    assert.match(s3.file!, /examples\/modules\/endpoints\/main\.tf$/);
    assert.match(textAt(g.texts, s3), /^resource "aws_vpc_endpoint" "s3"/);
    for (const n of g.graph.nodes) {
      if (['region', 'az', 'internet', 'onprem'].includes(n.kind)) assert.equal(n.file, undefined, n.id);
      else assert.ok(n.file && n.range, `${n.id} has a source`);
    }
  });

  test('counts findings on the nodes they are about', () => {
    assert.deepEqual(g.node('aws_subnet.legacy_reporting').findings, { error: 1, warning: 0, info: 0 }); // outside the VPC
    assert.deepEqual(g.node('aws_subnet.tools').findings, { error: 0, warning: 1, info: 0 }); // host bits
    assert.deepEqual(g.node('aws_subnet.analytics').findings, { error: 1, warning: 0, info: 0 }); // overlap
    // Both instances of aws_subnet.private share one span; the overlap message names private[1] only.
    assert.deepEqual(g.node('aws_subnet.private[1]').findings, { error: 1, warning: 0, info: 0 });
    assert.equal(g.node('aws_subnet.private[0]').findings, undefined);
    assert.equal(g.node('aws_subnet.public[0]').findings, undefined);
  });

  test('is a well-formed graph: parents exist and come first, edges join existing nodes, ids unique', () => {
    const seen = new Set<string>();
    for (const n of g.graph.nodes) {
      assert.ok(!seen.has(n.id), `duplicate ${n.id}`);
      if (n.parent !== undefined) assert.ok(seen.has(n.parent), `${n.id}: parent ${n.parent} comes first`);
      seen.add(n.id);
    }
    for (const e of g.graph.edges) assert.ok(seen.has(e.from) && seen.has(e.to), `${e.from} -> ${e.to}`);
    assert.equal(g.graph.version, 1);
    assert.deepEqual(JSON.parse(JSON.stringify(g.graph)), g.graph, 'plain JSON data');
  });
});
