/**
 * Load balancer rules: what the fixtures do not show (related information, the exact span, no quick fixes,
 * severities, CloudFormation JSON which cannot carry annotations, unresolvable values staying silent, bad
 * models never throwing) and scale. Files go through the real pipeline; the robustness and scale tests build
 * the model by hand so they measure the rules, not the front-ends.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createWorkspace } from '../../../server/src/host/createWorkspace';
import { DEFAULT_SETTINGS } from '../../../server/src/core/config/settings';
import { known, unknownField } from '../../../server/src/core/model/field';
import { computeFacts } from '../../../server/src/core/model/facts-impl';
import { NetworkModel } from '../../../server/src/core/model/network';
import type { ElementKind, NetworkElement } from '../../../server/src/core/model/types';
import { RULES } from '../../../server/src/core/rules/registry';
import { runRules } from '../../../server/src/core/rules/runner';
import type { Diagnostic } from '../../../server/src/core/rules/types';
import { LineIndex } from '../../../server/src/core/text/lineIndex';

const LB_RULES = ['lb-single-az', 'lb-internet-facing-private', 'lb-https-certificate', 'lb-deregistration-delay', 'lb-http-listener'];

/** Diagnostics with the given codes for one file, through the real pipeline. */
async function diagnose(uri: string, text: string, codes: readonly string[] = LB_RULES): Promise<Diagnostic[]> {
  const errors: string[] = [];
  const ws = await createWorkspace({ error: (m) => errors.push(m) });
  ws.setFile(uri, text);
  const analysis = ws.analyze(DEFAULT_SETTINGS);
  assert.deepEqual(errors, []);
  return (analysis.diagnostics.get(uri) ?? []).filter((d) => codes.includes(d.ruleId));
}

function textAt(text: string, span: { start: number; end: number }): string {
  return text.slice(span.start, span.end);
}

function lineOf(text: string, offset: number): number {
  return new LineIndex(text).positionAt(offset).line + 1;
}

const TF = 'file:///lb/main.tf';

const NETWORK = `
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_internet_gateway" "igw" {
  vpc_id = aws_vpc.main.id
}

resource "aws_subnet" "public_a" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.0.0/24"
  availability_zone = "eu-west-1a"
}

resource "aws_subnet" "public_a2" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.1.0/24"
  availability_zone = "eu-west-1a"
}

resource "aws_subnet" "private_b" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.11.0/24"
  availability_zone = "eu-west-1b"
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.main.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.igw.id
  }
}

resource "aws_route_table_association" "public_a" {
  subnet_id      = aws_subnet.public_a.id
  route_table_id = aws_route_table.public.id
}

resource "aws_route_table_association" "public_a2" {
  subnet_id      = aws_subnet.public_a2.id
  route_table_id = aws_route_table.public.id
}
`;

describe('lb-internet-facing-private', () => {
  test('reports the private subnet where the load balancer names it, related to the subnet with the reason, no fix', async () => {
    const text = `${NETWORK}
resource "aws_lb" "web" {
  name    = "web"
  subnets = [aws_subnet.public_a.id, aws_subnet.private_b.id]
}
`;
    const found = await diagnose(TF, text, ['lb-internet-facing-private']);
    assert.equal(found.length, 1);
    const [d] = found;
    assert.equal(textAt(text, d!.span), 'aws_subnet.private_b.id');
    assert.equal(d!.severity, 'error');
    assert.equal(d!.fixes, undefined);
    assert.match(d!.message, /aws_lb\.web uses private subnet aws_subnet\.private_b/);
    assert.match(d!.message, /internal = true/);
    assert.equal(d!.related?.length, 1);
    assert.equal(textAt(text, d!.related![0]!.span), '"private_b"');
    assert.match(d!.related![0]!.message, /^subnet aws_subnet\.private_b: private: /);
  });

  test('a subnet whose route table is unknown is not judged', async () => {
    const text = `${NETWORK}
variable "table_id" {
  type = string
}

resource "aws_route_table_association" "private_b" {
  subnet_id      = aws_subnet.private_b.id
  route_table_id = var.table_id
}

resource "aws_lb" "web" {
  name    = "web"
  subnets = [aws_subnet.public_a.id, aws_subnet.private_b.id]
}
`;
    assert.deepEqual(await diagnose(TF, text, ['lb-internet-facing-private']), []);
  });
});

describe('lb-single-az', () => {
  test('is reported on the subnet list, related to each subnet with its AZ', async () => {
    const text = `${NETWORK}
resource "aws_lb" "web" {
  name    = "web"
  subnets = [aws_subnet.public_a.id, aws_subnet.public_a2.id]
}
`;
    const found = await diagnose(TF, text, ['lb-single-az']);
    assert.equal(found.length, 1);
    const [d] = found;
    assert.equal(textAt(text, d!.span), '[aws_subnet.public_a.id, aws_subnet.public_a2.id]');
    assert.equal(d!.severity, 'error');
    assert.equal(d!.fixes, undefined);
    assert.deepEqual(
      d!.related!.map((r) => [textAt(text, r.span), r.message]),
      [
        ['"public_a"', 'subnet aws_subnet.public_a is in eu-west-1a'],
        ['"public_a2"', 'subnet aws_subnet.public_a2 is in eu-west-1a'],
      ],
    );
  });
});

