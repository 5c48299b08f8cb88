import type { Span } from '../../../text/span';
import { bool, ref, str, unknown, type Value } from '../../../values/value';
import type { Construct, V } from '../eval/values';
import { isAbsentV, prop, slot } from '../eval/values';
import { allocateCdkVpc, type CdkSubnetConfig, type CdkSubnetType, type CdkVpcProps, type CdkVpcSubnet, DEFAULT_CIDR } from '../vpcLayout';
import { subnetRole, type SubnetRole } from '../vpcLayout/subnetTypes';
import { partElementId, type ResourceSink } from './sink';
import { refTo } from './values';
import { NatInstances } from './natInstances';
import { vpcCidrOf } from './vpcCidr';

export interface VpcSubnetInfo {
  readonly elementId: string;
  readonly routeTableId: string;
  readonly role: SubnetRole;
  readonly group: string;
  readonly az: string;
  /** `PrivateSubnet1`: its construct id under the Vpc. */
  readonly logicalName: string;
  /** Its block, when the VPC's is known. */
  readonly cidr?: string;
}

/** What other constructs ask of an L2 Vpc: its subnets (undefined when the layout is not known). */
export interface VpcInfo {
  readonly subnets: readonly VpcSubnetInfo[] | undefined;
}

const SUBNET_TYPES: readonly CdkSubnetType[] = ['PUBLIC', 'PRIVATE_WITH_EGRESS', 'PRIVATE_WITH_NAT', 'PRIVATE_ISOLATED', 'ISOLATED', 'PRIVATE'];

/** A prop read for the allocator: absent, known, or written but not known here (then no layout). */
type Read<T> = { readonly ok: true; readonly value: T | undefined } | { readonly ok: false; readonly why: string };

function readNumber(v: V | undefined, what: string): Read<number> {
  if (isAbsentV(v)) return { ok: true, value: undefined };
  return v!.t === 'prim' && typeof v!.v === 'number' ? { ok: true, value: v!.v } : { ok: false, why: `${what} is not known here` };
}

function readString(v: V | undefined, what: string): Read<string> {
  if (isAbsentV(v)) return { ok: true, value: undefined };
  if (v!.t === 'prim' && typeof v!.v === 'string') return { ok: true, value: v!.v };
  // The interpreter's own reason says which value it could not follow (`props is not known here`).
  return { ok: false, why: v!.t === 'unknown' && v!.why ? `${what} is not known: ${v!.why}` : `${what} is not known here` };
}

interface GroupSpans {
  readonly entry?: Span;
  readonly name?: Span;
  readonly cidrMask?: Span;
  readonly mapPublicIp?: Span;
}

/**
 * `new ec2.Vpc(...)`: CDK's own allocation (vpcLayout) expanded into the resources CDK synthesizes: the VPC,
 * a subnet, route table and association per group and AZ, the internet gateway and its attachment, NAT
 * gateways with their EIPs, and default routes. Field spans point at the prop that decides them.
 */
