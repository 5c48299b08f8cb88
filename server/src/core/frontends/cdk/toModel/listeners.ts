import type { Span } from '../../../text/span';
import { list, map, num, ref, str, unknown, type Value } from '../../../values/value';
import type { Construct, ConstructCall, V } from '../eval/values';
import { isAbsentV, prop, slot } from '../eval/values';
import type { ResourceSink } from './sink';
import { addCdkIngress } from './groupProps';
import { loadBalancerGroupOf } from './others';
import { toValue } from './values';

/** CDK's `defaultProtocolForPort` (aws-elasticloadbalancingv2 shared/util): other ports need a protocol. */
const HTTP_PORTS = new Set([80, 8000, 8008, 8080]);
const HTTPS_PORTS = new Set([443, 8443]);

/**
 * `lb.addListener(...)`, `alb.addRedirect(...)`, `new elbv2.ApplicationListener / NetworkListener(...)`: the
 * `AWS::ElasticLoadBalancingV2::Listener` CDK synthesizes. As CDK does, an application listener's protocol
 * follows from its port and its port from its protocol; a network listener is TLS when it has certificates,
 * else TCP. Certificates come from `certificates` / `certificateArns` and `addCertificates` calls; the default
 * action from `defaultAction`, `defaultTargetGroups`, or an `addAction` / `addTargets` / `addTargetGroups` call
 * without conditions (the last one wins, as in CDK).
 */
export function expandListener(c: Construct, sink: ResourceSink): void {
  const p = c.props;
  const application = c.type === 'elbv2.ApplicationListener';
  const lb = prop(p, 'loadBalancer');
  const props = new Map<string, Value>([['LoadBalancerArn', lb ? toValue(lb) : unknown('loadBalancer is not set', c.idSpan)]]);
  const certificates = certificatesOf(c);
  if (certificates) props.set('Certificates', certificates);
  const { protocol, port } = application ? applicationProtocolAndPort(c) : networkProtocolAndPort(c, certificates);
  if (protocol) props.set('Protocol', protocol);
  if (port) props.set('Port', port);
  const action = defaultActionOf(c);
  if (action) props.set('DefaultActions', list([action]));
  sink.add(c, 'AWS::ElasticLoadBalancingV2::Listener', props);
  if (application && lb?.t === 'construct' && port) openToTheWorld(c, lb.c, port, sink);
}

/**
 * An application listener is `open` unless told otherwise: CDK lets anyone reach its port through the load
 * balancer's security group (IPv6 too on a dual-stack load balancer).
 */
function openToTheWorld(c: Construct, lb: Construct, port: Value, sink: ResourceSink): void {
  const open = slot(c.props, 'open');
  if (open && !isAbsentV(open.value) && !(open.value.t === 'prim' && open.value.v === true)) return;
  const group = loadBalancerGroupOf(lb);
  if (!group) return;
  const at = open?.span ?? spanOf(prop(c.props, 'port')) ?? c.idSpan;
  const dualStack = prop(lb.props, 'ipAddressType');
  const peers: [string, string][] = [['CidrIp', '0.0.0.0/0']];
  if (dualStack?.t === 'prim' && dualStack.v === 'dualstack') peers.push(['CidrIpv6', '::/0']);
  for (const [key, cidr] of peers) {
    // The CIDR is written nowhere: CDK's own. It stands at the listener's id (no CIDR trace there).
    addCdkIngress(sink, c, {
      group,
      protocol: 'tcp',
      port,
      peer: [key, str(cidr, c.idSpan)],
      at,
      part: key === 'CidrIp' ? 'OpenIngress' : 'OpenIngressIpv6',
      nativeType: `${c.type} (open)`,
    });
  }
}

function applicationProtocolAndPort(c: Construct): { protocol?: Value; port?: Value } {
  const protocol = prop(c.props, 'protocol');
  const port = prop(c.props, 'port');
  if (!protocol && !port) return { protocol: unknown('the listener has neither port nor protocol', c.idSpan) };
  let protocolValue: Value;
  if (protocol) protocolValue = toValue(protocol);
  else if (port?.t === 'prim' && typeof port.v === 'number') {
    const inferred = HTTP_PORTS.has(port.v) ? 'HTTP' : HTTPS_PORTS.has(port.v) ? 'HTTPS' : undefined;
    protocolValue = inferred ? str(inferred, port.at ?? c.idSpan) : unknown(`CDK knows no default protocol for port ${port.v}`, port.at ?? c.idSpan);
  } else protocolValue = unknown('the protocol follows from a port not known here', spanOf(port) ?? c.idSpan);
  let portValue: Value | undefined = port ? toValue(port) : undefined;
  if (!portValue && protocol?.t === 'prim' && typeof protocol.v === 'string') {
    const upper = protocol.v.toUpperCase();
    portValue = upper === 'HTTP' ? num(80, protocol.at ?? c.idSpan) : upper === 'HTTPS' ? num(443, protocol.at ?? c.idSpan) : undefined;
  }
  return { protocol: protocolValue, ...(portValue ? { port: portValue } : {}) };
}

