import type { Span } from '../../../text/span';
import type { CdkInterpreter } from './interpreter';
import { stackAzsV } from './library';
import { type Construct, partConstruct, prim, primOf, type Slot, spanOfV, UNDEFINED, unknownV, type V } from './values';

/** Methods that make a child construct: its type and the prop that links it to the parent. */
const CHILD_MAKERS: Readonly<Record<string, { readonly type: string; readonly link: string }>> = {
  addGatewayEndpoint: { type: 'ec2.GatewayVpcEndpoint', link: 'vpc' },
  addInterfaceEndpoint: { type: 'ec2.InterfaceVpcEndpoint', link: 'vpc' },
  addFlowLog: { type: 'ec2.FlowLog', link: 'resourceType' },
  addEntry: { type: 'ec2.NetworkAclEntry', link: 'networkAcl' },
  addVpnConnection: { type: 'ec2.VpnConnection', link: 'vpc' },
};

/**
 * Props of a library construct that its constructor turns into calls of its own methods, one per entry:
 * `new ec2.Vpc(this, 'Vpc', { flowLogs: { Logs: {...} }, gatewayEndpoints: { S3: {...} } })` is
 * `vpc.addFlowLog('Logs', {...})` and `vpc.addGatewayEndpoint('S3', {...})`, as aws-cdk-lib's Vpc does.
 */
const PROPS_MADE_BY_METHODS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'ec2.Vpc': { flowLogs: 'addFlowLog', gatewayEndpoints: 'addGatewayEndpoint', vpnConnections: 'addVpnConnection' },
};

/** `lb.addListener(...)`: the listener class of each load balancer class. */
const LISTENER_TYPES: Readonly<Record<string, string>> = {
  'elbv2.ApplicationLoadBalancer': 'elbv2.ApplicationListener',
  'elbv2.NetworkLoadBalancer': 'elbv2.NetworkListener',
};

/** `listener.addTargets(...)`: the target group class of each listener class. */
const TARGET_GROUP_TYPES: Readonly<Record<string, string>> = {
  'elbv2.ApplicationListener': 'elbv2.ApplicationTargetGroup',
  'elbv2.NetworkListener': 'elbv2.NetworkTargetGroup',
};

/** The VPN gateway aws-cdk-lib makes for an L2 Vpc: `<vpc>/VpnGateway/Default` (`vpc.vpnGatewayId`). */
export const VPN_GATEWAY_PART = 'VpnGateway/Default';

const SUBNET_TYPES = new Set(['ec2.Subnet', 'ec2.PublicSubnet', 'ec2.PrivateSubnet']);

const VPC_SUBNET_LISTS: Readonly<Record<string, string>> = {
  publicSubnets: 'PUBLIC',
  privateSubnets: 'PRIVATE_WITH_EGRESS',
  isolatedSubnets: 'PRIVATE_ISOLATED',
};

