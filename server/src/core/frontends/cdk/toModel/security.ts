import type { Span } from '../../../text/span';
import { map, num, ref, str, unknown, type Value } from '../../../values/value';
import type { Construct, ConstructCall, V } from '../eval/values';
import { isAbsentV, prim, prop, slot } from '../eval/values';
import { allowAllOutboundOf, groupProps } from './groupProps';
import { defaultPortOf, ownsImplicitGroup } from './implicitGroups';
import { type VpcInfos, subnetRefs } from './selection';
import type { ResourceSink } from './sink';
import { refTo, toValue } from './values';

/** Security group of a construct that has `connections`: the group itself, or the one CDK made for it. */
export type GroupOf = (c: Construct) => string | undefined;

/**
 * `new ec2.SecurityGroup(...)`: the group, with CDK's allow-all egress rule unless `allowAllOutbound: false`
 * (its span is that prop, or the construct id).
 */
export function expandSecurityGroup(c: Construct, sink: ResourceSink): void {
  const name = prop(c.props, 'securityGroupName');
  const description = prop(c.props, 'description');
  const props = groupProps(c, prop(c.props, 'vpc'), slot(c.props, 'allowAllOutbound'), prop(c.props, 'allowAllIpv6Outbound'));
  props.set('GroupDescription', description ? toValue(description) : str(c.path, c.idSpan));
  if (name) props.set('GroupName', toValue(name));
  sink.add(c, 'AWS::EC2::SecurityGroup', props);
}

interface RuleShape {
  readonly direction: 'ingress' | 'egress';
  /** The call that adds the rule. */
  readonly callSpan: Span;
  readonly peer: V | undefined;
  readonly peerSpan: Span;
  readonly port: V | undefined;
  readonly portSpan: Span;
  readonly description?: V;
}

/** The rule a recorded call adds, or undefined for calls that add none. */
function ruleOf(call: ConstructCall, c: Construct): RuleShape | undefined {
  const a = call.args;
  const s = (i: number) => call.argSpans[i] ?? call.span;
  switch (call.method) {
    case 'connections.allowDefaultPortFrom':
    case 'connections.allowDefaultPortTo':
    case 'connections.allowDefaultPortFromAnyIpv4':
    case 'connections.allowDefaultPortInternally': {
      // The construct's own port (a file system's 2049, an endpoint's service port, a database's endpoint port).
      const port = defaultPortOf(c, call.span) ?? endpointPort(c, call.span);
      if (!port) return undefined;
      const direction = call.method === 'connections.allowDefaultPortTo' ? 'egress' : 'ingress';
      const peer: V | undefined = call.method.endsWith('AnyIpv4')
        ? { t: 'libval', kind: 'peer', data: { cidr: prim('0.0.0.0/0', call.span), ipv6: prim(false) }, at: call.span }
        : call.method.endsWith('Internally')
          ? { t: 'libval', kind: 'self', data: {}, at: call.span }
          : a[0];
      return { direction, callSpan: call.span, peer, peerSpan: call.method.endsWith('From') || direction === 'egress' ? s(0) : call.span, port, portSpan: call.span };
    }
    case 'addIngressRule':
    case 'addEgressRule':
      return { direction: call.method === 'addIngressRule' ? 'ingress' : 'egress', callSpan: call.span, peer: a[0], peerSpan: s(0), port: a[1], portSpan: s(1), ...(a[2] ? { description: a[2] } : {}) };
    case 'connections.allowFrom':
    case 'connections.allowTo':
      return { direction: call.method.endsWith('From') ? 'ingress' : 'egress', callSpan: call.span, peer: a[0], peerSpan: s(0), port: a[1], portSpan: s(1), ...(a[2] ? { description: a[2] } : {}) };
    case 'connections.allowFromAnyIpv4':
    case 'connections.allowToAnyIpv4': {
      const peer: V = { t: 'libval', kind: 'peer', data: { cidr: prim('0.0.0.0/0', call.span), ipv6: prim(false) }, at: call.span };
      return { direction: call.method.includes('From') ? 'ingress' : 'egress', callSpan: call.span, peer, peerSpan: call.span, port: a[0], portSpan: s(0) };
    }
    case 'connections.allowInternally':
      return { direction: 'ingress', callSpan: call.span, peer: { t: 'libval', kind: 'self', data: {}, at: call.span }, peerSpan: call.span, port: a[0], portSpan: s(0) };
    default:
      return undefined;
  }
}

