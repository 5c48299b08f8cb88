import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { vpcDefaultPartId } from '../../../server/src/core/model/fields';
import type { EvaluatedResource } from '../../../server/src/core/frontends/terraform/evaluated';
import { R, U, analyse, blk, idOf, res } from './evaluatedResources';

/** A VPC with an IGW, a public and a private table with a NAT, and three subnets. */
function network(extra: EvaluatedResource[] = []): EvaluatedResource[] {
  return [
    res('aws_vpc', 'main', { cidr_block: '10.0.0.0/16' }),
    res('aws_internet_gateway', 'main', { vpc_id: R('aws_vpc.main') }),
    res('aws_subnet', 'public', { vpc_id: R('aws_vpc.main'), cidr_block: '10.0.0.0/24', availability_zone: 'eu-west-1a' }),
    res('aws_subnet', 'private', { vpc_id: R('aws_vpc.main'), cidr_block: '10.0.1.0/24', availability_zone: 'eu-west-1a' }),
    res('aws_subnet', 'loose', { vpc_id: R('aws_vpc.main'), cidr_block: '10.0.2.0/24' }),
    res('aws_route_table', 'public', { vpc_id: R('aws_vpc.main') }, [blk('route', { cidr_block: '0.0.0.0/0', gateway_id: R('aws_internet_gateway.main') })]),
    res('aws_route_table', 'private', { vpc_id: R('aws_vpc.main') }, [blk('route', { cidr_block: '0.0.0.0/0', nat_gateway_id: R('aws_nat_gateway.a') })]),
    res('aws_nat_gateway', 'a', { subnet_id: R('aws_subnet.public'), allocation_id: R('aws_eip.nat') }),
    res('aws_route_table_association', 'public', { subnet_id: R('aws_subnet.public'), route_table_id: R('aws_route_table.public') }),
    res('aws_route_table_association', 'private', { subnet_id: R('aws_subnet.private'), route_table_id: R('aws_route_table.private') }),
    ...extra,
  ];
}