/** `vpc.vpcId`, `sg.connections`, `cfnVpc.attrDefaultSecurityGroup`, `vpc.publicSubnets`. */
export function constructMember(c: Construct, name: string, at: Span): V {
  const self: V = { t: 'construct', c };
  if (name === 'connections') return { t: 'libval', kind: 'connections', data: { of: self }, at };
  if (name === 'ref') return { t: 'ref', c, attr: 'Ref', at };
  // `subnet.node.id` names constructs made in loops (`RouteToPeer-${subnet.node.id}`).
  // A library construct's `node.defaultChild` is the CloudFormation resource it made (its main one), which the
  // app may change (`addPropertyOverride`, property assignments): see propertyOverrides.ts.
  if (name === 'node') {
    const data: Record<string, V> = { id: prim(c.id, at), path: prim(c.path, at), of: self };
    if (!c.userClass) data['defaultChild'] = { t: 'libval', kind: 'cfnResource', data: { of: self }, at };
    return { t: 'libval', kind: 'node', data, at };
  }
  if (/^attr[A-Z]/.test(name)) return { t: 'ref', c, attr: name.slice(4), at };
  // A stack's own AZs (`this.availabilityZones` in a Stack subclass); no other construct has the member.
  if (c.userClass && name === 'availabilityZones') return stackAzsV(at, c);
  if (c.type === 'ec2.Vpc' && VPC_SUBNET_LISTS[name]) {
    const selection: V = { t: 'obj', props: new Map<string, Slot>([['subnetType', { value: prim(VPC_SUBNET_LISTS[name]!, at) }]]), at };
    return { t: 'libval', kind: 'subnets', data: { vpc: self, selection }, at };
  }
  if (c.type === 'ec2.Vpc' && name === 'vpcCidrBlock') return { t: 'libval', kind: 'vpcCidr', data: { vpc: self }, at };
  // `subnet.routeTable.routeTableId` of an `ec2.Subnet` the app makes: the route table CDK makes with it.
  if (SUBNET_TYPES.has(c.type) && name === 'routeTable') {
    return { t: 'obj', props: new Map([['routeTableId', { value: { t: 'ref', c: partConstruct(c, 'ec2.CfnRouteTable', 'RouteTable'), attr: 'Ref', at } }]]), at };
  }
  // The internet gateway an L2 Vpc with public subnets makes (`<vpc>/IGW`).
  if (c.type === 'ec2.Vpc' && name === 'internetGatewayId') return { t: 'ref', c: partConstruct(c, 'ec2.CfnInternetGateway', 'IGW'), attr: 'Ref', at };
  if (c.type === 'ec2.Vpc' && name === 'vpnGatewayId') return { t: 'ref', c: partConstruct(c, 'ec2.CfnVPNGateway', VPN_GATEWAY_PART), attr: 'Ref', at };
  // A VPN connection's gateway is its Vpc's (also read through `connection.node.defaultChild`).
  if (c.type === 'ec2.VpnConnection' && name === 'vpnGatewayId') {
    const vpc = c.props.t === 'obj' ? c.props.props.get('vpc')?.value : undefined;
    if (vpc?.t === 'construct') return constructMember(vpc.c, name, at);
  }
  // `vpcId`, `subnetId`, `securityGroupId`, `networkAclId`, `loadBalancerArn`: the construct's own id.
  if (/(Id|Arn)$/.test(name)) return { t: 'ref', c, attr: 'Ref', at };
  return unknownV(`${name} of ${c.path} is not evaluated by VPC Lens`, at);
}

/**
 * A method call on a construct (or on its `connections`). Calls that add to it are recorded for the model
 * mapping; calls that make a child construct return it.
 */
export function constructMethod(interp: CdkInterpreter, target: V, method: string, args: readonly V[], argSpans: readonly Span[], at: Span): V {
  if (target.t === 'libval') {
    const of = target.data['of'];
    if (of?.t === 'construct') of.c.calls.push({ method: `connections.${method}`, args, argSpans, span: at });
    return UNDEFINED;
  }
  if (target.t !== 'construct') return unknownV(undefined, at);
  const c = target.c;
  const maker = CHILD_MAKERS[method] ?? (method === 'addListener' && LISTENER_TYPES[c.type] ? { type: LISTENER_TYPES[c.type]!, link: 'loadBalancer' } : undefined);
  if (maker) {
    const props = new Map<string, Slot>(args[1]?.t === 'obj' ? args[1].props : []);
    const link: V =
      method === 'addFlowLog' ? { t: 'libval', kind: 'flowLogResource', data: { target, type: prim('VPC', at) }, at } : target;
    props.set(maker.link, { value: link });
    const child = interp.newConstruct(maker.type, false, [target, args[0] ?? UNDEFINED, { t: 'obj', props, at: argSpans[1] ?? at }], [at, argSpans[0] ?? at, argSpans[1] ?? at], at);
    return { t: 'construct', c: child };
  }
  if (method === 'addRedirect' && c.type === 'elbv2.ApplicationLoadBalancer') return addRedirect(interp, target, args[0], argSpans[0], at);
  // `subnet.associateNetworkAcl(id, acl)` makes `new ec2.SubnetNetworkAclAssociation(..., id, { networkAcl, subnet })`.
  if (method === 'associateNetworkAcl') {
    const props = new Map<string, Slot>([['subnet', { value: target }], ['networkAcl', { value: args[1] ?? UNDEFINED }]]);
    const child = interp.newConstruct('ec2.SubnetNetworkAclAssociation', false, [target, args[0] ?? UNDEFINED, { t: 'obj', props, at }], [at, argSpans[0] ?? at, at], at);
    return { t: 'construct', c: child };
  }
  if (method === 'selectSubnets') return { t: 'libval', kind: 'subnets', data: { vpc: target, selection: args[0] ?? UNDEFINED }, at };
  if (method === 'addNatGateway' && SUBNET_TYPES.has(c.type)) {
    // CDK makes `<subnet>/EIP` and `<subnet>/NATGateway` (expandSubnet); the call returns the gateway.
    c.calls.push({ method, args, argSpans, span: at });
    return { t: 'construct', c: partConstruct(c, 'ec2.CfnNatGateway', 'NATGateway') };
  }
  if (method === 'addTargets' && TARGET_GROUP_TYPES[c.type]) {
    // CDK makes `<listener>/<id>Group` in the load balancer's VPC with the call's props; without conditions,
    // the listener forwards to it by default.
    const props = new Map<string, Slot>(args[1]?.t === 'obj' ? args[1].props : []);
    const lb = c.props.t === 'obj' ? c.props.props.get('loadBalancer')?.value : undefined;
    const vpc = lb?.t === 'construct' && lb.c.props.t === 'obj' ? lb.c.props.props.get('vpc') : undefined;
    if (vpc && !props.has('vpc')) props.set('vpc', vpc);
    const id = primOf(args[0]);
    const group = interp.newConstruct(TARGET_GROUP_TYPES[c.type]!, false, [target, id === undefined ? UNDEFINED : prim(`${id}Group`, argSpans[0] ?? at), { t: 'obj', props, at: argSpans[1] ?? at }], [at, argSpans[0] ?? at, argSpans[1] ?? at], at);
    c.calls.push({ method, args, argSpans, span: at, made: group });
    return { t: 'construct', c: group };
  }
  c.calls.push({ method, args, argSpans, span: at });
  return unknownV(`${method}(...) is not evaluated by VPC Lens`, at);
}

