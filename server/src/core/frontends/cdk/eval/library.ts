import type { Span } from '../../../text/span';
import { stackAzs } from '../vpcLayout/availabilityZones';
import { IRREGULAR_SHORT_NAMES, NON_HTTPS_PORTS } from './endpointServiceNames';
import { type Construct, prim, primOf, prop, unknownV, type V } from './values';

/**
 * The CDK library as the evaluator sees it: symbols named `<module>.<Name>` (`ec2.Vpc`, `cdk.Stack`),
 * enum members as the strings CDK gives them, and the static factories network code calls (`ec2.Peer.*`,
 * `ec2.Port.*`, `ec2.IpAddresses.cidr`, `ec2.AclCidr.*`, `ec2.AclTraffic.*`). Names per the aws-cdk-lib
 * aws_ec2 / aws_elasticloadbalancingv2 API reference.
 */

/** `aws-cdk-lib` -> `cdk`, `aws-cdk-lib/aws-ec2` and `@aws-cdk/aws-ec2` -> `ec2`; undefined for other packages. */
export function libraryModuleOf(source: string): string | undefined {
  if (source === 'aws-cdk-lib' || source === '@aws-cdk/core' || source === 'aws-cdk-lib/core') return 'cdk';
  if (source === 'constructs') return 'constructs';
  const m = /^(?:aws-cdk-lib\/|@aws-cdk\/)(aws-[\w-]+)$/.exec(source);
  return m ? moduleAlias(m[1]!) : undefined;
}

/** `aws-ec2` -> `ec2`, `aws-elasticloadbalancingv2` -> `elbv2`. */
function moduleAlias(name: string): string {
  const short = name.replace(/^aws-/, '');
  return short === 'elasticloadbalancingv2' ? 'elbv2' : short;
}

/** `cdk.aws_ec2` -> `ec2`: the submodule namespaces of aws-cdk-lib's root. */
export function libraryMember(path: string, name: string): string {
  if (path === 'cdk' && name.startsWith('aws_')) return moduleAlias(name.replace(/_/g, '-'));
  return `${path}.${name}`;
}

const ENUMS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  // Member names, not CDK's runtime strings: the Vpc allocator (vpcLayout) takes these.
  'ec2.SubnetType': {
    PUBLIC: 'PUBLIC',
    PRIVATE_WITH_EGRESS: 'PRIVATE_WITH_EGRESS',
    PRIVATE_WITH_NAT: 'PRIVATE_WITH_NAT',
    PRIVATE: 'PRIVATE',
    PRIVATE_ISOLATED: 'PRIVATE_ISOLATED',
    ISOLATED: 'ISOLATED',
  },
  'ec2.TrafficDirection': { INGRESS: 'ingress', EGRESS: 'egress' },
  'ec2.Action': { ALLOW: 'allow', DENY: 'deny' },
  'ec2.IpProtocol': { IPV4_ONLY: 'IPV4_ONLY', DUAL_STACK: 'DUAL_STACK' },
  'ec2.NatTrafficDirection': { OUTBOUND_ONLY: 'OUTBOUND_ONLY', INBOUND_AND_OUTBOUND: 'INBOUND_AND_OUTBOUND', NONE: 'NONE' },
  'ec2.FlowLogTrafficType': { ALL: 'ALL', ACCEPT: 'ACCEPT', REJECT: 'REJECT' },
  'ec2.DefaultInstanceTenancy': { DEFAULT: 'default', DEDICATED: 'dedicated' },
  'elbv2.ApplicationProtocol': { HTTP: 'HTTP', HTTPS: 'HTTPS' },
  'elbv2.Protocol': { TCP: 'TCP', UDP: 'UDP', TCP_UDP: 'TCP_UDP', TLS: 'TLS', HTTP: 'HTTP', HTTPS: 'HTTPS' },
  'elbv2.IpAddressType': { IPV4: 'ipv4', DUAL_STACK: 'dualstack' },
  'elbv2.TargetType': { INSTANCE: 'instance', IP: 'ip', LAMBDA: 'lambda', ALB: 'alb' },
};

/** Well-known `ec2.Port` constants (aws-cdk-lib 2.x). */
const PORT_CONSTANTS: Readonly<Record<string, number>> = {
  SSH: 22,
  SMTP: 25,
  DNS_TCP: 53,
  HTTP: 80,
  POP3: 110,
  IMAP: 143,
  LDAP: 389,
  HTTPS: 443,
  SMB: 445,
  IMAPS: 993,
  POP3S: 995,
  MSSQL: 1433,
  NFS: 2049,
  MYSQL_AURORA: 3306,
  RDP: 3389,
  POSTGRES: 5432,
};