export function expandVpc(c: Construct, sink: ResourceSink): VpcInfo {
  const cidr = vpcCidrOf(c);
  const cidrRead = readString(cidr.value, 'the VPC CIDR');
  const cidrSpan = cidr.span ?? c.idSpan;
  const vpcProps = new Map<string, Value>();
  // Reported where the block is written (the literal at a stack's call site); the trace sits on the call.
  const written = cidr.value?.t === 'prim' ? cidr.value.at : undefined;
  if (cidrRead.ok) vpcProps.set('CidrBlock', str(cidrRead.value ?? DEFAULT_CIDR, written ?? cidrSpan));
  else vpcProps.set('CidrBlock', unknown(cidrRead.why, cidr.span));
  vpcProps.set('EnableDnsHostnames', propBool(c, 'enableDnsHostnames', true));
  vpcProps.set('EnableDnsSupport', propBool(c, 'enableDnsSupport', true));
  sink.add(c, 'AWS::EC2::VPC', vpcProps);
  const dualStack = isDualStack(c);
  // A dual-stack Vpc asks AWS for an IPv6 block (`<vpc>/ipv6cidr`); its subnets' /64s are known at deployment.
  if (dualStack) {
    sink.add(c, 'AWS::EC2::VPCCidrBlock', new Map<string, Value>([['VpcId', refTo(c, 'Ref', c.idSpan)], ['AmazonProvidedIpv6CidrBlock', bool(true, ipProtocolSpan(c))]]), {
      part: 'ipv6cidr',
      nativeType: 'ec2.Vpc (IPv6 block)',
    });
  }
  if (cidrRead.ok) sink.trace(cidrSpan, cidrRead.value ?? DEFAULT_CIDR, c.elementId, 'CidrBlock', c.path, [c.idSpan]);

  const plan = planLayout(c, cidrRead);
  if (!plan) return { subnets: undefined };
  const { input, layout } = plan;
  if (!layout.ok) {
    sink.problem(c.idSpan, `CDK would reject this Vpc: ${layout.message}`, 'error');
    return { subnets: undefined };
  }
  const cidrKnown = cidrRead.ok;
  const vpcRef = refTo(c, 'Ref', c.idSpan);
  let igwId: string | undefined;
  if (layout.internetGateway) {
    igwId = sink.add(c, 'AWS::EC2::InternetGateway', new Map(), { part: 'IGW', nativeType: 'ec2.Vpc (internet gateway)' });
    sink.add(c, 'AWS::EC2::VPCGatewayAttachment', new Map([['VpcId', vpcRef], ['InternetGatewayId', ref(igwId, 'Ref', c.idSpan)]]), {
      part: 'VPCGW',
      nativeType: 'ec2.Vpc (gateway attachment)',
    });
  }

  const infos: VpcSubnetInfo[] = [];
  const subnetIds: string[] = [];
  const routeTableIds: string[] = [];
  layout.subnets.forEach((s) => {
    const g = input.groups.get(s.group) ?? {};
    const role = subnetRole(s.type) ?? 'isolated';
    const cidrOrigin = g.cidrMask ?? g.entry ?? cidrSpan;
    const props = new Map<string, Value>([
      ['VpcId', vpcRef],
      ['CidrBlock', cidrRead.ok ? str(s.cidr, cidrOrigin) : unknown(cidrRead.why, cidrOrigin)],
      ['AvailabilityZone', str(s.az, g.entry ?? c.idSpan)],
      ['MapPublicIpOnLaunch', bool(s.mapPublicIpOnLaunch, g.mapPublicIp ?? g.entry ?? c.idSpan)],
    ]);
    if (dualStack) {
      props.set('Ipv6CidrBlock', unknown("a /64 of the VPC's Amazon-provided IPv6 block, known at deployment", ipProtocolSpan(c)));
      props.set('AssignIpv6AddressOnCreation', assignIpv6(c, s.group));
    }
    const nativeType = role === 'public' ? 'ec2.PublicSubnet' : 'ec2.PrivateSubnet';
    const span = g.entry ?? c.span;
    const nameSpan = g.name ?? c.idSpan;
    const subnetId = sink.add(c, 'AWS::EC2::Subnet', props, { part: s.logicalName, span, nameSpan, nativeType });
    const rtId = sink.add(c, 'AWS::EC2::RouteTable', new Map([['VpcId', vpcRef]]), { part: `${s.logicalName}/RouteTable`, span, nameSpan, nativeType });
    sink.add(c, 'AWS::EC2::SubnetRouteTableAssociation', new Map([['RouteTableId', ref(rtId, 'Ref', nameSpan)], ['SubnetId', ref(subnetId, 'Ref', nameSpan)]]), {
      part: `${s.logicalName}/RouteTableAssociation`,
      span,
      nameSpan,
      nativeType,
    });
    if (role === 'public' && igwId) {
      const route = { table: rtId, subnet: s.logicalName, target: ref(igwId, 'Ref', nameSpan), span, nameSpan, nativeType };
      addDefaultRoute(c, sink, 'ipv4', 'GatewayId', route);
      if (dualStack) addDefaultRoute(c, sink, 'ipv6', 'GatewayId', route);
    }
    if (cidrKnown) sink.trace(cidrOrigin, s.cidr, subnetId, 'CidrBlock', `${s.logicalName} (${s.az})`, [c.idSpan, nameSpan]);
    subnetIds.push(subnetId);
    routeTableIds.push(rtId);
    infos.push(subnetInfo(c, s, cidrKnown));
  });

  const natSlot = slot(c.props, 'natGateways');
  const natSpan = natSlot?.value.t === 'prim' ? natSlot.value.at : undefined;
  const natIds: string[] = [];
  const natInstances = NatInstances.of(c);
  layout.natGateways.forEach((n) => {
    const s = layout.subnets[n.subnetIndex];
    if (!s) return;
    const subnetId = subnetIds[n.subnetIndex]!;
    if (natInstances) {
      natIds.push(natInstances.add(s.logicalName, subnetId, sink));
      return;
    }
    const g = input.groups.get(s.group) ?? {};
    const span = natSlot?.span ?? g.entry ?? c.span;
    const nameSpan = natSlot?.keySpan ?? g.name ?? c.idSpan;
    const eipId = sink.add(c, 'AWS::EC2::EIP', new Map([['Domain', str('vpc', nameSpan)]]), { part: `${s.logicalName}/EIP`, span, nameSpan, nativeType: 'ec2.Vpc (NAT EIP)' });
    const natId = sink.add(
      c,
      'AWS::EC2::NatGateway',
      new Map<string, Value>([
        ['SubnetId', ref(subnetId, 'Ref', natSpan ?? nameSpan)],
        ['AllocationId', ref(eipId, 'AllocationId', natSpan ?? nameSpan)],
      ]),
      { part: `${s.logicalName}/NATGateway`, span, nameSpan, nativeType: 'ec2.Vpc (NAT gateway)' },
    );
    natIds.push(natId);
  });
  for (const r of layout.privateRoutes) {
    if (r.natIndex === undefined || natIds[r.natIndex] === undefined) continue;
    const s = layout.subnets[r.subnetIndex];
    if (!s) continue;
    const g = input.groups.get(s.group) ?? {};
    const nameSpan = g.name ?? c.idSpan;
    addDefaultRoute(c, sink, 'ipv4', natInstances ? 'InstanceId' : 'NatGatewayId', {
      table: routeTableIds[r.subnetIndex]!,
      subnet: s.logicalName,
      target: ref(natIds[r.natIndex]!, 'Ref', natSpan ?? nameSpan),
      span: g.entry ?? c.span,
      nameSpan,
      nativeType: 'ec2.PrivateSubnet',
    });
  }
  if (dualStack) addEgressOnlyInternet(c, layout.subnets, routeTableIds, input.groups, sink);
  return { subnets: infos };
}

