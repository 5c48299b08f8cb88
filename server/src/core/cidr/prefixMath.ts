import { IPv4Prefix, IPv6Prefix } from 'ip-num';

// Per-prefix numbers from ip-num, computed once per IP version and prefix length (there are 33 + 129 of
// them). ip-num derives a range's network address and size through a binary-string mask built anew on
// every call, which cost more than the rest of a CIDR parse; the numbers themselves still come from ip-num.

interface PrefixNumbers {
  readonly mask: bigint;
  readonly size: bigint;
}

const memo = new Map<number, PrefixNumbers>();

function numbersOf(version: 4 | 6, prefix: number): PrefixNumbers {
  const key = version * 1000 + prefix;
  let numbers = memo.get(key);
  if (!numbers) {
    const p = version === 4 ? new IPv4Prefix(BigInt(prefix)) : new IPv6Prefix(BigInt(prefix));
    numbers = { mask: p.toMask().getValue(), size: p.toRangeSize() };
    memo.set(key, numbers);
  }
  return numbers;
}

/** Addresses in a block of length `prefix`. */
export function blockSize(version: 4 | 6, prefix: number): bigint {
  return numbersOf(version, prefix).size;
}

/** The network (first) address of the block of length `prefix` holding `address`: the address under ip-num's netmask. */
export function networkAddress(version: 4 | 6, address: bigint, prefix: number): bigint {
  return address & numbersOf(version, prefix).mask;
}
