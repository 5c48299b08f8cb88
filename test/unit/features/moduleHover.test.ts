// The hover on a module call's name: what each instance of the module builds (VPCs with their blocks, subnets
// with block, AZ and reachability, gateways, and a count of the rest), for local and installed modules alike.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hoverOn } from './hoverHelpers';
import { INITIALISED } from '../../fixtures/installedModule';

const NETWORK = `variable "cidr" {}
variable "azs" { default = ["eu-west-1a", "eu-west-1b"] }
resource "aws_vpc" "this" {
  cidr_block = var.cidr
  tags       = { Name = "net" }
}
resource "aws_internet_gateway" "this" {
  vpc_id = aws_vpc.this.id
}
resource "aws_route_table" "public" {
  vpc_id = aws_vpc.this.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.this.id
  }
}
resource "aws_subnet" "public" {
  count             = length(var.azs)
  vpc_id            = aws_vpc.this.id
  availability_zone = var.azs[count.index]
  cidr_block        = cidrsubnet(var.cidr, 8, count.index)
}
resource "aws_route_table_association" "public" {
  count          = length(var.azs)
  subnet_id      = aws_subnet.public[count.index].id
  route_table_id = aws_route_table.public.id
}
resource "aws_s3_bucket" "logs" {
  bucket = "logs"
}
`;

describe('hover on a module call', () => {
  test("a local module's VPC, its subnets with AZ and reachability, its gateway and the rest counted", async () => {
    const root = 'module "net" {\n  source = "./modules/net"\n  cidr   = "10.4.0.0/16"\n}\n';
    const md = await hoverOn({ 'main.tf': root, 'modules/net/main.tf': NETWORK }, 'main.tf', '"net"');
    assert.equal(
      md,
      [
        '**Module** `module.net` from `./modules/net`',
        '',
        '| | |',
        '|---|---|',
        '| VPC | `module.net.aws_vpc.this` (net): 10.4.0.0/16 · 65,531 usable |',
        '| Subnets (2) | `module.net.aws_subnet.public[0]`: 10.4.0.0/24 · 251 usable (eu-west-1a, public)<br>`module.net.aws_subnet.public[1]`: 10.4.1.0/24 · 251 usable (eu-west-1b, public) |',
        '| Gateways | 1 internet gateway |',
        '| Also | 2 route table associations, 1 route table |',
      ].join('\n'),
    );
  });

  test('each instance of a call with count, by its own arguments', async () => {
    const root = 'module "net" {\n  count  = 2\n  source = "./modules/net"\n  cidr   = "10.${count.index}.0.0/16"\n}\n';
    const md = (await hoverOn({ 'main.tf': root, 'modules/net/main.tf': NETWORK }, 'main.tf', '"net"'))!;
    const titles = md.split('\n').filter((l) => l.startsWith('**Module**'));
    assert.deepEqual(titles, ['**Module** `module.net[0]` from `./modules/net`', '**Module** `module.net[1]` from `./modules/net`']);
    assert.match(md, /`module\.net\[1\]\.aws_vpc\.this` \(net\): 10\.1\.0\.0\/16/);
  });

  test('an installed registry module, nested modules included; a module with no network resources says so', async () => {
    const md = (await hoverOn(INITIALISED, 'live/main.tf', '"vpc"'))!;
    assert.match(md, /\*\*Module\*\* `module\.vpc` from `acme\/vpc\/aws`/);
    assert.match(md, /\| Subnets \(2\) \| `module\.vpc\.aws_subnet\.this\[0\]`: 10\.0\.1\.0\/24 · 251 usable \(private\)<br>`module\.vpc\.aws_subnet\.this\[1\]`: 10\.9\.2\.0\/24 · 251 usable \(private\) \|/);
    assert.match(md, /\| Also \| 1 security group \|/);
    const empty = await hoverOn({ 'main.tf': 'module "b" {\n  source = "./b"\n}\n', 'b/main.tf': 'resource "aws_s3_bucket" "x" {}\n' }, 'main.tf', '"b"');
    assert.equal(empty, '**Module** `module.b` from `./b`\n\nNo network resources.');
  });
});
