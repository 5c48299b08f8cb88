import { IPv4, IPv4CidrRange, IPv6, IPv6CidrRange, collapseIPv6Number } from 'ip-num';
import { blockSize, networkAddress } from './prefixMath';

/** A parsed CIDR block. Immutable and shared through the parse cache. */
export interface Cidr {
  readonly text: string;         // as written (trimmed)
  readonly version: 4 | 6;
  readonly prefix: number;
  readonly network: string;      // network address, canonical text (IPv6 compressed lower-case form)
  readonly canonical: string;    // `${network}/${prefix}`
  readonly hostBitsSet: boolean; // true for 10.0.1.7/24
  readonly size: bigint;         // 2^(bits-prefix)
}

export type CidrParseResult = { ok: true; cidr: Cidr } | { ok: false; message: string };

/** A valid address: its number, and its text when that is already canonical (saves formatting it again). */
type AddressResult = { ok: true; version: 4 | 6; value: bigint; canonical?: string } | { ok: false; message: string };

export const addressBits = (version: 4 | 6): number => (version === 4 ? 32 : 128);

/** Address text as AWS and Terraform print it: dotted IPv4, RFC 5952 compressed IPv6. */
export function addressText(version: 4 | 6, value: bigint): string {
  return version === 4 ? IPv4.fromNumber(value).toString() : collapseIPv6Number(IPv6.fromBigInt(value).toString());
}

// The network address of each parsed block as a number, known from parsing: ip-num computes a range's first
// address through string masks, which costs more than everything else a rule does with a block.
const networkValues = new WeakMap<Cidr, bigint>();

/**
 * The network (first) address of a block as a number: known from parsing; for Cidr objects made outside
 * parseCidr, read from `canonical` by ip-num once.
 */
export function networkValueOf(c: Cidr): bigint {
  let value = networkValues.get(c);
  if (value === undefined) {
    const range = c.version === 4 ? IPv4CidrRange.fromCidr(c.canonical) : IPv6CidrRange.fromCidr(c.canonical);
    value = range.getFirst().getValue();
    networkValues.set(c, value);
  }
  return value;
}

// parseCidr runs on every keystroke for every CIDR-ish string, so results are cached. The cache is
// bounded: when full, the oldest entry goes (Map keeps insertion order).
const CACHE_LIMIT = 4096;
const cache = new Map<string, CidrParseResult>();

/** Parses an IPv4 or IPv6 CIDR block the way AWS accepts it (no leading zeros, no zone, no brackets). */
export function parseCidr(text: string): CidrParseResult {
  const hit = cache.get(text);
  if (hit) return hit;
  const result = parseCidrText(text, false);
  if (cache.size >= CACHE_LIMIT) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(text, result);
  return result;
}

/**
 * Terraform parses prefixes with a copy of Go 1.16's net.ParseCIDR, which reads IPv4 octets with leading
 * zeros as decimal ("010" is 10). Its CIDR functions use this; everything AWS-facing uses parseCidr.
 */
export function parseCidrAllowingLeadingZeros(text: string): CidrParseResult {
  const strict = parseCidr(text);
  return strict.ok ? strict : parseCidrText(text, true);
}

/** Cheap syntactic test for strings that are meant to be CIDR blocks (valid or not). */
export function looksLikeCidr(text: string): boolean {
  return CIDR_ISH.test(text.trim());
}
const CIDR_ISH = /^(?:\d+(?:\.\d*)+|[0-9a-fA-F.]*:[0-9a-fA-F:.]*)\/\d+$/;

