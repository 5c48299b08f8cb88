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
  /** One sentence on why the rule matters (the short form of the docs page's "Why"), for explanations. */
  readonly rationale?: string;
}

/** Kept beside the entries so a new rule's reason is written with it; a unit test checks none is missing. */
const RATIONALE: Readonly<Record<string, string>> = {
  'cidr-syntax': 'AWS rejects a malformed CIDR block when you apply, after a plan that looked fine.',
  'cidr-host-bits': 'The prefix discards the host bits, so the block deployed is not the value written (and the provider may reject it or show a change on every plan).',
  'vpc-cidr-size': 'AWS only accepts VPC IPv4 blocks from /16 to /28 and rejects the VPC or the association at apply time.',
  'subnet-cidr-size': 'AWS only accepts subnet IPv4 blocks from /16 to /28 and rejects the subnet at apply time.',
  'vpc-cidr-range': 'A publicly routable block shadows the real internet addresses it covers: traffic to them stays inside the VPC.',
  'vpc-secondary-cidr': 'AWS rejects a secondary block that overlaps the VPC or comes from a range restricted for its primary block.',
  'vpc-cidr-limit': 'The default quota is 5 IPv4 blocks per VPC; the next association fails at apply time unless the quota was raised.',
  'subnet-outside-vpc': 'A subnet must lie inside a block of its VPC; AWS rejects it (InvalidSubnet.Range) at apply time.',
  'subnet-overlap': 'Subnets of one VPC cannot share addresses; AWS rejects the second one (InvalidSubnet.Conflict).',
  'subnet-public-oversized': 'Public subnets need few addresses; a large one takes address space the private tier will miss later.',
  'route-duplicate': 'A route table holds one route per destination; AWS rejects the second one (RouteAlreadyExists).',
  'route-cross-vpc': 'A route can only target something in, or attached to, its own VPC; AWS rejects the route at apply time.',
  'igw-multiple': 'A VPC can have only one internet gateway attached; the second attachment fails at apply time.',
  'nat-private-subnet': 'A public NAT gateway reaches the internet through its own subnet, which needs a default route to an internet gateway; otherwise every subnet behind it loses egress.',
  'nat-missing-eip': 'AWS requires an Elastic IP for a public NAT gateway; creating one without it fails.',
  'nat-cross-az': 'A NAT gateway lives in one AZ: if that AZ fails, every subnet routing through it loses egress, and cross-AZ traffic is billed.',
  'subnet-implicit-route-table': 'The main route table is shared by every unassociated subnet, so one change to it silently changes the routing of all of them.',
  'public-ip-private-subnet': 'A public IP only works with a route to an internet gateway; without one it is unreachable yet billed.',
  'peering-cidr-overlap': 'AWS cannot peer VPCs whose CIDR blocks overlap, even if only a secondary block does.',
  'peering-transitive-route': 'Peering is not transitive and gives no edge-to-edge routing: traffic must start or end in the peer VPC, anything else is silently dropped.',
  'peering-missing-route': 'Peered traffic needs a route on both sides; without the return route, replies are lost and connections time out.',
  'tgw-attachment-az': 'A transit gateway reaches a VPC only through the AZs its attachment has a subnet in; resources in other AZs are cut off.',
  'endpoint-gateway-service': 'Gateway endpoints exist only for S3 and DynamoDB; AWS rejects any other service.',
  'endpoint-gateway-no-route-table': 'A gateway endpoint works only through the routes AWS adds to its route tables; without one, no traffic uses it.',
  'endpoint-private-dns': 'Private DNS needs the VPC to enable both DNS support and DNS hostnames; AWS rejects the endpoint otherwise.',
  'endpoint-interface-single-az': 'With the endpoint in one AZ, an outage of that AZ cuts every other AZ off the service, and cross-AZ traffic is billed.',
  'sg-world-admin-port': 'SSH and RDP open to the whole internet are scanned and brute-forced within minutes.',
  'sg-world-all-traffic': 'Every service on the instances, including the ones nobody meant to expose, becomes reachable from the internet.',
  'sg-port-range': 'AWS rejects reversed or out-of-range ports, and ports on an all-protocols rule read as a restriction that does not exist.',
  'sg-cross-vpc-reference': 'A security group can only be referenced from its own VPC or a peered VPC; AWS rejects the rule otherwise.',
  'nacl-rule-number': 'Rule numbers must be unique per direction and within 1..32766; AWS rejects the entry otherwise.',
  'nacl-shadowed-rule': 'NACLs stop at the first matching entry, so this entry never takes effect; a deny behind a broader allow lets through what it was meant to block.',
  'nacl-ephemeral-return': 'NACLs are stateless: without an entry for the replies on ports 1024-65535, connections are accepted and then hang.',
  'nacl-world-admin-port': 'An explicit NACL allow for SSH or RDP from everywhere leaves a single security group mistake between the internet and the instances.',
  'lb-single-az': 'AWS requires an Application Load Balancer to span at least two AZs, which is also what lets it survive the loss of one.',
  'lb-internet-facing-private': 'An internet-facing load balancer node in a subnet without an internet route is unreachable, so clients sent to that AZ time out.',
  'lb-https-certificate': 'A listener that terminates TLS needs a server certificate; AWS rejects an HTTPS or TLS listener without one.',
  'lb-deregistration-delay': 'AWS accepts a deregistration delay of 0 to 3600 seconds only and rejects anything else.',
  'lb-http-listener': 'Plain HTTP from the internet is unencrypted; the usual setup serves HTTPS and only redirects port 80 to it.',
  'vpc-flow-logs': 'Without flow logs there is no record of the traffic a VPC accepted or rejected, for troubleshooting or incident response.',
  'eip-unassociated': 'AWS bills every public IPv4 address, and an Elastic IP attached to nothing is pure cost (or a mistake elsewhere).',
};

function entry(id: string, category: RuleCategory, severity: Severity, title: string, implemented = false): CatalogEntry {
  const rationale = RATIONALE[id];
  return rationale === undefined ? { id, category, severity, title, implemented } : { id, category, severity, title, implemented, rationale };
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