/** `ipProtocol: ec2.IpProtocol.DUAL_STACK`. */
function isDualStack(c: Construct): boolean {
  const v = prop(c.props, 'ipProtocol');
  return v?.t === 'prim' && v.v === 'DUAL_STACK';
}

function ipProtocolSpan(c: Construct): Span {
  const v = slot(c.props, 'ipProtocol');
  return v?.span ?? c.idSpan;
}

/** A dual-stack subnet's `AssignIpv6AddressOnCreation`: its group's `ipv6AssignAddressOnCreation`, default true. */
function assignIpv6(c: Construct, group: string): Value {
  const config = prop(c.props, 'subnetConfiguration');
  const entry = config?.t === 'list' ? config.items.find((i) => { const n = prop(i, 'name'); return n?.t === 'prim' && n.v === group; }) : undefined;
  const v = prop(entry, 'ipv6AssignAddressOnCreation');
  return v?.t === 'prim' && typeof v.v === 'boolean' ? bool(v.v, v.at ?? c.idSpan) : bool(true, ipProtocolSpan(c));
}

/**
 * A dual-stack Vpc's private subnets (with egress) reach the IPv6 internet through an egress-only internet
 * gateway (`<vpc>/EIGW6`, routes `DefaultRoute6`). CDK makes the gateway only when there are such subnets
 * under the recommended feature flag `@aws-cdk/aws-ec2:requirePrivateSubnetsForEgressOnlyInternetGateway`
 * (set by `cdk init`); VPC Lens follows that.
 */
function addEgressOnlyInternet(c: Construct, subnets: readonly CdkVpcSubnet[], routeTableIds: readonly string[], groups: ReadonlyMap<string, GroupSpans>, sink: ResourceSink): void {
  const privates = subnets.map((s, i) => ({ s, i })).filter(({ s }) => subnetRole(s.type) === 'private');
  if (privates.length === 0) return;
  const at = ipProtocolSpan(c);
  const eigw = sink.add(c, 'AWS::EC2::EgressOnlyInternetGateway', new Map([['VpcId', refTo(c, 'Ref', at)]]), { part: 'EIGW6', span: at, nameSpan: at, nativeType: 'ec2.Vpc (egress-only internet gateway)' });
  for (const { s, i } of privates) {
    const nameSpan = groups.get(s.group)?.name ?? c.idSpan;
    addDefaultRoute(c, sink, 'ipv6', 'EgressOnlyInternetGatewayId', {
      table: routeTableIds[i]!,
      subnet: s.logicalName,
      target: ref(eigw, 'Ref', at),
      span: groups.get(s.group)?.entry ?? c.span,
      nameSpan,
      nativeType: 'ec2.PrivateSubnet',
    });
  }
}

