import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createWorkspace } from '../../../server/src/host/createWorkspace';
import { DEFAULT_SETTINGS } from '../../../server/src/core/config/settings';
import type { Diagnostic, TextEdit } from '../../../server/src/core/rules/types';
import { known } from '../../../server/src/core/model/field';
import type { Subnet, VpcEndpoint } from '../../../server/src/core/model/types';
import { endpointInterfaceSingleAz } from '../../../server/src/core/rules/endpoints/endpointInterfaceSingleAz';
import { endpointGatewayService } from '../../../server/src/core/rules/endpoints/endpointGatewayService';
import { ModelBuilder } from '../harness/model';

const URI = 'file:///fixture/main.tf';

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.span.start - a.span.start).reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.end), text);
}

async function diagnostics(text: string): Promise<readonly Diagnostic[]> {
  const ws = await createWorkspace();
  ws.setFile(URI, text);
  return ws.analyze(DEFAULT_SETTINGS).diagnostics.get(URI) ?? [];
}

describe('endpoint-private-dns', () => {
  test('the fix turns the VPC literal false into true, and the finding goes away', async () => {
    const text = `resource "aws_vpc" "main" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_hostnames = false
}

resource "aws_vpc_endpoint" "ssm" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
}
`;
    const found = (await diagnostics(text)).filter((d) => d.ruleId === 'endpoint-private-dns');
    assert.equal(found.length, 1);
    assert.deepEqual(found[0]!.related?.map((r) => text.slice(r.span.start, r.span.end)), ['false']);
    const fix = found[0]!.fixes?.[0];
    assert.ok(fix, 'a fix is offered');
    const fixed = applyEdits(text, fix.edits);
    assert.ok(fixed.includes('enable_dns_hostnames = true'));
    assert.deepEqual((await diagnostics(fixed)).filter((d) => d.ruleId === 'endpoint-private-dns' || d.ruleId === 'parse-error'), []);
  });
});

describe('endpoint-interface-single-az', () => {
  function endpoint(b: ModelBuilder, vpcId: string, subnets: Subnet[]): VpcEndpoint {
    return b.add({
      kind: 'endpoint',
      id: `file:///model::aws_vpc_endpoint.e${subnets.length}`,
      address: 'aws_vpc_endpoint.e',
      format: 'terraform',
      span: b.span(30),
      nameSpan: b.span(3),
      nativeType: 'aws_vpc_endpoint',
      vpc: known(vpcId, b.span(10)),
      serviceName: b.lit('com.amazonaws.eu-west-1.ssm'),
      endpointType: known('Interface', b.span(11)),
      routeTables: [],
      subnets: subnets.map((s) => known(s.id, b.span(10))),
      securityGroups: [],
    });
  }
  const inAz = (s: Subnet, az: string, b: ModelBuilder): Subnet => Object.assign(s, { availabilityZone: b.lit(az) });

  test('AZ names and symbolic AZs are never compared with each other', () => {
    const b = new ModelBuilder();
    const vpc = b.vpc('main', '10.0.0.0/16');
    const a = inAz(b.subnet('a', vpc, '10.0.1.0/24'), 'az#0', b);
    inAz(b.subnet('b', vpc, '10.0.2.0/24'), 'eu-west-1b', b);
    endpoint(b, vpc.id, [a]);
    assert.deepEqual(b.run(endpointInterfaceSingleAz), []);
  });

  test('two symbolic AZs are two AZs', () => {
    const b = new ModelBuilder();
    const vpc = b.vpc('main', '10.0.0.0/16');
    const a = inAz(b.subnet('a', vpc, '10.0.1.0/24'), 'az#0', b);
    inAz(b.subnet('b', vpc, '10.0.2.0/24'), 'az#1', b);
    endpoint(b, vpc.id, [a]);
    const found = b.run(endpointInterfaceSingleAz);
    assert.equal(found.length, 1);
    assert.match(found[0]!.message, /in the region's 1st AZ only, but its VPC also has subnets in the region's 2nd AZ/);
  });
});

describe('endpoint-gateway-service', () => {
  test('accepts S3, DynamoDB and S3 Express in every partition, rejects the rest', () => {
    const names = ['com.amazonaws.us-east-1.s3', 'cn.com.amazonaws.cn-north-1.s3', 'com.amazonaws.us-east-1.s3express', 'com.amazonaws.eu-west-1.dynamodb', 'com.amazonaws.eu-west-1.sqs', 's3'];
    const b = new ModelBuilder();
    const vpc = b.vpc('main', '10.0.0.0/16');
    names.forEach((name, i) =>
      b.add({
        kind: 'endpoint',
        id: `file:///model::aws_vpc_endpoint.e${i}`,
        address: `aws_vpc_endpoint.e${i}`,
        format: 'terraform',
        span: b.span(30),
        nameSpan: b.span(4),
        nativeType: 'aws_vpc_endpoint',
        vpc: known(vpc.id, b.span(10)),
        serviceName: b.lit(name),
        endpointType: known('Gateway', b.span(9)),
        routeTables: [],
        subnets: [],
        securityGroups: [],
      }),
    );
    const flagged = b.run(endpointGatewayService).map((f) => f.message.match(/names (\S+):/)?.[1]);
    assert.deepEqual(flagged, ['com.amazonaws.eu-west-1.sqs', 's3']);
  });
});
