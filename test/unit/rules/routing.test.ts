/**
 * Routing and gateway rules: behaviour the fixtures do not show (related information, no quick fixes,
 * unknown values staying silent) and scale. Terraform goes through the real pipeline; the scale test builds
 * the model by hand so it measures the rules, not the front-end.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createWorkspace } from '../../../server/src/host/createWorkspace';
import { DEFAULT_SETTINGS } from '../../../server/src/core/config/settings';
import { known } from '../../../server/src/core/model/field';
import { computeFacts } from '../../../server/src/core/model/facts-impl';
import { NetworkModel } from '../../../server/src/core/model/network';
import type { ElementKind, NetworkElement } from '../../../server/src/core/model/types';
import { RULES } from '../../../server/src/core/rules/registry';
import { runRules } from '../../../server/src/core/rules/runner';
import type { Diagnostic } from '../../../server/src/core/rules/types';
import { LineIndex } from '../../../server/src/core/text/lineIndex';

const URI = 'file:///routing/main.tf';

/** Diagnostics of one code for one Terraform file, through the real pipeline. */
async function diagnose(text: string, code: string): Promise<Diagnostic[]> {
  const errors: string[] = [];
  const ws = await createWorkspace({ error: (m) => errors.push(m) });
  ws.setFile(URI, text);
  const analysis = ws.analyze(DEFAULT_SETTINGS);
  assert.deepEqual(errors, []);
  return (analysis.diagnostics.get(URI) ?? []).filter((d) => d.ruleId === code);
}

/** The source text a span covers. */
function textAt(text: string, span: { start: number; end: number }): string {
  return text.slice(span.start, span.end);
}

/** 1-based line of a span, as an editor shows it. */
function lineOf(text: string, offset: number): number {
  return new LineIndex(text).positionAt(offset).line + 1;
}

const VPC = `
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
`;

describe('route-duplicate', () => {
  test('reports each duplicate on its destination, related to the other, with no quick fix', async () => {
    const text = `${VPC}
resource "aws_internet_gateway" "igw" {
  vpc_id = aws_vpc.main.id
}

resource "aws_route_table" "rt" {
  vpc_id = aws_vpc.main.id
  route {
    cidr_block = "192.168.0.0/16"
    gateway_id = aws_internet_gateway.igw.id
  }
}

resource "aws_route" "again" {
  route_table_id         = aws_route_table.rt.id
  destination_cidr_block = "192.168.0.0/16"
  gateway_id             = aws_internet_gateway.igw.id
}
`;
    const found = await diagnose(text, 'route-duplicate');
    assert.equal(found.length, 2);
    for (const d of found) {
      assert.equal(textAt(text, d.span), '"192.168.0.0/16"');
      assert.equal(d.related?.length, 1);
      assert.equal(textAt(text, d.related![0]!.span), '"192.168.0.0/16"');
      assert.notEqual(d.related![0]!.span.start, d.span.start);
      assert.equal(d.fixes, undefined);
      assert.equal(d.severity, 'error');
    }
  });
});

describe('route-cross-vpc', () => {
  test('an internet gateway attached to no VPC is reported; an attachment of an unknown gateway makes it undecidable', async () => {
    const base = `${VPC}
resource "aws_internet_gateway" "loose" {}

resource "aws_route_table" "rt" {
  vpc_id = aws_vpc.main.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.loose.id
  }
}
`;
    const found = await diagnose(base, 'route-cross-vpc');
    assert.equal(found.length, 1);
    assert.equal(textAt(base, found[0]!.span), 'aws_internet_gateway.loose.id');
    assert.match(found[0]!.message, /not attached to any VPC/);

    const withUnknown = `${base}
variable "igw_id" {
  type = string
}

resource "aws_internet_gateway_attachment" "maybe" {
  internet_gateway_id = var.igw_id
  vpc_id              = aws_vpc.main.id
}
`;
    assert.deepEqual(await diagnose(withUnknown, 'route-cross-vpc'), []);
  });
});

