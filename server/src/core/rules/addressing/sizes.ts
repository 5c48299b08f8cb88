import { formatCount } from '../../cidr';

/** AWS's allowed block sizes (rules.md, "AWS facts"). */
export interface SizeRule {
  readonly min: number;
  readonly max: number;
  /** Only prefixes that are a multiple of this are allowed (IPv6 nibble boundaries). */
  readonly step: number;
  /** How the allowed sizes read in a message. */
  readonly allowed: string;
}

export const VPC_IPV4: SizeRule = { min: 16, max: 28, step: 1, allowed: 'a VPC IPv4 block must be between /16 and /28' };
export const VPC_IPV6: SizeRule = {
  min: 44,
  max: 60,
  step: 4,
  allowed: 'a VPC IPv6 block is /56 from Amazon, or /44 to /60 in steps of 4 from IPAM or BYOIP',
};
export const SUBNET_IPV4: SizeRule = { min: 16, max: 28, step: 1, allowed: 'a subnet IPv4 block must be between /16 and /28' };
export const SUBNET_IPV6: SizeRule = {
  min: 44,
  max: 64,
  step: 4,
  allowed: 'a subnet IPv6 block must be between /44 and /64 in steps of 4 (/64 is usual)',
};

export function sizeAllowed(prefix: number, rule: SizeRule): boolean {
  return prefix >= rule.min && prefix <= rule.max && prefix % rule.step === 0;
}

/** "too large" / "too small" / "not on a 4-bit boundary", for the start of a message. */
export function sizeProblem(prefix: number, rule: SizeRule): string {
  if (prefix < rule.min) return 'is too large';
  if (prefix > rule.max) return 'is too small';
  return 'is not a size AWS allows';
}

/** "65,536 addresses" for an IPv4 prefix; IPv6 sizes are clearer as the prefix alone. */
export function addressCount(version: 4 | 6, prefix: number): string {
  return version === 4 ? ` (${formatCount(2n ** BigInt(32 - prefix))} addresses)` : '';
}