describe('lb-http-listener', () => {
  test('is info on the protocol, related to the load balancer', async () => {
    const text = `${NETWORK}
resource "aws_lb" "web" {
  name    = "web"
  subnets = [aws_subnet.public_a.id, aws_subnet.public_a2.id]
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type = "fixed-response"
    fixed_response {
      content_type = "text/plain"
      status_code  = "200"
    }
  }
}
`;
    const found = await diagnose(TF, text, ['lb-http-listener']);
    assert.equal(found.length, 1);
    const [d] = found;
    assert.equal(textAt(text, d!.span), '"HTTP"');
    assert.equal(d!.severity, 'info');
    assert.equal(d!.fixes, undefined);
    assert.equal(textAt(text, d!.related![0]!.span), '"web"');
  });

  test('a listener whose load balancer is unknown might be the HTTPS one: silent', async () => {
    const text = `${NETWORK}
variable "lb_arn" {
  type = string
}

resource "aws_lb" "web" {
  name    = "web"
  subnets = [aws_subnet.public_a.id, aws_subnet.public_a2.id]
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/73e2d6bc24d8a067"
  }
}

resource "aws_lb_listener" "somewhere" {
  load_balancer_arn = var.lb_arn
  port              = 443
  protocol          = "HTTPS"
  certificate_arn   = "arn:aws:acm:eu-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012"
  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/73e2d6bc24d8a067"
  }
}
`;
    assert.deepEqual(await diagnose(TF, text, ['lb-http-listener']), []);
  });
});

describe('CloudFormation JSON (no comments, so no annotated fixture)', () => {
  const JSON_URI = 'file:///lb/template.json';
  const template = JSON.stringify(
    {
      AWSTemplateFormatVersion: '2010-09-09',
      Resources: {
        Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
        SubnetA1: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'eu-west-1a' } },
        SubnetA2: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.0.2.0/24', AvailabilityZone: 'eu-west-1a' } },
        Alb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Scheme: 'internal', Subnets: [{ Ref: 'SubnetA1' }, { Ref: 'SubnetA2' }] } },
        Targets: {
          Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
          Properties: {
            VpcId: { Ref: 'Vpc' },
            Port: 80,
            Protocol: 'HTTP',
            TargetGroupAttributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '3601' }],
          },
        },
        Https: {
          Type: 'AWS::ElasticLoadBalancingV2::Listener',
          Properties: {
            LoadBalancerArn: { Ref: 'Alb' },
            Port: 443,
            Protocol: 'HTTPS',
            DefaultActions: [{ Type: 'forward', TargetGroupArn: { Ref: 'Targets' } }],
          },
        },
      },
    },
    null,
    2,
  );

  test('findings land on the JSON values', async () => {
    const found = await diagnose(JSON_URI, template);
    const summary = found.map((d) => `${d.ruleId} ${lineOf(template, d.span.start)} ${textAt(template, d.span).split('\n')[0]}`).sort();
    const line = (needle: string) => template.split('\n').findIndex((l) => l.includes(needle)) + 1;
    assert.deepEqual(summary, [
      `lb-deregistration-delay ${line('"3601"')} "3601"`,
      `lb-https-certificate ${line('"HTTPS"')} "HTTPS"`,
      `lb-single-az ${line('"Subnets"')} [`,
    ].sort());
  });
});

// --- hand-built models -------------------------------------------------------------------------------

function builder() {
  const elements: NetworkElement[] = [];
  let offset = 0;
  const span = () => ({ file: 'file:///hand.tf', start: offset, end: (offset += 10) });
  const base = <K extends ElementKind>(kind: K, type: string, name: string) => ({
    kind, id: `${type}.${name}`, address: `${type}.${name}`, format: 'terraform' as const, span: span(), nameSpan: span(), nativeType: type,
  });
  return { elements, span, base, ref: (id: string) => known(id, span()), str: (v: string) => known(v, span()) };
}

