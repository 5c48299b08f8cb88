import type { Span } from '../../../text/span';
import { bool, list, map, num, ref, str, unknown, type Value } from '../../../values/value';
import { type Construct, isAbsentV, type V } from '../eval/values';
import { vpcCidrValue } from './vpcCidr';

/** `cidrBlock` -> `CidrBlock`: CDK's L1 props are CloudFormation's, camelCased. */
export function pascal(key: string): string {
  return key.length === 0 ? key : key[0]!.toUpperCase() + key.slice(1);
}

/** A construct's main resource, as a CloudFormation reference. */
export function refTo(c: Construct, attr: string, at?: Span): Value {
  return ref(c.elementId, attr, at);
}

/**
 * An evaluated TypeScript value as a format-neutral value. With `cfnKeys`, object keys become
 * CloudFormation's (L1 props). Absent (`undefined`) entries are dropped; CDK-only values become unknown.
 */
export function toValue(v: V, cfnKeys = false, depth = 0): Value {
  if (depth > 50) return unknown('nested too deep');
  switch (v.t) {
    case 'unknown':
      return unknown(v.why, v.at);
    case 'prim':
      if (typeof v.v === 'string') return str(v.v, v.at);
      if (typeof v.v === 'number') return num(v.v, v.at);
      if (typeof v.v === 'boolean') return bool(v.v, v.at);
      return { k: 'null', ...(v.at ? { origin: v.at } : {}) };
    case 'list':
      return list(
        v.items.filter((i) => !isAbsentV(i)).map((i) => toValue(i, cfnKeys, depth + 1)),
        v.at,
      );
    case 'obj': {
      const entries = new Map<string, Value>();
      for (const [k, s] of v.props) if (!isAbsentV(s.value)) entries.set(cfnKeys ? pascal(k) : k, toValue(s.value, cfnKeys, depth + 1));
      return map(entries, v.at);
    }
    case 'construct':
      return refTo(v.c, 'Ref', v.c.span);
    case 'ref':
      return refTo(v.c, v.attr, v.at);
    case 'libval':
      if (v.kind === 'vpcCidr' && v.data['vpc']?.t === 'construct') return vpcCidrValue(v.data['vpc'].c, v.at);
      if (v.kind === 'importedSubnet' && v.data['subnetId']) return toValue(v.data['subnetId'], cfnKeys, depth + 1);
      return unknown(`a ${v.kind} value is not a CloudFormation property`, v.at);
    default:
      return unknown('not a value VPC Lens evaluates');
  }
}
