import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createWorkspace } from '../../../server/src/host/createWorkspace';
import { DEFAULT_SETTINGS } from '../../../server/src/core/config/settings';
import type { Diagnostic, TextEdit } from '../../../server/src/core/rules/types';
import {
  ALL_PORTS,
  type TrafficBox,
  addressCover,
  coversInterval,
  interval,
  subtract,
} from '../../../server/src/core/rules/security/trafficSets';
import { icmpRange, selection } from '../../../server/src/core/rules/security/portSets';
import { known } from '../../../server/src/core/model/field';

const URI = 'file:///fixture/main.tf';

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.span.start - a.span.start).reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.end), text);
}

async function diagnostics(text: string): Promise<readonly Diagnostic[]> {
  const ws = await createWorkspace();
  ws.setFile(URI, text);
  return ws.analyze(DEFAULT_SETTINGS).diagnostics.get(URI) ?? [];
}

const v4 = (lo: bigint, hi: bigint, protocols = interval(6), ports = ALL_PORTS): TrafficBox => ({ version: 4, protocols, ports, addresses: { lo, hi } });
const SLASH16 = [0x0a000000n, 0x0a00ffffn] as const;

describe('traffic sets', () => {
  test('two halves together cover the whole block; one half leaves the other', () => {
    const whole = v4(...SLASH16);
    const low = v4(0x0a000000n, 0x0a007fffn);
    const high = v4(0x0a008000n, 0x0a00ffffn);
    assert.deepEqual(subtract([whole], [low, high]), []);
    const rest = subtract([whole], [low]);
    assert.deepEqual(rest.map((b) => b.addresses), [{ lo: 0x0a008000n, hi: 0x0a00ffffn }]);
  });

  test('all protocols cover TCP, TCP does not cover all protocols', () => {
    const tcp = v4(...SLASH16);
    const all = v4(...SLASH16, interval(0, 255));
    assert.deepEqual(subtract([tcp], [all]), []);
    assert.ok(subtract([all], [tcp]).length > 0);
  });

  test('IPv4 boxes never subtract from IPv6 ones', () => {
    const six: TrafficBox = { version: 6, protocols: interval(6), ports: ALL_PORTS, addresses: { lo: 0n, hi: 2n ** 128n - 1n } };
    assert.deepEqual(subtract([six], [v4(0n, 2n ** 32n - 1n)]), [six]);
  });

  test('address cover merges adjacent pieces and answers containment', () => {
    const cover = addressCover([v4(0n, 9n), v4(10n, 20n), v4(30n, 40n)]).get(4);
    assert.deepEqual(cover, [{ lo: 0n, hi: 20n }, { lo: 30n, hi: 40n }]);
    assert.ok(coversInterval(cover, { lo: 5n, hi: 15n }));
    assert.ok(!coversInterval(cover, { lo: 15n, hi: 35n }));
  });

  test('ICMP type and code are a dimension of their own, -1 means any', () => {
    assert.deepEqual(icmpRange(-1, undefined), ALL_PORTS);
    assert.deepEqual(icmpRange(3, -1), interval(768, 1023));
    assert.deepEqual(icmpRange(8, 0), interval(2048));
    const span = { file: URI, start: 0, end: 1 };
    const sel = selection(known('icmp', span), known(0, span), known(0, span), { type: known(8, span), code: undefined });
    assert.deepEqual(sel?.ports, interval(2048, 2303));
    assert.equal(selection(known('tcp', span), known(443, span), undefined, { type: undefined, code: undefined }), undefined, 'a missing port is undecidable');
  });
});

const NACL_MISSING_RETURN = `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_network_acl" "web" {
  vpc_id = aws_vpc.main.id
}

resource "aws_network_acl_rule" "in_https" {
  network_acl_id = aws_network_acl.web.id
  rule_number    = 100
  egress         = false
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
  from_port      = 443
  to_port        = 443
}
`;