/** Value of a library symbol read as a value: enum members, port constants, service names; else the symbol. */
export function librarySymbolValue(path: string, at: Span): V {
  const dot = path.lastIndexOf('.');
  const owner = path.slice(0, dot);
  const member = path.slice(dot + 1);
  const enumeration = ENUMS[owner];
  if (enumeration) {
    const value = enumeration[member];
    return value === undefined ? unknownV(`${path} is not a member VPC Lens knows`, at) : prim(value, at);
  }
  if (owner === 'ec2.Port' && PORT_CONSTANTS[member] !== undefined) {
    return port('tcp', PORT_CONSTANTS[member]!, PORT_CONSTANTS[member]!, at);
  }
  if (owner === 'ec2.InterfaceVpcEndpointAwsService') {
    // `service.shortName` names endpoints in loops (`addInterfaceEndpoint(service.shortName, { service })`).
    const shortName = IRREGULAR_SHORT_NAMES[member] ?? member.toLowerCase().replace(/_/g, '.');
    const port = NON_HTTPS_PORTS[member];
    return { t: 'libval', kind: 'service', data: { shortName: prim(shortName, at), ...(port !== undefined ? { port: prim(port, at) } : {}) }, at };
  }
  if (owner === 'ec2.GatewayVpcEndpointAwsService') return { t: 'libval', kind: 'service', data: {}, at };
  return { t: 'lib', path, at };
}

function port(protocol: string, from: number | V, to: number | V, at: Span, extra: Record<string, V> = {}): V {
  const n = (x: number | V) => (typeof x === 'number' ? prim(x, at) : x);
  return { t: 'libval', kind: 'port', data: { protocol: prim(protocol, at), from: n(from), to: n(to), ...extra }, at };
}

function arg(args: readonly V[], i: number): V {
  return args[i] ?? unknownV('argument missing');
}

/**
 * A call of a static library function (`ec2.Peer.ipv4('10.0.0.0/8')`). Undefined when it is not one the
 * evaluator models (the caller makes it unknown).
 */
