import { type Cidr, cidrContains, parseCidr } from '../../cidr';

function block(text: string): Cidr {
  const parsed = parseCidr(text);
  if (!parsed.ok) throw new Error(`bad built-in range ${text}`);
  return parsed.cidr;
}

export const RFC1918_10 = block('10.0.0.0/8');
export const RFC1918_172 = block('172.16.0.0/12');
export const RFC1918_192 = block('192.168.0.0/16');
export const RFC6598 = block('100.64.0.0/10');
export const BENCHMARK_198_19 = block('198.19.0.0/16');

/** The ranges AWS recommends for VPCs: RFC 1918 and RFC 6598. */
export const RECOMMENDED_VPC_RANGES: readonly Cidr[] = [RFC1918_10, RFC1918_172, RFC1918_192, RFC6598];

export function inRecommendedRange(c: Cidr): boolean {
  return RECOMMENDED_VPC_RANGES.some((r) => cidrContains(r, c));
}

/**
 * Ranges a secondary IPv4 block may not come from, by where the primary block lies (VPC user guide,
 * "IPv4 CIDR block association restrictions"). `primaryRange` names the primary's range in messages.
 */
export function restrictedSecondaryRanges(primary: Cidr): { primaryRange: string; restricted: readonly Cidr[] } {
  if (cidrContains(RFC1918_10, primary)) return { primaryRange: '10.0.0.0/8', restricted: [RFC1918_172, RFC1918_192, BENCHMARK_198_19] };
  if (cidrContains(RFC1918_172, primary)) return { primaryRange: '172.16.0.0/12', restricted: [RFC1918_10, RFC1918_192, BENCHMARK_198_19] };
  if (cidrContains(RFC1918_192, primary)) return { primaryRange: '192.168.0.0/16', restricted: [RFC1918_10, RFC1918_172, BENCHMARK_198_19] };
  const primaryRange = cidrContains(BENCHMARK_198_19, primary)
    ? '198.19.0.0/16'
    : cidrContains(RFC6598, primary)
      ? '100.64.0.0/10'
      : 'a public range';
  return { primaryRange, restricted: [RFC1918_10, RFC1918_172, RFC1918_192] };
}