describe('security quick fixes', () => {
  test('nacl-ephemeral-return adds a valid aws_network_acl_rule that lets the replies out', async () => {
    const before = (await diagnostics(NACL_MISSING_RETURN)).filter((d) => d.ruleId === 'nacl-ephemeral-return');
    assert.equal(before.length, 1);
    const fix = before[0]!.fixes?.[0];
    assert.ok(fix, 'a fix is offered');
    assert.match(fix.title, /outbound rule 100/);
    const fixed = applyEdits(NACL_MISSING_RETURN, fix.edits);
    assert.match(fixed, /resource "aws_network_acl_rule" "web_out_return_100" \{\n {2}network_acl_id {2}= aws_network_acl\.web\.id\n {2}rule_number {5}= 100\n {2}egress {10}= true/);
    const after = await diagnostics(fixed);
    assert.deepEqual(
      after.filter((d) => ['parse-error', 'nacl-ephemeral-return', 'nacl-rule-number', 'nacl-shadowed-rule'].includes(d.ruleId)).map((d) => d.message),
      [],
    );
  });

  test('nacl-ephemeral-return offers no fix for a NACL with inline entries', async () => {
    const text = `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_network_acl" "web" {
  vpc_id = aws_vpc.main.id

  ingress {
    rule_no    = 100
    protocol   = "tcp"
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 443
    to_port    = 443
  }
}
`;
    const found = (await diagnostics(text)).filter((d) => d.ruleId === 'nacl-ephemeral-return');
    assert.equal(found.length, 1);
    assert.equal(found[0]!.fixes, undefined);
  });

  test('sg-port-range swaps reversed literal ports', async () => {
    const text = `resource "aws_security_group_rule" "r" {
  type              = "ingress"
  security_group_id = "sg-0123"
  protocol          = "tcp"
  from_port         = 8443
  to_port           = "8080"
  cidr_blocks       = ["10.0.0.0/8"]
}
`;
    const found = (await diagnostics(text)).filter((d) => d.ruleId === 'sg-port-range');
    assert.equal(found.length, 1);
    const fix = found[0]!.fixes?.[0];
    assert.ok(fix);
    const fixed = applyEdits(text, fix.edits);
    assert.match(fixed, /from_port {9}= 8080\n {2}to_port {11}= "8443"/);
    assert.deepEqual((await diagnostics(fixed)).filter((d) => d.ruleId === 'sg-port-range' || d.ruleId === 'parse-error'), []);
  });

  test('sg-port-range offers no swap for ports that come from variables', async () => {
    const text = `variable "low" {
  default = 8443
}

resource "aws_security_group_rule" "r" {
  type              = "ingress"
  security_group_id = "sg-0123"
  protocol          = "tcp"
  from_port         = var.low
  to_port           = 8080
  cidr_blocks       = ["10.0.0.0/8"]
}
`;
    const found = (await diagnostics(text)).filter((d) => d.ruleId === 'sg-port-range');
    assert.equal(found.length, 1);
    assert.equal(found[0]!.fixes, undefined);
  });
});

describe('scale', () => {
  test('the security and endpoint rules stay near-linear on a 10k-element model', async () => {
    const { NetworkModel } = await import('../../../server/src/core/model/network');
    const { computeFacts } = await import('../../../server/src/core/model/facts-impl');
    const { runRules } = await import('../../../server/src/core/rules/runner');
    const { RULES } = await import('../../../server/src/core/rules/registry');
    const mine = RULES.filter((r) => r.category === 'security' || r.category === 'endpoints');
    const build = (n: number) => {
      const elements: import('../../../server/src/core/model/types').NetworkElement[] = [];
      let offset = 0;
      const span = () => ({ file: URI, start: offset, end: (offset += 5) });
      const base = <K extends import('../../../server/src/core/model/types').ElementKind>(kind: K, address: string) => ({ kind, id: address, address, format: 'terraform' as const, span: span(), nameSpan: span(), nativeType: address.split('.')[0]! });
      for (let v = 0; v < n / 100; v++) {
        const vpc = `aws_vpc.v${v}`;
        elements.push({ ...base('vpc', vpc), cidrBlocks: [{ cidr: known('10.0.0.0/16', span()), ipv6: false, primary: true, declaredBy: vpc }] });
        const nacl = `aws_network_acl.n${v}`;
        const entries: string[] = [];
        for (let i = 0; i < 20; i++) {
          const id = `${nacl}/e${i}`;
          entries.push(id);
          elements.push({ ...base('nacl-entry', id), nacl: known(nacl, span()), egress: i % 2 === 1, ruleNumber: known(100 + i, span()), protocol: known('tcp', span()), action: known(i % 3 ? 'allow' : 'deny', span()), cidr: known(`10.${i}.0.0/16`, span()), fromPort: known(i * 100, span()), toPort: known(i * 100 + 50, span()), inline: true });
        }
        elements.push({ ...base('nacl', nacl), vpc: known(vpc, span()), isDefault: false, entries, subnets: [] });
        for (let g = 0; g < 20; g++) {
          const sg = `aws_security_group.s${v}_${g}`;
          elements.push({ ...base('sg', sg), vpc: known(vpc, span()), isDefault: false, rules: [] });
          for (let r = 0; r < 3; r++) {
            elements.push({ ...base('sg-rule', `${sg}/r${r}`), group: known(sg, span()), direction: 'ingress', protocol: known('tcp', span()), fromPort: known(20 + r, span()), toPort: known(30 + r, span()), peers: [{ kind: 'cidr', cidr: known('0.0.0.0/0', span()), ipv6: false }, { kind: 'sg', group: known(`aws_security_group.s${v}_${(g + 1) % 20}`, span()) }], inline: true });
          }
        }
        for (let s = 0; s < 3; s++) {
          elements.push({ ...base('subnet', `aws_subnet.s${v}_${s}`), vpc: known(vpc, span()), cidr: known(`10.0.${s}.0/24`, span()), availabilityZone: known(`eu-west-1${'abc'[s]}`, span()) });
        }
        elements.push({ ...base('endpoint', `aws_vpc_endpoint.e${v}`), vpc: known(vpc, span()), serviceName: known('com.amazonaws.eu-west-1.ssm', span()), endpointType: known('Interface', span()), routeTables: [], subnets: [known(`aws_subnet.s${v}_0`, span())], securityGroups: [], privateDnsEnabled: known(true, span()) });
      }
      return new NetworkModel(elements);
    };
    const time = (n: number): { ms: number; findings: number } => {
      const model = build(n);
      const started = performance.now();
      const findings = runRules(mine, { model, facts: computeFacts(model) }, (id, err) => assert.fail(`${id}: ${String(err)}`));
      return { ms: performance.now() - started, findings: findings.length };
    };
    time(1000); // warm-up: JIT and caches
    const small = time(2500);
    const large = time(10000);
    assert.ok(large.findings > 4 * small.findings * 0.9, 'findings grow with the model');
    // 4x the elements: a quadratic rule would take ~16x; allow generous noise above linear.
    assert.ok(large.ms < small.ms * 10 + 200, `10k elements took ${large.ms.toFixed(0)} ms vs ${small.ms.toFixed(0)} ms for 2.5k`);
  });
});
