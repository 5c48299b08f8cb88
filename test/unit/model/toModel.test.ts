import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { resourcesToElements } from '../../../server/src/core/frontends/terraform/toModel/index';
import { valueOf } from '../../../server/src/core/model/field';
import { vpcDefaultPartId } from '../../../server/src/core/model/fields';
import { FILE, R, S, U, blk, idOf, nextSpan, only, res } from './evaluatedResources';

describe('terraform resources -> model: VPC and subnets', () => {
  test('a VPC keeps its primary block, AWS DNS defaults and its Name tag', () => {
    const [vpc] = resourcesToElements([
      res('aws_vpc', 'main', { cidr_block: '10.0.0.0/16', assign_generated_ipv6_cidr_block: true, tags: { Name: 'prod' } }),
    ]);
    assert.equal(vpc?.kind, 'vpc');
    if (vpc?.kind !== 'vpc') return;
    assert.equal(vpc.displayName, 'prod');
    assert.equal(vpc.address, 'aws_vpc.main');
    assert.equal(vpc.nativeType, 'aws_vpc');
    assert.equal(valueOf(vpc.enableDnsSupport), true);
    assert.equal(valueOf(vpc.enableDnsHostnames), false);
    assert.deepEqual(
      vpc.cidrBlocks.map((b) => [valueOf(b.cidr), b.ipv6, b.primary, b.amazonProvided ?? false]),
      [
        ['10.0.0.0/16', false, true, false],
        [undefined, true, true, true],
      ],
    );
  });

  test('an IPAM-allocated VPC has an unknown block with its netmask length', () => {
    const vpc = only(resourcesToElements([res('aws_vpc', 'ipam', { ipv4_ipam_pool_id: U(), ipv4_netmask_length: 20 })]), 'vpc');
    const block = vpc.cidrBlocks[0]!;
    assert.equal(block.cidr.known, false);
    assert.equal(valueOf(block.ipamNetmaskLength), 20);
  });

  test('a subnet references its VPC by element id; a literal VPC id is outside the workspace', () => {
    const elements = resourcesToElements([
      res('aws_vpc', 'main', { cidr_block: '10.0.0.0/16' }),
      res('aws_subnet', 'a', { vpc_id: R('aws_vpc.main'), cidr_block: '10.0.1.0/24', availability_zone: 'eu-west-1a', map_public_ip_on_launch: 'true' }),
      res('aws_subnet', 'b', { vpc_id: 'vpc-0abc', cidr_block: U() }),
    ]);
    const [a, b] = elements.filter((e) => e.kind === 'subnet');
    assert.ok(a?.kind === 'subnet' && b?.kind === 'subnet');
    assert.equal(valueOf(a.vpc), idOf('aws_vpc.main'));
    assert.equal(valueOf(a.availabilityZone), 'eu-west-1a');
    assert.equal(valueOf(a.mapPublicIpOnLaunch), true);
    assert.equal(b.vpc.known, false);
    assert.equal(b.cidr?.known, false, 'an unresolved block stays unknown, never guessed');
  });

  test('a value written elsewhere is reported where it was written, with the attribute as `at`', () => {
    const origin = nextSpan();
    const subnet = only(resourcesToElements([res('aws_subnet', 'a', { vpc_id: U(), cidr_block: S('10.0.1.7/24', origin) })]), 'subnet');
    assert.ok(subnet.cidr?.known);
    assert.deepEqual(subnet.cidr.span, origin);
    assert.ok(subnet.cidr.at && subnet.cidr.at.start !== origin.start);
    assert.equal(subnet.cidr.at.file, FILE);
  });

  test('a reference to an attribute the other resource wrote is followed (aws_vpc_ipv4_cidr_block_association.x.vpc_id)', () => {
    const subnet = only(
      resourcesToElements([
        res('aws_vpc', 'main', { cidr_block: '10.0.0.0/16' }),
        res('aws_vpc_ipv4_cidr_block_association', 'second', { vpc_id: R('aws_vpc.main'), cidr_block: '10.1.0.0/16' }),
        res('aws_subnet', 's', { vpc_id: R('aws_vpc_ipv4_cidr_block_association.second', 'vpc_id'), cidr_block: '10.1.0.0/24' }),
      ]),
      'subnet',
    );
    assert.equal(valueOf(subnet.vpc), idOf('aws_vpc.main'));
  });

  test('secondary IPv4 and IPv6 blocks become association elements', () => {
    const elements = resourcesToElements([
      res('aws_vpc_ipv4_cidr_block_association', 'v4', { vpc_id: R('aws_vpc.main'), cidr_block: '10.1.0.0/16' }),
      res('aws_vpc_ipv6_cidr_block_association', 'v6', { vpc_id: R('aws_vpc.main'), ipv6_ipam_pool_id: U(), ipv6_netmask_length: 56 }),
    ]);
    const [v4, v6] = elements;
    assert.ok(v4?.kind === 'vpc-cidr-block' && v6?.kind === 'vpc-cidr-block');
    assert.deepEqual([valueOf(v4.block.cidr), v4.block.ipv6, v4.block.primary, v4.block.declaredBy], ['10.1.0.0/16', false, false, idOf('aws_vpc_ipv4_cidr_block_association.v4')]);
    assert.deepEqual([v6.block.cidr.known, v6.block.ipv6, valueOf(v6.block.ipamNetmaskLength)], [false, true, 56]);
  });
});

