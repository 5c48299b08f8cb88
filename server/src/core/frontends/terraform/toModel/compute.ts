import { known } from '../../../model/field';
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
import type { Field } from '../../../model/field';
import type { EvaluatedResource } from '../evaluated';
import { BodyView } from './body';
import { baseOf, type MapContext } from './context';
import { withFields } from '../../../model/withFields';

function view(r: EvaluatedResource, ctx: MapContext): BodyView {
  return new BodyView(r.body, r.nameSpan, ctx);
}

const LB_TYPES = ['application', 'network', 'gateway'] as const;

/** `aws_lb` / `aws_alb` (type defaults to application) and the classic `aws_elb`. */
export function mapLoadBalancer(r: EvaluatedResource, ctx: MapContext): LoadBalancer {
  const b = view(r, ctx);
  const classic = r.type === 'aws_elb';
  const mappedSubnets: Field<ElementId>[] = b.parts('subnet_mapping').map(
    (part) => part.body.id('subnet_id') ?? orMissing(undefined, part.span, 'subnet_id'),
  );
  const lbType: LoadBalancer['lbType'] = classic
    ? known('classic', r.nameSpan)
    : orDefault(b.oneOf('load_balancer_type', LB_TYPES), 'application', r.nameSpan);
  return withFields(baseOf(r, 'lb', ctx), {
    lbType,
    internal: orDefault(b.bool('internal'), false, r.nameSpan),
    subnets: [...b.ids('subnets'), ...mappedSubnets],
    securityGroups: b.ids('security_groups'),
  });
}

/** `aws_lb_listener` / `aws_alb_listener`. */
export function mapListener(r: EvaluatedResource, ctx: MapContext): Listener {
  const b = view(r, ctx);
  const defaultActions: ListenerAction[] = b.parts('default_action').map((part) => {
    const a = part.body;
    const redirect = a.parts('redirect')[0];
    // A forward to one group may be written as `target_group_arn` or as `forward { target_group { arn } }`.
    const forwardGroup = a.parts('forward')[0]?.body.parts('target_group')[0]?.body.id('arn');
    const targetGroup = a.id('target_group_arn') ?? forwardGroup;
    return withFields(
      { type: orMissing(a.str('type'), part.span, 'type') },
      { redirectProtocol: redirect?.body.upper('protocol'), targetGroup },
    );
  });
  return withFields(baseOf(r, 'listener', ctx), {
    loadBalancer: orMissing(b.id('load_balancer_arn'), r.nameSpan, 'load_balancer_arn'),
    protocol: b.upper('protocol'),
    port: b.num('port'),
    certificate: b.str('certificate_arn'),
    defaultActions,
  });
}

/** `aws_lb_target_group` / `aws_alb_target_group`. */
export function mapTargetGroup(r: EvaluatedResource, ctx: MapContext): TargetGroup {
  const b = view(r, ctx);
  return withFields(baseOf(r, 'target-group', ctx), {
    vpc: b.id('vpc_id'),
    protocol: b.upper('protocol'),
    port: b.num('port'),
    targetType: b.str('target_type'),
    deregistrationDelay: b.num('deregistration_delay'),
  });
}

export function mapInstance(r: EvaluatedResource, ctx: MapContext): Instance {
  const b = view(r, ctx);
  return withFields(baseOf(r, 'instance', ctx), {
    subnet: b.id('subnet_id'),
    securityGroups: [...b.ids('vpc_security_group_ids'), ...b.ids('security_groups')],
    associatePublicIp: b.bool('associate_public_ip_address'),
    privateIp: b.str('private_ip'),
  });
}

export function mapNetworkInterface(r: EvaluatedResource, ctx: MapContext): NetworkInterface {
  const b = view(r, ctx);
  const single = b.str('private_ip');
  return withFields(baseOf(r, 'eni', ctx), {
    subnet: orMissing(b.id('subnet_id'), r.nameSpan, 'subnet_id'),
    securityGroups: b.ids('security_groups'),
    privateIps: [...(single ? [single] : []), ...b.strs('private_ips')],
  });
}

const FLOW_LOG_SOURCES = ['vpc_id', 'subnet_id', 'eni_id', 'transit_gateway_id', 'transit_gateway_attachment_id'];

export function mapFlowLog(r: EvaluatedResource, ctx: MapContext): FlowLog {
  const b = view(r, ctx);
  const source = FLOW_LOG_SOURCES.find((a) => b.has(a));
  return withFields(baseOf(r, 'flow-log', ctx), {
    resource: orMissing(source ? b.id(source) : undefined, r.nameSpan, 'vpc_id/subnet_id/eni_id'),
    trafficType: b.upper('traffic_type'),
  });
}
