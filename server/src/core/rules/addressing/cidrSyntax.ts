import { defineRule } from '../catalog';
import type { Finding } from '../types';
import { cidrUses, parseField } from './support';

/**
 * `cidr-syntax`: a value used as a CIDR block is not a valid IPv4/IPv6 CIDR, or is of the wrong IP version
 * for its field (an IPv6 block in an IPv4 attribute).
 */
export const cidrSyntax = defineRule('cidr-syntax', function* (ctx): Iterable<Finding> {
  for (const use of cidrUses(ctx)) {
    const parsed = parseField(use.field);
    if (!parsed) continue;
    const text = use.field.value.trim();
    if (!parsed.ok) {
      yield {
        ruleId: 'cidr-syntax',
        message: `${use.what} "${text}" is not a valid CIDR block: ${parsed.message}`,
        span: use.field.span,
      };
    } else if (use.family !== 'any' && parsed.cidr.version !== use.family) {
      yield {
        ruleId: 'cidr-syntax',
        message: `${use.what} "${text}" is an IPv${parsed.cidr.version} block, but this field takes an IPv${use.family} CIDR block`,
        span: use.field.span,
      };
    }
  }
});
