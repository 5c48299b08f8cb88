import type { AwsCidrMath } from './awsMath';
import { formatCount } from './format';

const addresses = (n: bigint): string => `${formatCount(n)} ${n === 1n ? 'address' : 'addresses'}`;

/** The block as `vpc-lens cidr` prints it: one labelled line per fact, labels aligned. */
export function describeCidrText(math: AwsCidrMath): string {
  const { cidr } = math;
  const rows: Array<[string, string]> = [['CIDR', cidr.canonical]];
  if (cidr.hostBitsSet) {
    rows.push(['Note', `host bits are set in ${cidr.text}; the block is ${cidr.canonical}`]);
  }
  rows.push(['Network', math.network]);
  if (math.netmask !== undefined) rows.push(['Netmask', math.netmask]);
  rows.push(['First', math.first], ['Last', math.last], ['Total', addresses(math.total)]);
  const addressWidth = Math.max(...math.reserved.map((r) => r.address.length));
  math.reserved.forEach((r, i) => {
    rows.push([i === 0 ? 'Reserved' : '', `${r.address.padEnd(addressWidth)}  ${r.purpose}`]);
  });
  rows.push(['Usable', addresses(math.usable)]);
  rows.push([
    'Usable range',
    math.usableFirst !== undefined && math.usableLast !== undefined ? `${math.usableFirst} - ${math.usableLast}` : 'none',
  ]);
  const labelWidth = Math.max(...rows.map(([label]) => label.length)) + 1;
  return rows
    .map(([label, value]) => `${(label === '' ? '' : `${label}:`).padEnd(labelWidth)}  ${value}`)
    .join('\n');
}

/**
 * The same facts as a JSON-safe object for `vpc-lens cidr --format json`. Counts (`total`, `usable`)
 * are JSON numbers when they fit Number.MAX_SAFE_INTEGER (every IPv4 block, IPv6 /75 and longer) and
 * decimal strings otherwise, so no count is ever rounded.
 */
export function describeCidrJson(math: AwsCidrMath): object {
  const { cidr } = math;
  return {
    cidr: cidr.canonical,
    input: cidr.text,
    version: cidr.version,
    prefix: cidr.prefix,
    hostBitsSet: cidr.hostBitsSet,
    network: math.network,
    ...(math.netmask !== undefined ? { netmask: math.netmask } : {}),
    first: math.first,
    last: math.last,
    total: jsonCount(math.total),
    reserved: math.reserved.map((r) => ({ address: r.address, purpose: r.purpose })),
    usable: jsonCount(math.usable),
    ...(math.usableFirst !== undefined ? { usableFirst: math.usableFirst, usableLast: math.usableLast } : {}),
  };
}

const jsonCount = (n: bigint): number | string => (n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n.toString());
