// Writes a benchmark workspace: many Terraform roots (one per account/environment) under `envs/`, sharing
// a local module under `modules/`, until the resource budget is reached. Deterministic for a given seed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { seededRandom } from './random';
import { generateRoot } from './terraformRoot';

export interface GeneratedWorkspace {
  dir: string;
  /** Every .tf and .tfvars file written, absolute paths. */
  files: string[];
  roots: number;
  resourceBlocks: number;
  resourceInstances: number;
  bytes: number;
  plantedMistakes: number;
}

const ACCOUNTS = ['payments', 'identity', 'search', 'data', 'edge', 'ledger', 'media', 'ml', 'platform', 'risk'];
const ENVIRONMENTS = ['dev', 'staging', 'prod', 'sandbox', 'perf'];
const REGIONS = ['eu-west-1', 'eu-central-1', 'us-east-1', 'us-west-2', 'ap-southeast-2'];

export function generateWorkspace(dir: string, targetResources: number, seed: number): GeneratedWorkspace {
  const random = seededRandom(seed);
  const result: GeneratedWorkspace = {
    dir,
    files: [],
    roots: 0,
    resourceBlocks: 0,
    resourceInstances: 0,
    bytes: 0,
    plantedMistakes: 0,
  };
  const write = (relative: string, text: string): void => {
    const file = path.join(dir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    result.files.push(file);
    result.bytes += Buffer.byteLength(text);
  };

  for (const [name, text] of ENDPOINTS_MODULE) write(path.join('modules', 'endpoints', name), text);
  result.resourceBlocks += 4;

  while (result.resourceBlocks < targetResources) {
    const index = result.roots;
    const account = ACCOUNTS[index % ACCOUNTS.length]!;
    const environment = ENVIRONMENTS[Math.floor(index / ACCOUNTS.length) % ENVIRONMENTS.length]!;
    const generation = Math.floor(index / (ACCOUNTS.length * ENVIRONMENTS.length));
    const name = `${account}-${environment}${generation > 0 ? `-${generation + 1}` : ''}`;
    const remaining = targetResources - result.resourceBlocks;
    const budget = Math.min(random.int(200, 500), Math.max(remaining, 80));
    const root = generateRoot(
      {
        name,
        octet: index % 256,
        region: random.pick(REGIONS),
        azCount: random.chance(0.6) ? 3 : 2,
        resourceBudget: budget,
        modulesPath: '../../modules',
        // Every fourth root, starting with the first, so even the smallest workspace has findings.
        plantMistakes: index % 4 === 0,
      },
      random,
    );
    for (const [file, text] of root.files) write(path.join('envs', name, file), text);
    result.roots++;
    result.resourceBlocks += root.resourceBlocks;
    result.resourceInstances += root.resourceInstances;
    result.plantedMistakes += root.plantedMistakes.length;
  }
  return result;
}

const ENDPOINTS_MODULE: Array<[string, string]> = [
  [
    'variables.tf',
    ['name', 'region', 'vpc_id', 'vpc_cidr']
      .map((v) => `variable "${v}" {\n  type = string\n}\n`)
      .concat(['subnet_ids', 'route_table_ids', 'interface_services'].map((v) => `variable "${v}" {\n  type = list(string)\n}\n`))
      .join('\n'),
  ],
  [
    'main.tf',
    `resource "aws_vpc_endpoint" "s3" {
  vpc_id            = var.vpc_id
  service_name      = "com.amazonaws.\${var.region}.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = var.route_table_ids
}

resource "aws_security_group" "endpoints" {
  name   = "\${var.name}-endpoints"
  vpc_id = var.vpc_id
}

resource "aws_vpc_security_group_ingress_rule" "endpoints_https" {
  security_group_id = aws_security_group.endpoints.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = var.vpc_cidr
}

resource "aws_vpc_endpoint" "interface" {
  for_each = toset(var.interface_services)

  vpc_id              = var.vpc_id
  service_name        = "com.amazonaws.\${var.region}.\${each.key}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = var.subnet_ids
  security_group_ids  = [aws_security_group.endpoints.id]
  private_dns_enabled = true
}
`,
  ],
  ['outputs.tf', 'output "s3_endpoint_id" {\n  value = aws_vpc_endpoint.s3.id\n}\n'],
];
