// Generates one Terraform root module (one "account/environment" folder) with a realistic network: a VPC,
// tiered subnets from cidrsubnet() with count, NAT/EIP per AZ, route tables, security groups with
// standalone rules, NACLs with entries, endpoint module calls, and per-service subnets and security groups
// until the resource budget is reached. Some roots get planted mistakes so the analysis has findings.
import type { Random } from './random';

export interface RootSpec {
  /** Folder name, e.g. `payments-prod`. */
  name: string;
  /** Second octet of the VPC block 10.<n>.0.0/16; unique per root so VPC blocks never collide. */
  octet: number;
  region: string;
  azCount: number;
  /** Resource blocks to aim for (the result may overshoot by one service). */
  resourceBudget: number;
  /** Relative path from the root to the workspace's `modules/` folder. */
  modulesPath: string;
  /** Plant one to three mistakes in this root's services. */
  plantMistakes: boolean;
}

export interface GeneratedRoot {
  files: Map<string, string>;
  /** `resource` blocks written. */
  resourceBlocks: number;
  /** Resource instances after count/for_each expansion. */
  resourceInstances: number;
  /** Rule ids of the mistakes planted on purpose. */
  plantedMistakes: string[];
}

const SERVICES = [
  'checkout', 'ledger', 'search', 'billing', 'identity', 'catalog', 'orders', 'shipping', 'notify', 'reports',
  'pricing', 'inventory', 'fraud', 'gateway', 'profile', 'media', 'audit', 'export', 'import', 'scheduler',
];

class RootWriter {
  readonly files = new Map<string, string>();
  resourceBlocks = 0;
  resourceInstances = 0;
  readonly plantedMistakes: string[] = [];

  resource(file: string, type: string, name: string, body: string, instances = 1): void {
    this.append(file, `resource "${type}" "${name}" {\n${body.trimEnd()}\n}\n`);
    this.resourceBlocks++;
    this.resourceInstances += instances;
  }

  append(file: string, text: string): void {
    const previous = this.files.get(file);
    this.files.set(file, previous === undefined ? text : `${previous}\n${text}`);
  }

  mistake(ruleId: string): string {
    this.plantedMistakes.push(ruleId);
    return `  # Planted mistake (${ruleId}).\n`;
  }
}

export function generateRoot(spec: RootSpec, random: Random): GeneratedRoot {
  const w = new RootWriter();
  const azs = ['a', 'b', 'c'].slice(0, spec.azCount).map((letter) => `${spec.region}${letter}`);
  const legacyRules = random.chance(0.3); // older roots still use aws_security_group_rule
  writeBoilerplate(w, spec, azs);
  writeVpc(w, spec, random);
  writeTierSubnets(w, spec.azCount);
  writeRouting(w, spec.azCount);
  writeTierSecurity(w, legacyRules);
  writeNacls(w, spec, random);
  writeModuleCalls(w, spec, random);

  const mistakes = spec.plantMistakes ? pickMistakes(random) : new Map<number, ServiceMistake[]>();
  for (let service = 0; w.resourceBlocks < spec.resourceBudget; service++) {
    writeService(w, spec, service, legacyRules, mistakes.get(service) ?? [], random);
  }
  return {
    files: w.files,
    resourceBlocks: w.resourceBlocks,
    resourceInstances: w.resourceInstances,
    plantedMistakes: w.plantedMistakes,
  };
}

function writeBoilerplate(w: RootWriter, spec: RootSpec, azs: string[]): void {
  w.append(
    'versions.tf',
    `terraform {
  required_version = ">= 1.5.0"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
  }
}

provider "aws" {
  region = var.region
}
`,
  );
  w.append(
    'variables.tf',
    `variable "region" {
  type = string
}

variable "environment" {
  type = string
}

variable "vpc_cidr" {
  type = string
}

variable "azs" {
  type = list(string)
}

variable "app_port" {
  type    = number
  default = 8080
}

variable "flow_log_bucket_arn" {
  type = string
}
`,
  );
  w.append(
    'terraform.tfvars',
    `region              = "${spec.region}"
environment         = "${spec.name}"
vpc_cidr            = "10.${spec.octet}.0.0/16"
azs                 = [${azs.map((az) => `"${az}"`).join(', ')}]
flow_log_bucket_arn = "arn:aws:s3:::org-flow-logs"
`,
  );
  w.append(
    'outputs.tf',
    `output "vpc_id" {
  value = aws_vpc.main.id
}

output "private_subnet_ids" {
  value = aws_subnet.private[*].id
}

output "nat_public_ips" {
  value = aws_eip.nat[*].public_ip
}
`,
  );
}