describe('terraform resources -> model: routing', () => {
  test('inline routes get their own ids, addresses and block spans, and their target kinds', () => {
    const elements = resourcesToElements([
      res('aws_internet_gateway', 'main', { vpc_id: R('aws_vpc.main') }),
      res('aws_vpn_gateway', 'vgw', {}),
      res('aws_route_table', 'public', { vpc_id: R('aws_vpc.main') }, [
        blk('route', { cidr_block: '0.0.0.0/0', gateway_id: R('aws_internet_gateway.main'), nat_gateway_id: '' }),
        blk('route', { cidr_block: '192.168.0.0/16', gateway_id: R('aws_vpn_gateway.vgw') }),
        blk('route', { ipv6_cidr_block: '::/0', egress_only_gateway_id: R('aws_egress_only_internet_gateway.e') }),
        blk('route', { cidr_block: '10.0.0.0/16', gateway_id: 'local' }),
      ]),
    ]);
    const routes = elements.filter((e) => e.kind === 'route');
    assert.deepEqual(
      routes.map((r) => r.kind === 'route' && [r.id, r.address, r.inline, valueOf(r.routeTable), r.target?.kind, valueOf(r.target?.ref)]),
      [
        [idOf('aws_route_table.public') + '/route[0]', 'aws_route_table.public.route[0]', true, idOf('aws_route_table.public'), 'igw', idOf('aws_internet_gateway.main')],
        [idOf('aws_route_table.public') + '/route[1]', 'aws_route_table.public.route[1]', true, idOf('aws_route_table.public'), 'vgw', idOf('aws_vpn_gateway.vgw')],
        [idOf('aws_route_table.public') + '/route[2]', 'aws_route_table.public.route[2]', true, idOf('aws_route_table.public'), 'egress-igw', idOf('aws_egress_only_internet_gateway.e')],
        [idOf('aws_route_table.public') + '/route[3]', 'aws_route_table.public.route[3]', true, idOf('aws_route_table.public'), 'local', 'local'],
      ],
    );
    const table = only(elements, 'route-table');
    assert.notDeepEqual(routes[0]!.span, table.span, 'an inline route spans its own block');
  });

  test('routes written as an attribute list (`route = [{...}]`) map like blocks', () => {
    const elements = resourcesToElements([
      res('aws_route_table', 'rt', { vpc_id: R('aws_vpc.main'), route: [{ cidr_block: '0.0.0.0/0', nat_gateway_id: R('aws_nat_gateway.a') }] }),
    ]);
    const route = only(elements, 'route');
    assert.equal(route.target?.kind, 'nat');
    assert.equal(valueOf(route.destination), '0.0.0.0/0');
  });

  test('a route into the VPC main table by reference points at the VPC default table', () => {
    const route = only(
      resourcesToElements([
        res('aws_vpc', 'main', { cidr_block: '10.0.0.0/16' }),
        res('aws_route', 'r', { route_table_id: R('aws_vpc.main', 'main_route_table_id'), destination_cidr_block: '0.0.0.0/0', gateway_id: U() }),
      ]),
      'route',
    );
    assert.equal(valueOf(route.routeTable), vpcDefaultPartId(idOf('aws_vpc.main'), 'route-table'));
    assert.equal(route.inline, false);
    assert.deepEqual([route.target?.kind, route.target?.ref.known], ['igw', false], 'an unresolved gateway may be an IGW');
  });

  test('aws_default_route_table belongs to the VPC its default_route_table_id comes from', () => {
    const table = only(
      resourcesToElements([
        res('aws_vpc', 'main', { cidr_block: '10.0.0.0/16' }),
        res('aws_default_route_table', 'd', { default_route_table_id: R('aws_vpc.main', 'default_route_table_id') }),
      ]),
      'route-table',
    );
    assert.equal(valueOf(table.vpc), idOf('aws_vpc.main'));
    assert.equal(table.isDefault, true);
  });

  test('NAT gateway and EIP: allocation by reference, EIP association folded into the EIP', () => {
    const elements = resourcesToElements([
      res('aws_eip', 'nat', { domain: 'vpc' }),
      res('aws_eip', 'legacy', { vpc: true }),
      res('aws_nat_gateway', 'a', { allocation_id: R('aws_eip.nat'), subnet_id: R('aws_subnet.a') }),
      res('aws_nat_gateway', 'b', { allocation_id: 'eipalloc-123', subnet_id: R('aws_subnet.b'), connectivity_type: 'PUBLIC' }),
      res('aws_eip_association', 'x', { allocation_id: R('aws_eip.legacy'), instance_id: R('aws_instance.web') }),
    ]);
    const [natA, natB] = elements.filter((e) => e.kind === 'nat');
    const [eipNat, eipLegacy] = elements.filter((e) => e.kind === 'eip');
    assert.ok(natA?.kind === 'nat' && natB?.kind === 'nat' && eipNat?.kind === 'eip' && eipLegacy?.kind === 'eip');
    assert.equal(valueOf(natA.allocation), idOf('aws_eip.nat'));
    assert.equal(valueOf(natB.allocation), 'eipalloc-123', 'a literal allocation is still an allocation');
    assert.equal(valueOf(natB.connectivity), 'public');
    assert.equal(valueOf(eipNat.domainVpc), true);
    assert.equal(valueOf(eipLegacy.domainVpc), true);
    assert.equal(valueOf(eipLegacy.instance), idOf('aws_instance.web'));
    assert.equal(elements.length, 4, 'aws_eip_association adds no element of its own');
  });

  test('routes through a peering accepter reach the peering connection', () => {
    const elements = resourcesToElements([
      res('aws_vpc_peering_connection', 'p', { vpc_id: R('aws_vpc.a'), peer_vpc_id: R('aws_vpc.b') }),
      res('aws_vpc_peering_connection_accepter', 'p', { vpc_peering_connection_id: R('aws_vpc_peering_connection.p'), auto_accept: true }),
      res('aws_route', 'to_a', { route_table_id: R('aws_route_table.b'), destination_cidr_block: '10.0.0.0/16', vpc_peering_connection_id: R('aws_vpc_peering_connection_accepter.p') }),
    ]);
    const route = only(elements, 'route');
    assert.equal(valueOf(route.target?.ref), idOf('aws_vpc_peering_connection.p'));
    assert.equal(elements.filter((e) => e.kind === 'peering').length, 1);
  });
});

