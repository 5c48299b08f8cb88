import { defineRule } from '../catalog';
import type { Finding } from '../types';
import { describePorts } from './portSets';
import { opensEverything, ruleRelated, sgSelection, worldIngressPeers } from './sgRules';

/** `sg-world-all-traffic`: an ingress rule opens all protocols, or every TCP/UDP port, to 0.0.0.0/0 or ::/0. */
export const sgWorldAllTraffic = defineRule('sg-world-all-traffic', function* (ctx): Iterable<Finding> {
  for (const rule of ctx.model.ofKind('sg-rule')) {
    const peers = worldIngressPeers(rule);
    if (peers.length === 0) continue;
    const sel = sgSelection(rule);
    if (!sel || !opensEverything(sel)) continue;
    for (const peer of peers) {
      yield {
        ruleId: 'sg-world-all-traffic',
        message: `Security group rule opens ${describePorts(sel)} to ${peer.cidr.text}: the whole internet`,
        span: peer.field.span,
        related: ruleRelated(rule, peer),
      };
    }
  }
});
