import { type AwsCidrMath, awsCidrMath, formatCount, parseCidr } from '../cidr';
import type { NetworkFacts, RouteTableChoice } from '../model/facts';
import { type Field, valueOf } from '../model/field';
import type { ModelView } from '../model/network';
import type { CidrBlock, ElementBase, LoadBalancer, NetworkElement, Route, Subnet, VpcEndpoint } from '../model/types';

/** What people call an element: its `Name` tag, else its address as written. */
export function nameOf(e: ElementBase): string {
  return e.displayName ?? e.address;
}

type MathResult = { readonly ok: true; readonly math: AwsCidrMath } | { readonly ok: false; readonly message: string };

/**
 * The graph is rebuilt after every edit and each subnet's block is used for its label and its tooltip:
 * the math of a block text is kept (bounded: dropped wholesale when it grows past any real network).
 */
const mathCache = new Map<string, MathResult>();
const MATH_CACHE_LIMIT = 20_000;

function mathOf(cidr: string): MathResult {
  let m = mathCache.get(cidr);
  if (!m) {
    const parsed = parseCidr(cidr);
    m = parsed.ok ? { ok: true, math: awsCidrMath(parsed.cidr) } : { ok: false, message: parsed.message };
    if (mathCache.size >= MATH_CACHE_LIMIT) mathCache.clear();
    mathCache.set(cidr, m);
  }
  return m;
}

/** `10.0.0.0/24 · 251 usable`, or the block alone when it does not parse (the CIDR rules report why). */
export function cidrSummary(cidr: string): string {
  const m = mathOf(cidr);
  return m.ok ? `${cidr} · ${formatCount(m.math.usable)} usable` : cidr;
}

/** Tooltip lines of a block: range, total and usable addresses. */
export function cidrDetails(cidr: string, what: string): string[] {
  const r = mathOf(cidr);
  if (!r.ok) return [`${what} ${cidr}: ${r.message}`];
  const m = r.math;
  const lines = [`${what} ${cidr}: ${m.first} - ${m.last}, ${formatCount(m.total)} addresses, ${formatCount(m.usable)} usable (AWS reserves 5)`];
  if (m.cidr.hostBitsSet) lines.push(`host bits set: the network is ${m.cidr.canonical}`);
  return lines;
}

/** One block as shown on a VPC: its value, the IPAM size, or why it is not known. */
export function blockText(b: CidrBlock): string {
  const v = valueOf(b.cidr);
  if (v !== undefined) return v;
  if (b.amazonProvided) return 'Amazon IPv6 block';
  const ipam = valueOf(b.ipamNetmaskLength);
  if (ipam !== undefined) return `/${ipam} from IPAM`;
  return b.ipv6 ? 'IPv6 block unknown' : 'CIDR unknown';
}

/** An unknown value in the details: "unknown", with the reason the front-end gave when there is one. */
export function unknownText(f: Field<unknown>): string {
  return !f.known && f.why ? `unknown (${f.why})` : 'unknown';
}

export function fieldText(f: Field<unknown> | undefined, unknown = 'unknown'): string {
  if (!f) return 'not set';
  return f.known ? String(f.value) : unknown;
}

/** `com.amazonaws.eu-west-1.s3` -> `s3`; other service names (PrivateLink services) as written. */
export function serviceShortName(serviceName: string): string {
  const m = /^com\.amazonaws\.(?:vpce\.)?[a-z]{2}(?:-[a-z]+)+-\d+\.(.+)$/.exec(serviceName);
  return m ? m[1]! : serviceName;
}

export function endpointLabelLine(e: VpcEndpoint): string {
  const service = valueOf(e.serviceName);
  const type = valueOf(e.endpointType) ?? 'type unknown';
  return `${service === undefined ? 'service unknown' : serviceShortName(service)} (${type})`;
}

const LB_TYPES: Record<string, string> = { application: 'ALB', network: 'NLB', gateway: 'GWLB', classic: 'CLB' };

export function loadBalancerLabelLine(lb: LoadBalancer): string {
  const type = valueOf(lb.lbType);
  const internal = valueOf(lb.internal);
  const scheme = internal === undefined ? '' : internal ? 'internal ' : 'internet-facing ';
  return `${scheme}${type === undefined ? 'load balancer' : (LB_TYPES[type] ?? type)}`;
}

/** `0.0.0.0/0`, `::/0`, a prefix list, or `?`. */
export function destinationText(r: Route): string {
  return valueOf(r.destination) ?? valueOf(r.destinationIpv6) ?? valueOf(r.destinationPrefixList) ?? '?';
}

/** `0.0.0.0/0 -> prod-nat-eu-west-1a` for a route table's tooltip. */
export function routeLine(model: ModelView, r: Route): string {
  const t = r.target;
  if (!t) return `${destinationText(r)} -> (no target)`;
  if (t.kind === 'local') return `${destinationText(r)} -> local`;
  const target = t.ref.known ? model.get(t.ref.value) : undefined;
  return `${destinationText(r)} -> ${target ? nameOf(target) : `${t.kind} (unresolved)`}`;
}

export function routeTableLine(choice: RouteTableChoice): string {
  switch (choice.how) {
    case 'explicit':
      return `route table: ${nameOf(choice.table)} (explicit association)`;
    case 'main':
      return `route table: ${nameOf(choice.table)} (the VPC's main table)`;
    case 'implicit-main':
      return "route table: the VPC's implicit main table (local route only)";
    case 'unknown':
      return 'route table: unknown';
  }
}

/** The subnet's tooltip: address, CIDR math, why public or private, route table and NACL. */
export function subnetDetails(s: Subnet, facts: NetworkFacts, nacl: NetworkElement | undefined): string[] {
  const lines = [s.address];
  const cidr = valueOf(s.cidr);
  if (cidr !== undefined) lines.push(...cidrDetails(cidr, 'IPv4'));
  else if (s.cidr) lines.push(`IPv4 block: ${unknownText(s.cidr)}`);
  const v6 = valueOf(s.ipv6Cidr);
  if (v6 !== undefined) lines.push(`IPv6 ${v6}`);
  const az = valueOf(s.availabilityZone) ?? valueOf(s.availabilityZoneId);
  lines.push(`AZ: ${az ?? 'unknown'}`);
  lines.push(facts.publicness(s).reason);
  lines.push(routeTableLine(facts.routeTableOf(s)));
  if (nacl) lines.push(`network ACL: ${nameOf(nacl)}`);
  if (valueOf(s.mapPublicIpOnLaunch)) lines.push('assigns public IPv4 addresses on launch');
  return lines;
}
