import type { Subnet } from '../../model/types';
import { defineRule } from '../catalog';
import type { Finding, RelatedInfo } from '../types';
import { isInterface } from './support';
import { azLabel, isSymbolicAz } from '../../model/symbolicAz';

/**
 * `endpoint-interface-single-az`: an Interface endpoint has network interfaces in one AZ only while its VPC
 * has subnets in several, so one AZ outage cuts every AZ off the service. Decided only when every subnet
 * of the endpoint is known with its AZ. AZ names, AZ ids and the symbolic AZs a front-end can only order
 * (`az#0`) are compared only with their own kind: `us-east-1a` and `use1-az1` may be the same zone.
 */
export const endpointInterfaceSingleAz = defineRule('endpoint-interface-single-az', function* (ctx): Iterable<Finding> {
  for (const endpoint of ctx.model.ofKind('endpoint')) {
    if (!isInterface(endpoint) || endpoint.subnets.length === 0 || !endpoint.vpc.known) continue;
    const own: Subnet[] = [];
    for (const f of endpoint.subnets) {
      const s = f.known ? ctx.model.getOf('subnet', f.value) : undefined;
      if (!s) break;
      own.push(s);
    }
    if (own.length !== endpoint.subnets.length) continue;
    const ownKeys = own.map(azKey);
    const zone = ownKeys[0];
    if (!zone || ownKeys.some((k) => !k || k.kind !== zone.kind || k.name !== zone.name)) continue;
    const kind = zone.kind;
    // Other AZs of the VPC, of the same kind, one subnet each for the related information.
    const others = new Map<string, Subnet>();
    for (const s of ctx.facts.subnetsOf(endpoint.vpc.value)) {
      const k = azKey(s);
      if (!k || k.kind !== kind || k.name === zone.name || others.has(k.name)) continue;
      others.set(k.name, s);
    }
    if (others.size === 0) continue;
    const first = endpoint.subnets[0]!;
    const related: RelatedInfo[] = [...others.values()].map((s) => ({ span: s.nameSpan, message: `Subnet ${s.address} in ${azKey(s)!.name}` }));
    yield {
      ruleId: 'endpoint-interface-single-az',
      message: `Interface endpoint ${endpoint.address} has subnets in ${zone.name} only, but its VPC also has subnets in ${[...others.keys()].sort().join(', ')}`,
      span: first.span ?? endpoint.nameSpan,
      related,
    };
  }
});

interface AzKey {
  readonly kind: 'symbolic' | 'name' | 'id';
  readonly name: string;
}

const keys = new WeakMap<Subnet, AzKey | undefined>();

function azKey(s: Subnet): AzKey | undefined {
  if (keys.has(s)) return keys.get(s);
  let key: AzKey | undefined;
  const az = s.availabilityZone;
  const id = s.availabilityZoneId;
  if (az?.known) key = isSymbolicAz(az.value) ? { kind: 'symbolic', name: azLabel(az.value) } : { kind: 'name', name: az.value };
  else if (!az && id?.known) key = { kind: 'id', name: id.value };
  keys.set(s, key);
  return key;
}
