import type { Span } from '../../../text/span';
import { bool, list, ref, str, type Value } from '../../../values/value';
import { type Construct, isAbsentV, prim, prop, type Slot, slot } from '../eval/values';
import { addCdkIngress, addImplicitGroup } from './groupProps';
import type { ResourceSink } from './sink';
import { toValue } from './values';

/**
 * An L2 Vpc whose `natGatewayProvider` is `ec2.NatProvider.instanceV2(...)` (or `instance`, or `new
 * ec2.NatInstanceProviderV2(...)`): its NAT is an instance per NAT subnet, as aws-cdk-lib's NatInstanceProvider
 * makes them. They share `securityGroup`, or the group CDK makes (`NatSecurityGroup`), which by default
 * (`defaultAllowedTraffic: INBOUND_AND_OUTBOUND`) lets anyone in from the internet on every port.
 */
export class NatInstances {
  private group: string | undefined;

  private constructor(
    private readonly vpc: Construct,
    private readonly props: Slot['value'],
    private readonly at: Span,
  ) {}

  /** The Vpc's NAT instances, or undefined when its NAT is made of gateways (the default). */
  static of(vpc: Construct): NatInstances | undefined {
    const provider = slot(vpc.props, 'natGatewayProvider');
    const v = provider?.value;
    if (v?.t !== 'libval' || v.kind !== 'natProvider' || !(v.data['instances']?.t === 'prim' && v.data['instances'].v === true)) return undefined;
    return new NatInstances(vpc, v.data['props'] ?? prim(undefined), provider!.span ?? v.at);
  }

  /** The NAT instance in one NAT subnet (`<subnet>/NatInstance`); returns its element id. */
  add(subnetLogicalName: string, subnetId: string, sink: ResourceSink): string {
    const group = this.groupId(sink);
    const props = new Map<string, Value>([
      ['SubnetId', ref(subnetId, 'Ref', this.at)],
      ['SecurityGroupIds', list([ref(group, 'Ref', this.at)], this.at)],
      ['SourceDestCheck', bool(false, this.at)],
    ]);
    const publicIp = prop(this.props, 'associatePublicIpAddress');
    if (publicIp && !isAbsentV(publicIp)) props.set('AssociatePublicIpAddress', toValue(publicIp));
    return sink.add(this.vpc, 'AWS::EC2::Instance', props, { part: `${subnetLogicalName}/NatInstance`, span: this.at, nameSpan: this.at, nativeType: 'ec2.Vpc (NAT instance)' });
  }

  private groupId(sink: ResourceSink): string {
    if (this.group) return this.group;
    const direction = this.direction();
    const given = prop(this.props, 'securityGroup');
    if (given?.t === 'construct') this.group = given.c.elementId;
    else {
      const outbound: Slot = { value: prim(direction !== 'NONE', this.at) };
      this.group = addImplicitGroup(this.vpc, 'NatSecurityGroup', sink, outbound, { t: 'construct', c: this.vpc });
    }
    if (direction === 'INBOUND_AND_OUTBOUND') {
      addCdkIngress(sink, this.vpc, {
        group: this.group,
        protocol: '-1',
        peer: ['CidrIp', str('0.0.0.0/0', this.at)],
        at: this.at,
        part: 'NatSecurityGroup/IngressFromAnywhere',
        nativeType: 'ec2.Vpc (NAT instance provider)',
      });
    }
    return this.group;
  }

  /** `defaultAllowedTraffic`, else the deprecated `allowAllTraffic` (default true): both directions or outbound only. */
  private direction(): string | undefined {
    const d = prop(this.props, 'defaultAllowedTraffic');
    if (d?.t === 'prim' && typeof d.v === 'string') return d.v;
    if (d && !isAbsentV(d)) return undefined;
    const all = prop(this.props, 'allowAllTraffic');
    if (all === undefined || isAbsentV(all)) return 'INBOUND_AND_OUTBOUND';
    return all.t === 'prim' ? (all.v === false ? 'OUTBOUND_ONLY' : 'INBOUND_AND_OUTBOUND') : undefined;
  }
}
