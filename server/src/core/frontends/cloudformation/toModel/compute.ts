import { known, unknownField, type Field } from '../../../model/field';
import { orDefault, orMissing } from '../../../model/fields';
import type {
  ElementId,
  FlowLog,
  Instance,
  Listener,
  ListenerAction,
  LoadBalancer,
  NetworkInterface,
  TargetGroup,
} from '../../../model/types';
import type { CfnResource } from '../eval/evaluated';
import { baseOf, opt, Props, type MapContext } from './context';

const LB_TYPES = ['application', 'network', 'gateway'] as const;

/** `AWS::ElasticLoadBalancingV2::LoadBalancer` (Type defaults to application) and the classic ELB. */
export function mapLoadBalancer(r: CfnResource, ctx: MapContext): LoadBalancer {
  const p = Props.of(r, ctx);
  const classic = r.type === 'AWS::ElasticLoadBalancing::LoadBalancer';
  const scheme = p.str('Scheme');
  const internal: Field<boolean> | undefined = scheme && (scheme.known ? { ...scheme, value: scheme.value.toLowerCase() === 'internal' } : scheme);
  const mapped: Field<ElementId>[] = p.objs('SubnetMappings').map((m) => orMissing(m.props.id('SubnetId'), m.span, 'SubnetId'));
  return {
    ...baseOf(r, 'lb'),
    lbType: classic ? known('classic', r.nameSpan) : orDefault(p.oneOf('Type', LB_TYPES), 'application', r.nameSpan),
    // Scheme defaults to internet-facing.
    internal: orDefault(internal, false, r.nameSpan),
    subnets: [...p.ids('Subnets'), ...mapped],
    securityGroups: p.ids('SecurityGroups'),
  };
}

/** `AWS::ElasticLoadBalancingV2::Listener`. */
export function mapListener(r: CfnResource, ctx: MapContext): Listener {
  const p = Props.of(r, ctx);
  const defaultActions: ListenerAction[] = p.objs('DefaultActions').map(({ props: a, span }) => {
    const forward = a.obj('ForwardConfig')?.objs('TargetGroups')[0]?.props.id('TargetGroupArn');
    return {
      type: orMissing(a.str('Type'), span, 'Type'),
      ...opt('redirectProtocol', a.obj('RedirectConfig')?.upper('Protocol')),
      ...opt('targetGroup', a.id('TargetGroupArn') ?? forward),
    };
  });
  return {
    ...baseOf(r, 'listener'),
    loadBalancer: orMissing(p.id('LoadBalancerArn'), r.nameSpan, 'LoadBalancerArn'),
    ...opt('protocol', p.upper('Protocol')),
    ...opt('port', p.num('Port')),
    ...opt('certificate', defaultCertificate(p)),
    defaultActions,
  };
}

/**
 * The listener's default certificate. `Certificates` written but unreadable (an `Fn::If` on a condition we
 * cannot decide) gives an unknown field, not an absent one: rules must not read it as "no certificate".
 */
function defaultCertificate(p: Props): Field<string> | undefined {
  const first = p.objs('Certificates')[0];
  if (first) return first.props.str('CertificateArn');
  const written = p.get('Certificates');
  if (written === undefined || written.k === 'null') return undefined;
  if (written.k === 'list' && written.items.every((item) => item.k === 'map' || item.k === 'null')) return undefined;
  return unknownField(p.span('Certificates'), 'Certificates could not be resolved');
}

const DEREGISTRATION_DELAY = 'deregistration_delay.timeout_seconds';

/** `AWS::ElasticLoadBalancingV2::TargetGroup`; the delay is one of `TargetGroupAttributes`. */
export function mapTargetGroup(r: CfnResource, ctx: MapContext): TargetGroup {
  const p = Props.of(r, ctx);
  const delay = p.objs('TargetGroupAttributes').find((a) => {
    const key = a.props.str('Key');
    return key?.known && key.value === DEREGISTRATION_DELAY;
  });
  return {
    ...baseOf(r, 'target-group'),
    ...opt('vpc', p.id('VpcId')),
    ...opt('protocol', p.upper('Protocol')),
    ...opt('port', p.num('Port')),
    ...opt('targetType', p.str('TargetType')),
    ...opt('deregistrationDelay', delay?.props.num('Value')),
  };
}

/** `AWS::EC2::Instance`: subnet and groups directly, or through its primary network interface (device 0). */
export function mapInstance(r: CfnResource, ctx: MapContext): Instance {
  const p = Props.of(r, ctx);
  const interfaces = p.objs('NetworkInterfaces');
  const primary = interfaces.find((i) => {
    const d = i.props.num('DeviceIndex');
    return d?.known && d.value === 0;
  })?.props ?? interfaces[0]?.props;
  return {
    ...baseOf(r, 'instance'),
    ...opt('subnet', p.id('SubnetId') ?? primary?.id('SubnetId')),
    securityGroups: [...p.ids('SecurityGroupIds'), ...p.ids('SecurityGroups'), ...(primary?.ids('GroupSet') ?? [])],
    ...opt('associatePublicIp', primary?.bool('AssociatePublicIpAddress')),
    ...opt('privateIp', p.str('PrivateIpAddress') ?? primary?.str('PrivateIpAddress')),
  };
}

export function mapNetworkInterface(r: CfnResource, ctx: MapContext): NetworkInterface {
  const p = Props.of(r, ctx);
  const single = p.str('PrivateIpAddress');
  const listed = p.objs('PrivateIpAddresses').flatMap((a) => a.props.str('PrivateIpAddress') ?? []);
  return {
    ...baseOf(r, 'eni'),
    subnet: orMissing(p.id('SubnetId'), r.nameSpan, 'SubnetId'),
    securityGroups: p.ids('GroupSet'),
    privateIps: [...(single ? [single] : []), ...listed],
  };
}

/** `AWS::EC2::FlowLog`: `ResourceId` with `ResourceType` (VPC, Subnet, NetworkInterface, TransitGateway...). */
export function mapFlowLog(r: CfnResource, ctx: MapContext): FlowLog {
  const p = Props.of(r, ctx);
  return {
    ...baseOf(r, 'flow-log'),
    resource: orMissing(p.id('ResourceId'), r.nameSpan, 'ResourceId'),
    ...opt('trafficType', p.upper('TrafficType')),
  };
}
