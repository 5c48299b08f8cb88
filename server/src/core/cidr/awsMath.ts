import { IPv4Prefix } from 'ip-num';
import { type Cidr, addressText } from './parse';
import { cidrBounds } from './relations';

export interface ReservedAddress {
  readonly address: string;
  readonly purpose: string;
}

/** What AWS makes of a block used as a subnet: its range, the 5 addresses AWS keeps, and what is left. */
export interface AwsCidrMath {
  readonly cidr: Cidr;
  readonly network: string;
  readonly netmask?: string; // IPv4 only, e.g. 255.255.255.0
  readonly first: string;
  readonly last: string;
  readonly total: bigint;
  readonly usable: bigint; // total - 5, never below 0
  readonly reserved: readonly ReservedAddress[];
  readonly usableFirst?: string; // undefined when usable <= 0
  readonly usableLast?: string;
}

// AWS keeps the first four and the last address of every subnet, IPv4 and IPv6 alike
// (VPC user guide, "Subnet CIDR blocks"). For IPv6 the Amazon DNS server is not at base+2
// (it is fd00:ec2::253), so the IPv6 purposes are worded as plain reservations.
const FIRST_FOUR_PURPOSES: Record<4 | 6, readonly string[]> = {
  4: ['network address', 'VPC router', 'Amazon DNS', 'reserved by AWS for future use'],
  6: ['network address', 'VPC router', 'reserved by AWS', 'reserved by AWS for future use'],
};
const LAST_PURPOSE: Record<4 | 6, string> = {
  4: 'network broadcast (AWS does not support broadcast)',
  6: 'last address, reserved by AWS',
};
const RESERVED_COUNT = 5n;

export function awsCidrMath(c: Cidr): AwsCidrMath {
  const { first, last } = cidrBounds(c);
  const total = c.size;
  const usable = total > RESERVED_COUNT ? total - RESERVED_COUNT : 0n;
  const text = (value: bigint): string => addressText(c.version, value);

  // Small blocks (/30../32) have fewer than 5 addresses: list only those that exist, and when the
  // last address is also one of the first four, give it both purposes.
  const reserved: ReservedAddress[] = [];
  FIRST_FOUR_PURPOSES[c.version].forEach((purpose, offset) => {
    if (BigInt(offset) < total) reserved.push({ address: text(first + BigInt(offset)), purpose });
  });
  const lastPurpose = LAST_PURPOSE[c.version];
  if (total > 4n) reserved.push({ address: text(last), purpose: lastPurpose });
  else {
    const final = reserved[reserved.length - 1];
    if (final) reserved[reserved.length - 1] = { address: final.address, purpose: `${final.purpose}; ${lastPurpose}` };
  }

  return {
    cidr: c,
    network: c.network,
    ...(c.version === 4 ? { netmask: new IPv4Prefix(BigInt(c.prefix)).toMask().toString() } : {}),
    first: text(first),
    last: text(last),
    total,
    usable,
    reserved,
    ...(usable > 0n ? { usableFirst: text(first + 4n), usableLast: text(last - 1n) } : {}),
  };
}
