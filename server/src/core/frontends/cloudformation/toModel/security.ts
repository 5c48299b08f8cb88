import { known } from '../../../model/field';
import { orMissing } from '../../../model/fields';
import type {
  Direction,
  NaclAssociation,
  NaclEntry,
  NetworkAcl,
  SecurityGroup,
  SecurityGroupRule,
  SgPeer,
} from '../../../model/types';
import type { CfnResource } from '../eval/evaluated';
import { baseOf, inlineBaseOf, opt, Props, type MapContext } from './context';

/** Inline rule lists of `AWS::EC2::SecurityGroup` and the ids their parts get (`.../ingress[0]`). */
const INLINE_RULES: readonly (readonly [string, Direction])[] = [
  ['SecurityGroupIngress', 'ingress'],
  ['SecurityGroupEgress', 'egress'],
];

/** `AWS::EC2::SecurityGroup` plus its inline rules. */
export function mapSecurityGroup(r: CfnResource, ctx: MapContext): (SecurityGroup | SecurityGroupRule)[] {
  const p = Props.of(r, ctx);
  const group: SecurityGroup = {
    ...baseOf(r, 'sg'),
    ...opt('vpc', p.id('VpcId')),
    ...opt('groupName', p.str('GroupName')),
    isDefault: false,
    rules: [],
  };
  const rules: SecurityGroupRule[] = [];
  for (const [property, direction] of INLINE_RULES) {
    for (const part of p.objs(property)) {
      rules.push({
        ...inlineBaseOf(r, 'sg-rule', { type: direction, index: part.index, span: part.span }),
        group: known(r.elementId, part.span),
        ...ruleFields(part.props, direction, part.span),
        inline: true,
      });
    }
  }
  return [group, ...rules];
}

/** `AWS::EC2::SecurityGroupIngress` / `AWS::EC2::SecurityGroupEgress`. */
export function mapSecurityGroupRule(r: CfnResource, ctx: MapContext): SecurityGroupRule {
  const p = Props.of(r, ctx);
  const direction: Direction = r.type === 'AWS::EC2::SecurityGroupEgress' ? 'egress' : 'ingress';
  return {
    ...baseOf(r, 'sg-rule'),
    group: orMissing(p.id('GroupId'), r.nameSpan, 'GroupId'),
    ...ruleFields(p, direction, r.nameSpan),
    inline: false,
  };
}

function ruleFields(p: Props, direction: Direction, span: Props['fallbackSpan']) {
  const peerPrefix = direction === 'ingress' ? 'Source' : 'Destination';
  const peers: SgPeer[] = [];
  const v4 = p.str('CidrIp');
  if (v4) peers.push({ kind: 'cidr', cidr: v4, ipv6: false });
  const v6 = p.str('CidrIpv6');
  if (v6) peers.push({ kind: 'cidr', cidr: v6, ipv6: true });
  const group = p.id(`${peerPrefix}SecurityGroupId`);
  if (group) peers.push({ kind: 'sg', group });
  const prefixList = p.str(`${peerPrefix}PrefixListId`);
  if (prefixList) peers.push({ kind: 'prefix-list', prefixList });
  return {
    direction,
    protocol: orMissing(p.protocol('IpProtocol'), span, 'IpProtocol'),
    ...opt('fromPort', p.num('FromPort')),
    ...opt('toPort', p.num('ToPort')),
    peers,
    ...opt('description', p.str('Description')),
  };
}

export function mapNetworkAcl(r: CfnResource, ctx: MapContext): NetworkAcl {
  const p = Props.of(r, ctx);
  return { ...baseOf(r, 'nacl'), vpc: orMissing(p.id('VpcId'), r.nameSpan, 'VpcId'), isDefault: false, entries: [], subnets: [] };
}

/** `AWS::EC2::NetworkAclEntry`: `Protocol` is a number (-1 all, 6 tcp, ...), ports in `PortRange`, ICMP in `Icmp`. */
export function mapNetworkAclEntry(r: CfnResource, ctx: MapContext): NaclEntry | undefined {
  const p = Props.of(r, ctx);
  const egress = p.bool('Egress');
  // The direction decides which entries it competes with; unknown, it cannot be placed without guessing.
  if (egress && !egress.known) return undefined;
  const ports = p.obj('PortRange');
  const icmp = p.obj('Icmp');
  return {
    ...baseOf(r, 'nacl-entry'),
    nacl: orMissing(p.id('NetworkAclId'), r.nameSpan, 'NetworkAclId'),
    egress: egress?.known ? egress.value : false,
    ruleNumber: orMissing(p.num('RuleNumber'), r.nameSpan, 'RuleNumber'),
    protocol: orMissing(p.protocol('Protocol'), r.nameSpan, 'Protocol'),
    action: orMissing(p.oneOf('RuleAction', ['allow', 'deny'] as const), r.nameSpan, 'RuleAction'),
    ...opt('cidr', p.str('CidrBlock')),
    ...opt('ipv6Cidr', p.str('Ipv6CidrBlock')),
    ...opt('fromPort', ports?.num('From')),
    ...opt('toPort', ports?.num('To')),
    ...opt('icmpType', icmp?.num('Type')),
    ...opt('icmpCode', icmp?.num('Code')),
    inline: false,
  };
}

export function mapNaclAssociation(r: CfnResource, ctx: MapContext): NaclAssociation {
  const p = Props.of(r, ctx);
  return {
    ...baseOf(r, 'nacl-association'),
    nacl: orMissing(p.id('NetworkAclId'), r.nameSpan, 'NetworkAclId'),
    subnet: orMissing(p.id('SubnetId'), r.nameSpan, 'SubnetId'),
  };
}
