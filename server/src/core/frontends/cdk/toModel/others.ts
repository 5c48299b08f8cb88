import { bool, list, num, ref, str, unknown, type Value } from '../../../values/value';
import type { Construct, V } from '../eval/values';
import { isAbsentV, prop, slot } from '../eval/values';
import { addCdkIngress, addImplicitGroup } from './groupProps';
import { allSubnets, selectSubnets, subnetRefs, type VpcInfos } from './selection';
import { partElementId, type ResourceSink } from './sink';
import { pascal, refTo, toValue } from './values';
import { vpcCidrValue } from './vpcCidr';

/** CDK module -> CloudFormation namespace of its L1 (`Cfn*`) classes. */
const CFN_NAMESPACES: Readonly<Record<string, string>> = {
  ec2: 'AWS::EC2::',
  elbv2: 'AWS::ElasticLoadBalancingV2::',
  elasticloadbalancing: 'AWS::ElasticLoadBalancing::',
};

/** `ec2.CfnSubnet` -> `AWS::EC2::Subnet`; undefined for other types. */
export function cfnTypeOf(type: string): string | undefined {
  const m = /^(\w+)\.Cfn(\w+)$/.exec(type);
  const ns = m ? CFN_NAMESPACES[m[1]!] : undefined;
  return ns ? ns + m![2]! : undefined;
}

/** An L1 construct: its props are CloudFormation's, camelCased; the CloudFormation mapping reads them. */
export function expandL1(c: Construct, cfnType: string, sink: ResourceSink): void {
  const props = new Map<string, Value>();
  if (c.props.t === 'obj') {
    for (const [k, s] of c.props.props) if (!isAbsentV(s.value)) props.set(pascal(k), toValue(s.value, true));
  } else if (!isAbsentV(c.props)) {
    sink.problem(c.propsSpan ?? c.span, `The properties of ${c.path} are not known here`, 'info');
  }
  sink.add(c, cfnType, props);
}

/** `new ec2.Subnet / PublicSubnet / PrivateSubnet(...)`: the subnet and the route table CDK gives it. */
export function expandSubnet(c: Construct, sink: ResourceSink): void {
  const p = c.props;
  const props = new Map<string, Value>();
  const vpcId = prop(p, 'vpcId');
  props.set('VpcId', vpcId ? toValue(vpcId) : unknown('vpcId is not set', c.idSpan));
  for (const [from, to] of [
    ['cidrBlock', 'CidrBlock'],
    ['availabilityZone', 'AvailabilityZone'],
    ['ipv6CidrBlock', 'Ipv6CidrBlock'],
    ['assignIpv6AddressOnCreation', 'AssignIpv6AddressOnCreation'],
  ] as const) {
    const v = prop(p, from);
    if (v) props.set(to, toValue(v));
  }
  // Only the prop: `new ec2.PublicSubnet(...)` does not map public IPs by itself (a Vpc's public subnets do).
  const mapIp = prop(p, 'mapPublicIpOnLaunch');
  if (mapIp) props.set('MapPublicIpOnLaunch', toValue(mapIp));
  const subnetId = sink.add(c, 'AWS::EC2::Subnet', props);
  const rtId = sink.add(c, 'AWS::EC2::RouteTable', new Map([['VpcId', props.get('VpcId')!]]), { part: 'RouteTable' });
  sink.add(c, 'AWS::EC2::SubnetRouteTableAssociation', new Map([['RouteTableId', ref(rtId, 'Ref', c.idSpan)], ['SubnetId', ref(subnetId, 'Ref', c.idSpan)]]), {
    part: 'RouteTableAssociation',
  });
  // `subnet.addNatGateway()`: an EIP and a NAT gateway in this subnet.
  for (const call of c.calls) {
    if (call.method !== 'addNatGateway') continue;
    const given = call.args[0];
    const eip = given && !isAbsentV(given) ? toValue(given) : ref(sink.add(c, 'AWS::EC2::EIP', new Map([['Domain', str('vpc', call.span)]]), { part: 'EIP', span: call.span, nameSpan: call.span }), 'AllocationId', call.span);
    sink.add(c, 'AWS::EC2::NatGateway', new Map<string, Value>([['SubnetId', ref(subnetId, 'Ref', call.span)], ['AllocationId', eip]]), { part: 'NATGateway', span: call.span, nameSpan: call.span });
    break;
  }
  // `subnet.addDefaultInternetRoute(igwId, ...)`, `subnet.addDefaultNatRoute(natId)`.
  let n = 0;
  for (const call of c.calls) {
    if (call.method !== 'addDefaultInternetRoute' && call.method !== 'addDefaultNatRoute') continue;
    const target = call.args[0] ? toValue(call.args[0]) : unknown(undefined, call.span);
    sink.add(
      c,
      'AWS::EC2::Route',
      new Map<string, Value>([
        ['RouteTableId', ref(rtId, 'Ref', call.span)],
        ['DestinationCidrBlock', str('0.0.0.0/0', call.span)],
        [call.method === 'addDefaultInternetRoute' ? 'GatewayId' : 'NatGatewayId', target],
      ]),
      { part: `DefaultRoute${++n > 1 ? n : ''}`, span: call.span, nameSpan: call.span },
    );
  }
}

