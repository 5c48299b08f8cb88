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
import type { EvaluatedResource } from '../evaluated';
import { BodyView, type NestedPart } from './body';
import { baseOf, inlineBaseOf, type MapContext } from './context';
import { withFields } from '../../../model/withFields';
import { vpcOfDefaultPart } from './routing';

const DIRECTIONS: readonly Direction[] = ['ingress', 'egress'];

/** `aws_security_group` and `aws_default_security_group`, plus their inline `ingress`/`egress` rules. */
export function mapSecurityGroup(r: EvaluatedResource, ctx: MapContext): (SecurityGroup | SecurityGroupRule)[] {
  const b = new BodyView(r.body, r.nameSpan, ctx);
  const group: SecurityGroup = withFields(baseOf(r, 'sg', ctx), {
    vpc: b.id('vpc_id'),
    groupName: b.str('name'),
    isDefault: r.type === 'aws_default_security_group',
    rules: [],
  });
  const rules: SecurityGroupRule[] = [];
  for (const direction of DIRECTIONS) {
    for (const part of b.parts(direction)) rules.push(inlineRule(r, part, direction));
  }
  return [group, ...rules];
}

function inlineRule(r: EvaluatedResource, part: NestedPart, direction: Direction): SecurityGroupRule {
  const b = part.body;
  const peers: SgPeer[] = [
    ...cidrPeers(b, 'cidr_blocks', false),
    ...cidrPeers(b, 'ipv6_cidr_blocks', true),
    ...b.ids('security_groups').map((group): SgPeer => ({ kind: 'sg', group })),
    ...selfPeer(b),
    ...b.strs('prefix_list_ids').map((prefixList): SgPeer => ({ kind: 'prefix-list', prefixList })),
  ];
  return withFields(inlineBaseOf(r, 'sg-rule', part), {
    group: known(r.elementId, part.span),
    direction,
    protocol: orMissing(b.protocol('protocol'), part.span, 'protocol'),
    fromPort: b.num('from_port'),
    toPort: b.num('to_port'),
    peers,
    inline: true,
    description: b.str('description'),
  });
}

function cidrPeers(b: BodyView, attr: string, ipv6: boolean): SgPeer[] {
  return b.strs(attr).map((cidr): SgPeer => ({ kind: 'cidr', cidr, ipv6 }));
}

function selfPeer(b: BodyView): SgPeer[] {
  const self = b.bool('self');
  return self?.known && self.value ? [{ kind: 'self' }] : [];
}

/** `aws_security_group_rule`: one rule, its peers from any of the source attributes. */
export function mapSecurityGroupRule(r: EvaluatedResource, ctx: MapContext): SecurityGroupRule | undefined {
  const b = new BodyView(r.body, r.nameSpan, ctx);
  const type = b.oneOf('type', DIRECTIONS);
  // Without a known direction the rule cannot be placed; SG rules only allow, so leaving it out hides nothing.
  if (!type?.known) return undefined;
  const source = b.id('source_security_group_id');
  const peers: SgPeer[] = [
    ...cidrPeers(b, 'cidr_blocks', false),
    ...cidrPeers(b, 'ipv6_cidr_blocks', true),
    ...(source ? [{ kind: 'sg', group: source } as const] : []),
    ...selfPeer(b),
    ...b.strs('prefix_list_ids').map((prefixList): SgPeer => ({ kind: 'prefix-list', prefixList })),
  ];
  return withFields(baseOf(r, 'sg-rule', ctx), {
    group: orMissing(b.id('security_group_id'), r.nameSpan, 'security_group_id'),
    direction: type.value,
    protocol: orMissing(b.protocol('protocol'), r.nameSpan, 'protocol'),
    fromPort: b.num('from_port'),
    toPort: b.num('to_port'),
    peers,
    inline: false,
    description: b.str('description'),
  });
}

