import type { Span } from '../../../text/span';
import { list, map, ref, str, type Value } from '../../../values/value';
import { type Construct, isAbsentV, prop, type Slot, slot, type V } from '../eval/values';
import type { ResourceSink } from './sink';
import { refTo, toValue } from './values';

/**
 * The group CDK makes for a construct given none (`ec2.Instance`'s `InstanceSecurityGroup`, an interface
 * endpoint's `SecurityGroup`, a NAT instance provider's `NatSecurityGroup`): a part of the construct, allow-all
 * egress unless `allowAllOutbound` (default the construct's prop) is false. Returns its element id.
 */
export function addImplicitGroup(c: Construct, part: string, sink: ResourceSink, allowAllOutbound: Slot | undefined = slot(c.props, 'allowAllOutbound'), vpc: V | undefined = prop(c.props, 'vpc')): string {
  const props = groupProps(c, vpc, allowAllOutbound, undefined);
  props.set('GroupDescription', str(`${c.path}/${part}`, c.idSpan));
  return sink.add(c, 'AWS::EC2::SecurityGroup', props, { part, nativeType: 'ec2.SecurityGroup' });
}

export function groupProps(c: Construct, vpc: V | undefined, allOut: Slot | undefined, allOut6: V | undefined): Map<string, Value> {
  const props = new Map<string, Value>();
  if (vpc) props.set('VpcId', vpc.t === 'construct' ? refTo(vpc.c, 'Ref', vpc.c.span) : toValue(vpc));
  const egress: Value[] = [];
  const allOutSpan = (allOut?.value.t === 'prim' ? allOut.value.at : undefined) ?? c.idSpan;
  if (allowAllOutboundOf(allOut?.value) === true) {
    egress.push(map(new Map<string, Value>([['IpProtocol', str('-1', allOutSpan)], ['CidrIp', str('0.0.0.0/0', allOutSpan)]]), allOutSpan));
  }
  if (allOut6?.t === 'prim' && allOut6.v === true) {
    egress.push(map(new Map<string, Value>([['IpProtocol', str('-1', allOut6.at)], ['CidrIpv6', str('::/0', allOut6.at)]]), allOut6.at));
  }
  if (egress.length > 0) props.set('SecurityGroupEgress', list(egress));
  return props;
}

/** `allowAllOutbound` as CDK reads it: absent is true; undefined when written but not known here. */
export function allowAllOutboundOf(v: V | undefined): boolean | undefined {
  if (v === undefined || isAbsentV(v)) return true;
  return v.t === 'prim' && typeof v.v === 'boolean' ? v.v : undefined;
}

/**
 * An ingress rule CDK adds to a group by itself (a listener or an endpoint that is `open`, a NAT instance
 * provider's inbound traffic): `protocol` on `port` (all ports when absent) from `peer`, a `CidrIp` or
 * `CidrIpv6` value. Part of `owner`, at `at`.
 */
export function addCdkIngress(
  sink: ResourceSink,
  owner: Construct,
  rule: { readonly group: string; readonly protocol: string; readonly port?: Value; readonly peer: readonly [string, Value]; readonly at: Span; readonly part: string; readonly nativeType: string },
): void {
  const props = new Map<string, Value>([['GroupId', ref(rule.group, 'Ref', rule.at)], ['IpProtocol', str(rule.protocol, rule.at)]]);
  if (rule.port) {
    props.set('FromPort', rule.port);
    props.set('ToPort', rule.port);
  }
  props.set(rule.peer[0], rule.peer[1]);
  sink.add(owner, 'AWS::EC2::SecurityGroupIngress', props, { part: rule.part, span: rule.at, nameSpan: rule.at, nativeType: rule.nativeType });
}