describe('terraform resources -> model: security groups and NACLs', () => {
  test('inline SG rules: normalised protocol, numeric ports, one peer per source', () => {
    const elements = resourcesToElements([
      res('aws_security_group', 'web', { vpc_id: R('aws_vpc.main'), name: 'web' }, [
        blk('ingress', { protocol: '6', from_port: '22', to_port: 22, cidr_blocks: ['0.0.0.0/0', '10.0.0.0/8'], ipv6_cidr_blocks: ['::/0'], security_groups: [R('aws_security_group.lb'), 'sg-123'], self: true }),
        blk('egress', { protocol: '-1', from_port: 0, to_port: 0, cidr_blocks: U() }),
      ]),
    ]);
    const group = only(elements, 'sg');
    assert.equal(valueOf(group.groupName), 'web');
    const [ingress, egress] = elements.filter((e) => e.kind === 'sg-rule');
    assert.ok(ingress?.kind === 'sg-rule' && egress?.kind === 'sg-rule');
    assert.equal(ingress.id, idOf('aws_security_group.web') + '/ingress[0]');
    assert.equal(ingress.address, 'aws_security_group.web.ingress[0]');
    assert.deepEqual([ingress.direction, valueOf(ingress.protocol), valueOf(ingress.fromPort), valueOf(ingress.toPort)], ['ingress', 'tcp', 22, 22]);
    assert.deepEqual(
      ingress.peers.map((p) => (p.kind === 'cidr' ? [p.kind, valueOf(p.cidr), p.ipv6] : p.kind === 'sg' ? [p.kind, valueOf(p.group) ?? '?'] : [p.kind])),
      [['cidr', '0.0.0.0/0', false], ['cidr', '10.0.0.0/8', false], ['cidr', '::/0', true], ['sg', idOf('aws_security_group.lb')], ['sg', '?'], ['self']],
    );
    assert.deepEqual([egress.direction, valueOf(egress.protocol), egress.peers.length, egress.peers[0]?.kind], ['egress', '-1', 1, 'cidr']);
    assert.equal(egress.peers[0]?.kind === 'cidr' && egress.peers[0].cidr.known, false, 'an unresolved list is one unknown peer, not none');
  });

  test('standalone SG rules of both styles', () => {
    const elements = resourcesToElements([
      res('aws_security_group_rule', 'ssh', { type: 'ingress', security_group_id: R('aws_security_group.web'), protocol: 'TCP', from_port: 22, to_port: 22, source_security_group_id: R('aws_security_group.bastion') }),
      res('aws_vpc_security_group_egress_rule', 'all', { security_group_id: R('aws_security_group.web'), ip_protocol: 'all', cidr_ipv4: '0.0.0.0/0' }),
      res('aws_security_group_rule', 'unknown_type', { type: U(), security_group_id: R('aws_security_group.web'), protocol: 'tcp' }),
    ]);
    assert.equal(elements.length, 2, 'a rule of unknown direction is left out');
    const [ssh, all] = elements;
    assert.ok(ssh?.kind === 'sg-rule' && all?.kind === 'sg-rule');
    assert.deepEqual([ssh.direction, valueOf(ssh.protocol), ssh.peers[0]?.kind, ssh.inline], ['ingress', 'tcp', 'sg', false]);
    assert.deepEqual([all.direction, valueOf(all.protocol), all.peers[0]?.kind === 'cidr' && valueOf(all.peers[0].cidr)], ['egress', '-1', '0.0.0.0/0']);
  });

  test('NACL entries inline and standalone; actions lower-cased; the default NACL belongs to its VPC', () => {
    const elements = resourcesToElements([
      res('aws_vpc', 'main', { cidr_block: '10.0.0.0/16' }),
      res('aws_network_acl', 'n', { vpc_id: R('aws_vpc.main'), subnet_ids: [R('aws_subnet.a')] }, [
        blk('ingress', { rule_no: 100, action: 'ALLOW', protocol: 'tcp', cidr_block: '0.0.0.0/0', from_port: 22, to_port: 22 }),
      ]),
      res('aws_network_acl_rule', 'out', { network_acl_id: R('aws_network_acl.n'), rule_number: '200', egress: true, protocol: '17', rule_action: 'deny', cidr_block: '0.0.0.0/0' }),
      res('aws_default_network_acl', 'd', { default_network_acl_id: R('aws_vpc.main', 'default_network_acl_id') }),
    ]);
    const [inline, standalone] = elements.filter((e) => e.kind === 'nacl-entry');
    assert.ok(inline?.kind === 'nacl-entry' && standalone?.kind === 'nacl-entry');
    assert.deepEqual([inline.egress, valueOf(inline.ruleNumber), valueOf(inline.action), valueOf(inline.protocol), inline.inline], [false, 100, 'allow', 'tcp', true]);
    assert.deepEqual([standalone.egress, valueOf(standalone.ruleNumber), valueOf(standalone.action), valueOf(standalone.protocol)], [true, 200, 'deny', 'udp']);
    const [nacl, dflt] = elements.filter((e) => e.kind === 'nacl');
    assert.ok(nacl?.kind === 'nacl' && dflt?.kind === 'nacl');
    assert.deepEqual(nacl.subnets.map(valueOf), [idOf('aws_subnet.a')]);
    assert.deepEqual([dflt.isDefault, valueOf(dflt.vpc)], [true, idOf('aws_vpc.main')]);
  });
});

