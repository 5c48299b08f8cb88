import { defineRule } from '../catalog';
import type { Finding } from '../types';
import { contains, describePorts, hasPorts } from './portSets';
import { opensEverything, ruleRelated, sgSelection, worldIngressPeers } from './sgRules';
import { ADMIN_PORTS } from './worldPeers';

/**
 * `sg-world-admin-port`: an ingress rule opens a range holding 22 (SSH) or 3389 (RDP) to 0.0.0.0/0 or ::/0.
 * A rule that opens everything is `sg-world-all-traffic`'s, and not repeated here.
 */
export const sgWorldAdminPort = defineRule('sg-world-admin-port', function* (ctx): Iterable<Finding> {
  for (const rule of ctx.model.ofKind('sg-rule')) {
    const peers = worldIngressPeers(rule);
    if (peers.length === 0) continue;
    const sel = sgSelection(rule);
    if (!sel || opensEverything(sel) || !hasPorts(sel.protocol)) continue;
    const admin = ADMIN_PORTS.filter((a) => a.protocols.includes(sel.protocol) && contains(sel.ports, a.port));
    if (admin.length === 0) continue;
    const names = admin.map((a) => `${a.name} (${a.port})`).join(' and ');
    for (const peer of peers) {
      yield {
        ruleId: 'sg-world-admin-port',
        message: `Security group rule opens ${names} to ${peer.cidr.text}: the whole internet (${describePorts(sel)})`,
        span: peer.field.span,
        related: ruleRelated(rule, peer),
      };
    }
  }
});
