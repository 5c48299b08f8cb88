import { list, map, str, type Value } from '../../../values/value';
import { type Construct, isAbsentV, prim, prop, type Slot, slot, type V } from '../eval/values';
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
  const allOutValue = allOut && !isAbsentV(allOut.value) ? allOut.value : prim(true);
  if (allOutValue.t === 'prim' && allOutValue.v === true) {
    egress.push(map(new Map<string, Value>([['IpProtocol', str('-1', allOutSpan)], ['CidrIp', str('0.0.0.0/0', allOutSpan)]]), allOutSpan));
  }
  if (allOut6?.t === 'prim' && allOut6.v === true) {
    egress.push(map(new Map<string, Value>([['IpProtocol', str('-1', allOut6.at)], ['CidrIpv6', str('::/0', allOut6.at)]]), allOut6.at));
  }
  if (egress.length > 0) props.set('SecurityGroupEgress', list(egress));
  return props;
}