describe('terraform resources -> model: endpoints, load balancers, everything else', () => {
  test('a VPC endpoint defaults to Gateway and gathers its association resources', () => {
    const elements = resourcesToElements([
      res('aws_vpc_endpoint', 's3', { vpc_id: R('aws_vpc.main'), service_name: 'com.amazonaws.eu-west-1.s3' }),
      res('aws_vpc_endpoint_route_table_association', 'a', { vpc_endpoint_id: R('aws_vpc_endpoint.s3'), route_table_id: R('aws_route_table.private') }),
    ]);
    assert.equal(elements.length, 1);
    const ep = only(elements, 'endpoint');
    assert.equal(valueOf(ep.endpointType), 'Gateway');
    assert.deepEqual(ep.routeTables.map(valueOf), [idOf('aws_route_table.private')]);
  });

  test('load balancer defaults, subnet mappings, listener actions and target group delay', () => {
    const elements = resourcesToElements([
      res('aws_lb', 'web', { subnets: [R('aws_subnet.a')], security_groups: [R('aws_security_group.lb')] }, [blk('subnet_mapping', { subnet_id: R('aws_subnet.b') })]),
      res('aws_elb', 'classic', { subnets: [R('aws_subnet.a')], internal: true }),
      res('aws_lb_listener', 'http', { load_balancer_arn: R('aws_lb.web', 'arn'), protocol: 'http', port: '80' }, [
        blk('default_action', { type: 'redirect' }, [blk('redirect', { protocol: 'HTTPS', port: '443' })]),
      ]),
      res('aws_lb_target_group', 'tg', { vpc_id: R('aws_vpc.main'), deregistration_delay: '30', protocol: 'HTTP', port: 80 }),
    ]);
    const [web, classic] = elements.filter((e) => e.kind === 'lb');
    assert.ok(web?.kind === 'lb' && classic?.kind === 'lb');
    assert.deepEqual([valueOf(web.lbType), valueOf(web.internal), web.subnets.map(valueOf)], ['application', false, [idOf('aws_subnet.a'), idOf('aws_subnet.b')]]);
    assert.deepEqual([valueOf(classic.lbType), valueOf(classic.internal)], ['classic', true]);
    const listener = only(elements, 'listener');
    assert.deepEqual(
      [valueOf(listener.loadBalancer), valueOf(listener.protocol), valueOf(listener.port), valueOf(listener.defaultActions[0]?.type), valueOf(listener.defaultActions[0]?.redirectProtocol)],
      [idOf('aws_lb.web'), 'HTTP', 80, 'redirect', 'HTTPS'],
    );
    assert.equal(valueOf(only(elements, 'target-group').deregistrationDelay), 30);
  });

  test('instances, ENIs, flow logs, transit gateways and VPN pieces map to their kinds', () => {
    const elements = resourcesToElements([
      res('aws_instance', 'web', { subnet_id: R('aws_subnet.a'), vpc_security_group_ids: [R('aws_security_group.web')], associate_public_ip_address: true }),
      res('aws_network_interface', 'eni', { subnet_id: R('aws_subnet.a'), private_ips: ['10.0.1.10'] }),
      res('aws_flow_log', 'vpc', { vpc_id: R('aws_vpc.main'), traffic_type: 'ALL' }),
      res('aws_ec2_transit_gateway', 'tgw', { amazon_side_asn: 64512 }),
      res('aws_ec2_transit_gateway_vpc_attachment', 'a', { transit_gateway_id: R('aws_ec2_transit_gateway.tgw'), vpc_id: R('aws_vpc.main'), subnet_ids: [R('aws_subnet.a')] }),
      res('aws_ec2_transit_gateway_route', 'r', { destination_cidr_block: '10.9.0.0/16', transit_gateway_attachment_id: R('aws_ec2_transit_gateway_vpc_attachment.a') }),
      res('aws_customer_gateway', 'cgw', { ip_address: '203.0.113.1', bgp_asn: '65000' }),
      res('aws_vpn_connection', 'vpn', { customer_gateway_id: R('aws_customer_gateway.cgw'), vpn_gateway_id: R('aws_vpn_gateway.vgw') }),
      res('aws_vpn_gateway_attachment', 'att', { vpc_id: R('aws_vpc.main'), vpn_gateway_id: R('aws_vpn_gateway.vgw') }),
      res('aws_dx_gateway', 'dx', { amazon_side_asn: '64600' }),
      res('aws_s3_bucket', 'logs', { bucket: 'logs' }),
    ]);
    assert.deepEqual(
      elements.map((e) => e.kind),
      ['instance', 'eni', 'flow-log', 'tgw', 'tgw-attachment', 'tgw-route', 'cgw', 'vpn', 'gateway-attachment', 'dx-gateway'],
      'a resource type outside the list maps to nothing',
    );
    const flow = only(elements, 'flow-log');
    assert.equal(valueOf(flow.resource), idOf('aws_vpc.main'));
    assert.equal(valueOf(only(elements, 'cgw').bgpAsn), 65000);
    assert.equal(valueOf(only(elements, 'gateway-attachment').gateway), idOf('aws_vpn_gateway.vgw'));
  });

  test('odd values never throw: they become unknown fields', () => {
    const elements = resourcesToElements([
      res('aws_vpc', 'odd', { cidr_block: ['10.0.0.0/16'], enable_dns_support: 'maybe', tags: 'not-a-map' }),
      res('aws_subnet', 'odd', { vpc_id: { id: 'x' }, cidr_block: 42, availability_zone: null }),
      res('aws_security_group', 'odd', { vpc_id: R('aws_vpc.odd') }, [blk('ingress', { protocol: ['tcp'], from_port: 'ssh', cidr_blocks: 'x' })]),
      res('aws_lb', 'odd', { subnets: { a: 1 }, load_balancer_type: 'bogus' }),
    ]);
    const vpc = only(elements, 'vpc');
    assert.equal(vpc.cidrBlocks[0]?.cidr.known, false);
    assert.equal(vpc.enableDnsSupport?.known, false);
    const subnet = only(elements, 'subnet');
    assert.equal(subnet.vpc.known, false);
    assert.equal(valueOf(subnet.cidr), '42');
    assert.equal(subnet.availabilityZone, undefined, 'null is absent');
    const rule = only(elements, 'sg-rule');
    assert.deepEqual([rule.protocol.known, rule.fromPort?.known, rule.peers.length], [false, false, 1]);
    const lb = only(elements, 'lb');
    assert.deepEqual([lb.lbType.known, lb.subnets.length, lb.subnets[0]?.known], [false, 1, false]);
  });
});
