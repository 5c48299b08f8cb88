import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { resourcesToElements } from '../../../server/src/core/frontends/terraform/toModel/index';
import { valueOf } from '../../../server/src/core/model/field';
import { vpcDefaultPartId } from '../../../server/src/core/model/fields';
import { linkModel } from '../../../server/src/core/model/link';
import { R, U, blk, idOf, only, res } from './evaluatedResources';

function linked(...resources: Parameters<typeof resourcesToElements>[0]) {
  return linkModel(resourcesToElements(resources));
}

describe('model linker', () => {
  test('a VPC lists its own blocks first, then its association blocks in order', () => {
    const elements = linked(
      res('aws_vpc_ipv4_cidr_block_association', 'second', { vpc_id: R('aws_vpc.main'), cidr_block: '10.1.0.0/16' }),
      res('aws_vpc', 'main', { cidr_block: '10.0.0.0/16', ipv6_cidr_block: '2600:1f18::/56' }),
      res('aws_vpc_ipv4_cidr_block_association', 'third', { vpc_id: R('aws_vpc.main'), cidr_block: '10.2.0.0/16' }),
      res('aws_vpc_ipv4_cidr_block_association', 'other', { vpc_id: R('aws_vpc.other'), cidr_block: '10.3.0.0/16' }),
    );
    const vpc = only(elements, 'vpc');
    assert.deepEqual(
      vpc.cidrBlocks.map((b) => [valueOf(b.cidr), b.primary]),
      [
        ['10.0.0.0/16', true],
        ['2600:1f18::/56', true],
        ['10.1.0.0/16', false],
        ['10.2.0.0/16', false],
      ],
    );
  });

  test('a route table lists its inline and standalone routes; a route with an unknown table goes nowhere', () => {
    const elements = linked(
      res('aws_route_table', 'rt', { vpc_id: R('aws_vpc.main') }, [blk('route', { cidr_block: '0.0.0.0/0', gateway_id: R('aws_internet_gateway.igw') })]),
      res('aws_route', 'extra', { route_table_id: R('aws_route_table.rt'), destination_cidr_block: '10.9.0.0/16', transit_gateway_id: R('aws_ec2_transit_gateway.t') }),
      res('aws_route', 'lost', { route_table_id: U(), destination_cidr_block: '10.8.0.0/16', gateway_id: U() }),
    );
    assert.deepEqual(only(elements, 'route-table').routes, [idOf('aws_route_table.rt') + '/route[0]', idOf('aws_route.extra')]);
  });

  test('security groups list their rules; NACLs their entries and subnets (inline and associations, once each)', () => {
    const elements = linked(
      res('aws_security_group', 'web', { vpc_id: R('aws_vpc.main') }, [blk('ingress', { protocol: 'tcp', from_port: 443, to_port: 443, cidr_blocks: ['0.0.0.0/0'] })]),
      res('aws_vpc_security_group_ingress_rule', 'ssh', { security_group_id: R('aws_security_group.web'), ip_protocol: 'tcp', from_port: 22, to_port: 22, cidr_ipv4: '10.0.0.0/8' }),
      res('aws_network_acl', 'n', { vpc_id: R('aws_vpc.main'), subnet_ids: [R('aws_subnet.a')] }, [blk('egress', { rule_no: 100, action: 'allow', protocol: '-1', cidr_block: '0.0.0.0/0', from_port: 0, to_port: 0 })]),
      res('aws_network_acl_rule', 'in', { network_acl_id: R('aws_network_acl.n'), rule_number: 100, protocol: 'tcp', rule_action: 'allow', cidr_block: '0.0.0.0/0', from_port: 443, to_port: 443 }),
      res('aws_network_acl_association', 'a', { network_acl_id: R('aws_network_acl.n'), subnet_id: R('aws_subnet.a') }),
      res('aws_network_acl_association', 'b', { network_acl_id: R('aws_network_acl.n'), subnet_id: R('aws_subnet.b') }),
    );
    assert.deepEqual(only(elements, 'sg').rules, [idOf('aws_security_group.web') + '/ingress[0]', idOf('aws_vpc_security_group_ingress_rule.ssh')]);
    const nacl = only(elements, 'nacl');
    assert.deepEqual(nacl.entries, [idOf('aws_network_acl.n') + '/egress[0]', idOf('aws_network_acl_rule.in')]);
    assert.deepEqual(nacl.subnets.map(valueOf), [idOf('aws_subnet.a'), idOf('aws_subnet.b')]);
  });

  test('an EIP knows the NAT gateway and the instance that use it', () => {
    const elements = linked(
      res('aws_eip', 'nat', { domain: 'vpc' }),
      res('aws_eip', 'web', { domain: 'vpc', instance: R('aws_instance.web') }),
      res('aws_eip', 'idle', { domain: 'vpc' }),
      res('aws_nat_gateway', 'a', { allocation_id: R('aws_eip.nat'), subnet_id: R('aws_subnet.a') }),
    );
    const eips = elements.filter((e) => e.kind === 'eip');
    assert.deepEqual(
      eips.map((e) => e.kind === 'eip' && e.associatedWith),
      [[idOf('aws_nat_gateway.a')], [idOf('aws_instance.web')], []],
    );
  });

  test('references to the VPC main table land on the aws_default_route_table that manages it', () => {
    const elements = linked(
      res('aws_vpc', 'main', { cidr_block: '10.0.0.0/16' }),
      res('aws_default_route_table', 'd', { default_route_table_id: R('aws_vpc.main', 'default_route_table_id') }),
      res('aws_route', 'r', { route_table_id: R('aws_vpc.main', 'main_route_table_id'), destination_cidr_block: '0.0.0.0/0', gateway_id: R('aws_internet_gateway.igw') }),
      res('aws_route_table_association', 'a', { subnet_id: R('aws_subnet.a'), route_table_id: R('aws_vpc.main', 'default_route_table_id') }),
    );
    const table = only(elements, 'route-table');
    assert.equal(table.id, idOf('aws_default_route_table.d'));
    assert.deepEqual(table.routes, [idOf('aws_route.r')]);
    assert.equal(valueOf(only(elements, 'route').routeTable), table.id);
    assert.equal(valueOf(only(elements, 'route-table-association').routeTable), table.id);
  });

  test('an unmanaged main table that routes are added to becomes an element at the VPC', () => {
    const elements = linked(
      res('aws_vpc', 'main', { cidr_block: '10.0.0.0/16' }),
      res('aws_route', 'r', { route_table_id: R('aws_vpc.main', 'main_route_table_id'), destination_cidr_block: '0.0.0.0/0', gateway_id: R('aws_internet_gateway.igw') }),
    );
    const table = only(elements, 'route-table');
    const vpc = only(elements, 'vpc');
    assert.equal(table.id, vpcDefaultPartId(vpc.id, 'route-table'));
    assert.deepEqual([table.isDefault, valueOf(table.vpc), table.address, table.routes], [true, vpc.id, 'aws_vpc.main.default_route_table_id', [idOf('aws_route.r')]]);
    assert.deepEqual(table.span, vpc.span);
  });

  test('the input elements are not mutated (front-ends cache them)', () => {
    const input = resourcesToElements([
      res('aws_vpc', 'main', { cidr_block: '10.0.0.0/16' }),
      res('aws_vpc_ipv4_cidr_block_association', 'b', { vpc_id: R('aws_vpc.main'), cidr_block: '10.1.0.0/16' }),
      res('aws_default_route_table', 'd', { default_route_table_id: R('aws_vpc.main', 'default_route_table_id') }),
      res('aws_route', 'r', { route_table_id: R('aws_vpc.main', 'main_route_table_id'), destination_cidr_block: '0.0.0.0/0', gateway_id: R('aws_internet_gateway.igw') }),
      res('aws_eip', 'e', { instance: R('aws_instance.x') }),
    ]);
    const before = JSON.stringify(input);
    const once = linkModel(input);
    assert.equal(JSON.stringify(input), before);
    assert.equal(JSON.stringify(linkModel(once)), JSON.stringify(once), 'linking is idempotent');
  });
});