function writeVpc(w: RootWriter, spec: RootSpec, random: Random): void {
  w.resource(
    'vpc.tf',
    'aws_vpc',
    'main',
    `  cidr_block           = var.vpc_cidr
  enable_dns_support   = true
  enable_dns_hostnames = true

  tags = {
    Name = "\${var.environment}-vpc"
  }`,
  );
  w.resource('vpc.tf', 'aws_internet_gateway', 'main', '  vpc_id = aws_vpc.main.id');
  w.resource(
    'vpc.tf',
    'aws_flow_log',
    'main',
    `  vpc_id               = aws_vpc.main.id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = var.flow_log_bucket_arn`,
  );
  if (random.chance(0.3)) {
    w.resource(
      'vpc.tf',
      'aws_vpc_ipv4_cidr_block_association',
      'pods',
      `  vpc_id     = aws_vpc.main.id
  cidr_block = "100.64.${spec.octet}.0/24"`,
    );
  }
}

/** public: 10.n.0-2.0/24, private: 10.n.4/8/12.0/22, database: 10.n.32-34.0/24. */
function writeTierSubnets(w: RootWriter, azCount: number): void {
  const tiers: Array<[string, string, boolean]> = [
    ['public', 'cidrsubnet(var.vpc_cidr, 8, count.index)', true],
    ['private', 'cidrsubnet(var.vpc_cidr, 6, count.index + 1)', false],
    ['database', 'cidrsubnet(var.vpc_cidr, 8, count.index + 32)', false],
  ];
  for (const [tier, cidr, isPublic] of tiers) {
    w.resource(
      'subnets.tf',
      'aws_subnet',
      tier,
      `  count = length(var.azs)

  vpc_id                  = aws_vpc.main.id
  availability_zone       = var.azs[count.index]
  cidr_block              = ${cidr}
  map_public_ip_on_launch = ${isPublic}

  tags = {
    Name = "\${var.environment}-${tier}-\${var.azs[count.index]}"
  }`,
      azCount,
    );
  }
}

function writeRouting(w: RootWriter, azCount: number): void {
  const f = 'routing.tf';
  w.resource(f, 'aws_eip', 'nat', '  count  = length(var.azs)\n  domain = "vpc"', azCount);
  w.resource(
    f,
    'aws_nat_gateway',
    'main',
    `  count         = length(var.azs)
  allocation_id = aws_eip.nat[count.index].id
  subnet_id     = aws_subnet.public[count.index].id`,
    azCount,
  );
  w.resource(f, 'aws_route_table', 'public', '  vpc_id = aws_vpc.main.id');
  w.resource(
    f,
    'aws_route',
    'public_internet',
    `  route_table_id         = aws_route_table.public.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.main.id`,
  );
  w.resource(
    f,
    'aws_route_table_association',
    'public',
    `  count          = length(var.azs)
  subnet_id      = aws_subnet.public[count.index].id
  route_table_id = aws_route_table.public.id`,
    azCount,
  );
  w.resource(f, 'aws_route_table', 'private', '  count  = length(var.azs)\n  vpc_id = aws_vpc.main.id', azCount);
  w.resource(
    f,
    'aws_route',
    'private_nat',
    `  count                  = length(var.azs)
  route_table_id         = aws_route_table.private[count.index].id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.main[count.index].id`,
    azCount,
  );
  for (const tier of ['private', 'database']) {
    w.resource(
      f,
      'aws_route_table_association',
      tier,
      `  count          = length(var.azs)
  subnet_id      = aws_subnet.${tier}[count.index].id
  route_table_id = aws_route_table.private[count.index].id`,
      azCount,
    );
  }
}

interface RuleSpec {
  name: string;
  sg: string;
  direction: 'ingress' | 'egress';
  port: number | string;
  toPort?: number | string;
  cidr?: string;
  peerSg?: string;
}

