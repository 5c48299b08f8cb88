import type { Subnet } from '../../model/types';
import { defineRule } from '../catalog';
import type { Finding, RelatedInfo } from '../types';
import { isInterface } from './support';
import { subnetAz } from '../../model/subnetAz';

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
    const ownKeys = own.map(subnetAz);
    const zone = ownKeys[0];
    if (!zone || ownKeys.some((k) => !k || k.key !== zone.key)) continue;
    const kind = zone.kind;
    // Other AZs of the VPC, of the same kind, one subnet each for the related information.
    const others = new Map<string, Subnet>();
    for (const s of ctx.facts.subnetsOf(endpoint.vpc.value)) {
      const k = subnetAz(s);
      if (!k || k.kind !== kind || k.key === zone.key || others.has(k.text)) continue;
      others.set(k.text, s);
    }
    if (others.size === 0) continue;
    const first = endpoint.subnets[0]!;
    const related: RelatedInfo[] = [...others.values()].map((s) => ({ span: s.nameSpan, message: `Subnet ${s.address} in ${subnetAz(s)!.text}` }));
    yield {
      ruleId: 'endpoint-interface-single-az',
      message: `Interface endpoint ${endpoint.address} has subnets in ${zone.text} only, but its VPC also has subnets in ${[...others.keys()].sort().join(', ')}`,
      span: first.span ?? endpoint.nameSpan,
      related,
    };
  }
});