function serviceName(c: Construct): Value {
  const s = slot(c.props, 'service');
  const v = s?.value;
  if (v?.t === 'libval' && v.kind === 'service') {
    const full = v.data['fullName'];
    if (full) return toValue(full);
    // `com.amazonaws.<region>.<service>`: the region is the stack's, not known here.
    return unknown('the service name depends on the stack region', v.at);
  }
  return unknown('the service is not known here', s?.span ?? c.idSpan);
}

/** `vpc.addGatewayEndpoint(...)` / `new ec2.GatewayVpcEndpoint(...)`: route tables of the selected subnets (default all). */
export function expandGatewayEndpoint(c: Construct, infos: VpcInfos, sink: ResourceSink): void {
  const vpc = prop(c.props, 'vpc');
  const subnets = slot(c.props, 'subnets');
  let tables: Value;
  if (!subnets || isAbsentV(subnets.value)) {
    const all = allSubnets(vpc, infos);
    tables = all ? list(all.map((s) => ref(s.routeTableId, 'Ref', c.idSpan)), c.idSpan) : unknown('the VPC route tables are not known here', c.idSpan);
  } else if (subnets.value.t === 'list') {
    const picked = subnets.value.items.map((sel) => selectSubnets(vpc, sel, infos));
    tables = picked.every((x) => x)
      ? list([...new Set(picked.flatMap((x) => x!.map((s) => s.routeTableId)))].map((id) => ref(id, 'Ref', subnets.span)), subnets.span)
      : unknown('the selected subnets are not known here', subnets.span);
  } else tables = unknown('the selected subnets are not known here', subnets.span);
  sink.add(
    c,
    'AWS::EC2::VPCEndpoint',
    new Map<string, Value>([
      ['VpcId', vpc ? toValue(vpc) : unknown('vpc is not set', c.idSpan)],
      ['ServiceName', serviceName(c)],
      ['VpcEndpointType', str('Gateway', c.idSpan)],
      ['RouteTableIds', tables],
    ]),
  );
}

/**
 * `vpc.addInterfaceEndpoint(...)` / `new ec2.InterfaceVpcEndpoint(...)`: default private subnets, private DNS on,
 * `securityGroups` or the group CDK makes for it (`SecurityGroup`). Unless `open: false`, CDK lets the whole VPC
 * reach the service's port (443 for AWS services) through each of those groups. Returns the first group, where
 * `endpoint.connections` rules go.
 */
export function expandInterfaceEndpoint(c: Construct, infos: VpcInfos, sink: ResourceSink): string | undefined {
  const vpc = prop(c.props, 'vpc');
  const subnets = slot(c.props, 'subnets');
  const props = new Map<string, Value>([
    ['VpcId', vpc ? toValue(vpc) : unknown('vpc is not set', c.idSpan)],
    ['ServiceName', serviceName(c)],
    ['VpcEndpointType', str('Interface', c.idSpan)],
    // CDK's default selection for interface endpoints: one subnet per AZ.
    ['SubnetIds', subnetRefs(vpc, withOnePerAz(subnets?.value), infos, subnets?.span ?? c.idSpan)],
  ]);
  const groups = prop(c.props, 'securityGroups');
  const groupIds: (string | undefined)[] = [];
  if (groups && !isAbsentV(groups)) {
    props.set('SecurityGroupIds', toValue(groups));
    if (groups.t === 'list') for (const g of groups.items) groupIds.push(g.t === 'construct' ? g.c.elementId : undefined);
  } else {
    const id = addImplicitGroup(c, 'SecurityGroup', sink);
    groupIds.push(id);
    props.set('SecurityGroupIds', list([ref(id, 'Ref', c.idSpan)]));
  }
  const dns = prop(c.props, 'privateDnsEnabled');
  props.set('PrivateDnsEnabled', dns ? toValue(dns) : bool(true, c.idSpan));
  sink.add(c, 'AWS::EC2::VPCEndpoint', props);
  openToTheVpc(c, vpc, groupIds, sink);
  return groupIds[0];
}

function openToTheVpc(c: Construct, vpc: V | undefined, groupIds: readonly (string | undefined)[], sink: ResourceSink): void {
  const open = slot(c.props, 'open');
  if (open && !isAbsentV(open.value) && !(open.value.t === 'prim' && open.value.v === true)) return;
  const at = open?.span ?? c.idSpan;
  const service = prop(c.props, 'service');
  const port = service?.t === 'libval' && service.data['port'] ? toValue(service.data['port']) : num(443, at);
  const cidr = vpc?.t === 'construct' && vpc.c.type === 'ec2.Vpc' ? vpcCidrValue(vpc.c, at) : unknown('the VPC CIDR is not known here', at);
  groupIds.forEach((group, i) => {
    if (group) addCdkIngress(sink, c, { group, protocol: 'tcp', port, peer: ['CidrIp', cidr], at, part: `OpenIngress${i + 1}`, nativeType: `${c.type} (open)` });
  });
}