/**
 * Rules added by calls on a group (or on a construct's `connections`), one resource each, at the call. As in
 * CDK, `connections.allowFrom(other, port)` also lets `other`'s group send to this one (an egress rule there,
 * unless it allows all outbound traffic), and `connections.allowTo(other, port)` lets `other`'s group receive
 * from this one; an egress rule on a group that allows all outbound traffic is not added (CDK drops it).
 */
export function expandRuleCalls(c: Construct, groupOf: GroupOf, sink: ResourceSink): void {
  const group = groupOf(c);
  if (!group) return;
  let n = 0;
  for (const call of withSshAccess(c.calls)) {
    const rule = ruleOf(call, c);
    if (!rule) continue;
    n++;
    const nativeType = `${c.type}.${call.method}`;
    const other = call.method.startsWith('connections.') ? peerConstruct(rule.peer) : undefined;
    const otherGroup = other ? groupOf(other) : undefined;
    if (rule.direction === 'ingress' || allowsAllOutbound(c) !== true) {
      addRule(sink, c, group, rule, groupOf, `${rule.direction === 'ingress' ? 'Ingress' : 'Egress'}${n}`, nativeType);
    }
    if (!other || !otherGroup) continue;
    // The other side of the connection, on the other construct's group, pointing back at this one.
    const mirror: RuleShape = { ...rule, direction: rule.direction === 'ingress' ? 'egress' : 'ingress', peer: { t: 'construct', c } };
    if (mirror.direction === 'egress' && allowsAllOutbound(other) !== false) continue;
    addRule(sink, c, otherGroup, mirror, groupOf, `${mirror.direction === 'ingress' ? 'Ingress' : 'Egress'}${n}Peer`, nativeType);
  }
}

function addRule(sink: ResourceSink, c: Construct, group: string, rule: RuleShape, groupOf: GroupOf, part: string, nativeType: string): void {
  const props = new Map<string, Value>([['GroupId', ref(group, 'Ref', rule.callSpan)]]);
  addPort(props, rule.port, rule.portSpan);
  addPeer(props, rule, group, groupOf);
  if (rule.description) props.set('Description', toValue(rule.description));
  const type = rule.direction === 'ingress' ? 'AWS::EC2::SecurityGroupIngress' : 'AWS::EC2::SecurityGroupEgress';
  sink.add(c, type, props, { part, span: rule.callSpan, nameSpan: rule.callSpan, nativeType });
}

/**
 * The construct a rule's peer stands for: a construct, its `connections`, or `new ec2.Connections({
 * securityGroups: [sg, ...] })` (its first group).
 */
function peerConstruct(peer: V | undefined): Construct | undefined {
  if (peer?.t === 'construct') return peer.c;
  if (peer?.t !== 'libval' || peer.kind !== 'connections') return undefined;
  const of = peer.data['of'];
  if (of?.t === 'construct') return of.c;
  const groups = peer.data['securityGroups'];
  return groups?.t === 'list' && groups.items[0]?.t === 'construct' ? groups.items[0].c : undefined;
}

/**
 * Whether the security group behind a construct's `connections` allows all outbound traffic: a group's
 * `allowAllOutbound` (default true), the group CDK makes for an instance or another service's construct (its
 * `allowAllOutbound`), for an application load balancer (never) or an interface endpoint (always). Undefined
 * when not known.
 */
export function allowsAllOutbound(c: Construct): boolean | undefined {
  const given = prop(c.props, 'securityGroup');
  if (given?.t === 'construct' && given.c !== c) return allowsAllOutbound(given.c);
  switch (c.type) {
    case 'elbv2.ApplicationLoadBalancer':
      return false;
    case 'ec2.InterfaceVpcEndpoint':
      return true;
    case 'ec2.SecurityGroup':
    case 'ec2.Instance':
      break;
    default:
      if (!ownsImplicitGroup(c)) return undefined;
  }
  return allowAllOutboundOf(prop(c.props, 'allowAllOutbound'));
}

