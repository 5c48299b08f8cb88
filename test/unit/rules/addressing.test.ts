import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { known } from '../../../server/src/core/model/field';
import type { SecurityGroupRule, Route, NaclEntry, TransitGatewayRoute } from '../../../server/src/core/model/types';
import type { Finding } from '../../../server/src/core/rules/types';
import type { Span } from '../../../server/src/core/text/span';
import { cidrSyntax } from '../../../server/src/core/rules/addressing/cidrSyntax';
import { cidrHostBits } from '../../../server/src/core/rules/addressing/cidrHostBits';
import { vpcCidrSize } from '../../../server/src/core/rules/addressing/vpcCidrSize';
import { subnetCidrSize } from '../../../server/src/core/rules/addressing/subnetCidrSize';
import { vpcCidrRange } from '../../../server/src/core/rules/addressing/vpcCidrRange';
import { vpcSecondaryCidr } from '../../../server/src/core/rules/addressing/vpcSecondaryCidr';
import { vpcCidrLimit } from '../../../server/src/core/rules/addressing/vpcCidrLimit';
import { subnetOutsideVpc } from '../../../server/src/core/rules/addressing/subnetOutsideVpc';
import { MAX_OVERLAPS_PER_SUBNET, subnetOverlap } from '../../../server/src/core/rules/addressing/subnetOverlap';
import { subnetPublicOversized } from '../../../server/src/core/rules/addressing/subnetPublicOversized';
import { ModelBuilder } from '../harness/model';

/** The spans findings land on, for comparing with the fields a test built. */
const spans = (findings: readonly Finding[]): Span[] => findings.map((f) => f.span);

describe('cidr-syntax', () => {
  test('reports invalid blocks in every place a CIDR is used, with the value in the message', () => {
    const m = new ModelBuilder();
    const vpc = m.vpc('main', '10.0.0.300/16');
    const subnet = m.subnet('a', vpc, '10.0.1.0/33');
    const route: Route = m.add({
      kind: 'route', id: 'r', address: 'aws_route.r', format: 'terraform', span: m.span(5), nameSpan: m.span(3), nativeType: 'aws_route',
      routeTable: known('rt', m.span(2)), destination: m.lit('0.0.0.0'), inline: false,
    });
    const sgRule: SecurityGroupRule = m.add({
      kind: 'sg-rule', id: 'sr', address: 'aws_security_group_rule.x', format: 'terraform', span: m.span(5), nameSpan: m.span(3),
      nativeType: 'aws_security_group_rule', group: known('sg', m.span(2)), direction: 'ingress', protocol: known('tcp', m.span(5)),
      peers: [{ kind: 'cidr', cidr: m.lit('1.2.3/24'), ipv6: false }], inline: false,
    });
    const nacl: NaclEntry = m.add({
      kind: 'nacl-entry', id: 'ne', address: 'aws_network_acl_rule.x', format: 'terraform', span: m.span(5), nameSpan: m.span(3),
      nativeType: 'aws_network_acl_rule', nacl: known('n', m.span(2)), egress: false, ruleNumber: known(100, m.span(3)),
      protocol: known('tcp', m.span(5)), action: known('allow' as const, m.span(7)), ipv6Cidr: m.lit('2001:db8::g/64'), inline: false,
    });
    const tgw: TransitGatewayRoute = m.add({
      kind: 'tgw-route', id: 'tr', address: 'aws_ec2_transit_gateway_route.x', format: 'terraform', span: m.span(5), nameSpan: m.span(3),
      nativeType: 'aws_ec2_transit_gateway_route', destination: m.lit('10.0.0.0/40'),
    });
    const findings = m.run(cidrSyntax);
    assert.deepEqual(spans(findings), [
      vpc.cidrBlocks[0]!.cidr.span,
      subnet.cidr!.span,
      route.destination!.span,
      (sgRule.peers[0] as { cidr: { span: Span } }).cidr.span,
      nacl.ipv6Cidr!.span,
      tgw.destination.span,
    ]);
    assert.match(findings[0]!.message, /^VPC block "10\.0\.0\.300\/16" is not a valid CIDR block: octet 300/);
    assert.match(findings[1]!.message, /"10\.0\.1\.0\/33".*\/33 is longer than 32/);
    assert.match(findings[2]!.message, /missing prefix/);
    assert.ok(findings.every((f) => f.ruleId === 'cidr-syntax'));
  });

  test('reports a block of the wrong IP version for its field', () => {
    const m = new ModelBuilder();
    const vpc = m.vpc('main', '10.0.0.0/16', { ipv6: ['10.1.0.0/16'] });
    const subnet = m.subnet('a', vpc, '2001:db8::/64');
    const findings = m.run(cidrSyntax);
    assert.deepEqual(spans(findings), [vpc.cidrBlocks[1]!.cidr.span, subnet.cidr!.span]);
    assert.match(findings[1]!.message, /"2001:db8::\/64" is an IPv6 block, but this field takes an IPv4 CIDR block/);
  });

  test('stays silent on valid, unknown and empty values', () => {
    const m = new ModelBuilder();
    const vpc = m.vpc('main', '10.0.0.0/16', { ipv6: ['2600:1f18:1234:5600::/56'] });
    m.subnet('a', vpc, m.unknown(), { ipv6: '2600:1f18:1234:5600::/64' });
    m.subnet('b', vpc, '', {});
    m.association('second', undefined, m.unknown());
    assert.deepEqual(m.run(cidrSyntax), []);
  });

  test('reports one literal shared by a VPC and its association once', () => {
    const m = new ModelBuilder();
    const vpc = m.vpc('main', '10.0.0.0/16');
    m.association('second', vpc, '10.1.0.0/166');
    assert.equal(m.run(cidrSyntax).length, 1);
  });
});

