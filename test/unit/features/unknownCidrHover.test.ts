// The hover on a CIDR expression whose value VPC Lens does not know: what the block is and why it is not
// known (a variable without a value, a remote module, a data source, a for_each over unknown values, a
// CloudFormation parameter without Default), instead of no hover at all.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hoverOn } from './hoverHelpers';

describe('hover on a CIDR that is not known', () => {
  test('a variable without a value: the hover names it and where a value would come from', async () => {
    const md = await hoverOn({ 'main.tf': 'variable "vpc_cidr" {}\nresource "aws_vpc" "main" {\n  cidr_block = var.vpc_cidr\n}\n' }, 'main.tf', 'var.vpc_cidr');
    assert.match(md!, /^\*\*IPv4 block\*\* · VPC `aws_vpc.main`/);
    assert.match(md!, /Not known: var\.vpc\\_cidr has no value \(no default, and no variable file sets it\)\./);
    assert.match(md!, /Rules that need this block skip it/);
  });

  test('the reason survives functions: cidrsubnet() of a remote module output says the module is not read', async () => {
    const md = await hoverOn(
      {
        'main.tf': [
          'module "plan" {\n  source = "github.com/acme/addr-plan"\n}',
          'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}',
          'resource "aws_subnet" "app" {\n  count      = 2\n  vpc_id     = aws_vpc.main.id\n  cidr_block = cidrsubnet(module.plan.base, 8, count.index)\n}',
        ].join('\n'),
      },
      'main.tf',
      'cidrsubnet(',
    );
    assert.match(md!, /^\*\*IPv4 block\*\* of 2 instances · subnet `aws_subnet.app`/);
    assert.match(md!, /module\.plan comes from "github\.com\/acme\/addr-plan", which VPC Lens reads once terraform init has installed it/);
  });

  test('a data source and a for_each over unknown values say so', async () => {
    const files = {
      'main.tf': [
        'data "aws_vpc" "shared" {\n  id = "vpc-123"\n}',
        'resource "aws_vpc" "main" {\n  cidr_block = data.aws_vpc.shared.cidr_block\n}',
        'variable "routes" {}',
        'resource "aws_route" "r" {\n  for_each               = var.routes\n  route_table_id         = "rtb-1"\n  destination_cidr_block = each.value.cidr\n  gateway_id             = "igw-1"\n}',
        'resource "aws_subnet" "s" {\n  for_each   = var.undeclared\n  vpc_id     = aws_vpc.main.id\n  cidr_block = each.value\n}',
      ].join('\n'),
    };
    assert.match((await hoverOn(files, 'main.tf', 'data.aws_vpc.shared.cidr_block'))!, /Not known: data\.aws\\_vpc\.shared is read from AWS when Terraform plans/);
    const route = await hoverOn(files, 'main.tf', 'each.value.cidr');
    assert.match(route!, /^\*\*destination\*\* · route/);
    assert.match(route!, /the for\\_each of aws\\_route\.r is not known: var\.routes has no value/);
    // An error in the for_each (reported as a warning on its own) is the reason its instances are not known.
    assert.match((await hoverOn(files, 'main.tf', 'each.value\n'))!, /the for\\_each of aws\\_subnet\.s is not known: evaluation error: no variable "undeclared" is declared/);
  });

  test('a reference into a resource whose count is not known names that resource and why', async () => {
    const md = await hoverOn(
      {
        'main.tf': [
          'variable "n" {}',
          'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}',
          'resource "aws_subnet" "app" {\n  count      = var.n\n  vpc_id     = aws_vpc.main.id\n  cidr_block = cidrsubnet("10.0.0.0/16", 8, count.index)\n}',
          'resource "aws_route" "to_app" {\n  route_table_id         = "rtb-1"\n  destination_cidr_block = aws_subnet.app[0].cidr_block\n  gateway_id             = "igw-1"\n}',
        ].join('\n'),
      },
      'main.tf',
      'aws_subnet.app[0].cidr_block',
    );
    assert.match(md!, /Not known: the count of aws\\_subnet\.app is not known: var\.n has no value/);
  });

  test('a known value keeps the CIDR math hover, and text that is not a CIDR attribute gets none', async () => {
    const files = {
      'main.tf': 'variable "vpc_cidr" {\n  default = "10.1.0.0/16"\n}\nvariable "name" {}\nresource "aws_vpc" "main" {\n  cidr_block = var.vpc_cidr\n  tags = { Name = var.name }\n}\n',
    };
    assert.match((await hoverOn(files, 'main.tf', 'var.vpc_cidr\n'))!, /65,531 usable/);
    assert.equal(await hoverOn(files, 'main.tf', 'var.name'), undefined);
  });

  test('a module argument that is not known: its hover in the caller names the blocks the module builds from it', async () => {
    const files = {
      'main.tf': [
        'variable "vpc_cidr" {}',
        'module "net" {\n  source   = "./modules/net"\n  count    = 2\n  cidr     = var.vpc_cidr\n  sub_cidr = cidrsubnet(var.vpc_cidr, 8, 1)\n  name     = "x"\n}',
      ].join('\n'),
      'modules/net/main.tf': [
        'variable "cidr" {}\nvariable "sub_cidr" {}\nvariable "name" {}',
        'resource "aws_vpc" "this" {\n  cidr_block = var.cidr\n  tags       = { Name = var.name }\n}',
        'resource "aws_subnet" "a" {\n  vpc_id     = aws_vpc.this.id\n  cidr_block = var.sub_cidr\n}',
      ].join('\n'),
    };
    const cidr = await hoverOn(files, 'main.tf', 'var.vpc_cidr\n');
    assert.match(cidr!, /^\*\*CIDR block\*\* of 2 resources\n- IPv4 block of VPC `module\.net\[0\]\.aws_vpc\.this` \(x\)\n- IPv4 block of VPC `module\.net\[1\]\.aws_vpc\.this` \(x\)\n/);
    assert.match(cidr!, /Not known: var\.vpc\\_cidr has no value \(no default, and no variable file sets it\)\./);
    assert.match((await hoverOn(files, 'main.tf', 'cidrsubnet('))!, /IPv4 block of subnet `module\.net\[0\]\.aws_subnet\.a`/);
    // An argument that only feeds tags is no CIDR block: no hover.
    assert.equal(await hoverOn(files, 'main.tf', '"x"'), undefined);
    // In the module, the attribute's own hover is unchanged.
    assert.match((await hoverOn(files, 'modules/net/main.tf', 'var.cidr\n'))!, /^\*\*CIDR block\*\* of 2 resources\n- IPv4 block of VPC `module\.net\[0\]\.aws_vpc\.this`/);
  });

  test('CloudFormation: the hover on a parameter without Default names the blocks that use it directly', async () => {
    const md = await hoverOn(
      {
        'net.yaml': 'Parameters:\n  VpcCidr:\n    Type: String\nResources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: !Ref VpcCidr\n',
      },
      'net.yaml',
      'VpcCidr:',
    );
    assert.match(md!, /^\*\*IPv4 block\*\* · VPC `Vpc`/);
    assert.match(md!, /parameter VpcCidr has no Default/);
  });

  test('CloudFormation: a parameter without Default, on the !Ref where the block is written', async () => {
    const md = await hoverOn(
      {
        'net.yaml': 'AWSTemplateFormatVersion: "2010-09-09"\nParameters:\n  VpcCidr:\n    Type: String\nResources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: !Ref VpcCidr\n',
      },
      'net.yaml',
      '!Ref VpcCidr',
    );
    assert.match(md!, /^\*\*IPv4 block\*\* · VPC `Vpc`/);
    assert.match(md!, /parameter VpcCidr has no Default and no value in a parameter file/);
  });

  test('CloudFormation: a reference inside !Sub is named by its resource, not by its element id', async () => {
    const md = await hoverOn(
      {
        'net.yaml': 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/16\n  Sub:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Vpc\n      CidrBlock: !Sub "${Vpc}/24"\n',
      },
      'net.yaml',
      '!Sub',
    );
    assert.match(md!, /Not known: \$\{Vpc\}: Vpc\.Ref is set by AWS when the resource is created\./);
    assert.doesNotMatch(md!, /file:/);
  });

  test('CDK: one expression feeding several resources (a Vpc and the subnets CDK carves from it) lists them', async () => {
    const stack = [
      "import * as cdk from 'aws-cdk-lib';",
      "import * as ec2 from 'aws-cdk-lib/aws-ec2';",
      'export class NetStack extends cdk.Stack {',
      '  constructor(scope: cdk.App, id: string, props: cdk.StackProps & { cidr: string }) {',
      '    super(scope, id, props);',
      "    new ec2.Vpc(this, 'Vpc', { ipAddresses: ec2.IpAddresses.cidr(props.cidr), maxAzs: 2 });",
      '  }',
      '}',
    ].join('\n');
    const md = await hoverOn({ 'stack.ts': stack }, 'stack.ts', 'ec2.IpAddresses.cidr(');
    assert.match(md!, /^\*\*CIDR block\*\* of 5 resources\n- IPv4 block of VPC `NetStack\/Vpc`\n- IPv4 block of subnet `NetStack\/Vpc\/PublicSubnet1`/);
    // The interpreter's reason for the CIDR, passed on to the subnets carved from it.
    assert.match(md!, /Not known: the VPC CIDR is not known: props of NetStack are given where it is used, outside this workspace\./);
  });

  test("a resource's summary gives the reason too, and names a symbolic AZ by its place", async () => {
    const files = {
      'main.tf': [
        'variable "vpc_cidr" {}',
        'data "aws_availability_zones" "available" {}',
        'resource "aws_vpc" "main" {\n  cidr_block = var.vpc_cidr\n}',
        'resource "aws_subnet" "app" {\n  vpc_id            = aws_vpc.main.id\n  cidr_block        = cidrsubnet(var.vpc_cidr, 8, 1)\n  availability_zone = data.aws_availability_zones.available.names[1]\n}',
      ].join('\n'),
    };
    const vpc = await hoverOn(files, 'main.tf', '"main"');
    assert.match(vpc!, /\| CIDR blocks \| unknown \(primary IPv4: var\.vpc\\_cidr has no value \(no default, and no variable file sets it\)\) \|/);
    assert.match(vpc!, /\| Availability zones \| the region's 2nd AZ \|/);
    const subnet = await hoverOn(files, 'main.tf', '"app"');
    assert.match(subnet!, /\| CIDR block \| not known: var\.vpc\\_cidr has no value/);
    assert.match(subnet!, /\| Availability zone \| the region's 2nd AZ \|/);
  });
});