/** The child constructs a new library construct makes from its props (see `PROPS_MADE_BY_METHODS`). */
export function addChildrenOfProps(interp: CdkInterpreter, made: V): void {
  if (made.t !== 'construct') return;
  const c = made.c;
  for (const [name, method] of Object.entries(PROPS_MADE_BY_METHODS[c.type] ?? {})) {
    const written = c.props.t === 'obj' ? c.props.props.get(name) : undefined;
    // An object VPC Lens cannot read makes no child: its entries, if any, are not known.
    if (written?.value.t !== 'obj') continue;
    for (const [id, entry] of written.value.props) {
      const at = entry.span ?? entry.keySpan ?? written.span ?? c.idSpan;
      const idAt = entry.keySpan ?? at;
      constructMethod(interp, made, method, [prim(id, idAt), entry.value], [idAt, spanOfV(entry.value) ?? at], at);
    }
  }
}

/**
 * `alb.addRedirect({ sourcePort, targetPort, sourceProtocol, targetProtocol })`: CDK adds listener
 * `Redirect<source>To<target>` (defaults 80 -> 443, HTTP -> HTTPS) whose default action redirects.
 */
function addRedirect(interp: CdkInterpreter, lb: V, config: V | undefined, configSpan: Span | undefined, at: Span): V {
  const get = (name: string): Slot | undefined => (config?.t === 'obj' ? config.props.get(name) : undefined);
  const sourcePort = get('sourcePort')?.value ?? prim(80, at);
  const targetPort = get('targetPort')?.value ?? prim(443, at);
  const portText = (v: V) => (v.t === 'prim' && v.v !== undefined && v.v !== null ? String(v.v) : undefined);
  const source = portText(sourcePort);
  const targetText = portText(targetPort);
  const id = source !== undefined && targetText !== undefined ? prim(`Redirect${source}To${targetText}`, at) : unknownV('the redirect ports are not known here', at);
  const redirect: V = {
    t: 'libval',
    kind: 'listenerAction',
    data: { type: prim('redirect', at), protocol: get('targetProtocol')?.value ?? prim('HTTPS', at), port: targetPort },
    at,
  };
  const props = new Map<string, Slot>([
    ['loadBalancer', { value: lb }],
    ['protocol', { value: get('sourceProtocol')?.value ?? prim('HTTP', configSpan ?? at) }],
    ['port', { value: sourcePort }],
    ['defaultAction', { value: redirect }],
  ]);
  const child = interp.newConstruct('elbv2.ApplicationListener', false, [lb, id, { t: 'obj', props, at: configSpan ?? at }], [at, at, configSpan ?? at], at);
  return { t: 'construct', c: child };
}

/**
 * `construct.node.findChild('IGW')` / `tryFindChild(...)`: a resource a library construct made under it,
 * referred to by its id (`<vpc>/IGW`). Undefined for other `node` methods.
 */
export function nodeMethod(node: Extract<V, { t: 'libval' }>, method: string, args: readonly V[], at: Span): V | undefined {
  if (method !== 'findChild' && method !== 'tryFindChild') return undefined;
  const of = node.data['of'];
  const id = primOf(args[0]);
  if (of?.t !== 'construct' || typeof id !== 'string') return unknownV(`${method}(...) is not known here`, at);
  return { t: 'construct', c: partConstruct(of.c, 'cdk.CfnResource', id) };
}