describe('cidr-host-bits', () => {
  test('reports host bits with a fix that edits inside the quotes', () => {
    const m = new ModelBuilder();
    const vpc = m.vpc('main', '10.0.0.0/16');
    const subnet = m.subnet('a', vpc, '10.0.1.7/24', { ipv6: '2001:db8:0:1::5/64' });
    const [v4, v6, ...rest] = m.run(cidrHostBits);
    assert.equal(rest.length, 0);
    assert.deepEqual(v4!.span, subnet.cidr!.span);
    assert.equal(v4!.message, 'Subnet block 10.0.1.7/24 has host bits set: the block it names is 10.0.1.0/24');
    const span = subnet.cidr!.span!;
    assert.deepEqual(v4!.fixes, [
      {
        title: 'Replace with the network address 10.0.1.0/24',
        edits: [{ span: { file: span.file, start: span.start + 1, end: span.end - 1 }, newText: '10.0.1.0/24' }],
        preferred: true,
      },
    ]);
    assert.equal(v6!.fixes?.[0]?.edits[0]?.newText, '2001:db8:0:1::/64');
  });

  test('replaces a bare literal whole and offers no fix for a computed expression', () => {
    const m = new ModelBuilder();
    const bare = known('10.0.0.1/16', m.span('10.0.0.1/16'.length));
    const computed = known('10.0.0.1/16', m.span(30));
    m.vpc('bare', bare);
    m.vpc('computed', computed);
    const [a, b] = m.run(cidrHostBits);
    assert.deepEqual(a!.fixes?.[0]?.edits, [{ span: bare.span, newText: '10.0.0.0/16' }]);
    assert.equal(b!.fixes, undefined);
  });

  test('stays silent on network addresses and invalid blocks', () => {
    const m = new ModelBuilder();
    const vpc = m.vpc('main', '10.0.0.0/16');
    m.subnet('a', vpc, '10.0.1.0/24', { ipv6: '2001:db8::/64' });
    m.subnet('b', vpc, '10.0.1.999/24');
    assert.deepEqual(m.run(cidrHostBits), []);
  });
});

describe('vpc-cidr-size', () => {
  test('IPv4: /16 to /28 allowed, others reported on the literal', () => {
    const m = new ModelBuilder();
    const big = m.vpc('big', '10.0.0.0/8');
    const small = m.vpc('small', '10.0.0.0/29');
    m.vpc('min', '10.0.0.0/16');
    m.vpc('max', '10.0.0.0/28');
    const findings = m.run(vpcCidrSize);
    assert.deepEqual(spans(findings), [big.cidrBlocks[0]!.cidr.span, small.cidrBlocks[0]!.cidr.span]);
    assert.equal(findings[0]!.message, 'VPC block 10.0.0.0/8 (16,777,216 addresses) is too large: a VPC IPv4 block must be between /16 and /28');
    assert.match(findings[1]!.message, /too small/);
  });

  test('IPv6: /44 to /60 in steps of 4; secondary blocks and IPAM netmask lengths too', () => {
    const m = new ModelBuilder();
    const vpc = m.vpc('main', '10.0.0.0/16', { ipv6: ['2001:db8::/56', '2001:db8:1::/64', '2001:db8:2::/50'], ipamNetmask: 12 });
    const assoc = m.association('second', vpc, '2001:db8:100::/40', true);
    const findings = m.run(vpcCidrSize);
    assert.deepEqual(spans(findings), [
      vpc.cidrBlocks[0]!.ipamNetmaskLength!.span,
      vpc.cidrBlocks[2]!.cidr.span,
      vpc.cidrBlocks[3]!.cidr.span,
      assoc.block.cidr.span,
    ]);
    assert.match(findings[0]!.message, /IPAM netmask length 12/);
    assert.match(findings[2]!.message, /2001:db8:2::\/50 is not a size AWS allows: a VPC IPv6 block is \/56 from Amazon/);
  });
});

