import type { NetworkElement } from '../../../model/types';
import type { Value } from '../../../values/value';
import { resourcesToElements } from '../../cloudformation/toModel';
import type { SourceProblem, ValueTrace } from '../../types';
import type { Construct } from '../eval/values';
import { cfnTypeOf, expandFlowLog, expandGatewayEndpoint, expandInterfaceEndpoint, expandL1, expandLoadBalancer, expandSubnet } from './others';
import { PropertyOverrides } from '../eval/propertyOverrides';
import { expandImplicitGroupOwner, ownsImplicitGroup } from './implicitGroups';
import { expandBastion, expandInstance } from './instance';
import { expandListener } from './listeners';
import { expandTargetGroup } from './targetGroups';
import { applyPropertyOverrides } from './propertyOverrides';
import { expandNetworkAcl, expandNetworkAclEntry, expandRuleCalls, expandSecurityGroup, expandSubnetNetworkAclAssociation } from './security';
import type { VpcInfos } from './selection';
import { ResourceSink } from './sink';
import { expandVpc, type VpcInfo } from './vpc';
import { expandVpnConnection, expandVpnGateway, hasVpnGateway } from './vpn';

export interface CdkModel {
  readonly elements: readonly NetworkElement[];
  readonly traces: readonly ValueTrace[];
  readonly problems: readonly SourceProblem[];
}

const LOAD_BALANCERS = new Set(['elbv2.ApplicationLoadBalancer', 'elbv2.NetworkLoadBalancer']);

/**
 * Constructs -> the resources CDK would synthesize (CloudFormation-shaped), mapped to the model by the
 * CloudFormation front-end's mapping, then marked as CDK elements with the construct's type and path. L2
 * VPCs go first: other constructs select their subnets. The app's changes to the resources (escape hatches)
 * go last, as CDK applies them when it synthesizes.
 */
export function constructsToModel(constructs: readonly Construct[], overrides: PropertyOverrides = new PropertyOverrides()): CdkModel {
  const sink = new ResourceSink();
  const infos = new Map<Construct, VpcInfo>();
  const vpnConnections = constructs.filter((c) => c.type === 'ec2.VpnConnection');
  for (const c of constructs) {
    if (c.type !== 'ec2.Vpc') continue;
    safely(() => infos.set(c, expandVpc(c, sink)), () => sink.problem(c.idSpan, `VPC Lens could not expand ${c.path}`));
    if (hasVpnGateway(c, vpnConnections)) safely(() => expandVpnGateway(c, sink), () => sink.problem(c.idSpan, `VPC Lens could not expand the VPN gateway of ${c.path}`));
  }
  const groups = new Map<Construct, string>();
  for (const c of constructs) {
    if (c.type === 'ec2.Vpc') continue;
    const before = sink.resources.length;
    safely(
      () => {
        const group = expandOne(c, infos, sink);
        if (group) groups.set(c, group);
      },
      () => sink.problem(c.idSpan, `VPC Lens could not map ${c.path}`),
    );
    for (const r of sink.resources.slice(before)) sink.traceCidrs(r.properties, r.elementId, undefined, [c.idSpan]);
  }
  const groupOf = (c: Construct) => groups.get(c);
  for (const c of constructs) {
    if (c.calls.length === 0) continue;
    const before = sink.resources.length;
    safely(() => expandRuleCalls(c, groupOf, sink), () => sink.problem(c.idSpan, `VPC Lens could not map the rules of ${c.path}`));
    for (const r of sink.resources.slice(before)) sink.traceCidrs(r.properties, r.elementId, undefined, [c.idSpan]);
  }

  safely(() => applyPropertyOverrides(sink, overrides), () => undefined);
  const elements = resourcesToElements(sink.resources).map((e) => asCdkElement(e, sink.nativeTypes));
  return { elements, traces: sink.traceList(), problems: sink.problems };
}

/** Maps one non-Vpc construct; returns the security group id its `connections` stand for, if any. */
function expandOne(c: Construct, infos: VpcInfos, sink: ResourceSink): string | undefined {
  if (ownsImplicitGroup(c)) return expandImplicitGroupOwner(c, sink);
  const cfnType = cfnTypeOf(c.type);
  if (cfnType) {
    expandL1(c, cfnType, sink);
    return cfnType === 'AWS::EC2::SecurityGroup' ? c.elementId : undefined;
  }
  switch (c.type) {
    case 'ec2.SecurityGroup':
      expandSecurityGroup(c, sink);
      return c.elementId;
    case 'ec2.Instance':
      return expandInstance(c, infos, sink);
    case 'ec2.BastionHostLinux':
      return expandBastion(c, infos, sink);
    case 'ec2.VpnConnection':
      expandVpnConnection(c, sink);
      return undefined;
    case 'ec2.Subnet':
    case 'ec2.PublicSubnet':
    case 'ec2.PrivateSubnet':
      expandSubnet(c, sink);
      return undefined;
    case 'ec2.NetworkAcl':
      expandNetworkAcl(c, infos, sink);
      return undefined;
    case 'ec2.SubnetNetworkAclAssociation':
      expandSubnetNetworkAclAssociation(c, sink);
      return undefined;
    case 'ec2.NetworkAclEntry':
      expandNetworkAclEntry(c, sink);
      return undefined;
    case 'ec2.GatewayVpcEndpoint':
      expandGatewayEndpoint(c, infos, sink);
      return undefined;
    case 'ec2.InterfaceVpcEndpoint':
      return expandInterfaceEndpoint(c, infos, sink);
    case 'ec2.FlowLog':
      expandFlowLog(c, sink);
      return undefined;
    case 'elbv2.ApplicationListener':
    case 'elbv2.NetworkListener':
      expandListener(c, sink);
      return undefined;
    case 'elbv2.ApplicationTargetGroup':
    case 'elbv2.NetworkTargetGroup':
      expandTargetGroup(c, sink);
      return undefined;
    default:
      return LOAD_BALANCERS.has(c.type) ? expandLoadBalancer(c, infos, sink) : undefined;
  }
}

function asCdkElement(e: NetworkElement, nativeTypes: ReadonlyMap<string, string>): NetworkElement {
  let nativeType: string | undefined;
  for (let id = e.id; id && nativeType === undefined; ) {
    nativeType = nativeTypes.get(id);
    const cut = id.lastIndexOf('/');
    if (cut <= 0) break;
    id = id.slice(0, cut);
  }
  return { ...e, format: 'cdk', nativeType: nativeType ?? e.nativeType } as NetworkElement;
}

function safely(f: () => void, onError: () => void): void {
  try {
    f();
  } catch {
    onError();
  }
}