function networkProtocolAndPort(c: Construct, certificates: Value | undefined): { protocol?: Value; port?: Value } {
  const protocol = prop(c.props, 'protocol');
  const port = prop(c.props, 'port');
  let protocolValue: Value;
  if (protocol) protocolValue = toValue(protocol);
  else if (certificates === undefined) protocolValue = str('TCP', spanOf(port) ?? c.idSpan);
  else if (certificates.k === 'list') protocolValue = str(certificates.items.length > 0 ? 'TLS' : 'TCP', spanOf(port) ?? c.idSpan);
  else protocolValue = unknown('the protocol depends on certificates not known here', c.idSpan);
  return { protocol: protocolValue, ...(port ? { port: toValue(port) } : {}) };
}

/** `Certificates: [{CertificateArn}]`; undefined when none are written, unknown when they cannot be read. */
function certificatesOf(c: Construct): Value | undefined {
  const items: Value[] = [];
  let readable = true;
  let written = false;
  const addAll = (v: V | undefined, at: Span | undefined) => {
    if (isAbsentV(v)) return;
    written = true;
    if (v!.t !== 'list') {
      readable = false;
      return;
    }
    for (const item of v!.items) if (!isAbsentV(item)) items.push(map(new Map([['CertificateArn', certificateArn(item, at)]]), spanOf(item) ?? at));
  };
  const certs = slot(c.props, 'certificates');
  addAll(certs?.value, certs?.span);
  const arns = slot(c.props, 'certificateArns');
  addAll(arns?.value, arns?.span);
  for (const call of c.calls) {
    if (call.method === 'addCertificates' || call.method === 'addCertificateArns') addAll(call.args[1], call.span);
  }
  if (!written) return undefined;
  return readable ? list(items, certs?.span ?? arns?.span ?? c.idSpan) : unknown('the certificates are not known here', certs?.span ?? arns?.span ?? c.idSpan);
}

function certificateArn(item: V, at: Span | undefined): Value {
  if (item.t === 'libval' && item.kind === 'listenerCertificate' && item.data['arn']) return toValue(item.data['arn']);
  if (item.t === 'prim' && typeof item.v === 'string') return toValue(item);
  // An `acm.Certificate` construct or an imported one: its ARN is known after deployment only.
  return unknown('the certificate ARN is known after deployment', spanOf(item) ?? at);
}

/** The default action as CloudFormation writes it; undefined when none is set (CDK then refuses to synth). */
function defaultActionOf(c: Construct): Value | undefined {
  let action: Value | undefined;
  const written = slot(c.props, 'defaultAction');
  if (written && !isAbsentV(written.value)) action = actionValue(written.value, written.span ?? c.idSpan);
  const groups = slot(c.props, 'defaultTargetGroups');
  if (!action && groups && !isAbsentV(groups.value)) action = forward(groups.value, groups.span ?? c.idSpan);
  for (const call of c.calls) action = callAction(call) ?? action;
  return action;
}

/** The default action an `addAction` / `addTargets` / `addTargetGroups` call sets (only those without conditions do). */
function callAction(call: ConstructCall): Value | undefined {
  const options = call.args[1];
  if (prop(options, 'conditions') || prop(options, 'priority') || prop(options, 'pathPattern') || prop(options, 'hostHeader')) return undefined;
  switch (call.method) {
    case 'addAction': {
      const action = prop(options, 'action');
      return action ? actionValue(action, call.span) : unknown('the action is not known here', call.span);
    }
    case 'addTargetGroups':
      return forward(prop(options, 'targetGroups'), call.span);
    case 'addTargets': {
      // CDK makes a target group for the targets (interpreter: the call's `made`) and forwards to it.
      const entries = new Map<string, Value>([['Type', str('forward', call.span)]]);
      if (call.made) entries.set('TargetGroupArn', ref(call.made.elementId, 'Ref', call.span));
      return map(entries, call.span);
    }
    default:
      return undefined;
  }
}

function actionValue(v: V, at: Span): Value {
  if (v.t !== 'libval' || v.kind !== 'listenerAction') return map(new Map([['Type', unknown('the action is not known here', at)]]), at);
  const type = v.data['type'];
  const entries = new Map<string, Value>([['Type', type ? toValue(type) : unknown(undefined, at)]]);
  const protocol = v.data['protocol'];
  if (protocol) entries.set('RedirectConfig', map(new Map([['Protocol', toValue(protocol)]]), v.at));
  else if (type?.t === 'prim' && type.v === 'redirect') entries.set('RedirectConfig', map(new Map(), v.at));
  const targetGroups = v.data['targetGroups'];
  if (targetGroups?.t === 'list' && targetGroups.items[0]) entries.set('TargetGroupArn', toValue(targetGroups.items[0]));
  return map(entries, v.at);
}

function forward(groups: V | undefined, at: Span): Value {
  const entries = new Map<string, Value>([['Type', str('forward', at)]]);
  if (groups?.t === 'list' && groups.items[0]) entries.set('TargetGroupArn', toValue(groups.items[0]));
  return map(entries, at);
}

function spanOf(v: V | undefined): Span | undefined {
  if (!v) return undefined;
  return v.t === 'construct' ? v.c.span : 'at' in v ? v.at : undefined;
}
