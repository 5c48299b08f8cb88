import type { Cidr } from '../../cidr';
import type { Known } from '../../model/field';
import type { SecurityGroupRule } from '../../model/types';
import type { RelatedInfo } from '../types';
import { type PortSelection, hasPorts, isAllPorts, isAllProtocols, selection } from './portSets';
import { worldCidr } from './worldPeers';

/** What a security group rule lets through: for ICMP, from_port is the type and to_port the code. */
export function sgSelection(rule: SecurityGroupRule): PortSelection | undefined {
  return selection(rule.protocol, rule.fromPort, rule.toPort, { type: rule.fromPort, code: rule.toPort });
}

/** All protocols (`-1`), or every TCP or UDP port (0-65535). */
export function opensEverything(sel: PortSelection): boolean {
  return isAllProtocols(sel.protocol) || (hasPorts(sel.protocol) && isAllPorts(sel.ports));
}

export interface WorldPeer {
  readonly field: Known<string>;
  readonly cidr: Cidr;
}

/** The 0.0.0.0/0 and ::/0 peers of an ingress rule (a variable that resolves to one counts: it is known). */
export function worldIngressPeers(rule: SecurityGroupRule): WorldPeer[] {
  if (rule.direction !== 'ingress') return [];
  const out: WorldPeer[] = [];
  for (const p of rule.peers) {
    if (p.kind !== 'cidr' || !p.cidr.known) continue;
    const cidr = worldCidr(p.cidr);
    if (cidr) out.push({ field: p.cidr, cidr });
  }
  return out;
}

/** The rule itself, when the CIDR is written elsewhere (a variable default, a module input). */
export function ruleRelated(rule: SecurityGroupRule, peer: WorldPeer): RelatedInfo[] {
  const s = peer.field.span;
  const inside = s.file === rule.span.file && s.start >= rule.span.start && s.end <= rule.span.end;
  return inside ? [] : [{ span: rule.nameSpan, message: `Security group rule ${rule.address}` }];
}
