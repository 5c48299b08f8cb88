import { addressBits, addressText, networkValueOf, parseCidr } from './parse';
import type { CidrFnResult } from './terraform';

const MAX_COUNT = 256;

/**
 * CloudFormation Fn::Cidr [ipBlock, count, cidrBits]: `count` consecutive blocks from the start of
 * ipBlock, each with `cidrBits` host bits (8 -> /24 for IPv4, 64 -> /64 for IPv6).
 */
export function cfnCidr(ipBlock: string, count: number, cidrBits: number): CidrFnResult<string[]> {
  const parsed = parseCidr(ipBlock);
  if (!parsed.ok) return { ok: false, message: `Fn::Cidr ipBlock is not a valid CIDR block: ${parsed.message}` };
  const block = parsed.cidr;
  if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT) {
    return { ok: false, message: `Fn::Cidr count must be a whole number from 1 to ${MAX_COUNT}, got ${count}` };
  }
  const hostBits = addressBits(block.version) - block.prefix;
  if (!Number.isInteger(cidrBits) || cidrBits < 0 || cidrBits > hostBits) {
    return {
      ok: false,
      message: `Fn::Cidr cidrBits must be a whole number from 0 to ${hostBits} (the host bits of ${block.canonical}), got ${cidrBits}`,
    };
  }
  const newPrefix = addressBits(block.version) - cidrBits;
  const available = 2n ** BigInt(newPrefix - block.prefix);
  if (BigInt(count) > available) {
    return {
      ok: false,
      message: `Fn::Cidr: ${block.canonical} holds only ${available} blocks of /${newPrefix}, ${count} requested`,
    };
  }
  const start = networkValueOf(block);
  const size = 2n ** BigInt(cidrBits);
  const blocks = Array.from({ length: count }, (_, i) => `${addressText(block.version, start + BigInt(i) * size)}/${newPrefix}`);
  return { ok: true, value: blocks };
}
