// Connections examples/ lacks: peering, transit gateway, VPN, Direct Connect, load balancers spanning
// subnets, instances, egress-only IGW; and the edge cases: unknown AZ, scoping to one file's unit.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { INTERNET_NODE_ID, ONPREM_NODE_ID, azNodeId, elementAt } from '../../../server/src/core/topology';
import { WS, topologyOf } from './helpers';

const TWO_VPCS = `
resource "aws_vpc" "a" {
  cidr_block = "10.0.0.0/16"
  tags = { Name = "app" }
}
resource "aws_vpc" "b" {
  cidr_block = "10.1.0.0/16"
  tags = { Name = "shared" }
}
resource "aws_subnet" "a1" {
  vpc_id            = aws_vpc.a.id
  cidr_block        = "10.0.1.0/24"
  availability_zone = "us-east-1a"
}
resource "aws_subnet" "a2" {
  vpc_id            = aws_vpc.a.id
  cidr_block        = "10.0.2.0/24"
  availability_zone = "us-east-1b"
}
resource "aws_subnet" "b1" {
  vpc_id            = aws_vpc.b.id
  cidr_block        = "10.1.1.0/24"
  availability_zone = "us-east-1a"
}
resource "aws_vpc_peering_connection" "ab" {
  vpc_id      = aws_vpc.a.id
  peer_vpc_id = aws_vpc.b.id
  tags = { Name = "app-to-shared" }
}
resource "aws_ec2_transit_gateway" "hub" {
  tags = { Name = "hub" }
}
resource "aws_ec2_transit_gateway_vpc_attachment" "a" {
  transit_gateway_id = aws_ec2_transit_gateway.hub.id
  vpc_id             = aws_vpc.a.id
  subnet_ids         = [aws_subnet.a1.id, aws_subnet.a2.id]
}
resource "aws_ec2_transit_gateway_vpc_attachment" "b" {
  transit_gateway_id = aws_ec2_transit_gateway.hub.id
  vpc_id             = aws_vpc.b.id
  subnet_ids         = [aws_subnet.b1.id]
}
resource "aws_route_table" "a" {
  vpc_id = aws_vpc.a.id
  route {
    cidr_block         = "10.1.0.0/16"
    transit_gateway_id = aws_ec2_transit_gateway.hub.id
  }
}
`;

const EDGE = `
resource "aws_vpc" "main" {
  cidr_block = "10.2.0.0/16"
}
resource "aws_subnet" "x" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.2.1.0/24"
  availability_zone = "eu-central-1a"
}
resource "aws_subnet" "y" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.2.2.0/24"
  availability_zone = "eu-central-1b"
}
resource "aws_subnet" "somewhere" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.2.3.0/24"
  availability_zone = var.az
}
variable "az" {}
resource "aws_vpn_gateway" "vgw" {
  vpc_id = aws_vpc.main.id
}
resource "aws_customer_gateway" "office" {
  bgp_asn    = 65000
  ip_address = "203.0.113.10"
  type       = "ipsec.1"
  tags = { Name = "office" }
}
resource "aws_vpn_connection" "office" {
  vpn_gateway_id      = aws_vpn_gateway.vgw.id
  customer_gateway_id = aws_customer_gateway.office.id
  type                = "ipsec.1"
  static_routes_only  = true
}
resource "aws_dx_gateway" "dx" {
  name            = "dx"
  amazon_side_asn = "64512"
}
resource "aws_egress_only_internet_gateway" "v6" {
  vpc_id = aws_vpc.main.id
}
resource "aws_security_group" "web" {
  vpc_id = aws_vpc.main.id
}
resource "aws_lb" "web" {
  internal           = false
  load_balancer_type = "application"
  subnets            = [aws_subnet.x.id, aws_subnet.y.id]
  security_groups    = [aws_security_group.web.id]
}
resource "aws_lb_target_group" "web" {
  vpc_id   = aws_vpc.main.id
  port     = 80
  protocol = "HTTP"
}
resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}
resource "aws_instance" "app" {
  ami                    = "ami-123"
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.x.id
  vpc_security_group_ids = [aws_security_group.web.id]
  private_ip             = "10.2.1.10"
}
`;