describe('nat rules', () => {
  test('nat-missing-eip offers no quick fix and skips a NAT gateway without a subnet (regional mode)', async () => {
    const text = `${VPC}
resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.0.0/24"
}

resource "aws_nat_gateway" "zonal" {
  subnet_id = aws_subnet.a.id
}

resource "aws_nat_gateway" "regional" {
  vpc_id            = aws_vpc.main.id
  availability_mode = "regional"
}
`;
    const found = await diagnose(text, 'nat-missing-eip');
    assert.equal(found.length, 1);
    assert.equal(textAt(text, found[0]!.span), '"zonal"');
    assert.equal(found[0]!.fixes, undefined);
  });

  test('nat-cross-az relates the NAT gateway, its AZ and the subnet in the other AZ', async () => {
    const text = `${VPC}
resource "aws_internet_gateway" "igw" {
  vpc_id = aws_vpc.main.id
}

resource "aws_subnet" "public" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.0.0/24"
  availability_zone = "eu-west-1a"
}

resource "aws_subnet" "private" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.1.0/24"
  availability_zone = "eu-west-1b"
}

resource "aws_eip" "nat" {
  domain = "vpc"
}

resource "aws_nat_gateway" "a" {
  allocation_id = aws_eip.nat.id
  subnet_id     = aws_subnet.public.id
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id
}

resource "aws_route" "egress" {
  route_table_id         = aws_route_table.private.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.a.id
}

resource "aws_route_table_association" "private" {
  subnet_id      = aws_subnet.private.id
  route_table_id = aws_route_table.private.id
}
`;
    const found = await diagnose(text, 'nat-cross-az');
    assert.equal(found.length, 1);
    const d = found[0]!;
    assert.equal(d.severity, 'warning');
    assert.equal(textAt(text, d.span), 'aws_nat_gateway.a.id');
    assert.equal(lineOf(text, d.span.start), lineOf(text, text.indexOf('nat_gateway_id')));
    const related = (d.related ?? []).map((r) => textAt(text, r.span));
    assert.deepEqual(related, ['aws_subnet.public.id', '"eu-west-1a"', '"eu-west-1b"']);
  });
});

describe('publicness-based rules stay silent when publicness is unknown', () => {
  test('a default route to an unresolved gateway decides nothing', async () => {
    const text = `${VPC}
variable "igw_id" {
  type = string
}

resource "aws_route_table" "rt" {
  vpc_id = aws_vpc.main.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = var.igw_id
  }
}

resource "aws_subnet" "a" {
  vpc_id                  = aws_vpc.main.id
  cidr_block              = "10.0.0.0/24"
  map_public_ip_on_launch = true
}

resource "aws_route_table_association" "a" {
  subnet_id      = aws_subnet.a.id
  route_table_id = aws_route_table.rt.id
}

resource "aws_eip" "nat" {
  domain = "vpc"
}

resource "aws_nat_gateway" "n" {
  allocation_id = aws_eip.nat.id
  subnet_id     = aws_subnet.a.id
}
`;
    assert.deepEqual(await diagnose(text, 'public-ip-private-subnet'), []);
    assert.deepEqual(await diagnose(text, 'nat-private-subnet'), []);
    assert.deepEqual(await diagnose(text, 'subnet-implicit-route-table'), []);
  });
});

