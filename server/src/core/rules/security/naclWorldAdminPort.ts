import { defineRule } from '../catalog';
import type { Finding } from '../types';
import { evaluate, naclViews, type ShapedEntry } from './naclEntries';
import { contains, describePorts, hasPorts, protocolNumber } from './portSets';
import { type TrafficBox, interval } from './trafficSets';
import { ADMIN_PORTS, worldCidr } from './worldPeers';

/** The lowest port of the ephemeral range that Linux clients use; ranges reaching above it are return entries. */
const HIGH_EPHEMERAL_START = 32768;

/**
 * `nacl-world-admin-port`: an inbound allow from 0.0.0.0/0 or ::/0 whose port range holds 22 or 3389, and
 * that actually lets it in (no lower-numbered entry decides that traffic first). Entries for all protocols
 * and TCP/UDP ranges reaching into the ephemeral ports (1024-65535, 32768-65535) are left out: those are the
 * return-traffic and allow-everything entries a NACL needs, which hold 3389 only because it is a high port;
 * filtering admin ports there is the security groups' job.
 */
export const naclWorldAdminPort = defineRule('nacl-world-admin-port', function* (ctx): Iterable<Finding> {
  for (const view of naclViews(ctx)) {
    const shaped = view.ingress.shaped;
    for (const e of shaped) {
      if (e.action !== 'allow' || !hasPorts(e.selection.protocol)) continue;
      if (e.selection.ports.hi >= BigInt(HIGH_EPHEMERAL_START)) continue;
      const field = e.ipv6 ? e.entry.ipv6Cidr : e.entry.cidr;
      const world = worldCidr(field);
      if (!world || !field?.known) continue;
      for (const admin of ADMIN_PORTS) {
        if (!admin.protocols.includes(e.selection.protocol) || !contains(e.selection.ports, admin.port)) continue;
        if (!reachesEntry(shaped, e, admin.port)) continue;
        yield {
          ruleId: 'nacl-world-admin-port',
          message: `Inbound rule ${e.number} allows ${admin.name} (${describePorts(e.selection)}) from ${world.text}: the whole internet`,
          span: field.span,
          related: [{ span: e.entry.ruleNumber.known ? e.entry.ruleNumber.span : e.entry.nameSpan, message: `Rule ${e.number} of ${view.nacl.address}` }],
        };
        break;
      }
    }
  }
});

/** True when some of the entry's traffic to `port` is not already decided by lower-numbered entries. */
function reachesEntry(shaped: readonly ShapedEntry[], e: ShapedEntry, port: number): boolean {
  const n = protocolNumber(e.selection.protocol);
  if (n === undefined) return false;
  const query: TrafficBox[] = e.boxes.map((b) => ({ ...b, protocols: interval(n), ports: interval(port) }));
  return evaluate(shaped, query, e.number).rest.length > 0;
}
