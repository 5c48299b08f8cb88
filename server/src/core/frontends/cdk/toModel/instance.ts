import { list, map, ref, unknown, type Value } from '../../../values/value';
import { type Construct, isAbsentV, partConstruct, prop, type Slot, slot } from '../eval/values';
import { selectSubnets, type VpcInfos } from './selection';
import { addImplicitGroup } from './groupProps';
import type { ResourceSink } from './sink';
import { toValue } from './values';

/**
 * `new ec2.Instance(...)`, as aws-cdk-lib synthesizes it: in the first subnet of `vpcSubnets` (default CDK's
 * selection: private, else isolated, else public), the first in `availabilityZone` when that is given; with
 * `securityGroup`, or the group CDK makes for it (`InstanceSecurityGroup`, allow-all egress unless
 * `allowAllOutbound: false`). With `associatePublicIpAddress` the subnet and group go on the primary network
 * interface, as CDK writes them. Returns the group, where `instance.connections` rules go.
 */
export function expandInstance(c: Construct, infos: VpcInfos, sink: ResourceSink): string | undefined {
  const given = prop(c.props, 'securityGroup');
  const group: Value =
    given === undefined || isAbsentV(given) ? ref(addImplicitGroup(c, 'InstanceSecurityGroup', sink), 'Ref', c.idSpan) : toValue(given);
  const subnet = instanceSubnet(c, infos);
  const props = new Map<string, Value>();
  const publicIp = prop(c.props, 'associatePublicIpAddress');
  if (publicIp && !isAbsentV(publicIp)) {
    const primary = new Map<string, Value>([
      ['DeviceIndex', { k: 'string', v: '0', origin: c.idSpan }],
      ['AssociatePublicIpAddress', toValue(publicIp)],
      ['SubnetId', subnet],
      ['GroupSet', list([group])],
    ]);
    props.set('NetworkInterfaces', list([map(primary, c.idSpan)]));
  } else {
    props.set('SubnetId', subnet);
    props.set('SecurityGroupIds', list([group]));
  }
  const privateIp = prop(c.props, 'privateIpAddress');
  if (privateIp && !isAbsentV(privateIp)) props.set('PrivateIpAddress', toValue(privateIp));
  sink.add(c, 'AWS::EC2::Instance', props);
  return group.k === 'ref' ? group.target : undefined;
}

function instanceSubnet(c: Construct, infos: VpcInfos): Value {
  const selection = slot(c.props, 'vpcSubnets');
  const at = selection?.span ?? c.idSpan;
  const explicit = selection?.value.t === 'obj' ? prop(selection.value, 'subnets') : undefined;
  const first = explicit?.t === 'list' ? explicit.items[0] : undefined;
  if (first?.t === 'construct') return ref(first.c.elementId, 'Ref', at);
  if (first?.t === 'libval' && first.kind === 'importedSubnet') return toValue(first);
  const chosen = selectSubnets(prop(c.props, 'vpc'), selection?.value, infos);
  if (!chosen) return unknown('the selected subnets are not known here', at);
  const az = prop(c.props, 'availabilityZone');
  const inAz = az?.t === 'prim' && typeof az.v === 'string' ? chosen.filter((s) => s.az === az.v) : chosen;
  const picked = inAz[0];
  return picked ? ref(picked.elementId, 'Ref', at) : unknown('no subnet is selected', at);
}

/**
 * `new ec2.BastionHostLinux(...)`: an `ec2.Instance` at `<bastion>/Resource` in `subnetSelection` (default CDK's
 * selection), with `securityGroup` or the group CDK makes for the instance. Returns that group.
 */
export function expandBastion(c: Construct, infos: VpcInfos, sink: ResourceSink): string | undefined {
  const props = new Map<string, Slot>();
  for (const name of ['vpc', 'securityGroup', 'availabilityZone'] as const) {
    const s = slot(c.props, name);
    if (s) props.set(name, s);
  }
  const selection = slot(c.props, 'subnetSelection');
  if (selection) props.set('vpcSubnets', selection);
  return expandInstance(partConstruct(c, 'ec2.Instance', 'Resource', { t: 'obj', props }), infos, sink);
}
