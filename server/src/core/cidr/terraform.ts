// Terraform's CIDR functions (cidrsubnet, cidrsubnets, cidrhost, cidrnetmask) with Terraform's results
// and error wording (terraform internal/lang/funcs/cidr.go on top of apparentlymart/go-cidr).
// Deliberate differences: negative or fractional numbers, which Terraform turns into nonsense or
// a conversion error, are rejected with a clear message; surrounding whitespace is trimmed.
import { IPv4Prefix } from 'ip-num';
import { type Cidr, addressBits, addressText, networkValueOf, parseCidrAllowingLeadingZeros } from './parse';
import { blockSize, networkAddress } from './prefixMath';

export type CidrFnResult<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): CidrFnResult<T> => ({ ok: true, value });
const fail = <T>(message: string): CidrFnResult<T> => ({ ok: false, message });

/** cidrsubnet(prefix, newbits, netnum): subnet number `netnum` of size prefix+newbits. */
export function cidrSubnet(prefix: string, newbits: number, netnum: number | bigint): CidrFnResult<string> {
  const base = parseTerraformPrefix(prefix);
  if (!base.ok) return base;
  if (!Number.isInteger(newbits)) return fail(`newbits must be a whole number, got ${newbits}`);
  if (newbits < 0) return fail(`newbits must not be negative, got ${newbits}`);
  const num = wholeNumber(netnum);
  if (num === undefined) return fail(`netnum must be a whole number, got ${netnum}`);
  if (num < 0n) return fail(`netnum must not be negative, got ${netnum}`);

  const c = base.value;
  const newPrefix = c.prefix + newbits;
  if (newPrefix > addressBits(c.version)) {
    return fail(`insufficient address space to extend prefix of ${c.prefix} by ${newbits}`);
  }
  if (num >= 2n ** BigInt(newbits)) {
    return fail(`prefix extension of ${newbits} does not accommodate a subnet numbered ${num}`);
  }
  const start = networkValueOf(c) + num * blockSize(c.version, newPrefix);
  return ok(`${addressText(c.version, start)}/${newPrefix}`);
}

/**
 * cidrsubnets(prefix, newbits...): consecutive subnets, each aligned to its own size, so a smaller
 * block after a larger one leaves a gap (cidrsubnets("10.1.0.0/16", 4, 4, 8, 4) puts the last /20 at
 * 10.1.48.0, not 10.1.33.0).
 */
export function cidrSubnets(prefix: string, newbits: readonly number[]): CidrFnResult<string[]> {
  const base = parseTerraformPrefix(prefix);
  if (!base.ok) return base;
  const c = base.value;
  const bits = addressBits(c.version);
  const networkLast = networkValueOf(c) + c.size - 1n;
  const result: string[] = [];
  let cursor = networkValueOf(c); // first address not yet handed out
  for (const extension of newbits) {
    if (!Number.isInteger(extension)) return fail(`newbits must be a whole number, got ${extension}`);
    if (extension < 1) return fail('must extend prefix by at least one bit');
    // Terraform's limit, kept for portability with 32-bit systems.
    if (extension > 32) return fail('may not extend prefix by more than 32 bits');
    const length = c.prefix + extension;
    if (length > bits) {
      return fail(`would extend prefix to ${length} bits, which is too long for an IPv${c.version} address`);
    }
    const start = cursor > networkLast ? cursor : alignUp(c.version, cursor, length);
    const end = start + blockSize(c.version, length) - 1n;
    if (end > networkLast) {
      const after = result[result.length - 1] ?? c.canonical;
      return fail(`not enough remaining address space for a subnet with a prefix of ${length} bits after ${after}`);
    }
    result.push(`${addressText(c.version, start)}/${length}`);
    cursor = end + 1n;
  }
  return ok(result);
}

/** cidrhost(prefix, hostnum): address number `hostnum` in the block; negative numbers count from the end (-1 = last). */
export function cidrHost(prefix: string, hostnum: number | bigint): CidrFnResult<string> {
  const base = parseTerraformPrefix(prefix);
  if (!base.ok) return base;
  const num = wholeNumber(hostnum);
  if (num === undefined) return fail(`hostnum must be a whole number, got ${hostnum}`);
  const c = base.value;
  const index = num < 0n ? c.size + num : num;
  if (index < 0n || index >= c.size) {
    return fail(`prefix of ${c.prefix} does not accommodate a host numbered ${num}`);
  }
  return ok(addressText(c.version, networkValueOf(c) + index));
}

/** cidrnetmask(prefix): the dotted netmask of an IPv4 block. */
export function cidrNetmask(prefix: string): CidrFnResult<string> {
  const base = parseTerraformPrefix(prefix);
  if (!base.ok) return base;
  if (base.value.version === 6) return fail(`IPv6 addresses cannot have a netmask: ${prefix}`);
  return ok(new IPv4Prefix(BigInt(base.value.prefix)).toMask().toString());
}

function parseTerraformPrefix(prefix: string): CidrFnResult<Cidr> {
  const parsed = parseCidrAllowingLeadingZeros(prefix);
  return parsed.ok ? ok(parsed.cidr) : fail(`invalid CIDR expression: ${parsed.message}`);
}

function wholeNumber(n: number | bigint): bigint | undefined {
  if (typeof n === 'bigint') return n;
  return Number.isInteger(n) ? BigInt(n) : undefined;
}

/** The first address at or after `value` where a block of length `prefix` can start. */
function alignUp(version: 4 | 6, value: bigint, prefix: number): bigint {
  const blockStart = networkAddress(version, value, prefix);
  return blockStart === value ? value : blockStart + blockSize(version, prefix);
}