/**
 * A subnet's default route as CDK names it: `<subnet>/DefaultRoute` (0.0.0.0/0) or `<subnet>/DefaultRoute6`
 * (::/0) in its route table, to the target under `targetKey` (`GatewayId`, `NatGatewayId`, ...).
 */
function addDefaultRoute(
  c: Construct,
  sink: ResourceSink,
  family: 'ipv4' | 'ipv6',
  targetKey: string,
  route: { readonly table: string; readonly subnet: string; readonly target: Value; readonly span: Span; readonly nameSpan: Span; readonly nativeType: string },
): void {
  const destination: [string, Value] = family === 'ipv4' ? ['DestinationCidrBlock', str('0.0.0.0/0', route.nameSpan)] : ['DestinationIpv6CidrBlock', str('::/0', route.nameSpan)];
  sink.add(c, 'AWS::EC2::Route', new Map<string, Value>([['RouteTableId', ref(route.table, 'Ref', route.nameSpan)], destination, [targetKey, route.target]]), {
    part: `${route.subnet}/${family === 'ipv4' ? 'DefaultRoute' : 'DefaultRoute6'}`,
    span: route.span,
    nameSpan: route.nameSpan,
    nativeType: route.nativeType,
  });
}

/**
 * The subnets `expandVpc` makes for `c`, without making them: what the app's code sees while it runs
 * (`vpc.privateSubnets`, iterated to add routes). Undefined when the layout is not known here.
 */
export function plannedSubnets(c: Construct): VpcSubnetInfo[] | undefined {
  const cidrRead = readString(vpcCidrOf(c).value, 'the VPC CIDR');
  const layout = planLayout(c, cidrRead)?.layout;
  return layout?.ok ? layout.subnets.map((s) => subnetInfo(c, s, cidrRead.ok)) : undefined;
}

/** The AZs `expandVpc` lays the Vpc out in (`vpc.availabilityZones` while the app runs); undefined when not known. */
export function plannedAzs(c: Construct): readonly string[] | undefined {
  const cidrRead = readString(vpcCidrOf(c).value, 'the VPC CIDR');
  const layout = planLayout(c, cidrRead)?.layout;
  return layout?.ok ? layout.azs : undefined;
}

/**
 * CDK's allocation for the construct's props. A CIDR not known here is laid out as the default block: the
 * subnets' names, AZs and count do not depend on it (their blocks are then not known). Undefined when a prop
 * the layout needs is not known.
 */
function planLayout(c: Construct, cidrRead: Read<string>) {
  const input = layoutInput(c, cidrRead.ok ? cidrRead.value : DEFAULT_CIDR);
  return input.ok ? { input, layout: allocateCdkVpc(input.props) } : undefined;
}

/** What other constructs ask of a subnet of the layout; its ids are those its expansion gives it. */
function subnetInfo(c: Construct, s: CdkVpcSubnet, cidrKnown: boolean): VpcSubnetInfo {
  return {
    elementId: partElementId(c, s.logicalName),
    routeTableId: partElementId(c, `${s.logicalName}/RouteTable`),
    role: subnetRole(s.type) ?? 'isolated',
    group: s.group,
    az: s.az,
    logicalName: s.logicalName,
    ...(cidrKnown ? { cidr: s.cidr } : {}),
  };
}

function propBool(c: Construct, name: string, fallback: boolean): Value {
  const v = prop(c.props, name);
  if (v === undefined) return bool(fallback, c.idSpan);
  return v.t === 'prim' && typeof v.v === 'boolean' ? bool(v.v, v.at) : unknown(`${name} is not known here`);
}

