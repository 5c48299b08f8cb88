import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateFiles, offsetOf, WS } from './helpers';

describe('value traces for hovers and inlay hints', () => {
  test('cidrsubnet(aws_vpc.main.cidr_block, 8, count.index) lists every instance', async () => {
    const text = `
resource "aws_vpc" "main" { cidr_block = "10.0.0.0/16" }
resource "aws_subnet" "s" {
  count      = 3
  cidr_block = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index)
}`;
    const r = await evaluateFiles({ 'main.tf': text });
    const start = offsetOf(text, 'cidrsubnet(');
    const trace = r.traces.find((t) => t.span.start === start);
    assert.ok(trace, 'a trace on the cidrsubnet call');
    assert.equal(trace.span.end, offsetOf(text, 'count.index)') + 'count.index)'.length);
    assert.deepEqual(trace.instances, [
      { label: '[0]', value: '10.0.0.0/24' },
      { label: '[1]', value: '10.0.1.0/24' },
      { label: '[2]', value: '10.0.2.0/24' },
    ]);
    assert.equal(trace.owner, `${WS}::aws_subnet.s[0]`);
    assert.equal(trace.attribute, 'cidr_block');
  });

  test('literals in locals, variable defaults, tuples, tfvars, module arguments and outputs are traced', async () => {
    const main = `
variable "vpc_cidr" { default = "10.0.0.0/16" }
locals {
  extra = ["172.16.0.0/24", "not a cidr", "172.16.1.0/24"]
  m     = { a = "192.168.0.0/24" }
}
module "net" {
  source = "./net"
  cidr   = "10.5.0.0/16"
}
output "first" { value = local.extra[0] }
`;
    const tfvars = 'vpc_cidr = "10.9.0.0/16"\n';
    const net = 'variable "cidr" {}\nresource "aws_vpc" "v" { cidr_block = var.cidr }\n';
    const r = await evaluateFiles({ 'main.tf': main, 'terraform.tfvars': tfvars, 'net/main.tf': net });
    const at = (file: string, text: string, needle: string) =>
      r.traces.find((t) => t.span.file === `${WS}/${file}` && t.span.start === offsetOf(text, needle));
    assert.deepEqual(at('main.tf', main, '"10.0.0.0/16"')?.instances, [{ value: '10.0.0.0/16' }]);
    assert.deepEqual(at('main.tf', main, '"172.16.1.0/24"')?.instances, [{ value: '172.16.1.0/24' }]);
    assert.equal(at('main.tf', main, '"not a cidr"'), undefined);
    assert.deepEqual(at('main.tf', main, '"192.168.0.0/24"')?.instances, [{ value: '192.168.0.0/24' }]);
    assert.deepEqual(at('main.tf', main, '"10.5.0.0/16"')?.instances, [{ label: 'module.net', value: '10.5.0.0/16' }]);
    assert.deepEqual(at('main.tf', main, 'local.extra[0]')?.instances, [{ value: '172.16.0.0/24' }]);
    assert.deepEqual(at('terraform.tfvars', tfvars, '"10.9.0.0/16"')?.instances, [{ value: '10.9.0.0/16' }]);
    const inModule = at('net/main.tf', net, 'var.cidr');
    assert.deepEqual(inModule?.instances, [{ label: 'module.net', value: '10.5.0.0/16' }]);
    assert.equal(inModule?.owner, `${WS}::module.net.aws_vpc.v`);
  });

  test("a for expression's value lists every block it made (terraform-aws-modules/vpc's inputs)", async () => {
    const main = `
locals {
  vpc_cidr = "10.0.0.0/16"
  azs      = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
  by_az    = { for i, az in local.azs : az => cidrsubnet(local.vpc_cidr, 8, i + 100) if i != 1 }
}
module "vpc" {
  source          = "./vpc"
  private_subnets = [for k, v in local.azs : cidrsubnet(local.vpc_cidr, 8, k)]
}
`;
    const vpc = 'variable "private_subnets" {}\n';
    const r = await evaluateFiles({ 'main.tf': main, 'vpc/main.tf': vpc });
    const at = (needle: string) => r.traces.find((t) => t.span.file === `${WS}/main.tf` && t.span.start === offsetOf(main, needle));
    assert.deepEqual(at('cidrsubnet(local.vpc_cidr, 8, k)')?.instances, [
      { label: 'module.vpc [0]', value: '10.0.0.0/24' },
      { label: 'module.vpc [1]', value: '10.0.1.0/24' },
      { label: 'module.vpc [2]', value: '10.0.2.0/24' },
    ]);
    assert.deepEqual(at('cidrsubnet(local.vpc_cidr, 8, i + 100)')?.instances, [
      { label: '["eu-west-1a"]', value: '10.0.100.0/24' },
      { label: '["eu-west-1c"]', value: '10.0.102.0/24' },
    ]);
  });
});