describe('topology connections', async () => {
  const g = await topologyOf({ 'hub/main.tf': TWO_VPCS, 'edge/main.tf': EDGE });
  const hasEdge = (kind: string, from: string, to: string, label?: string) =>
    g.edges(kind).some((e) => e.from === g.id(from) && e.to === g.id(to) && (label === undefined || e.label === label));

  test('peering: a node between the two VPCs, labelled with the connection', () => {
    const p = g.node('aws_vpc_peering_connection.ab');
    assert.equal(p.kind, 'peering');
    assert.equal(p.label, 'app-to-shared');
    assert.ok(hasEdge('peering', 'aws_vpc.a', 'aws_vpc_peering_connection.ab'));
    assert.ok(hasEdge('peering', 'aws_vpc_peering_connection.ab', 'aws_vpc.b'));
    assert.equal(p.parent, 'region:us-east-1', 'both VPCs are in us-east-1');
  });

  test('transit gateway: outside the VPCs, a tgw-attachment edge to each attached VPC, route edges to it', () => {
    const hub = g.node('aws_ec2_transit_gateway.hub');
    assert.equal(hub.kind, 'tgw');
    assert.notEqual(hub.parent, g.id('aws_vpc.a'));
    assert.ok(hasEdge('tgw-attachment', 'aws_ec2_transit_gateway.hub', 'aws_vpc.a'));
    assert.ok(hasEdge('tgw-attachment', 'aws_ec2_transit_gateway.hub', 'aws_vpc.b'));
    assert.ok(hasEdge('route', 'aws_route_table.a', 'aws_ec2_transit_gateway.hub', '10.1.0.0/16'));
  });

  test('VPN: VGW on the VPC -> VPN connection -> customer gateway -> on-premises', () => {
    assert.equal(g.node('aws_vpn_gateway.vgw').parent, g.id('aws_vpc.main'));
    assert.ok(hasEdge('vpn', 'aws_vpn_gateway.vgw', 'aws_vpn_connection.office'));
    assert.ok(hasEdge('vpn', 'aws_vpn_connection.office', 'aws_customer_gateway.office'));
    assert.ok(hasEdge('attachment', 'aws_customer_gateway.office', ONPREM_NODE_ID));
    assert.equal(g.node('aws_customer_gateway.office').label, 'office\n203.0.113.10');
    assert.equal(g.graph.nodes.filter((n) => n.kind === 'onprem').length, 1);
  });

  test('Direct Connect gateway: connected to on-premises', () => {
    assert.equal(g.node('aws_dx_gateway.dx').kind, 'dx-gateway');
    assert.ok(hasEdge('vpn', 'aws_dx_gateway.dx', ONPREM_NODE_ID, 'Direct Connect'));
  });

  test('egress-only IGW: on the VPC, to the internet', () => {
    assert.equal(g.node('aws_egress_only_internet_gateway.v6').parent, g.id('aws_vpc.main'));
    assert.ok(hasEdge('attachment', 'aws_egress_only_internet_gateway.v6', INTERNET_NODE_ID));
  });

  test('load balancer: on the VPC, spanning its subnets, forwarding to its target group', () => {
    const lb = g.node('aws_lb.web');
    assert.deepEqual([lb.parent, lb.label], [g.id('aws_vpc.main'), 'aws_lb.web\ninternet-facing ALB']);
    assert.ok(hasEdge('lb-subnet', 'aws_lb.web', 'aws_subnet.x'));
    assert.ok(hasEdge('lb-subnet', 'aws_lb.web', 'aws_subnet.y'));
    assert.ok(hasEdge('association', 'aws_lb.web', 'aws_lb_target_group.web', 'HTTP:80'));
    assert.ok(hasEdge('association', 'aws_lb.web', 'aws_security_group.web'));
    assert.equal(g.node('aws_lb_target_group.web').parent, g.id('aws_vpc.main'));
  });

  test('instance: inside its subnet, associated with its security group', () => {
    assert.equal(g.node('aws_instance.app').parent, g.id('aws_subnet.x'));
    assert.ok(g.node('aws_instance.app').details!.includes('private IP 10.2.1.10'));
    assert.ok(hasEdge('association', 'aws_instance.app', 'aws_security_group.web'));
  });

  test('subnets of an unknown AZ share an "AZ unknown" container', () => {
    const s = g.node('aws_subnet.somewhere');
    const az = g.node(s.parent!);
    assert.deepEqual([az.id, az.kind, az.label, az.az], [azNodeId(g.id('aws_vpc.main'), undefined), 'az', 'AZ unknown', undefined]);
    assert.equal(s.az, undefined);
  });

  test('scoped to one file: only the unit of that file', async () => {
    const scoped = await topologyOf({ 'hub/main.tf': TWO_VPCS, 'edge/main.tf': EDGE }, { file: `${WS}/edge/main.tf` });
    const ids = scoped.graph.nodes.map((n) => n.id);
    assert.ok(ids.some((id) => id.endsWith('::aws_vpc.main')));
    assert.ok(!ids.some((id) => id.endsWith('::aws_vpc.a')), 'the hub unit is left out');
    const none = await topologyOf({ 'hub/main.tf': TWO_VPCS }, { file: `${WS}/elsewhere/main.tf` });
    assert.deepEqual(none.graph.nodes, []);
  });

  test('a file without resources scopes to the units of its folder', async () => {
    const scoped = await topologyOf({ 'edge/main.tf': EDGE, 'edge/variables.tf': 'variable "x" {}\n', 'hub/main.tf': TWO_VPCS }, { file: `${WS}/edge/variables.tf` });
    assert.ok(scoped.graph.nodes.some((n) => n.id.endsWith('::aws_vpc.main')));
    assert.ok(!scoped.graph.nodes.some((n) => n.id.endsWith('::aws_vpc.a')));
  });

  test('elementAt: the innermost resource at a cursor, or the node that owns it', () => {
    const text = g.texts.get(`${WS}/edge/main.tf`)!;
    const at = (needle: string) => elementAt(g.analysis.model, g.graph, `${WS}/edge/main.tf`, text.indexOf(needle));
    assert.deepEqual(at('"10.2.1.0/24"'), { id: g.id('aws_subnet.x') });
    assert.deepEqual(at('load_balancer_arn'), { id: g.id('aws_lb.web') }, 'a listener highlights its load balancer');
    assert.deepEqual(at('variable "az"'), null);
  });

  test('node ids stay the same across an edit', async () => {
    const edited = await topologyOf({ 'hub/main.tf': TWO_VPCS.replace('"10.0.2.0/24"', '"10.0.3.0/24"'), 'edge/main.tf': `# a comment\n${EDGE}` });
    assert.deepEqual(edited.graph.nodes.map((n) => n.id), g.graph.nodes.map((n) => n.id));
    assert.match(edited.node('aws_subnet.a2').label, /10\.0\.3\.0\/24/);
  });
});