/** The allocator's input from the construct's props, with the span of each subnet group's parts. */
function layoutInput(c: Construct, cidr: string | undefined): { ok: true; props: CdkVpcProps; groups: Map<string, GroupSpans> } | { ok: false } {
  const p = c.props;
  const maxAzs = readNumber(prop(p, 'maxAzs'), 'maxAzs');
  const natGateways = readNumber(prop(p, 'natGateways'), 'natGateways');
  const reservedAzs = readNumber(prop(p, 'reservedAzs'), 'reservedAzs');
  if (!maxAzs.ok || !natGateways.ok || !reservedAzs.ok) return { ok: false };
  const props: CdkVpcProps = { constructPath: c.path };
  if (cidr !== undefined) props.cidr = cidr;
  if (isDualStack(c)) props.dualStack = true;
  // A stack with a concrete env: CDK's AZs are those cdk.context.json recorded (else looked up at synth).
  if (c.stackEnv) {
    props.region = c.stackEnv.region;
    props.envAgnostic = false;
    if (c.stackEnv.azs) props.stackAvailabilityZones = [...c.stackEnv.azs];
  }
  if (maxAzs.value !== undefined) props.maxAzs = maxAzs.value;
  if (natGateways.value !== undefined) props.natGateways = natGateways.value;
  if (reservedAzs.value !== undefined) props.reservedAzs = reservedAzs.value;

  const azs = prop(p, 'availabilityZones');
  if (azs) {
    if (azs.t !== 'list') return { ok: false };
    const names: string[] = [];
    for (const a of azs.items) {
      if (a.t !== 'prim' || typeof a.v !== 'string') return { ok: false };
      names.push(a.v);
    }
    props.availabilityZones = names;
  }

  const natSubnets = prop(p, 'natGatewaySubnets');
  if (natSubnets) {
    const groupName = readString(prop(natSubnets, 'subnetGroupName'), 'subnetGroupName');
    const type = readString(prop(natSubnets, 'subnetType'), 'subnetType');
    if (!groupName.ok || !type.ok || natSubnets.t !== 'obj') return { ok: false };
    props.natGatewaySubnets = {
      ...(groupName.value !== undefined ? { subnetGroupName: groupName.value } : {}),
      ...(type.value !== undefined ? { subnetType: type.value as CdkSubnetType } : {}),
    };
  }

  const groups = new Map<string, GroupSpans>();
  const config = slot(p, 'subnetConfiguration');
  if (config && !isAbsentV(config.value)) {
    if (config.value.t !== 'list') return { ok: false };
    const out: CdkSubnetConfig[] = [];
    for (const item of config.value.items) {
      if (item.t !== 'obj') return { ok: false };
      const name = readString(prop(item, 'name'), 'name');
      const type = readString(prop(item, 'subnetType'), 'subnetType');
      const mask = readNumber(prop(item, 'cidrMask'), 'cidrMask');
      const reserved = prop(item, 'reserved');
      const mapIp = prop(item, 'mapPublicIpOnLaunch');
      if (!name.ok || !type.ok || !mask.ok || name.value === undefined || type.value === undefined) return { ok: false };
      if (!SUBNET_TYPES.includes(type.value as CdkSubnetType)) return { ok: false };
      if ((reserved && !(reserved.t === 'prim' && typeof reserved.v === 'boolean')) || (mapIp && !(mapIp.t === 'prim' && typeof mapIp.v === 'boolean'))) return { ok: false };
      out.push({
        name: name.value,
        subnetType: type.value as CdkSubnetType,
        ...(mask.value !== undefined ? { cidrMask: mask.value } : {}),
        ...(reserved?.t === 'prim' ? { reserved: reserved.v as boolean } : {}),
        ...(mapIp?.t === 'prim' ? { mapPublicIpOnLaunch: mapIp.v as boolean } : {}),
      });
      const spanOf = (k: string) => {
        const v = slot(item, k)?.value;
        return v && v.t === 'prim' ? v.at : undefined;
      };
      groups.set(name.value, {
        ...(item.at ? { entry: item.at } : {}),
        ...(spanOf('name') ? { name: spanOf('name') } : {}),
        ...(spanOf('cidrMask') ? { cidrMask: spanOf('cidrMask') } : {}),
        ...(spanOf('mapPublicIpOnLaunch') ? { mapPublicIp: spanOf('mapPublicIpOnLaunch') } : {}),
      });
    }
    props.subnetConfiguration = out;
  }
  return { ok: true, props, groups };
}