describe('bad models', () => {
  test('odd and missing values never throw and never report', () => {
    const { elements, base, ref, str, span } = builder();
    elements.push({ ...base('lb', 'aws_lb', 'empty'), lbType: known('application', span()), internal: known(false, span()), subnets: [], securityGroups: [] });
    elements.push({ ...base('lb', 'aws_lb', 'dangling'), lbType: known('application', span()), internal: known(false, span()), subnets: [ref('aws_subnet.missing'), unknownField()], securityGroups: [] });
    elements.push({ ...base('lb', 'aws_lb', 'unknown'), lbType: unknownField(), internal: unknownField(), subnets: [unknownField()], securityGroups: [] });
    elements.push({ ...base('listener', 'aws_lb_listener', 'no_lb'), loadBalancer: unknownField(), protocol: str('HTTP'), defaultActions: [] });
    elements.push({ ...base('listener', 'aws_lb_listener', 'dangling'), loadBalancer: ref('aws_lb.nowhere'), protocol: unknownField(), defaultActions: [{ type: unknownField() }] });
    elements.push({ ...base('listener', 'aws_lb_listener', 'secure_unknown'), loadBalancer: ref('aws_lb.empty'), protocol: str('HTTPS'), certificate: unknownField(), defaultActions: [] });
    elements.push({ ...base('target-group', 'aws_lb_target_group', 'nan'), deregistrationDelay: known(Number.NaN, span()) });
    elements.push({ ...base('target-group', 'aws_lb_target_group', 'unknown'), deregistrationDelay: unknownField() });
    const model = new NetworkModel(elements);
    const errors: unknown[] = [];
    const findings = runRules(RULES.filter((r) => r.category === 'load-balancing'), { model, facts: computeFacts(model) }, (_id, e) => errors.push(e));
    assert.deepEqual(errors, []);
    assert.deepEqual(findings.map((f) => f.ruleId), []);
  });
});

describe('scale', () => {
  test('5,000 load balancers with listeners and target groups: every load balancer rule runs quickly, with exactly the planted findings', () => {
    const { elements, base, ref, str, span } = builder();
    elements.push({ ...base('vpc', 'aws_vpc', 'main'), cidrBlocks: [{ cidr: str('10.0.0.0/16'), ipv6: false, primary: true, declaredBy: 'aws_vpc.main' }] });
    elements.push({ ...base('igw', 'aws_internet_gateway', 'main'), vpc: ref('aws_vpc.main') });
    elements.push({ ...base('route-table', 'aws_route_table', 'public'), vpc: ref('aws_vpc.main'), isDefault: false, routes: [] });
    elements.push({ ...base('route', 'aws_route', 'internet'), routeTable: ref('aws_route_table.public'), destination: str('0.0.0.0/0'), target: { kind: 'igw', ref: ref('aws_internet_gateway.main') }, inline: false });
    for (const az of ['a', 'b']) {
      elements.push({ ...base('subnet', 'aws_subnet', az), vpc: ref('aws_vpc.main'), cidr: str(`10.0.${az === 'a' ? 0 : 1}.0/24`), availabilityZone: str(`eu-west-1${az}`) });
      elements.push({ ...base('route-table-association', 'aws_route_table_association', az), routeTable: ref('aws_route_table.public'), subnet: ref(`aws_subnet.${az}`) });
    }
    const LBS = 5000;
    for (let i = 0; i < LBS; i++) {
      elements.push({ ...base('lb', 'aws_lb', `lb${i}`), lbType: str('application') as never, internal: known(false, span()), subnets: [ref('aws_subnet.a'), ref('aws_subnet.b')], securityGroups: [] });
      elements.push({ ...base('target-group', 'aws_lb_target_group', `tg${i}`), vpc: ref('aws_vpc.main'), deregistrationDelay: known(300, span()) });
      elements.push({
        ...base('listener', 'aws_lb_listener', `http${i}`),
        loadBalancer: ref(`aws_lb.lb${i}`),
        protocol: str('HTTP'),
        defaultActions: [{ type: str('redirect'), redirectProtocol: str('HTTPS') }],
      });
      elements.push({
        ...base('listener', 'aws_lb_listener', `https${i}`),
        loadBalancer: ref(`aws_lb.lb${i}`),
        protocol: str('HTTPS'),
        certificate: str('arn:aws:acm:eu-west-1:123456789012:certificate/x'),
        defaultActions: [{ type: str('forward'), targetGroup: ref(`aws_lb_target_group.tg${i}`) }],
      });
    }
    // Planted: one plain HTTP listener on an internet-facing load balancer without HTTPS.
    elements.push({ ...base('lb', 'aws_lb', 'plain'), lbType: str('application') as never, internal: known(false, span()), subnets: [ref('aws_subnet.a'), ref('aws_subnet.b')], securityGroups: [] });
    elements.push({ ...base('listener', 'aws_lb_listener', 'plain'), loadBalancer: ref('aws_lb.plain'), protocol: str('HTTP'), defaultActions: [{ type: str('forward') }] });
    assert.ok(elements.length > 20_000, `${elements.length} elements`);

    const model = new NetworkModel(elements);
    const ctx = { model, facts: computeFacts(model) };
    const mine = RULES.filter((r) => r.category === 'load-balancing');
    assert.equal(mine.length, 5);
    const errors: unknown[] = [];
    const started = performance.now();
    const findings = runRules(mine, ctx, (_id, e) => errors.push(e));
    const elapsed = performance.now() - started;
    assert.deepEqual(errors, []);
    assert.deepEqual(findings.map((f) => `${f.ruleId} ${f.message.split(' ').slice(0, 4).join(' ')}`), ['lb-http-listener Internet-facing load balancer aws_lb.plain']);
    assert.ok(elapsed < 15_000, // a bound against runaway (quadratic) work on a busy CI machine, not a speed target (npm run bench measures speed)
      `took ${elapsed.toFixed(0)} ms`);
  });
});