describe('topology of bad or partial input', () => {
  test('unresolved references and syntax errors give a smaller graph, never an exception', async () => {
    const g = await topologyOf({
      'main.tf': `
resource "aws_subnet" "orphan" {
  vpc_id     = var.vpc_id
  cidr_block = "10.9.0.0/24"
}
resource "aws_nat_gateway" "n" {
  subnet_id = aws_subnet.missing.id
}
resource "aws_vpc" "broken" {
  cidr_block = 
`,
    });
    const orphan = g.node('aws_subnet.orphan');
    assert.equal(orphan.parent, undefined);
    assert.equal(orphan.public, undefined);
    assert.equal(g.node('aws_nat_gateway.n').parent, undefined);
  });

  test('a block that is not known says why in the node details', async () => {
    const g = await topologyOf({
      'main.tf': `
variable "vpc_cidr" {}
resource "aws_vpc" "main" {
  cidr_block = var.vpc_cidr
}
resource "aws_subnet" "app" {
  vpc_id     = aws_vpc.main.id
  cidr_block = cidrsubnet(var.vpc_cidr, 8, 1)
}
`,
    });
    const why = 'var.vpc_cidr has no value (no default, and no variable file sets it)';
    assert.ok(g.node('aws_vpc.main').details?.includes(`primary IPv4: unknown (${why})`), JSON.stringify(g.node('aws_vpc.main').details));
    assert.ok(g.node('aws_subnet.app').details?.includes(`IPv4 block: unknown (${why})`), JSON.stringify(g.node('aws_subnet.app').details));
    assert.equal(g.node('aws_subnet.app').label, 'aws_subnet.app\nCIDR unknown');
  });

  test('an empty workspace gives an empty graph', async () => {
    const g = await topologyOf({});
    assert.deepEqual(g.graph, { version: 1, nodes: [], edges: [] });
  });
});