/** `var.vpc_cidr` stays an expression, `0.0.0.0/0` becomes a string literal. */
function quoteUnlessReference(value: string): string {
  return value.startsWith('var.') ? value : `"${value}"`;
}

function writeSgRule(w: RootWriter, file: string, rule: RuleSpec, legacy: boolean, prefix = ''): void {
  const to = rule.toPort ?? rule.port;
  if (legacy) {
    const peer = rule.peerSg
      ? `  source_security_group_id = aws_security_group.${rule.peerSg}.id`
      : `  cidr_blocks              = [${quoteUnlessReference(rule.cidr ?? '')}]`;
    w.resource(
      file,
      'aws_security_group_rule',
      rule.name,
      `  type                     = "${rule.direction}"
  security_group_id        = aws_security_group.${rule.sg}.id
  protocol                 = "tcp"
  from_port                = ${rule.port}
  to_port                  = ${to}
${prefix}${peer}`,
    );
    return;
  }
  const peer = rule.peerSg
    ? `  referenced_security_group_id = aws_security_group.${rule.peerSg}.id`
    : `  cidr_ipv4                    = ${quoteUnlessReference(rule.cidr ?? '')}`;
  w.resource(
    file,
    `aws_vpc_security_group_${rule.direction}_rule`,
    rule.name,
    `  security_group_id            = aws_security_group.${rule.sg}.id
  ip_protocol                  = "tcp"
  from_port                    = ${rule.port}
  to_port                      = ${to}
${prefix}${peer}`,
  );
}

function writeSecurityGroup(w: RootWriter, file: string, name: string, description: string): void {
  w.resource(
    file,
    'aws_security_group',
    name,
    `  name        = "\${var.environment}-${name.replace(/_/g, '-')}"
  description = "${description}"
  vpc_id      = aws_vpc.main.id`,
  );
}

function writeTierSecurity(w: RootWriter, legacy: boolean): void {
  const f = 'security.tf';
  writeSecurityGroup(w, f, 'alb', 'Public load balancer');
  writeSecurityGroup(w, f, 'app', 'Application tier');
  writeSecurityGroup(w, f, 'db', 'Databases');
  const rules: RuleSpec[] = [
    { name: 'alb_https', sg: 'alb', direction: 'ingress', port: 443, cidr: '0.0.0.0/0' },
    { name: 'alb_http', sg: 'alb', direction: 'ingress', port: 80, cidr: '0.0.0.0/0' },
    { name: 'alb_to_app', sg: 'alb', direction: 'egress', port: 'var.app_port', peerSg: 'app' },
    { name: 'app_from_alb', sg: 'app', direction: 'ingress', port: 'var.app_port', peerSg: 'alb' },
    { name: 'app_to_db', sg: 'app', direction: 'egress', port: 5432, peerSg: 'db' },
    { name: 'app_https', sg: 'app', direction: 'egress', port: 443, cidr: '0.0.0.0/0' },
    { name: 'db_from_app', sg: 'db', direction: 'ingress', port: 5432, peerSg: 'app' },
  ];
  for (const rule of rules) writeSgRule(w, f, rule, legacy);
}

interface NaclEntry {
  number: number;
  egress: boolean;
  protocol: string;
  action: 'allow' | 'deny';
  cidr: string;
  from: number;
  to: number;
}

function writeNaclEntry(w: RootWriter, nacl: string, name: string, e: NaclEntry, prefix = ''): void {
  const cidr = quoteUnlessReference(e.cidr);
  w.resource(
    'nacl.tf',
    'aws_network_acl_rule',
    name,
    `  network_acl_id = aws_network_acl.${nacl}.id
${prefix}  rule_number    = ${e.number}
  egress         = ${e.egress}
  protocol       = "${e.protocol}"
  rule_action    = "${e.action}"
  cidr_block     = ${cidr}
  from_port      = ${e.from}
  to_port        = ${e.to}`,
  );
}

