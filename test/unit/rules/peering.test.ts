/**
 * Peering and transit rules: related information, longest-prefix match, and unknown values staying silent,
 * through the real Terraform pipeline.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createWorkspace } from '../../../server/src/host/createWorkspace';
import { DEFAULT_SETTINGS } from '../../../server/src/core/config/settings';
import type { Diagnostic } from '../../../server/src/core/rules/types';

const URI = 'file:///peering/main.tf';

async function diagnose(text: string, code: string): Promise<Diagnostic[]> {
  const errors: string[] = [];
  const ws = await createWorkspace({ error: (m) => errors.push(m) });
  ws.setFile(URI, text);
  const analysis = ws.analyze(DEFAULT_SETTINGS);
  assert.deepEqual(errors, []);
  return (analysis.diagnostics.get(URI) ?? []).filter((d) => d.ruleId === code);
}

const textAt = (text: string, span: { start: number; end: number }): string => text.slice(span.start, span.end);

/** Two peered VPCs (app 10.0.0.0/16 -> hub, hub written by the caller) and a table of app with `routes`. */
function peered(hub: string, routes: string, extra = ''): string {
  return `
resource "aws_vpc" "app" {
  cidr_block = "10.0.0.0/16"
}

${hub}

resource "aws_vpc_peering_connection" "pcx" {
  vpc_id      = aws_vpc.app.id
  peer_vpc_id = aws_vpc.hub.id
  auto_accept = true
}

resource "aws_route_table" "app" {
  vpc_id = aws_vpc.app.id
${routes}
}
${extra}`;
}

const HUB = `resource "aws_vpc" "hub" {
  cidr_block = "10.1.0.0/16"
}`;

const viaPcx = (cidr: string, attr = 'cidr_block'): string => `
  route {
    ${attr} = "${cidr}"
    vpc_peering_connection_id = aws_vpc_peering_connection.pcx.id
  }`;

describe('peering-transitive-route', () => {
  test('reports on the destination with the connection and the peer blocks as related information', async () => {
    const text = peered(HUB, viaPcx('0.0.0.0/0'));
    const [d, ...rest] = await diagnose(text, 'peering-transitive-route');
    assert.equal(rest.length, 0);
    assert.equal(textAt(text, d!.span), '"0.0.0.0/0"');
    assert.deepEqual(d!.related?.map((r) => textAt(text, r.span)), ['"pcx"', '"10.1.0.0/16"']);
    assert.match(d!.message, /outside peer VPC aws_vpc\.hub \(which holds 10\.1\.0\.0\/16\), e\.g\. 0\.0\.0\.0/);
  });

  test('longest prefix match: the part of a wide route carried by more specific routes does not count', async () => {
    // 10.0.0.0/14 = 10.0/16 (local) + 10.1/16 (peer) + 10.2.0.0/15 (a more specific route elsewhere).
    const covered = peered(HUB, `${viaPcx('10.0.0.0/14')}
  route {
    cidr_block         = "10.2.0.0/15"
    transit_gateway_id = aws_ec2_transit_gateway.tgw.id
  }`, 'resource "aws_ec2_transit_gateway" "tgw" {}');
    assert.deepEqual(await diagnose(covered, 'peering-transitive-route'), []);

    // Narrow the other route and the gap 10.3.0.0/16 is sent through the peering.
    const gap = covered.replace('"10.2.0.0/15"', '"10.2.0.0/16"');
    const found = await diagnose(gap, 'peering-transitive-route');
    assert.equal(found.length, 1);
    assert.match(found[0]!.message, /e\.g\. 10\.3\.0\.0/);
  });

  test('silent when the peer block, a more specific destination or propagated routes are unknown', async () => {
    const unknownPeer = peered(
      `variable "hub_cidr" {
  type = string
}

resource "aws_vpc" "hub" {
  cidr_block = var.hub_cidr
}`,
      viaPcx('0.0.0.0/0'),
    );
    assert.deepEqual(await diagnose(unknownPeer, 'peering-transitive-route'), []);

    const amazonV6 = peered(
      `resource "aws_vpc" "hub" {
  cidr_block                       = "10.1.0.0/16"
  assign_generated_ipv6_cidr_block = true
}`,
      viaPcx('::/0', 'ipv6_cidr_block'),
    );
    assert.deepEqual(await diagnose(amazonV6, 'peering-transitive-route'), []);
    // Without the Amazon-provided block the peer has no IPv6 at all: every IPv6 address is outside it.
    const noV6 = await diagnose(amazonV6.replace('assign_generated_ipv6_cidr_block = true', ''), 'peering-transitive-route');
    assert.equal(noV6.length, 1);
    assert.match(noV6[0]!.message, /which has no IPv6 block\), e\.g\. ::;/);

    const prefixList = peered(HUB, `${viaPcx('0.0.0.0/0')}
  route {
    destination_prefix_list_id = "pl-0123456789abcdef0"
    transit_gateway_id         = aws_ec2_transit_gateway.tgw.id
  }`, 'resource "aws_ec2_transit_gateway" "tgw" {}');
    assert.deepEqual(await diagnose(prefixList, 'peering-transitive-route'), []);

    const propagated = peered(HUB, `${viaPcx('0.0.0.0/0')}
  propagating_vgws = [aws_vpn_gateway.vgw.id]`, `resource "aws_vpn_gateway" "vgw" {
  vpc_id = aws_vpc.app.id
}`);
    assert.deepEqual(await diagnose(propagated, 'peering-transitive-route'), []);
  });
});