describe('facts: route table of a subnet and public/private', () => {
  test('explicit association to a table with a default route to the VPC IGW: public, and says why', () => {
    const { facts, get } = analyse(network());
    const subnet = get('subnet', 'aws_subnet.public');
    const choice = facts.routeTableOf(subnet);
    assert.equal(choice.how, 'explicit');
    assert.equal(choice.how === 'explicit' && choice.associationId, idOf('aws_route_table_association.public'));
    const p = facts.publicness(subnet);
    assert.equal(p.public, true);
    assert.equal(p.reason, 'public: route 0.0.0.0/0 -> aws_internet_gateway.main in aws_route_table.public (explicit association)');
    assert.equal(p.route?.address, 'aws_route_table.public.route[0]');
  });

  test('a default route to a NAT gateway is private, and the reason names it', () => {
    const { facts, get } = analyse(network());
    const p = facts.publicness(get('subnet', 'aws_subnet.private'));
    assert.equal(p.public, false);
    assert.equal(p.reason, 'private: aws_route_table.private has no default route to an internet gateway (0.0.0.0/0 -> aws_nat_gateway.a)');
  });

  test('without any main table in the configuration, a subnet uses the implicit main table: private', () => {
    const { facts, get } = analyse(network());
    const loose = get('subnet', 'aws_subnet.loose');
    assert.deepEqual(facts.routeTableOf(loose), { how: 'implicit-main' });
    const p = facts.publicness(loose);
    assert.equal(p.public, false);
    assert.match(p.reason, /^private: .*implicit main table \(only the local route\)/);
  });

  test('a main route table association makes that table the main one', () => {
    const { facts, get } = analyse(
      network([res('aws_main_route_table_association', 'm', { vpc_id: R('aws_vpc.main'), route_table_id: R('aws_route_table.public') })]),
    );
    const loose = get('subnet', 'aws_subnet.loose');
    const choice = facts.routeTableOf(loose);
    assert.equal(choice.how === 'main' && choice.table.address, 'aws_route_table.public');
    assert.equal(facts.publicness(loose).reason, 'public: route 0.0.0.0/0 -> aws_internet_gateway.main in aws_route_table.public (main route table)');
  });

  test('aws_default_route_table is the main table when no association overrides it', () => {
    const { facts, get } = analyse(
      network([
        res('aws_default_route_table', 'd', { default_route_table_id: R('aws_vpc.main', 'default_route_table_id') }, [
          blk('route', { cidr_block: '0.0.0.0/0', nat_gateway_id: R('aws_nat_gateway.a') }),
        ]),
      ]),
    );
    const loose = get('subnet', 'aws_subnet.loose');
    const choice = facts.routeTableOf(loose);
    assert.equal(choice.how === 'main' && choice.table.address, 'aws_default_route_table.d');
    assert.equal(
      facts.publicness(loose).reason,
      'private: aws_default_route_table.d (main route table) has no default route to an internet gateway (0.0.0.0/0 -> aws_nat_gateway.a)',
    );
  });

  test('routes added to the VPC main table by reference make its subnets public', () => {
    const { facts, get } = analyse(
      network([res('aws_route', 'main_igw', { route_table_id: R('aws_vpc.main', 'main_route_table_id'), destination_cidr_block: '0.0.0.0/0', gateway_id: R('aws_internet_gateway.main') })]),
    );
    const loose = get('subnet', 'aws_subnet.loose');
    const choice = facts.routeTableOf(loose);
    assert.equal(choice.how === 'main' && choice.table.id, vpcDefaultPartId(idOf('aws_vpc.main'), 'route-table'));
    assert.equal(facts.publicness(loose).public, true);
  });

  test('an IGW attached by aws_internet_gateway_attachment counts; an unattached one does not', () => {
    const base = (attach: boolean) => [
      res('aws_vpc', 'v', { cidr_block: '10.1.0.0/16' }),
      res('aws_internet_gateway', 'gw', {}),
      ...(attach ? [res('aws_internet_gateway_attachment', 'att', { vpc_id: R('aws_vpc.v'), internet_gateway_id: R('aws_internet_gateway.gw') })] : []),
      res('aws_subnet', 's', { vpc_id: R('aws_vpc.v'), cidr_block: '10.1.0.0/24' }),
      res('aws_route_table', 'rt', { vpc_id: R('aws_vpc.v') }, [blk('route', { cidr_block: '0.0.0.0/0', gateway_id: R('aws_internet_gateway.gw') })]),
      res('aws_route_table_association', 'a', { subnet_id: R('aws_subnet.s'), route_table_id: R('aws_route_table.rt') }),
    ];
    const attached = analyse(base(true));
    assert.equal(attached.facts.publicness(attached.get('subnet', 'aws_subnet.s')).public, true);
    const detached = analyse(base(false));
    assert.equal(detached.facts.publicness(detached.get('subnet', 'aws_subnet.s')).public, false);
  });

  test('an IPv6 default route to the IGW is public too', () => {
    const { facts, get } = analyse([
      res('aws_vpc', 'v', { cidr_block: '10.1.0.0/16' }),
      res('aws_internet_gateway', 'gw', { vpc_id: R('aws_vpc.v') }),
      res('aws_subnet', 's', { vpc_id: R('aws_vpc.v'), cidr_block: '10.1.0.0/24' }),
      res('aws_route_table', 'rt', { vpc_id: R('aws_vpc.v') }, [blk('route', { ipv6_cidr_block: '::/0', gateway_id: R('aws_internet_gateway.gw') })]),
      res('aws_route_table_association', 'a', { subnet_id: R('aws_subnet.s'), route_table_id: R('aws_route_table.rt') }),
    ]);
    assert.equal(facts.publicness(get('subnet', 'aws_subnet.s')).reason, 'public: route ::/0 -> aws_internet_gateway.gw in aws_route_table.rt (explicit association)');
  });

  test('an association with an unresolved subnet makes unassociated subnets of that VPC undecidable', () => {
    const { facts, get } = analyse(
      network([res('aws_route_table_association', 'mystery', { subnet_id: U('var.subnet_id'), route_table_id: R('aws_route_table.public') })]),
    );
    const loose = get('subnet', 'aws_subnet.loose');
    assert.deepEqual(facts.routeTableOf(loose), { how: 'unknown' });
    const p = facts.publicness(loose);
    assert.equal(p.public, undefined);
    assert.match(p.reason, /^unknown: /);
    assert.equal(facts.publicness(get('subnet', 'aws_subnet.private')).public, false, 'an explicit association still decides');
  });

  test('an unresolved association target or route target gives undefined, never a guess', () => {
    const { facts, get } = analyse([
      res('aws_vpc', 'v', { cidr_block: '10.1.0.0/16' }),
      res('aws_subnet', 'a', { vpc_id: R('aws_vpc.v'), cidr_block: '10.1.0.0/24' }),
      res('aws_subnet', 'b', { vpc_id: R('aws_vpc.v'), cidr_block: '10.1.1.0/24' }),
      res('aws_route_table', 'rt', { vpc_id: R('aws_vpc.v') }, [blk('route', { cidr_block: '0.0.0.0/0', gateway_id: U('var.gateway_id') })]),
      res('aws_route_table_association', 'a', { subnet_id: R('aws_subnet.a'), route_table_id: U('module.x.rt') }),
      res('aws_route_table_association', 'b', { subnet_id: R('aws_subnet.b'), route_table_id: R('aws_route_table.rt') }),
    ]);
    assert.equal(facts.publicness(get('subnet', 'aws_subnet.a')).public, undefined);
    const b = facts.publicness(get('subnet', 'aws_subnet.b'));
    assert.equal(b.public, undefined);
    assert.equal(b.reason, 'unknown: route 0.0.0.0/0 -> an unresolved internet gateway in aws_route_table.rt could not be resolved');
  });

  test('a default route to an IGW with an unresolved table makes private verdicts in its VPC undecidable', () => {
    const { facts, get } = analyse(
      network([res('aws_route', 'floating', { route_table_id: U(), destination_cidr_block: '0.0.0.0/0', gateway_id: R('aws_internet_gateway.main') })]),
    );
    assert.equal(facts.publicness(get('subnet', 'aws_subnet.private')).public, undefined);
    assert.equal(facts.publicness(get('subnet', 'aws_subnet.public')).public, true);
  });
});