function parseCidrText(raw: string, allowLeadingZeros: boolean): CidrParseResult {
  const text = raw.trim();
  if (text === '') return fail('empty CIDR block');
  if (text.startsWith('[')) return fail(`brackets are not allowed around an IPv6 CIDR block: ${text}`);
  const slash = text.indexOf('/');
  const addressPart = slash < 0 ? text : text.slice(0, slash);
  const address = parseAddress(addressPart, text, allowLeadingZeros);
  if (!address.ok) return address;
  if (slash < 0) return fail(`missing prefix length (/n) in ${text}`);

  const prefixPart = text.slice(slash + 1);
  if (prefixPart === '') return fail(`missing prefix length after '/' in ${text}`);
  if (!/^\d+$/.test(prefixPart)) {
    return prefixPart.includes('%')
      ? fail(`IPv6 zone index is not allowed in a CIDR block: ${text}`)
      : fail(`prefix length '${prefixPart}' is not a number in ${text}`);
  }
  const prefix = Number(prefixPart);
  const bits = addressBits(address.version);
  if (prefix > bits) return fail(`prefix /${prefixPart} is longer than ${bits} for IPv${address.version}`);

  // No ip-num range is made: blocks are compared by their first and last addresses (relations.ts).
  const first = networkAddress(address.version, address.value, prefix);
  const hostBitsSet = first !== address.value;
  const network = !hostBitsSet && address.canonical !== undefined ? address.canonical : addressText(address.version, first);
  const cidr: Cidr = Object.freeze({
    text,
    version: address.version,
    prefix,
    network,
    canonical: `${network}/${prefix}`,
    hostBitsSet,
    size: blockSize(address.version, prefix),
  });
  networkValues.set(cidr, first);
  return Object.freeze({ ok: true as const, cidr });
}

function fail(message: string): CidrParseResult & { ok: false } {
  return Object.freeze({ ok: false as const, message });
}

function parseAddress(part: string, whole: string, allowLeadingZeros: boolean): AddressResult {
  if (/^[0-9.]+$/.test(part)) {
    const problem = ipv4Problem(part, whole, allowLeadingZeros);
    if (problem) return fail(problem);
    // Without leading zeros, validated dotted decimal is already the canonical text.
    return { ok: true, version: 4, value: ipv4Value(part), ...(allowLeadingZeros ? {} : { canonical: part }) };
  }
  if (part.includes(':')) {
    const problem = ipv6Problem(part, whole, allowLeadingZeros);
    if (problem) return fail(problem);
    try {
      return { ok: true, version: 6, value: IPv6.fromString(part).getValue() };
    } catch {
      return fail(`not an IPv4 or IPv6 address: ${whole}`);
    }
  }
  return fail(`not an IPv4 or IPv6 address: ${whole}`);
}

/** Why a dotted-decimal string is not an IPv4 address, or undefined when it is one. */
function ipv4Problem(part: string, whole: string, allowLeadingZeros: boolean): string | undefined {
  const octets = part.split('.');
  if (octets.length !== 4) return `an IPv4 address has 4 octets, ${part} has ${octets.length} in ${whole}`;
  for (const octet of octets) {
    if (octet === '') return `empty octet in ${whole}`;
    if (!allowLeadingZeros && octet.length > 1 && octet.startsWith('0')) {
      return `octet ${octet} has a leading zero in ${whole} (AWS rejects leading zeros)`;
    }
    if (Number(octet) > 255) return `octet ${octet} is out of range 0-255 in ${whole}`;
  }
  return undefined;
}

// Octets are validated decimal strings here, so they are read as decimal even with leading zeros
// (Terraform's reading); ip-num would reject "010".
// Summed as a Number (exact below 2^53) and made a BigInt once: BigInt steps allocate.
const ipv4Value = (part: string): bigint => BigInt(part.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0));

/** Why a string with colons is not an IPv6 address, or undefined when it is one. */
function ipv6Problem(part: string, whole: string, allowLeadingZeros: boolean): string | undefined {
  if (part.includes('%')) return `IPv6 zone index is not allowed in a CIDR block: ${whole}`;
  if (!/^[0-9a-fA-F:.]+$/.test(part)) return `not an IPv4 or IPv6 address: ${whole}`;
  const halves = part.split('::');
  if (halves.length > 2) return `'::' may appear only once in an IPv6 address: ${whole}`;
  const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
  let count = groups.length;
  const last = groups[groups.length - 1];
  if (last !== undefined && last.includes('.')) {
    // An embedded IPv4 address (::ffff:10.0.0.1) fills the last two groups.
    const problem = ipv4Problem(last, whole, allowLeadingZeros);
    if (problem) return problem;
    groups.pop();
    count += 1;
  }
  for (const group of groups) {
    if (group === '') return `not an IPv4 or IPv6 address: ${whole}`;
    if (group.length > 4) return `IPv6 group ${group} has more than 4 hex digits in ${whole}`;
    if (group.includes('.')) return `not an IPv4 or IPv6 address: ${whole}`;
  }
  const compressed = halves.length === 2;
  if (compressed ? count > 7 : count !== 8) {
    return `an IPv6 address has 8 groups, ${part} has ${count}${compressed ? " besides '::'" : ''} in ${whole}`;
  }
  return undefined;
}
