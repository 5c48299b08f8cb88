import { defineRule } from '../catalog';
import type { Finding } from '../types';
import { SUBNET_IPV4, SUBNET_IPV6, addressCount, sizeAllowed, sizeProblem } from './sizes';
import { cidrOf } from './support';

/** `subnet-cidr-size`: a subnet block has a size AWS rejects (IPv4 /16../28, IPv6 /44../64 in steps of 4). */
export const subnetCidrSize = defineRule('subnet-cidr-size', function* (ctx): Iterable<Finding> {
  for (const subnet of ctx.model.ofKind('subnet')) {
    for (const [field, version] of [
      [subnet.cidr, 4],
      [subnet.ipv6Cidr, 6],
    ] as const) {
      const cidr = cidrOf(field);
      if (!cidr || !field?.known || cidr.version !== version) continue;
      const rule = version === 4 ? SUBNET_IPV4 : SUBNET_IPV6;
      if (sizeAllowed(cidr.prefix, rule)) continue;
      yield {
        ruleId: 'subnet-cidr-size',
        message: `Subnet ${version === 6 ? 'IPv6 ' : ''}block ${cidr.text}${addressCount(version, cidr.prefix)} of ${subnet.address} ${sizeProblem(cidr.prefix, rule)}: ${rule.allowed}`,
        span: field.span,
      };
    }
  }
});