function addPort(props: Map<string, Value>, port: V | undefined, at: Span): boolean {
  if (port?.t !== 'libval' || port.kind !== 'port') {
    props.set('IpProtocol', unknown('the port is not known here', at));
    return true;
  }
  const protocol = port.data['protocol'];
  props.set('IpProtocol', protocol ? withSpan(toValue(protocol), at) : unknown(undefined, at));
  if (port.data['from']) props.set('FromPort', withSpan(toValue(port.data['from']), at));
  if (port.data['to']) props.set('ToPort', withSpan(toValue(port.data['to']), at));
  return true;
}

function addPeer(props: Map<string, Value>, rule: RuleShape, group: string, groupOf: GroupOf): void {
  const inbound = rule.direction === 'ingress';
  const peer = rule.peer;
  const at = rule.peerSpan;
  if (peer?.t === 'libval' && peer.kind === 'peer') {
    const cidr = peer.data['cidr'];
    if (cidr) {
      const ipv6 = peer.data['ipv6']?.t === 'prim' && peer.data['ipv6'].v === true;
      props.set(inbound ? (ipv6 ? 'CidrIpv6' : 'CidrIp') : ipv6 ? 'CidrIpv6' : 'CidrIp', withSpan(toValue(cidr), at));
      return;
    }
    if (peer.data['prefixList']) {
      props.set(inbound ? 'SourcePrefixListId' : 'DestinationPrefixListId', withSpan(toValue(peer.data['prefixList']), at));
      return;
    }
    if (peer.data['groupId']) {
      props.set(inbound ? 'SourceSecurityGroupId' : 'DestinationSecurityGroupId', withSpan(toValue(peer.data['groupId']), at));
      return;
    }
  }
  if (peer?.t === 'libval' && peer.kind === 'self') {
    props.set(inbound ? 'SourceSecurityGroupId' : 'DestinationSecurityGroupId', ref(group, 'Ref', at));
    return;
  }
  const peerC = peerConstruct(peer);
  if (peerC) {
    const other = groupOf(peerC);
    props.set(inbound ? 'SourceSecurityGroupId' : 'DestinationSecurityGroupId', other ? ref(other, 'Ref', at) : unknown('the peer has no security group VPC Lens knows', at));
    return;
  }
  props.set(inbound ? 'CidrIp' : 'CidrIp', unknown('the peer is not known here', at));
}

/** The value re-attributed to the argument it came from (a factory's result spans the whole call). */
function withSpan(v: Value, at: Span): Value {
  return { ...v, origin: at } as Value;
}

/** `new ec2.NetworkAcl(...)` with its `subnetSelection` associations. */
export function expandNetworkAcl(c: Construct, infos: VpcInfos, sink: ResourceSink): void {
  const vpc = prop(c.props, 'vpc');
  sink.add(c, 'AWS::EC2::NetworkAcl', new Map([['VpcId', vpc ? toValue(vpc) : unknown('vpc is not set', c.idSpan)]]));
  const associate = (selectionValue: V, span: Span | undefined, nameSpan: Span | undefined, part: (i: number) => string): void => {
    const refs = subnetRefs(vpc, selectionValue, infos, span);
    if (refs.k !== 'list') return;
    refs.items.forEach((subnet, i) => {
      sink.add(c, 'AWS::EC2::SubnetNetworkAclAssociation', new Map([['NetworkAclId', refTo(c, 'Ref', c.idSpan)], ['SubnetId', subnet]]), {
        part: part(i),
        span: span ?? c.span,
        nameSpan: nameSpan ?? c.idSpan,
      });
    });
  };
  const selection = slot(c.props, 'subnetSelection');
  if (selection && !isAbsentV(selection.value)) associate(selection.value, selection.span, selection.keySpan, (i) => `Association${i + 1}`);
  // `acl.associateWithSubnet('Private', { subnetType: ... })`: one association per selected subnet.
  for (const call of c.calls) {
    if (call.method !== 'associateWithSubnet' || !call.args[1]) continue;
    const id = call.args[0]?.t === 'prim' ? String(call.args[0].v) : 'Association';
    associate(call.args[1], call.span, call.argSpans[0], (i) => `${id}${i + 1}`);
  }
}

/** `new ec2.SubnetNetworkAclAssociation(this, id, { networkAcl, subnet })`. */
export function expandSubnetNetworkAclAssociation(c: Construct, sink: ResourceSink): void {
  const acl = prop(c.props, 'networkAcl');
  const subnet = prop(c.props, 'subnet');
  sink.add(c, 'AWS::EC2::SubnetNetworkAclAssociation', new Map([
    ['NetworkAclId', acl ? toValue(acl) : unknown('networkAcl is not set', c.idSpan)],
    ['SubnetId', subnet ? toValue(subnet) : unknown('subnet is not set', c.idSpan)],
  ]));
}