describe('facts: indexes and the VPC of any element', () => {
  test('subnets of a VPC, routes of a table, blocks of a VPC', () => {
    const { facts, get } = analyse(
      network([res('aws_vpc_ipv4_cidr_block_association', 'b', { vpc_id: R('aws_vpc.main'), cidr_block: '10.5.0.0/16' })]),
    );
    assert.deepEqual(facts.subnetsOf(idOf('aws_vpc.main')).map((s) => s.address), ['aws_subnet.public', 'aws_subnet.private', 'aws_subnet.loose']);
    assert.deepEqual(facts.routesOf(idOf('aws_route_table.private')).map((r) => r.address), ['aws_route_table.private.route[0]']);
    assert.deepEqual(
      facts.vpcBlocks(get('vpc', 'aws_vpc.main')).map((b) => b.cidr.known && b.cidr.value),
      ['10.0.0.0/16', '10.5.0.0/16'],
    );
  });

  test('vpcOf follows subnets, tables, groups and default parts to the VPC', () => {
    const { facts } = analyse(
      network([
        res('aws_security_group', 'web', { vpc_id: R('aws_vpc.main') }, [blk('ingress', { protocol: 'tcp', from_port: 443, to_port: 443 })]),
        res('aws_instance', 'web', { subnet_id: R('aws_subnet.private') }),
        res('aws_lb', 'web', { subnets: [R('aws_subnet.public')] }),
        res('aws_lb_listener', 'web', { load_balancer_arn: R('aws_lb.web', 'arn'), port: 80, protocol: 'HTTP' }),
        res('aws_ec2_transit_gateway', 'tgw', {}),
      ]),
    );
    const vpcId = idOf('aws_vpc.main');
    for (const id of [
      idOf('aws_subnet.loose'),
      idOf('aws_route_table.public') + '/route[0]',
      idOf('aws_route_table_association.private'),
      idOf('aws_nat_gateway.a'),
      idOf('aws_security_group.web') + '/ingress[0]',
      idOf('aws_instance.web'),
      idOf('aws_lb_listener.web'),
      idOf('aws_internet_gateway.main'),
      vpcDefaultPartId(vpcId, 'sg'),
    ]) {
      assert.equal(facts.vpcOf(id)?.id, vpcId, id);
    }
    assert.equal(facts.vpcOf(idOf('aws_ec2_transit_gateway.tgw')), undefined);
    assert.equal(facts.vpcOf('nothing'), undefined);
  });

  test('10,000 resources: model, link and every subnet verdict stay fast', () => {
    const resources: EvaluatedResource[] = [];
    const vpcs = 100;
    const perVpc = 24; // 100 VPCs x (vpc + igw + 2 tables + 24 x (subnet + association)) + routes = ~5,300 resources
    for (let v = 0; v < vpcs; v++) {
      resources.push(res('aws_vpc', `v${v}`, { cidr_block: `10.${v}.0.0/16` }));
      resources.push(res('aws_internet_gateway', `g${v}`, { vpc_id: R(`aws_vpc.v${v}`) }));
      resources.push(res('aws_route_table', `pub${v}`, { vpc_id: R(`aws_vpc.v${v}`) }, [blk('route', { cidr_block: '0.0.0.0/0', gateway_id: R(`aws_internet_gateway.g${v}`) })]));
      resources.push(res('aws_route_table', `priv${v}`, { vpc_id: R(`aws_vpc.v${v}`) }));
      for (let s = 0; s < perVpc; s++) {
        resources.push(res('aws_subnet', `s${v}_${s}`, { vpc_id: R(`aws_vpc.v${v}`), cidr_block: `10.${v}.${s}.0/24` }));
        resources.push(res('aws_route_table_association', `a${v}_${s}`, { subnet_id: R(`aws_subnet.s${v}_${s}`), route_table_id: R(`aws_route_table.${s % 2 ? 'pub' : 'priv'}${v}`) }));
        resources.push(res('aws_route', `r${v}_${s}`, { route_table_id: R(`aws_route_table.priv${v}`), destination_cidr_block: `172.16.${s}.0/24`, transit_gateway_id: U() }));
        resources.push(res('aws_security_group_rule', `sg${v}_${s}`, { type: 'ingress', security_group_id: R(`aws_security_group.x${v}`), protocol: 'tcp', from_port: 443, to_port: 443, cidr_blocks: ['0.0.0.0/0'] }));
      }
    }
    assert.ok(resources.length >= 10_000);
    const started = performance.now();
    const { facts, model } = analyse(resources);
    let publicCount = 0;
    for (const s of model.ofKind('subnet')) if (facts.publicness(s).public) publicCount++;
    const elapsed = performance.now() - started;
    assert.equal(publicCount, (vpcs * perVpc) / 2);
    assert.ok(elapsed < 15_000, // a bound against runaway (quadratic) work on a busy CI machine, not a speed target (npm run bench measures speed)
      `took ${Math.round(elapsed)} ms`);
  });
});