function withOnePerAz(selection: V | undefined): V {
  const base = selection?.t === 'obj' ? selection.props : new Map();
  if (selection !== undefined && !isAbsentV(selection) && selection.t !== 'obj') return selection;
  const props = new Map(base);
  if (!props.has('onePerAz')) props.set('onePerAz', { value: { t: 'prim', v: true } });
  return { t: 'obj', props };
}

/** `vpc.addFlowLog(...)` / `new ec2.FlowLog(...)`. */
export function expandFlowLog(c: Construct, sink: ResourceSink): void {
  const resource = prop(c.props, 'resourceType');
  const props = new Map<string, Value>();
  if (resource?.t === 'libval' && resource.kind === 'flowLogResource') {
    const target = resource.data['target'];
    props.set('ResourceId', target ? toValue(target) : unknown(undefined, resource.at));
    props.set('ResourceType', toValue(resource.data['type']!));
  } else props.set('ResourceId', unknown('the logged resource is not known here', c.idSpan));
  const traffic = prop(c.props, 'trafficType');
  props.set('TrafficType', traffic ? toValue(traffic) : str('ALL', c.idSpan));
  sink.add(c, 'AWS::EC2::FlowLog', props);
}

/**
 * `new elbv2.ApplicationLoadBalancer / NetworkLoadBalancer(...)`: scheme from `internetFacing` (default
 * internal), subnets from `vpcSubnets` (default: public when internet-facing, else private). An ALB without
 * `securityGroup` gets the group CDK creates for it (`<path>/SecurityGroup`), which `connections` adds to.
 */
export function expandLoadBalancer(c: Construct, infos: VpcInfos, sink: ResourceSink): string | undefined {
  const application = c.type === 'elbv2.ApplicationLoadBalancer';
  const p = c.props;
  const facing = slot(p, 'internetFacing');
  const facingValue = facing?.value;
  const internetFacing = facingValue?.t === 'prim' ? facingValue.v === true : facingValue === undefined ? false : undefined;
  const props = new Map<string, Value>([['Type', str(application ? 'application' : 'network', c.idSpan)]]);
  const schemeSpan = (facingValue?.t === 'prim' ? facingValue.at : undefined) ?? c.idSpan;
  props.set('Scheme', internetFacing === undefined ? unknown('internetFacing is not known here', schemeSpan) : str(internetFacing ? 'internet-facing' : 'internal', schemeSpan));
  const vpc = prop(p, 'vpc');
  const selection = slot(p, 'vpcSubnets');
  const defaultSelection = { t: 'obj' as const, props: new Map([['subnetType', { value: { t: 'prim' as const, v: internetFacing ? 'PUBLIC' : 'PRIVATE_WITH_EGRESS' } }]]) };
  const chosen = selection && !isAbsentV(selection.value) ? selection.value : internetFacing === undefined ? undefined : defaultSelection;
  props.set('Subnets', chosen ? subnetRefs(vpc, chosen, infos, selection?.span ?? c.idSpan) : unknown('the subnets are not known here', c.idSpan));
  let groupId: string | undefined;
  // An application load balancer's `securityGroup`; a network load balancer's `securityGroups` and
  // `addSecurityGroup(...)` calls (it has none unless given).
  const given = application ? prop(p, 'securityGroup') : undefined;
  const nlbGroups = application ? [] : [...listItems(prop(p, 'securityGroups')), ...c.calls.filter((call) => call.method === 'addSecurityGroup').flatMap((call) => call.args.slice(0, 1))];
  const group = given ?? nlbGroups[0];
  if (given) props.set('SecurityGroups', list([toValue(given)]));
  else if (nlbGroups.length > 0) props.set('SecurityGroups', list(nlbGroups.map((g) => toValue(g))));
  else if (application) {
    const vpcId = vpc ? toValue(vpc) : unknown('vpc is not set', c.idSpan);
    groupId = sink.add(c, 'AWS::EC2::SecurityGroup', new Map([['VpcId', vpcId], ['GroupDescription', str(`Automatically created Security Group for ELB ${c.path}`, c.idSpan)]]), {
      part: 'SecurityGroup',
      nativeType: 'ec2.SecurityGroup',
    });
    props.set('SecurityGroups', list([ref(groupId, 'Ref', c.idSpan)]));
  }
  sink.add(c, 'AWS::ElasticLoadBalancingV2::LoadBalancer', props);
  return groupId ?? (group?.t === 'construct' ? group.c.elementId : undefined);
}

/**
 * The security group of an application load balancer (`securityGroup`, or the one CDK makes for it): what
 * its listeners open. Undefined when not known.
 */
export function loadBalancerGroupOf(lb: Construct): string | undefined {
  if (lb.type !== 'elbv2.ApplicationLoadBalancer') return undefined;
  const group = prop(lb.props, 'securityGroup');
  if (group === undefined || isAbsentV(group)) return partElementId(lb, 'SecurityGroup');
  return group.t === 'construct' ? group.c.elementId : undefined;
}

export { refTo };

function listItems(v: V | undefined): readonly V[] {
  return v?.t === 'list' ? v.items : [];
}