/** `acl.addEntry(...)` / `new ec2.NetworkAclEntry(...)`. Defaults: ingress, allow. */
export function expandNetworkAclEntry(c: Construct, sink: ResourceSink): void {
  const p = c.props;
  const props = new Map<string, Value>();
  const acl = prop(p, 'networkAcl');
  props.set('NetworkAclId', acl ? toValue(acl) : unknown('networkAcl is not set', c.idSpan));
  const ruleNumber = prop(p, 'ruleNumber');
  if (ruleNumber) props.set('RuleNumber', toValue(ruleNumber));
  const action = prop(p, 'ruleAction');
  props.set('RuleAction', action ? toValue(action) : str('allow', c.idSpan));
  const direction = prop(p, 'direction');
  if (direction) {
    props.set('Egress', direction.t === 'prim' ? { k: 'bool', v: direction.v === 'egress', ...(direction.at ? { origin: direction.at } : {}) } : toValue(direction));
  }
  const cidr = prop(p, 'cidr');
  if (cidr?.t === 'libval' && cidr.kind === 'aclCidr') {
    const ipv6 = cidr.data['ipv6']?.t === 'prim' && cidr.data['ipv6'].v === true;
    props.set(ipv6 ? 'Ipv6CidrBlock' : 'CidrBlock', withSpan(toValue(cidr.data['cidr']!), cidr.at));
  } else if (cidr) props.set('CidrBlock', unknown('the CIDR is not known here', spanOfProp(c, 'cidr')));
  const traffic = prop(p, 'traffic');
  if (traffic?.t === 'libval' && traffic.kind === 'aclTraffic') {
    const d = traffic.data;
    props.set('Protocol', withSpan(toValue(d['protocol']!), traffic.at));
    if (d['from'] || d['to']) {
      const range = new Map<string, Value>();
      if (d['from']) range.set('From', withSpan(toValue(d['from']), traffic.at));
      if (d['to']) range.set('To', withSpan(toValue(d['to']), traffic.at));
      props.set('PortRange', map(range, traffic.at));
    }
    if (d['icmpType'] || d['icmpCode']) {
      const icmp = new Map<string, Value>();
      icmp.set('Type', d['icmpType'] ? toValue(d['icmpType']) : num(-1, traffic.at));
      icmp.set('Code', d['icmpCode'] ? toValue(d['icmpCode']) : num(-1, traffic.at));
      props.set('Icmp', map(icmp, traffic.at));
    }
  } else props.set('Protocol', unknown('the traffic is not known here', spanOfProp(c, 'traffic')));
  sink.add(c, 'AWS::EC2::NetworkAclEntry', props, { nativeType: 'ec2.NetworkAclEntry' });
}

function spanOfProp(c: Construct, name: string): Span {
  return slot(c.props, name)?.span ?? c.idSpan;
}

/** An interface endpoint's service port (443 for AWS services), for `endpoint.connections.allowDefaultPortFrom(...)`. */
function endpointPort(c: Construct, at: Span): V | undefined {
  if (c.type !== 'ec2.InterfaceVpcEndpoint') return undefined;
  const service = prop(c.props, 'service');
  const port = service?.t === 'libval' && service.data['port'] ? service.data['port'] : prim(443, at);
  return { t: 'libval', kind: 'port', data: { protocol: prim('tcp', at), from: port, to: port }, at };
}

/** `bastion.allowSshAccessFrom(a, b)` is `connections.allowFrom(a, ec2.Port.tcp(22))` per peer, as in CDK. */
function withSshAccess(calls: readonly ConstructCall[]): ConstructCall[] {
  return calls.flatMap((call) => {
    if (call.method !== 'allowSshAccessFrom') return [call];
    const ssh: V = { t: 'libval', kind: 'port', data: { protocol: prim('tcp', call.span), from: prim(22, call.span), to: prim(22, call.span) }, at: call.span };
    return call.args.map((peer, i) => ({ method: 'connections.allowFrom', args: [peer, ssh], argSpans: [call.argSpans[i] ?? call.span, call.span], span: call.span }));
  });
}
