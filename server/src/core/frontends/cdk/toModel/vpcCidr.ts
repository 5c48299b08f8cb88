import type { Span } from '../../../text/span';
import { str, unknown, type Value } from '../../../values/value';
import { type Construct, prop, slot, type V } from '../eval/values';
import { DEFAULT_CIDR } from '../vpcLayout';

/** The VPC's CIDR value as written (`ipAddresses: ec2.IpAddresses.cidr(...)` or legacy `cidr`) and its span. */
export function vpcCidrOf(c: Construct): { value: V | undefined; span: Span | undefined } {
  const ip = prop(c.props, 'ipAddresses');
  if (ip?.t === 'libval' && ip.kind === 'ipAddresses') return { value: ip.data['cidr'], span: ip.at };
  if (ip) return { value: { t: 'unknown', why: 'the IP address allocation is not known here', ...(ip.t !== 'construct' && ip.t !== 'class' && ip.t !== 'fn' && ip.at ? { at: ip.at } : {}) }, span: undefined };
  const legacy = slot(c.props, 'cidr');
  return { value: legacy?.value, span: legacy?.value.t === 'prim' ? legacy.value.at : undefined };
}

/**
 * `vpc.vpcCidrBlock` of an L2 Vpc, read where the app reads it (`destinationCidrBlock: peer.vpcCidrBlock`,
 * `ec2.AclCidr.ipv4(vpc.vpcCidrBlock)`): the block the Vpc was given, CDK's default when none was.
 */
export function vpcCidrValue(vpc: Construct, at: Span): Value {
  const v = vpcCidrOf(vpc).value;
  if (v === undefined || (v.t === 'prim' && v.v === undefined)) return str(DEFAULT_CIDR, at);
  if (v.t === 'prim' && typeof v.v === 'string') return str(v.v, at);
  return unknown(v.t === 'unknown' && v.why ? `the VPC CIDR is not known: ${v.why}` : 'the VPC CIDR is not known here', at);
}
