import { cidrFieldsOf } from '../model/cidrFields';
import type { Field } from '../model/field';
import type { NetworkElement } from '../model/types';
import type { Span } from '../text/span';

/** A CIDR-valued field of an element, and what it is to the element ("IPv4 block", "destination"). */
export interface CidrField {
  readonly field: Field<string>;
  readonly what: string;
  /** An IPAM allocation of known size (`ipv4_netmask_length`): the block's size without its address. */
  readonly ipamPrefix?: number;
}

/**
 * The fields of `e` that hold a CIDR block, for the hovers that look them up by place: a VPC's own blocks (with
 * an IPAM size) and an association's block, else `cidrFieldsOf`.
 */
export function cidrFields(e: NetworkElement): CidrField[] {
  if (e.kind !== 'vpc' && e.kind !== 'vpc-cidr-block') return cidrFieldsOf(e).map(({ field, role }) => ({ field, what: role }));
  const blocks = e.kind === 'vpc' ? e.cidrBlocks.filter((b) => b.declaredBy === e.id) : [e.block];
  return blocks.map((b) => {
    const what = b.ipv6 ? 'IPv6 block' : 'IPv4 block';
    return b.ipamNetmaskLength?.known ? { field: b.cidr, what, ipamPrefix: b.ipamNetmaskLength.value } : { field: b.cidr, what };
  });
}

/** True when `s` is in the file `uri` and holds `offset` (ends inclusive). */
export function spanHolds(s: Span | undefined, uri: string, offset: number): s is Span {
  return s !== undefined && s.file === uri && s.start <= offset && offset <= s.end;
}
