import type { Span } from '../../../text/span';
import type { CdkInterpreter } from './interpreter';
import { type Construct, prim, type Slot, UNDEFINED, unknownV, type V } from './values';

/** Methods that make a child construct: its type and the prop that links it to the parent. */
const CHILD_MAKERS: Readonly<Record<string, { readonly type: string; readonly link: string }>> = {
  addGatewayEndpoint: { type: 'ec2.GatewayVpcEndpoint', link: 'vpc' },
  addInterfaceEndpoint: { type: 'ec2.InterfaceVpcEndpoint', link: 'vpc' },
  addFlowLog: { type: 'ec2.FlowLog', link: 'resourceType' },
  addEntry: { type: 'ec2.NetworkAclEntry', link: 'networkAcl' },
};

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
  if (/^attr[A-Z]/.test(name)) return { t: 'ref', c, attr: name.slice(4), at };
  if (c.type === 'ec2.Vpc' && VPC_SUBNET_LISTS[name]) {
    const selection: V = { t: 'obj', props: new Map<string, Slot>([['subnetType', { value: prim(VPC_SUBNET_LISTS[name]!, at) }]]), at };
    return { t: 'libval', kind: 'subnets', data: { vpc: self, selection }, at };
  }
  if (c.type === 'ec2.Vpc' && name === 'vpcCidrBlock') return { t: 'libval', kind: 'vpcCidr', data: { vpc: self }, at };
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
  const maker = CHILD_MAKERS[method];
  if (maker) {
    const props = new Map<string, Slot>(args[1]?.t === 'obj' ? args[1].props : []);
    const link: V =
      method === 'addFlowLog' ? { t: 'libval', kind: 'flowLogResource', data: { target, type: prim('VPC', at) }, at } : target;
    props.set(maker.link, { value: link });
    const child = interp.newConstruct(maker.type, false, [target, args[0] ?? UNDEFINED, { t: 'obj', props, at: argSpans[1] ?? at }], [at, argSpans[0] ?? at, argSpans[1] ?? at], at);
    return { t: 'construct', c: child };
  }
  if (method === 'selectSubnets') return { t: 'libval', kind: 'subnets', data: { vpc: target, selection: args[0] ?? UNDEFINED }, at };
  c.calls.push({ method, args, argSpans, span: at });
  return unknownV(`${method}(...) is not evaluated by VPC Lens`, at);
}