function writeNacls(w: RootWriter, spec: RootSpec, random: Random): void {
  const world = '0.0.0.0/0';
  const vpc = 'var.vpc_cidr';
  const tables: Array<[string, string, NaclEntry[]]> = [
    [
      'public',
      'aws_subnet.public[*].id',
      [
        { number: 100, egress: false, protocol: 'tcp', action: 'allow', cidr: world, from: 443, to: 443 },
        { number: 110, egress: false, protocol: 'tcp', action: 'allow', cidr: world, from: 80, to: 80 },
        { number: 120, egress: false, protocol: 'tcp', action: 'allow', cidr: world, from: 1024, to: 65535 },
        { number: 130, egress: false, protocol: '-1', action: 'allow', cidr: vpc, from: 0, to: 0 },
        { number: 100, egress: true, protocol: 'tcp', action: 'allow', cidr: world, from: 1024, to: 65535 },
        { number: 110, egress: true, protocol: 'tcp', action: 'allow', cidr: world, from: 443, to: 443 },
        { number: 120, egress: true, protocol: 'tcp', action: 'allow', cidr: world, from: 80, to: 80 },
        { number: 130, egress: true, protocol: '-1', action: 'allow', cidr: vpc, from: 0, to: 0 },
      ],
    ],
    [
      'private',
      'aws_subnet.private[*].id',
      [
        { number: 100, egress: false, protocol: '-1', action: 'allow', cidr: vpc, from: 0, to: 0 },
        { number: 110, egress: false, protocol: 'tcp', action: 'allow', cidr: world, from: 1024, to: 65535 },
        { number: 100, egress: true, protocol: '-1', action: 'allow', cidr: vpc, from: 0, to: 0 },
        { number: 110, egress: true, protocol: 'tcp', action: 'allow', cidr: world, from: 443, to: 443 },
        { number: 120, egress: true, protocol: 'tcp', action: 'allow', cidr: world, from: 80, to: 80 },
      ],
    ],
  ];
  for (const [nacl, subnets, entries] of tables) {
    w.resource('nacl.tf', 'aws_network_acl', nacl, `  vpc_id     = aws_vpc.main.id\n  subnet_ids = ${subnets}`);
    for (const e of entries) {
      writeNaclEntry(w, nacl, `${nacl}_${e.egress ? 'out' : 'in'}_${e.number}`, e);
    }
  }
  if (random.chance(0.15)) {
    const prefix = w.mistake('nacl-shadowed-rule');
    writeNaclEntry(
      w,
      'public',
      'public_in_block_scanner',
      { number: 200, egress: false, protocol: 'tcp', action: 'deny', cidr: '203.0.113.0/24', from: 443, to: 443 },
      prefix,
    );
  }
  if (random.chance(0.1)) {
    const prefix = w.mistake('nacl-rule-number');
    writeNaclEntry(
      w,
      'private',
      'private_in_dup',
      { number: 110, egress: false, protocol: 'udp', action: 'allow', cidr: `10.${spec.octet}.0.0/16`, from: 53, to: 53 },
      prefix,
    );
  }
}

function writeModuleCalls(w: RootWriter, spec: RootSpec, random: Random): void {
  const calls: Array<[string, string[]]> = [['endpoints', ['ssm', 'ssmmessages', 'ec2messages', 'logs']]];
  if (random.chance(0.5)) calls.push(['data_endpoints', ['athena', 'glue', 'kinesis-streams']]);
  for (const [name, services] of calls) {
    w.append(
      'endpoints.tf',
      `module "${name}" {
  source = "${spec.modulesPath}/endpoints"

  name               = "\${var.environment}-${name}"
  region             = var.region
  vpc_id             = aws_vpc.main.id
  vpc_cidr           = var.vpc_cidr
  subnet_ids         = aws_subnet.private[*].id
  route_table_ids    = aws_route_table.private[*].id
  interface_services = [${services.map((s) => `"${s}"`).join(', ')}]
}
`,
    );
  }
}

type ServiceMistake =
  | 'cidr-host-bits'
  | 'subnet-overlap'
  | 'subnet-outside-vpc'
  | 'subnet-cidr-size'
  | 'sg-world-admin-port';