describe('peering-cidr-overlap', () => {
  test('relates both overlapping blocks where they are written, and names the IPv6 overlap too', async () => {
    const text = `
resource "aws_vpc" "a" {
  cidr_block      = "10.0.0.0/16"
  ipv6_cidr_block = "2001:db8::/56"
}

resource "aws_vpc" "b" {
  cidr_block      = "10.0.0.0/20"
  ipv6_cidr_block = "2001:db8::/56"
}

resource "aws_vpc_peering_connection" "ab" {
  vpc_id      = aws_vpc.a.id
  peer_vpc_id = aws_vpc.b.id
}
`;
    const found = await diagnose(text, 'peering-cidr-overlap');
    assert.equal(found.length, 1);
    assert.equal(textAt(text, found[0]!.span), 'aws_vpc.b.id');
    assert.deepEqual(found[0]!.related?.map((r) => textAt(text, r.span)), ['"10.0.0.0/16"', '"10.0.0.0/20"', '"2001:db8::/56"', '"2001:db8::/56"']);
  });
});

describe('peering-missing-route', () => {
  test('a route through an unresolved connection in the silent VPC may be the missing side', async () => {
    const text = `
resource "aws_vpc" "app" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_vpc" "hub" {
  cidr_block = "10.1.0.0/16"
}

resource "aws_vpc_peering_connection" "pcx" {
  vpc_id      = aws_vpc.app.id
  peer_vpc_id = aws_vpc.hub.id
}

resource "aws_route_table" "app" {
  vpc_id = aws_vpc.app.id
  route {
    cidr_block                = "10.1.0.0/16"
    vpc_peering_connection_id = aws_vpc_peering_connection.pcx.id
  }
}

variable "pcx_id" {
  type = string
}

resource "aws_route_table" "hub" {
  vpc_id = aws_vpc.hub.id
  route {
    cidr_block                = "10.0.0.0/16"
    vpc_peering_connection_id = var.pcx_id
  }
}
`;
    assert.deepEqual(await diagnose(text, 'peering-missing-route'), []);
    const found = await diagnose(text.replace('vpc_peering_connection_id = var.pcx_id', 'transit_gateway_id = "tgw-0123456789abcdef0"'), 'peering-missing-route');
    assert.equal(found.length, 1);
    assert.match(found[0]!.message, /routed only from aws_vpc\.app/);
    assert.equal(found[0]!.related?.length, 1);
  });
});

describe('tgw-attachment-az', () => {
  test('AZ names and AZ ids are not compared with each other', async () => {
    const text = `
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "by_name" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.0.0/24"
  availability_zone = "eu-west-1a"
}

resource "aws_subnet" "by_id" {
  vpc_id               = aws_vpc.main.id
  cidr_block           = "10.0.1.0/24"
  availability_zone_id = "euw1-az3"
}

resource "aws_ec2_transit_gateway" "hub" {}

resource "aws_ec2_transit_gateway_vpc_attachment" "main" {
  transit_gateway_id = aws_ec2_transit_gateway.hub.id
  vpc_id             = aws_vpc.main.id
  subnet_ids         = [aws_subnet.by_name.id]
}
`;
    assert.deepEqual(await diagnose(text, 'tgw-attachment-az'), []);
  });
});