describe('scale', () => {
  test('10,000+ routing elements: every routing and peering rule runs quickly, with exactly the planted findings', () => {
    const elements: NetworkElement[] = [];
    let offset = 0;
    const span = () => ({ file: 'file:///scale.tf', start: offset, end: (offset += 10) });
    const base = <K extends ElementKind>(kind: K, type: string, name: string) => ({
      kind, id: `${type}.${name}`, address: `${type}.${name}`, format: 'terraform' as const, span: span(), nameSpan: span(), nativeType: type,
    });
    const ref = (id: string) => known(id, span());
    const str = (v: string) => known(v, span());
    const VPCS = 50;
    const PER_VPC = 50; // subnets per VPC, each with its own table, NAT route and association
    for (let v = 0; v < VPCS; v++) {
      elements.push({ ...base('vpc', 'aws_vpc', `v${v}`), cidrBlocks: [{ cidr: str(`10.${v}.0.0/16`), ipv6: false, primary: true, declaredBy: `aws_vpc.v${v}` }] });
      elements.push({ ...base('igw', 'aws_internet_gateway', `v${v}`), vpc: ref(`aws_vpc.v${v}`) });
      const az = (i: number) => str(`eu-west-1${'abc'[i % 3]}`);
      const pub = `aws_subnet.v${v}-pub`;
      for (let a = 0; a < 3; a++) {
        elements.push({ ...base('subnet', 'aws_subnet', `v${v}-pub${a}`), vpc: ref(`aws_vpc.v${v}`), cidr: str(`10.${v}.${200 + a}.0/24`), availabilityZone: az(a) });
        elements.push({ ...base('eip', 'aws_eip', `v${v}-${a}`), associatedWith: [] });
        elements.push({ ...base('nat', 'aws_nat_gateway', `v${v}-${a}`), subnet: ref(`${pub}${a}`), allocation: ref(`aws_eip.v${v}-${a}`) });
        elements.push({ ...base('route-table-association', 'aws_route_table_association', `v${v}-pub${a}`), routeTable: ref(`aws_route_table.v${v}-pub`), subnet: ref(`${pub}${a}`) });
      }
      elements.push({ ...base('route-table', 'aws_route_table', `v${v}-pub`), vpc: ref(`aws_vpc.v${v}`), isDefault: false, routes: [] });
      elements.push({ ...base('route', 'aws_route', `v${v}-pub`), routeTable: ref(`aws_route_table.v${v}-pub`), destination: str('0.0.0.0/0'), target: { kind: 'igw', ref: ref(`aws_internet_gateway.v${v}`) }, inline: false });
      for (let s = 0; s < PER_VPC; s++) {
        const n = `v${v}-s${s}`;
        elements.push({ ...base('subnet', 'aws_subnet', n), vpc: ref(`aws_vpc.v${v}`), cidr: str(`10.${v}.${s}.0/24`), availabilityZone: az(s) });
        elements.push({ ...base('route-table', 'aws_route_table', n), vpc: ref(`aws_vpc.v${v}`), isDefault: false, routes: [] });
        elements.push({ ...base('route', 'aws_route', `${n}-nat`), routeTable: ref(`aws_route_table.${n}`), destination: str('0.0.0.0/0'), target: { kind: 'nat', ref: ref(`aws_nat_gateway.v${v}-${s % 3}`) }, inline: false });
        elements.push({ ...base('route-table-association', 'aws_route_table_association', n), routeTable: ref(`aws_route_table.${n}`), subnet: ref(`aws_subnet.${n}`) });
        if (v > 0) {
          // Every private table routes to the previous VPC through their peering connection (and back).
          elements.push({ ...base('route', 'aws_route', `${n}-pcx`), routeTable: ref(`aws_route_table.${n}`), destination: str(`10.${v - 1}.0.0/16`), target: { kind: 'peering', ref: ref(`aws_vpc_peering_connection.p${v}`) }, inline: false });
          const back = `v${v - 1}-s${s}`;
          elements.push({ ...base('route', 'aws_route', `${back}-pcx-back`), routeTable: ref(`aws_route_table.${back}`), destination: str(`10.${v}.0.0/16`), target: { kind: 'peering', ref: ref(`aws_vpc_peering_connection.p${v}`) }, inline: false });
        }
      }
      if (v > 0) elements.push({ ...base('peering', 'aws_vpc_peering_connection', `p${v}`), vpc: ref(`aws_vpc.v${v}`), peerVpc: ref(`aws_vpc.v${v - 1}`) });
    }
    // Planted: one duplicate route and one transitive route (10.3.0.0/16 is two hops away from VPC 1).
    elements.push({ ...base('route', 'aws_route', 'dup'), routeTable: ref('aws_route_table.v7-s7'), destination: str('0.0.0.0/0'), target: { kind: 'nat', ref: ref('aws_nat_gateway.v7-1') }, inline: false });
    elements.push({ ...base('route', 'aws_route', 'transitive'), routeTable: ref('aws_route_table.v1-s1'), destination: str('10.3.0.0/16'), target: { kind: 'peering', ref: ref('aws_vpc_peering_connection.p1') }, inline: false });
    assert.ok(elements.length > 10_000, `${elements.length} elements`);

    const model = new NetworkModel(elements);
    const ctx = { model, facts: computeFacts(model) };
    const mine = RULES.filter((r) => r.category === 'routing' || r.category === 'peering');
    assert.equal(mine.length, 12);
    const errors: unknown[] = [];
    const started = performance.now();
    const findings = runRules(mine, ctx, (_id, e) => errors.push(e));
    const elapsed = performance.now() - started;
    assert.deepEqual(errors, []);
    const summary = findings.map((f) => `${f.ruleId} ${f.message.split(' ').slice(0, 3).join(' ')}`).sort();
    assert.deepEqual(summary, [
      'peering-transitive-route Route 10.3.0.0/16 through',
      'route-duplicate Route table aws_route_table.v7-s7',
      'route-duplicate Route table aws_route_table.v7-s7',
    ]);
    assert.ok(elapsed < 15_000, // a bound against runaway (quadratic) work on a busy CI machine, not a speed target (npm run bench measures speed)
      `took ${elapsed.toFixed(0)} ms`);
  });
});
