import { list, map, str, type Value } from '../../../values/value';
import { type Construct, isAbsentV, prop } from '../eval/values';
import type { ResourceSink } from './sink';
import { toValue } from './values';

/** CDK's `defaultProtocolForPort` for application target groups (as for listeners). */
const HTTPS_PORTS = new Set([443, 8443]);

/**
 * `new elbv2.ApplicationTargetGroup / NetworkTargetGroup(...)` and the group `listener.addTargets(...)` makes:
 * VPC, port, protocol (an application group's follows from its port, as in CDK), target type, and the
 * deregistration delay as CDK writes it (a target group attribute).
 */
export function expandTargetGroup(c: Construct, sink: ResourceSink): void {
  const p = c.props;
  const props = new Map<string, Value>();
  const vpc = prop(p, 'vpc');
  if (vpc && !isAbsentV(vpc)) props.set('VpcId', toValue(vpc));
  const port = prop(p, 'port');
  if (port && !isAbsentV(port)) props.set('Port', toValue(port));
  const protocol = prop(p, 'protocol');
  if (protocol && !isAbsentV(protocol)) props.set('Protocol', toValue(protocol));
  else if (c.type === 'elbv2.ApplicationTargetGroup' && port?.t === 'prim' && typeof port.v === 'number') {
    props.set('Protocol', str(HTTPS_PORTS.has(port.v) ? 'HTTPS' : 'HTTP', port.at ?? c.idSpan));
  }
  const targetType = prop(p, 'targetType');
  if (targetType && !isAbsentV(targetType)) props.set('TargetType', toValue(targetType));
  const delay = prop(p, 'deregistrationDelay');
  const seconds = delay?.t === 'libval' && delay.kind === 'duration' ? delay.data['seconds'] : undefined;
  if (seconds?.t === 'prim' && typeof seconds.v === 'number') {
    const at = seconds.at ?? c.idSpan;
    const attribute = map(new Map<string, Value>([['Key', str('deregistration_delay.timeout_seconds', at)], ['Value', str(String(seconds.v), at)]]), at);
    props.set('TargetGroupAttributes', list([attribute], at));
  }
  sink.add(c, 'AWS::ElasticLoadBalancingV2::TargetGroup', props);
}