export function callLibraryFunction(path: string, args: readonly V[], at: Span): V | undefined {
  switch (path) {
    case 'cdk.Duration.millis':
    case 'cdk.Duration.seconds':
    case 'cdk.Duration.minutes':
    case 'cdk.Duration.hours':
    case 'cdk.Duration.days':
      return duration(path.slice('cdk.Duration.'.length), args[0], at);
    case 'ec2.Subnet.fromSubnetId':
      return { t: 'libval', kind: 'importedSubnet', data: { subnetId: arg(args, 2) }, at };
    case 'ec2.Subnet.fromSubnetAttributes': {
      // `{ subnetId, availabilityZone, routeTableId }`: a subnet made elsewhere (often an L1 of this app).
      const attrs = args[2];
      const data: Record<string, V> = { subnetId: prop(attrs, 'subnetId') ?? unknownV('subnetId is not known here', at) };
      const az = prop(attrs, 'availabilityZone');
      if (az) data['availabilityZone'] = az;
      const routeTableId = prop(attrs, 'routeTableId');
      if (routeTableId) data['routeTable'] = { t: 'obj', props: new Map([['routeTableId', { value: routeTableId }]]), at };
      return { t: 'libval', kind: 'importedSubnet', data, at };
    }
    case 'ec2.SecurityGroup.fromSecurityGroupId':
      // A group made elsewhere, as a rule's peer: its id.
      return { t: 'libval', kind: 'peer', data: { groupId: arg(args, 2), securityGroupId: arg(args, 2) }, at };
    case 'ec2.NatProvider.instanceV2':
    case 'ec2.NatProvider.instance':
      return natProvider(true, args, at);
    case 'ec2.NatProvider.gateway':
      return natProvider(false, args, at);
    case 'cdk.Stack.of':
      return { t: 'libval', kind: 'stack', data: { availabilityZones: stackAzsV(at, args[0]?.t === 'construct' ? args[0].c : undefined) }, at };
    case 'ec2.Peer.ipv4':
      return { t: 'libval', kind: 'peer', data: { cidr: arg(args, 0), ipv6: prim(false, at) }, at };
    case 'ec2.Peer.ipv6':
      return { t: 'libval', kind: 'peer', data: { cidr: arg(args, 0), ipv6: prim(true, at) }, at };
    case 'ec2.Peer.anyIpv4':
      return { t: 'libval', kind: 'peer', data: { cidr: prim('0.0.0.0/0', at), ipv6: prim(false, at) }, at };
    case 'ec2.Peer.anyIpv6':
      return { t: 'libval', kind: 'peer', data: { cidr: prim('::/0', at), ipv6: prim(true, at) }, at };
    case 'ec2.Peer.prefixList':
      return { t: 'libval', kind: 'peer', data: { prefixList: arg(args, 0) }, at };
    case 'ec2.Peer.securityGroupId':
      return { t: 'libval', kind: 'peer', data: { groupId: arg(args, 0) }, at };
    case 'ec2.Port.tcp':
      return port('tcp', arg(args, 0), arg(args, 0), at);
    case 'ec2.Port.udp':
      return port('udp', arg(args, 0), arg(args, 0), at);
    case 'ec2.Port.tcpRange':
      return port('tcp', arg(args, 0), arg(args, 1), at);
    case 'ec2.Port.udpRange':
      return port('udp', arg(args, 0), arg(args, 1), at);
    case 'ec2.Port.allTcp':
      return port('tcp', 0, 65535, at);
    case 'ec2.Port.allUdp':
      return port('udp', 0, 65535, at);
    case 'ec2.Port.allTraffic':
      return { t: 'libval', kind: 'port', data: { protocol: prim('-1', at) }, at };
    case 'ec2.Port.icmpPing':
      return port('icmp', 8, -1, at);
    case 'ec2.Port.allIcmp':
      return port('icmp', -1, -1, at);
    case 'ec2.Port.allIcmpV6':
      return port('icmpv6', -1, -1, at);
    case 'ec2.Port.icmpType':
      return port('icmp', arg(args, 0), -1, at);
    case 'ec2.Port.icmpTypeAndCode':
      return port('icmp', arg(args, 0), arg(args, 1), at);
    case 'ec2.IpAddresses.cidr':
      return { t: 'libval', kind: 'ipAddresses', data: { cidr: arg(args, 0) }, at };
    case 'ec2.AclCidr.ipv4':
      return { t: 'libval', kind: 'aclCidr', data: { cidr: arg(args, 0), ipv6: prim(false, at) }, at };
    case 'ec2.AclCidr.ipv6':
      return { t: 'libval', kind: 'aclCidr', data: { cidr: arg(args, 0), ipv6: prim(true, at) }, at };
    case 'ec2.AclCidr.anyIpv4':
      return { t: 'libval', kind: 'aclCidr', data: { cidr: prim('0.0.0.0/0', at), ipv6: prim(false, at) }, at };
    case 'ec2.AclCidr.anyIpv6':
      return { t: 'libval', kind: 'aclCidr', data: { cidr: prim('::/0', at), ipv6: prim(true, at) }, at };
    case 'ec2.AclTraffic.allTraffic':
      return aclTraffic(-1, undefined, undefined, at);
    case 'ec2.AclTraffic.tcpPort':
      return aclTraffic(6, arg(args, 0), arg(args, 0), at);
    case 'ec2.AclTraffic.tcpPortRange':
      return aclTraffic(6, arg(args, 0), arg(args, 1), at);
    case 'ec2.AclTraffic.udpPort':
      return aclTraffic(17, arg(args, 0), arg(args, 0), at);
    case 'ec2.AclTraffic.udpPortRange':
      return aclTraffic(17, arg(args, 0), arg(args, 1), at);
    case 'ec2.AclTraffic.icmp':
    case 'ec2.AclTraffic.icmpv6': {
      const o = args[0];
      const data: Record<string, V> = { protocol: prim(path.endsWith('v6') ? 58 : 1, at) };
      if (prop(o, 'type')) data['icmpType'] = prop(o, 'type')!;
      if (prop(o, 'code')) data['icmpCode'] = prop(o, 'code')!;
      return { t: 'libval', kind: 'aclTraffic', data, at };
    }
    case 'elbv2.ListenerAction.redirect': {
      const o = args[0];
      const data: Record<string, V> = { type: prim('redirect', at) };
      if (prop(o, 'protocol')) data['protocol'] = prop(o, 'protocol')!;
      return { t: 'libval', kind: 'listenerAction', data, at };
    }
    case 'elbv2.ListenerAction.forward':
    case 'elbv2.ListenerAction.weightedForward':
    case 'elbv2.NetworkListenerAction.forward':
    case 'elbv2.NetworkListenerAction.weightedForward':
      return { t: 'libval', kind: 'listenerAction', data: { type: prim('forward', at), targetGroups: arg(args, 0) }, at };
    case 'elbv2.ListenerAction.fixedResponse':
      return { t: 'libval', kind: 'listenerAction', data: { type: prim('fixed-response', at) }, at };
    case 'elbv2.ListenerCertificate.fromArn':
    case 'elbv2.ListenerCertificate.fromCertificateManager':
      return { t: 'libval', kind: 'listenerCertificate', data: { arn: arg(args, 0) }, at };
    case 'ec2.FlowLogResourceType.fromVpc':
      return { t: 'libval', kind: 'flowLogResource', data: { target: arg(args, 0), type: prim('VPC', at) }, at };
    case 'ec2.FlowLogResourceType.fromSubnet':
      return { t: 'libval', kind: 'flowLogResource', data: { target: arg(args, 0), type: prim('Subnet', at) }, at };
    case 'ec2.FlowLogResourceType.fromNetworkInterfaceId':
      return { t: 'libval', kind: 'flowLogResource', data: { target: arg(args, 0), type: prim('NetworkInterface', at) }, at };
    default:
      return undefined;
  }
}

