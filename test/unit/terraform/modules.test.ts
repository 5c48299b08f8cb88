import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateFiles, offsetOf, WS } from './helpers';

const NET_MODULE = `
variable "cidr" {}
variable "azs" { default = ["a"] }
resource "aws_vpc" "this" { cidr_block = var.cidr }
resource "aws_subnet" "public" {
  count      = length(var.azs)
  vpc_id     = aws_vpc.this.id
  cidr_block = cidrsubnet(var.cidr, 8, count.index)
}
output "vpc_id" { value = aws_vpc.this.id }
output "subnet_cidrs" { value = aws_subnet.public[*].cidr_block }
`;

describe('local modules', () => {
  test('inputs are substituted and outputs read; addresses carry the module path', async () => {
    const root = `
module "net" {
  source = "./modules/net"
  cidr   = "10.1.0.0/16"
  azs    = ["a", "b"]
}
resource "test" "use" {
  vpc     = module.net.vpc_id
  subnets = module.net.subnet_cidrs
}`;
    const r = await evaluateFiles({ 'env/main.tf': root, 'env/modules/net/main.tf': NET_MODULE });
    assert.deepEqual(r.addresses().sort(), [
      'module.net.aws_subnet.public[0]',
      'module.net.aws_subnet.public[1]',
      'module.net.aws_vpc.this',
      'test.use',
    ]);
    const vpc = r.resource('module.net.aws_vpc.this');
    assert.equal(vpc.elementId, `${WS}/env::module.net.aws_vpc.this`);
    assert.equal(r.attr('module.net.aws_subnet.public[1]', 'cidr_block'), '10.1.1.0/24');
    assert.equal(r.attr('test.use', 'vpc'), `\${${WS}/env::module.net.aws_vpc.this.id}`);
    assert.deepEqual(r.attr('test.use', 'subnets'), ['10.1.0.0/24', '10.1.1.0/24']);
  });

  test('a value passed into a module keeps the call site as its origin', async () => {
    const root = `module "net" {\n  source = "./modules/net"\n  cidr   = "10.1.0.0/16"\n}\n`;
    const r = await evaluateFiles({ 'main.tf': root, 'modules/net/main.tf': NET_MODULE });
    const v = r.value('module.net.aws_vpc.this', 'cidr_block');
    assert.equal(v.k, 'string');
    assert.deepEqual(v.origin, { file: `${WS}/main.tf`, start: offsetOf(root, '"10.1'), end: offsetOf(root, '"10.1') + 13 });
  });

  test('nested modules and ../ sources', async () => {
    const r = await evaluateFiles({
      'live/main.tf': 'module "outer" {\n  source = "../mods/outer"\n  base = "10.2.0.0/16"\n}\noutput "x" { value = module.outer.inner_cidr }',
      'mods/outer/main.tf':
        'variable "base" {}\nmodule "inner" {\n  source = "../inner"\n  cidr = cidrsubnet(var.base, 4, 1)\n}\noutput "inner_cidr" { value = module.inner.cidr }',
      'mods/inner/main.tf': 'variable "cidr" {}\nresource "aws_vpc" "v" { cidr_block = var.cidr }\noutput "cidr" { value = aws_vpc.v.cidr_block }',
    });
    assert.deepEqual(r.addresses(), ['module.outer.module.inner.aws_vpc.v']);
    assert.equal(r.attr('module.outer.module.inner.aws_vpc.v', 'cidr_block'), '10.2.16.0/20');
    assert.equal(r.resource('module.outer.module.inner.aws_vpc.v').elementId, `${WS}/live::module.outer.module.inner.aws_vpc.v`);
  });

  test('count and for_each on module calls', async () => {
    const r = await evaluateFiles({
      'main.tf': `
module "c" {
  count  = 2
  source = "./m"
  cidr   = "10.\${count.index}.0.0/16"
}
module "f" {
  for_each = { x = "10.8.0.0/16" }
  source   = "./m"
  cidr     = each.value
}
resource "test" "t" { ids = module.c[*].vpc_id }`,
      'm/main.tf': 'variable "cidr" {}\nresource "aws_vpc" "v" { cidr_block = var.cidr }\noutput "vpc_id" { value = aws_vpc.v.id }',
    });
    assert.equal(r.attr('module.c[1].aws_vpc.v', 'cidr_block'), '10.1.0.0/16');
    assert.equal(r.attr('module.f["x"].aws_vpc.v', 'cidr_block'), '10.8.0.0/16');
    assert.deepEqual(r.attr('test.t', 'ids'), [`\${${WS}::module.c[0].aws_vpc.v.id}`, `\${${WS}::module.c[1].aws_vpc.v.id}`]);
  });

  test('registry modules have unknown outputs and no problem', async () => {
    const r = await evaluateFiles({
      'main.tf':
        'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n  cidr = "10.0.0.0/16"\n}\nresource "test" "t" { v = module.vpc.vpc_id }',
    });
    assert.equal(r.value('test.t', 'v').k, 'unknown');
    assert.deepEqual(r.problems, []);
  });

  test('a missing local source folder is a warning on the source', async () => {
    const root = 'module "gone" {\n  source = "./nowhere"\n}\n';
    const r = await evaluateFiles({ 'main.tf': root });
    assert.equal(r.problems.length, 1);
    const p = r.problems[0]!;
    assert.equal(p.code, 'evaluation');
    assert.equal(p.severity, 'warning');
    assert.match(p.message, /nowhere/);
    assert.equal(p.span.start, offsetOf(root, '"./nowhere"'));
  });

  test('every folder not called by another is its own root', async () => {
    const r = await evaluateFiles({
      'a/main.tf': 'module "m" {\n  source = "../shared"\n  name = "a"\n}',
      'b/main.tf': 'module "m" {\n  source = "../shared"\n  name = "b"\n}',
      'shared/main.tf': 'variable "name" {}\nresource "aws_vpc" "v" { tags = { Name = var.name } }',
    });
    const ids = r.resources.map((x) => x.elementId).sort();
    assert.deepEqual(ids, [`${WS}/a::module.m.aws_vpc.v`, `${WS}/b::module.m.aws_vpc.v`]);
  });

  test('a module calling itself is not followed forever', async () => {
    const r = await evaluateFiles({
      'main.tf': 'module "m" { source = "./m" }',
      'm/main.tf': 'module "again" { source = "../m" }\nresource "aws_vpc" "v" {}',
    });
    assert.deepEqual(r.addresses(), ['module.m.aws_vpc.v']);
    assert.equal(r.problems.length, 1);
  });
});