/** One to three mistakes, each in one of the first services. */
function pickMistakes(random: Random): Map<number, ServiceMistake[]> {
  const result = new Map<number, ServiceMistake[]>();
  const all: ServiceMistake[] = ['cidr-host-bits', 'subnet-overlap', 'subnet-outside-vpc', 'subnet-cidr-size', 'sg-world-admin-port'];
  const count = random.int(1, 3);
  for (let i = 0; i < count; i++) {
    const service = random.int(0, 5);
    result.set(service, [...(result.get(service) ?? []), random.pick(all)]);
  }
  return result;
}

/** Service subnets are /26s from 10.n.64.0 upwards, one per AZ; slot = service * azCount + az. */
function serviceSubnetCidr(octet: number, slot: number, literal: boolean): string {
  if (!literal) return `cidrsubnet(var.vpc_cidr, 10, ${256 + slot})`;
  return `"10.${octet}.${64 + Math.floor(slot / 4)}.${(slot % 4) * 64}/26"`;
}

function writeService(
  w: RootWriter,
  spec: RootSpec,
  index: number,
  legacy: boolean,
  mistakes: ServiceMistake[],
  random: Random,
): void {
  const base = SERVICES[index % SERVICES.length]!;
  const name = index < SERVICES.length ? base : `${base}${Math.floor(index / SERVICES.length) + 1}`;
  const file = `service-${Math.floor(index / 6) + 1}.tf`;
  const literal = random.chance(0.6);
  const subnetMistake = mistakes.find((m) => m !== 'sg-world-admin-port');

  for (let az = 0; az < spec.azCount; az++) {
    const slot = index * spec.azCount + az;
    let cidr = serviceSubnetCidr(spec.octet, slot, literal);
    const mistake = az === 0 ? subnetMistake : undefined;
    if (mistake === 'cidr-host-bits') {
      cidr = `"10.${spec.octet}.${64 + Math.floor(slot / 4)}.${(slot % 4) * 64 + 7}/26"`;
    } else if (mistake === 'subnet-overlap') {
      cidr = `"10.${spec.octet}.9.0/24"`; // inside aws_subnet.private[1] (10.n.8.0/22)
    } else if (mistake === 'subnet-outside-vpc') {
      cidr = `"172.31.${spec.octet}.0/24"`;
    } else if (mistake === 'subnet-cidr-size') {
      cidr = `"10.${spec.octet}.${64 + Math.floor(slot / 4)}.${(slot % 4) * 64}/29"`;
    }
    const note = mistake ? w.mistake(mistake) : '';
    w.resource(
      file,
      'aws_subnet',
      `${name}_${az}`,
      `  vpc_id            = aws_vpc.main.id
  availability_zone = var.azs[${az}]
${note}  cidr_block        = ${cidr}

  tags = {
    Name    = "\${var.environment}-${name}-\${var.azs[${az}]}"
    Service = "${name}"
  }`,
    );
    w.resource(
      file,
      'aws_route_table_association',
      `${name}_${az}`,
      `  subnet_id      = aws_subnet.${name}_${az}.id
  route_table_id = aws_route_table.private[${az}].id`,
    );
  }

  writeSecurityGroup(w, file, name, `Service ${name}`);
  const port = 8000 + (index % 100);
  writeSgRule(w, file, { name: `${name}_from_alb`, sg: name, direction: 'ingress', port, peerSg: 'alb' }, legacy);
  writeSgRule(w, file, { name: `${name}_from_app`, sg: name, direction: 'ingress', port, peerSg: 'app' }, legacy);
  if (random.chance(0.5)) {
    writeSgRule(w, file, { name: `${name}_metrics`, sg: name, direction: 'ingress', port: 9100, cidr: 'var.vpc_cidr' }, legacy);
  }
  writeSgRule(w, file, { name: `${name}_to_db`, sg: name, direction: 'egress', port: 5432, peerSg: 'db' }, legacy);
  writeSgRule(w, file, { name: `${name}_https_out`, sg: name, direction: 'egress', port: 443, cidr: '0.0.0.0/0' }, legacy);
  if (mistakes.includes('sg-world-admin-port')) {
    const prefix = w.mistake('sg-world-admin-port');
    writeSgRule(w, file, { name: `${name}_ssh`, sg: name, direction: 'ingress', port: 22, cidr: '0.0.0.0/0' }, legacy, prefix);
  }
}