function aclTraffic(protocol: number, from: V | undefined, to: V | undefined, at: Span): V {
  const data: Record<string, V> = { protocol: prim(protocol, at) };
  if (from) data['from'] = from;
  if (to) data['to'] = to;
  return { t: 'libval', kind: 'aclTraffic', data, at };
}

/** Library classes that are values, not constructs (`new ec2.InterfaceVpcEndpointService(name, port)`). */
export function newLibraryValue(path: string, args: readonly V[], at: Span): V | undefined {
  if (path === 'ec2.InterfaceVpcEndpointService') {
    return { t: 'libval', kind: 'service', data: { fullName: arg(args, 0), ...(args[1] ? { port: args[1] } : {}) }, at };
  }
  if (path === 'ec2.NatInstanceProviderV2' || path === 'ec2.NatInstanceProvider') return natProvider(true, args, at);
  // `new ec2.Connections({ securityGroups: [sg] })`, used as a rule's peer.
  if (path === 'ec2.Connections') return { t: 'libval', kind: 'connections', data: { securityGroups: prop(args[0], 'securityGroups') ?? unknownV(undefined, at) }, at };
  if (path === 'ec2.NatGatewayProvider') return natProvider(false, args, at);
  return undefined;
}

/** `ec2.NatProvider.instanceV2({...})` and kin: a Vpc's NAT made of instances, or of NAT gateways. */
function natProvider(instances: boolean, args: readonly V[], at: Span): V {
  return { t: 'libval', kind: 'natProvider', data: { instances: prim(instances, at), props: args[0] ?? prim(undefined, at) }, at };
}

/** Stack-like library bases: a user class extending one of these is a construct. */
export function isConstructBase(path: string): boolean {
  return /^(cdk\.(Stack|NestedStack|Stage|App|Resource)|constructs\.Construct|cdk\.Construct)$/.test(path);
}

/** True for string constants used as a symbolic scope root (`new cdk.App()`). */
export function isAppClass(path: string): boolean {
  return path === 'cdk.App';
}

/** `Stack.of(this).availabilityZones` and a stack's `this.availabilityZones`, for code in `c` (see stackAzs). */
export function stackAzsV(at: Span, c: Construct | undefined): V {
  return { t: 'list', items: stackAzs(c?.stackEnv).map((az) => prim(az, at)), at };
}

const SECONDS_PER_UNIT: Readonly<Record<string, number>> = { millis: 0.001, seconds: 1, minutes: 60, hours: 3600, days: 86400 };

/** `cdk.Duration.seconds(30)` and kin: a length of time, in seconds when the amount is known. */
function duration(unit: string, amount: V | undefined, at: Span): V {
  const n = primOf(amount);
  const written = amount?.t === 'prim' ? (amount.at ?? at) : at;
  return { t: 'libval', kind: 'duration', data: typeof n === 'number' ? { seconds: prim(n * SECONDS_PER_UNIT[unit]!, written) } : {}, at };
}