describe('subnet-cidr-size', () => {
  test('IPv4 /16../28 and IPv6 /44../64 in steps of 4', () => {
    const m = new ModelBuilder();
    const vpc = m.vpc('main', '10.0.0.0/16', { ipv6: ['2001:db8::/56'] });
    m.subnet('ok', vpc, '10.0.0.0/24', { ipv6: '2001:db8::/64' });
    const tiny = m.subnet('tiny', vpc, '10.0.1.0/30', { ipv6: '2001:db8:0:1::/80' });
    const odd = m.subnet('odd', vpc, '10.0.2.0/28', { ipv6: '2001:db8:0:2::/62' });
    const findings = m.run(subnetCidrSize);
    assert.deepEqual(spans(findings), [tiny.cidr!.span, tiny.ipv6Cidr!.span, odd.ipv6Cidr!.span]);
    assert.equal(findings[0]!.message, 'Subnet block 10.0.1.0/30 (4 addresses) of aws_subnet.tiny is too small: a subnet IPv4 block must be between /16 and /28');
    assert.match(findings[2]!.message, /Subnet IPv6 block 2001:db8:0:2::\/62 of aws_subnet.odd is not a size AWS allows/);
  });
});

describe('vpc-cidr-range', () => {
  test('warns on public VPC blocks, not on RFC 1918 / RFC 6598 or IPv6', () => {
    const m = new ModelBuilder();
    const pub = m.vpc('public', '8.8.0.0/16', { ipv6: ['2001:db8::/56'] });
    m.vpc('a', '10.0.0.0/16');
    m.vpc('b', '172.31.0.0/16');
    m.vpc('c', '192.168.0.0/20');
    m.vpc('d', '100.64.0.0/16');
    const edge = m.vpc('edge', '172.32.0.0/16');
    const findings = m.run(vpcCidrRange);
    assert.deepEqual(spans(findings), [pub.cidrBlocks[0]!.cidr.span, edge.cidrBlocks[0]!.cidr.span]);
    assert.match(findings[0]!.message, /^VPC block 8\.8\.0\.0\/16 of aws_vpc\.public is outside the recommended private ranges \(RFC 1918/);
  });
});

describe('vpc-secondary-cidr', () => {
  test('reports a secondary that overlaps the primary or another secondary, related to it', () => {
    const m = new ModelBuilder();
    const vpc = m.vpc('main', '10.0.0.0/16');
    const inside = m.association('inside', vpc, '10.0.128.0/17');
    const ok = m.association('ok', vpc, '10.1.0.0/16');
    const dup = m.association('dup', vpc, '10.1.0.0/16');
    const findings = m.run(vpcSecondaryCidr);
    assert.deepEqual(spans(findings), [inside.block.cidr.span, dup.block.cidr.span]);
    assert.equal(findings[0]!.message, 'Secondary block 10.0.128.0/17 of aws_vpc.main overlaps its primary block 10.0.0.0/16');
    assert.deepEqual(findings[0]!.related?.[0]?.span, vpc.cidrBlocks[0]!.cidr.span);
    assert.deepEqual(findings[1]!.related?.[0]?.span, ok.block.cidr.span);
  });

  test('reports secondaries from ranges restricted for the primary range', () => {
    const cases: [string, string, boolean][] = [
      ['10.0.0.0/16', '192.168.0.0/16', true],
      ['10.0.0.0/16', '198.19.0.0/16', true],
      ['10.0.0.0/16', '100.64.0.0/16', false],
      ['172.16.0.0/16', '10.0.0.0/16', true],
      ['192.168.0.0/16', '172.16.0.0/16', true],
      ['100.64.0.0/16', '10.0.0.0/16', true],
      ['100.64.0.0/16', '198.19.0.0/16', false],
      ['8.8.0.0/16', '172.20.0.0/16', true],
    ];
    for (const [primary, secondary, expected] of cases) {
      const m = new ModelBuilder();
      const vpc = m.vpc('main', primary);
      m.association('s', vpc, secondary);
      const findings = m.run(vpcSecondaryCidr);
      assert.equal(findings.length, expected ? 1 : 0, `${primary} + ${secondary}`);
      if (expected) assert.match(findings[0]!.message, new RegExp(`Secondary block ${secondary.replace(/\./g, '\\.')} .* which AWS does not allow`));
    }
  });

  test('IPv6 secondaries are checked for overlap only; unknown blocks are skipped', () => {
    const m = new ModelBuilder();
    const vpc = m.vpc('main', m.unknown(), { ipv6: ['2001:db8::/56'] });
    const overlapping = m.association('v6', vpc, '2001:db8::/60', true);
    m.association('other', vpc, '192.168.0.0/16');
    m.association('unknown', vpc, m.unknown());
    assert.deepEqual(spans(m.run(vpcSecondaryCidr)), [overlapping.block.cidr.span]);
  });
});

describe('vpc-cidr-limit', () => {
  test('warns on the VPC name when it has more than 5 IPv4 blocks, counting unknown ones', () => {
    const m = new ModelBuilder();
    const vpc = m.vpc('main', '10.0.0.0/16', { ipv6: ['2001:db8::/56'] });
    for (let i = 1; i <= 4; i++) m.association(`s${i}`, vpc, `10.${i}.0.0/16`);
    const fine = m.vpc('fine', '10.0.0.0/16');
    for (let i = 1; i <= 4; i++) m.association(`f${i}`, fine, `10.${i}.0.0/16`);
    assert.deepEqual(m.run(vpcCidrLimit), [], 'five blocks (IPv6 not counted) are within the quota');
    m.association('sixth', vpc, m.unknown());
    const findings = m.run(vpcCidrLimit);
    assert.deepEqual(spans(findings), [vpc.nameSpan]);
    assert.match(findings[0]!.message, /VPC aws_vpc\.main has 6 IPv4 blocks; the default quota is 5 per VPC/);
    assert.equal(findings[0]!.related?.length, 6);
  });
});

describe('subnet-outside-vpc', () => {
  test('reports an IPv4 subnet outside all VPC blocks, related to the VPC and the blocks written outside it', () => {
    const m = new ModelBuilder();
    const vpc = m.vpc('main', '10.0.0.0/16');
    const second = m.association('second', vpc, '10.2.0.0/16');
    m.subnet('in', vpc, '10.0.1.0/24');
    m.subnet('in-secondary', vpc, '10.2.1.0/24');
    const out = m.subnet('out', vpc, '10.1.0.0/24');
    const findings = m.run(subnetOutsideVpc);
    assert.deepEqual(spans(findings), [out.cidr!.span]);
    assert.equal(findings[0]!.message, 'Subnet 10.1.0.0/24 is outside VPC aws_vpc.main (10.0.0.0/16, 10.2.0.0/16)');
    // The primary block is a literal in the VPC, next to its name; the association's block is written elsewhere.
    assert.deepEqual(
      findings[0]!.related?.map((r) => [r.message, r.span]),
      [
        ['VPC aws_vpc.main', vpc.nameSpan],
        ['VPC block 10.2.0.0/16 of aws_vpc.main', second.block.cidr.span],
      ],
    );
  });

  test('related: a VPC block whose value is written elsewhere (a .tfvars value) is pointed at where it is written', () => {
    const m = new ModelBuilder();
    const tfvars: Span = { file: 'file:///model/terraform.tfvars', start: 11, end: 24 };
    const attribute = m.span('var.vpc_cidr'.length);
    const vpc = m.vpc('main', known('10.0.0.0/16', tfvars, attribute));
    m.subnet('out', vpc, '10.1.0.0/24');
    assert.deepEqual(
      m.run(subnetOutsideVpc)[0]!.related,
      [
        { span: vpc.nameSpan, message: 'VPC aws_vpc.main' },
        { span: tfvars, message: 'VPC block 10.0.0.0/16 of aws_vpc.main' },
      ],
    );
  });

  test('a subnet larger than its VPC is outside it', () => {
    const m = new ModelBuilder();
    const vpc = m.vpc('main', '10.0.0.0/24');
    const s = m.subnet('big', vpc, '10.0.0.0/16');
    assert.deepEqual(spans(m.run(subnetOutsideVpc)), [s.cidr!.span]);
  });

  test('IPv6: outside the VPC IPv6 block, or the VPC has none', () => {
    const m = new ModelBuilder();
    const vpc = m.vpc('main', '10.0.0.0/16', { ipv6: ['2001:db8::/56'] });
    m.subnet('in', vpc, '10.0.0.0/24', { ipv6: '2001:db8:0:1::/64' });
    const out = m.subnet('out', vpc, '10.0.1.0/24', { ipv6: '2001:db8:1::/64' });
    const v4only = m.vpc('v4only', '10.0.0.0/16');
    const noBlock = m.subnet('nob', v4only, '10.0.0.0/24', { ipv6: '2001:db8::/64' });
    const findings = m.run(subnetOutsideVpc);
    assert.deepEqual(spans(findings), [out.ipv6Cidr!.span, noBlock.ipv6Cidr!.span]);
    assert.match(findings[1]!.message, /which has no IPv6 block/);
  });

  test('never guesses: unknown VPC blocks, Amazon-provided IPv6, unresolved associations, unknown VPC', () => {
    const m = new ModelBuilder();
    const unknownBlock = m.vpc('u', m.unknown());
    m.subnet('a', unknownBlock, '192.168.0.0/24');
    const amazon = m.vpc('amazon', '10.0.0.0/16', { amazonIpv6: true });
    m.subnet('b', amazon, '10.0.0.0/24', { ipv6: '2001:db8::/64' });
    m.subnet('c', undefined, '172.16.0.0/24');
    m.subnet('d', 'vpc-0123456789', '172.16.0.0/24');
    assert.deepEqual(m.run(subnetOutsideVpc), []);

    const m2 = new ModelBuilder();
    const vpc = m2.vpc('main', '10.0.0.0/16');
    m2.subnet('maybe-secondary', vpc, '10.9.0.0/24');
    m2.association('unresolved', undefined, '10.9.0.0/16');
    assert.deepEqual(m2.run(subnetOutsideVpc), []);
  });
});

describe('subnet-overlap', () => {
  test('reports both subnets of an overlapping pair, each related to the other', () => {
    const m = new ModelBuilder();
    const vpc = m.vpc('main', '10.0.0.0/16');
    const a = m.subnet('a', vpc, '10.0.0.0/24');
    const b = m.subnet('b', vpc, '10.0.0.128/25');
    m.subnet('c', vpc, '10.0.1.0/24');
    const findings = m.run(subnetOverlap);
    assert.deepEqual(spans(findings), [b.cidr!.span, a.cidr!.span]);
    assert.equal(findings[0]!.message, 'Subnet 10.0.0.128/25 of aws_subnet.b overlaps 10.0.0.0/24 of aws_subnet.a in VPC aws_vpc.main');
    assert.deepEqual(findings[0]!.related, [{ span: a.cidr!.span, message: 'aws_subnet.a: 10.0.0.0/24' }]);
    assert.deepEqual(findings[1]!.related, [{ span: b.cidr!.span, message: 'aws_subnet.b: 10.0.0.128/25' }]);
  });

  test('identical blocks, nested blocks and IPv6 blocks', () => {
    const m = new ModelBuilder();
    const vpc = m.vpc('main', '10.0.0.0/16', { ipv6: ['2001:db8::/56'] });
    const x = m.subnet('x', vpc, '10.0.5.0/24', { ipv6: '2001:db8::/64' });
    const y = m.subnet('y', vpc, '10.0.5.0/24', { ipv6: '2001:db8:0:1::/64' });
    const z = m.subnet('z', vpc, '10.0.6.0/24', { ipv6: '2001:db8::/64' });
    const findings = m.run(subnetOverlap);
    const key = (s: Span): number => s.start;
    assert.deepEqual(
      findings.map((f) => key(f.span)).sort((p, q) => p - q),
      [x.cidr, y.cidr, x.ipv6Cidr, z.ipv6Cidr].map((f) => key(f!.span!)).sort((p, q) => p - q),
    );
    assert.ok(findings.some((f) => f.message.startsWith('Subnet IPv6 block 2001:db8::/64 of aws_subnet.z overlaps')));
  });

  test('subnets of different VPCs, unknown blocks and unknown VPCs never overlap', () => {
    const m = new ModelBuilder();
    const one = m.vpc('one', '10.0.0.0/16');
    const two = m.vpc('two', '10.0.0.0/16');
    m.subnet('a', one, '10.0.0.0/24');
    m.subnet('b', two, '10.0.0.0/24');
    m.subnet('c', one, m.unknown());
    m.subnet('d', undefined, '10.0.0.0/24');
    assert.deepEqual(m.run(subnetOverlap), []);
  });

  test('a block shared by many subnets: each gets 10 findings and one "also overlaps N more", not one per pair', () => {
    const m = new ModelBuilder();
    const vpc = m.vpc('main', '10.0.0.0/16');
    // 1,000 of them (a count whose CIDR forgot count.index) made a million findings and crashed the JSON report.
    for (let i = 0; i < 1000; i++) m.subnet(`s${i}`, vpc, '10.0.7.0/28');
    const findings = m.run(subnetOverlap);
    assert.equal(findings.length, 1000 * (MAX_OVERLAPS_PER_SUBNET + 1));
    const onFirst = findings.filter((f) => f.message.startsWith('Subnet 10.0.7.0/28 of aws_subnet.s0 '));
    assert.equal(onFirst.length, MAX_OVERLAPS_PER_SUBNET + 1);
    assert.equal(onFirst.at(-1)!.message, 'Subnet 10.0.7.0/28 of aws_subnet.s0 also overlaps 989 more subnets in VPC aws_vpc.main (the first 10 are reported one by one)');
  });

  test('scales: 10,000 subnets in one VPC are checked quickly and every overlap is found', () => {
    const m = new ModelBuilder();
    const vpc = m.vpc('main', '10.0.0.0/8');
    for (let i = 0; i < 10_000; i++) m.subnet(`s${i}`, vpc, `10.${Math.floor(i / 256)}.${i % 256}.0/24`);
    m.subnet('dup', vpc, '10.3.7.0/24');
    const started = performance.now();
    const findings = m.run(subnetOverlap);
    const elapsed = performance.now() - started;
    assert.equal(findings.length, 2);
    assert.ok(elapsed < 15_000, // a bound against runaway (quadratic) work on a busy CI machine, not a speed target (npm run bench measures speed)
      `took ${elapsed.toFixed(0)} ms`);
  });
});

describe('subnet-public-oversized', () => {
  test('reports a public subnet larger than every private subnet, related to the largest private one', () => {
    const m = new ModelBuilder();
    const vpc = m.vpc('main', '10.0.0.0/16');
    const pub = m.subnet('public', vpc, '10.0.0.0/20', { public: true });
    m.subnet('small-public', vpc, '10.0.16.0/28', { public: true });
    m.subnet('p1', vpc, '10.0.32.0/24', { public: false });
    const p2 = m.subnet('p2', vpc, '10.0.64.0/22', { public: false });
    const findings = m.run(subnetPublicOversized);
    assert.deepEqual(spans(findings), [pub.cidr!.span]);
    assert.equal(
      findings[0]!.message,
      'Public subnet 10.0.0.0/20 (4,091 usable) of aws_subnet.public is larger than every private subnet of VPC aws_vpc.main ' +
        '(largest: 10.0.64.0/22, 1,019 usable); public subnets usually need few addresses',
    );
    assert.deepEqual(findings[0]!.related?.[0]?.span, p2.cidr!.span);
  });

  test('silent when a private subnet is as large, when there is no private subnet, or publicness is unknown', () => {
    const m = new ModelBuilder();
    const equal = m.vpc('equal', '10.0.0.0/16');
    m.subnet('a', equal, '10.0.0.0/24', { public: true });
    m.subnet('b', equal, '10.0.1.0/24', { public: false });
    const onlyPublic = m.vpc('only', '10.1.0.0/16');
    m.subnet('c', onlyPublic, '10.1.0.0/20', { public: true });
    const undecided = m.vpc('undecided', '10.2.0.0/16');
    m.subnet('d', undecided, '10.2.0.0/20', { public: true });
    m.subnet('e', undecided, '10.2.16.0/24', { public: false });
    m.subnet('f', undecided, '10.2.17.0/24', { public: undefined });
    const unknownPrivate = m.vpc('unknown', '10.3.0.0/16');
    m.subnet('g', unknownPrivate, '10.3.0.0/20', { public: true });
    m.subnet('h', unknownPrivate, m.unknown(), { public: false });
    assert.deepEqual(m.run(subnetPublicOversized), []);
  });
});