/** `aws_vpc_security_group_ingress_rule` / `_egress_rule`: one peer per rule. */
export function mapVpcSecurityGroupRule(r: EvaluatedResource, ctx: MapContext): SecurityGroupRule {
  const b = new BodyView(r.body, r.nameSpan, ctx);
  const direction: Direction = r.type === 'aws_vpc_security_group_egress_rule' ? 'egress' : 'ingress';
  const peers: SgPeer[] = [];
  const v4 = b.str('cidr_ipv4');
  if (v4) peers.push({ kind: 'cidr', cidr: v4, ipv6: false });
  const v6 = b.str('cidr_ipv6');
  if (v6) peers.push({ kind: 'cidr', cidr: v6, ipv6: true });
  const group = b.id('referenced_security_group_id');
  if (group) peers.push({ kind: 'sg', group });
  const prefixList = b.str('prefix_list_id');
  if (prefixList) peers.push({ kind: 'prefix-list', prefixList });
  return withFields(baseOf(r, 'sg-rule', ctx), {
    group: orMissing(b.id('security_group_id'), r.nameSpan, 'security_group_id'),
    direction,
    protocol: orMissing(b.protocol('ip_protocol'), r.nameSpan, 'ip_protocol'),
    fromPort: b.num('from_port'),
    toPort: b.num('to_port'),
    peers,
    inline: false,
    description: b.str('description'),
  });
}

/** `aws_network_acl` / `aws_default_network_acl`, plus inline entries. */
export function mapNetworkAcl(r: EvaluatedResource, ctx: MapContext): (NetworkAcl | NaclEntry)[] {
  const b = new BodyView(r.body, r.nameSpan, ctx);
  const isDefault = r.type === 'aws_default_network_acl';
  const nacl: NetworkAcl = withFields(baseOf(r, 'nacl', ctx), {
    vpc: isDefault ? vpcOfDefaultPart(b, 'default_network_acl_id', r) : orMissing(b.id('vpc_id'), r.nameSpan, 'vpc_id'),
    isDefault,
    entries: [],
    subnets: b.ids('subnet_ids'),
  });
  const entries: NaclEntry[] = [];
  for (const direction of DIRECTIONS) {
    for (const part of b.parts(direction)) {
      const e = part.body;
      entries.push(withFields(inlineBaseOf(r, 'nacl-entry', part), {
        nacl: known(r.elementId, part.span),
        egress: direction === 'egress',
        ruleNumber: orMissing(e.num('rule_no'), part.span, 'rule_no'),
        action: orMissing(e.oneOf('action', ['allow', 'deny'] as const), part.span, 'action'),
        ...entryFields(e, part.span),
        inline: true,
      }));
    }
  }
  return [nacl, ...entries];
}

/** A NACL entry's match fields; undefined where not written (`withFields` leaves those out). */
function entryFields(e: BodyView, span: NestedPart['span']) {
  return {
    protocol: orMissing(e.protocol('protocol'), span, 'protocol'),
    cidr: e.str('cidr_block'),
    ipv6Cidr: e.str('ipv6_cidr_block'),
    fromPort: e.num('from_port'),
    toPort: e.num('to_port'),
    icmpType: e.num('icmp_type'),
    icmpCode: e.num('icmp_code'),
  };
}

/** `aws_network_acl_rule`. */
export function mapNetworkAclRule(r: EvaluatedResource, ctx: MapContext): NaclEntry | undefined {
  const b = new BodyView(r.body, r.nameSpan, ctx);
  const egress = b.bool('egress');
  // The direction decides which entries it competes with; unknown, it cannot be placed without guessing.
  if (egress && !egress.known) return undefined;
  return withFields(baseOf(r, 'nacl-entry', ctx), {
    nacl: orMissing(b.id('network_acl_id'), r.nameSpan, 'network_acl_id'),
    egress: egress?.known ? egress.value : false,
    ruleNumber: orMissing(b.num('rule_number'), r.nameSpan, 'rule_number'),
    action: orMissing(b.oneOf('rule_action', ['allow', 'deny'] as const), r.nameSpan, 'rule_action'),
    ...entryFields(b, r.nameSpan),
    inline: false,
  });
}

export function mapNaclAssociation(r: EvaluatedResource, ctx: MapContext): NaclAssociation {
  const b = new BodyView(r.body, r.nameSpan, ctx);
  return withFields(baseOf(r, 'nacl-association', ctx), {
    nacl: orMissing(b.id('network_acl_id'), r.nameSpan, 'network_acl_id'),
    subnet: orMissing(b.id('subnet_id'), r.nameSpan, 'subnet_id'),
  });
}
