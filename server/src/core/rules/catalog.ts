import type { Finding, Rule, RuleCategory, RuleContext, Severity } from './types';

/**
 * The whole rule catalog of docs/spec rules.md: every id, implemented or not, so `vpc-lens rules`, settings
 * validation and docs can list all of them. Rules take their title and severity from here (`defineRule`), so
 * the two cannot drift. `implemented` is kept in step with the registry by a unit test.
 */
export interface CatalogEntry {
  readonly id: string;
  readonly category: RuleCategory;
  readonly severity: Severity;
  readonly title: string;
  readonly implemented: boolean;
}

function entry(id: string, category: RuleCategory, severity: Severity, title: string, implemented = false): CatalogEntry {
  return { id, category, severity, title, implemented };
}

export const RULE_CATALOG: readonly CatalogEntry[] = [
  // Addressing
  entry('cidr-syntax', 'addressing', 'error', 'Invalid CIDR block', true),
  entry('cidr-host-bits', 'addressing', 'warning', 'CIDR block has host bits set', true),
  entry('vpc-cidr-size', 'addressing', 'error', 'VPC block size not allowed by AWS', true),
  entry('subnet-cidr-size', 'addressing', 'error', 'Subnet block size not allowed by AWS', true),
  entry('vpc-cidr-range', 'addressing', 'warning', 'VPC block outside the recommended private ranges', true),
  entry('vpc-secondary-cidr', 'addressing', 'error', 'Secondary VPC block overlaps or is restricted', true),
  entry('vpc-cidr-limit', 'addressing', 'warning', 'VPC has more IPv4 blocks than the default quota', true),
  entry('subnet-outside-vpc', 'addressing', 'error', 'Subnet block outside its VPC', true),
  entry('subnet-overlap', 'addressing', 'error', 'Subnets of one VPC overlap', true),
  entry('subnet-public-oversized', 'addressing', 'info', 'Public subnet larger than every private subnet', true),
  // Routing and gateways
  entry('route-duplicate', 'routing', 'error', 'Duplicate route destination in a route table', true),
  entry('route-cross-vpc', 'routing', 'error', 'Route targets a resource of another VPC', true),
  entry('igw-multiple', 'routing', 'error', 'More than one internet gateway on a VPC', true),
  entry('nat-private-subnet', 'routing', 'error', 'Public NAT gateway in a private subnet', true),
  entry('nat-missing-eip', 'routing', 'error', 'Public NAT gateway without an Elastic IP', true),
  entry('nat-cross-az', 'routing', 'warning', 'Private subnet uses a NAT gateway in another AZ', true),
  entry('subnet-implicit-route-table', 'routing', 'info', 'Subnet silently uses the main route table', true),
  entry('public-ip-private-subnet', 'routing', 'warning', 'Public IPs in a subnet without an internet route', true),
  // Peering, transit and hybrid
  entry('peering-cidr-overlap', 'peering', 'error', 'Peered VPCs have overlapping blocks', true),
  entry('peering-transitive-route', 'peering', 'error', 'Route relies on transitive or edge-to-edge peering', true),
  entry('peering-missing-route', 'peering', 'warning', 'Peering connection routed on one side only', true),
  entry('tgw-attachment-az', 'peering', 'warning', 'Transit gateway attachment misses an AZ of the VPC', true),
  // VPC endpoints
  entry('endpoint-gateway-service', 'endpoints', 'error', 'Gateway endpoint for a service other than S3 or DynamoDB', true),
  entry('endpoint-gateway-no-route-table', 'endpoints', 'warning', 'Gateway endpoint without route tables', true),
  entry('endpoint-private-dns', 'endpoints', 'error', 'Private DNS endpoint in a VPC without DNS support or hostnames', true),
  entry('endpoint-interface-single-az', 'endpoints', 'warning', 'Interface endpoint in one AZ only', true),
  // Security groups and network ACLs
  entry('sg-world-admin-port', 'security', 'warning', 'SSH or RDP open to the world', true),
  entry('sg-world-all-traffic', 'security', 'warning', 'All traffic open to the world', true),
  entry('sg-port-range', 'security', 'error', 'Invalid security group port range', true),
  entry('sg-cross-vpc-reference', 'security', 'error', 'Security group rule references a group of an unpeered VPC', true),
  entry('nacl-rule-number', 'security', 'error', 'Duplicate or out-of-range NACL rule number', true),
  entry('nacl-shadowed-rule', 'security', 'warning', 'NACL entry can never match', true),
  entry('nacl-ephemeral-return', 'security', 'warning', 'NACL blocks return traffic on ephemeral ports', true),
  entry('nacl-world-admin-port', 'security', 'warning', 'NACL allows SSH or RDP from the world', true),
  // Load balancers
  entry('lb-single-az', 'load-balancing', 'error', 'Application Load Balancer in fewer than two AZs', true),
  entry('lb-internet-facing-private', 'load-balancing', 'error', 'Internet-facing load balancer in a private subnet', true),
  entry('lb-https-certificate', 'load-balancing', 'error', 'HTTPS/TLS listener without a certificate', true),
  entry('lb-deregistration-delay', 'load-balancing', 'error', 'Deregistration delay outside 0..3600 seconds', true),
  entry('lb-http-listener', 'load-balancing', 'info', 'Internet-facing HTTP listener without HTTPS', true),
  // Observability and cost
  entry('vpc-flow-logs', 'observability', 'info', 'VPC without flow logs', true),
  entry('eip-unassociated', 'observability', 'info', 'Elastic IP attached to nothing', true),
];

/**
 * Codes of diagnostics that are not rule findings (front-end problems). Settings may set their severity or
 * turn them off like rules, so configuration accepts them too.
 */
export const PROBLEM_CODES: readonly string[] = ['parse-error', 'evaluation'];

const BY_ID = new Map(RULE_CATALOG.map((e) => [e.id, e]));

export function catalogEntry(id: string): CatalogEntry | undefined {
  return BY_ID.get(id);
}

export function isRuleId(id: string): boolean {
  return BY_ID.has(id);
}

/**
 * A rule whose id, category, title and default severity come from the catalog. An id missing from the
 * catalog is a programming error caught by the registry's unit test, so it fails loudly at load time.
 */
export function defineRule(id: string, check: (ctx: RuleContext) => Iterable<Finding>): Rule {
  const e = BY_ID.get(id);
  if (!e) throw new Error(`Rule id "${id}" is not in the rule catalog`);
  return { id, category: e.category, defaultSeverity: e.severity, title: e.title, check };
}
