import { IPv4 } from 'ip-num';
import { parseCidrAllowingLeadingZeros } from '../../../cidr';
import { CdkVpcError } from './cdkError';

const IPV4_SPACE = 2n ** 32n;
const blockSize = (mask: number): bigint => 2n ** BigInt(32 - mask);

/**
 * CDK's text for an address number (network-util.js numToIp). Past 255.255.255.255 its octet arithmetic
 * yields "256.0.0.0" and then rejects it; that is reproduced so the message matches.
 */
function addressText(value: bigint): string {
  if (value >= IPV4_SPACE) {
    const octets = [value / 2n ** 24n, (value / 2n ** 16n) % 256n, (value / 256n) % 256n, value % 256n];
    throw new CdkVpcError(`${octets.join('.')} is not a valid IP Address`);
  }
  return IPv4.fromNumber(value).toString();
}

/** The first multiple of `size` at or above `value`: where CDK's CidrBlock puts an unaligned start. */
const alignUp = (value: bigint, size: bigint): bigint => ((value + size - 1n) / size) * size;

/** Largest n with 2^n <= value (Math.floor(Math.log2(value)) in CDK), for value >= 1. */
const floorLog2 = (value: bigint): number => value.toString(2).length - 1;

/**
 * aws-cdk-lib's NetworkBuilder (aws-ec2/lib/network-util.js): hands out consecutive blocks from the VPC
 * range, each aligned to its own size, in the order they are requested.
 */
export class NetworkBuilder {
  /** The VPC block as CDK normalises it (`networkCidr.cidr`). */
  readonly networkCidr: string;
  private readonly last: bigint;
  private next: bigint;

  constructor(cidr: string) {
    const [address = '', prefixText] = cidr.split('/');
    // CDK reads octets with parseInt, so leading zeros are decimal (010 is 10), as Terraform's reading.
    if (!parseCidrAllowingLeadingZeros(`${address}/32`).ok || !/^\d+(?:\.\d+){3}$/.test(address)) {
      throw new CdkVpcError(`${address} is not valid`);
    }
    // Without a numeric prefix CDK's arithmetic runs on NaN and fails formatting the result.
    if (prefixText === undefined || !/^\d/.test(prefixText)) throw new CdkVpcError('NaN.NaN.NaN.NaN is not a valid IP Address');
    const parsed = parseCidrAllowingLeadingZeros(`${address}/${parseInt(prefixText, 10)}`);
    if (!parsed.ok) throw new CdkVpcError(parsed.message);
    const { prefix, hostBitsSet, network } = parsed.cidr;
    const size = blockSize(prefix);
    // CDK's CidrBlock rounds a start with host bits set UP to the next block (10.0.0.5/16 -> 10.1.0.0/16).
    const base = IPv4.fromString(network).getValue() + (hostBitsSet ? size : 0n);
    this.networkCidr = `${addressText(base)}/${prefix}`;
    this.last = base + size - 1n;
    this.next = base;
  }

  /** NetworkBuilder.addSubnet: the next block of `mask`, aligned. */
  addSubnet(mask: number): string {
    if (!(mask >= 16 && mask <= 28)) {
      throw new CdkVpcError(
        `x.x.x.x/${mask} is not a valid VPC CIDR range. VPCs must be between /16 and /28 and the minimum subnet size is /28.`,
      );
    }
    if (!Number.isInteger(mask)) {
      throw new CdkVpcError(`cidrMask ${mask} is not a whole number: CDK would write a malformed block ending in /${mask}`);
    }
    const size = blockSize(mask);
    // CDK checks the room from the unaligned start; alignment never pushes a block past a space that
    // passed this check, because the VPC's end is aligned to every smaller block size.
    if (this.last < this.next + size - 1n) {
      throw new CdkVpcError(`1 of /${mask} exceeds remaining space of ${this.networkCidr}`);
    }
    const start = alignUp(this.next, size);
    this.next = start + size;
    return `${addressText(start)}/${mask}`;
  }

  /**
   * NetworkBuilder.maskForRemainingSubnets: the remaining space (from the unaligned start) split evenly,
   * rounded down to a power of two. CDK's value for an impossible split (no room at all) is kept as its
   * text ('Infinity') so the mask error it then raises reads the same.
   */
  maskForRemainingSubnets(subnetCount: number): number {
    const remaining = this.last - this.next + 1n;
    const perSubnet = remaining / BigInt(subnetCount);
    if (perSubnet < 1n) return Number.POSITIVE_INFINITY;
    return 32 - floorLog2(perSubnet);
  }
}
