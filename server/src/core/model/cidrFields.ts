import type { Field } from './field';
import type { NetworkElement } from './types';

/** A CIDR-valued field of an element, other than a VPC's blocks (see `NetworkFacts.vpcBlocks`). */
export interface ElementCidrField {
  readonly field: Field<string>;
  /** The address family the field holds; `any` where either may be written (a transit gateway route). */
  readonly family: 4 | 6 | 'any';
  /** What it is, starting a sentence: "Subnet IPv6 block", "Route destination". */
  readonly label: string;
  /** What it is to its element, for a heading: "IPv6 block", "destination", "IPv4 peer". */
  readonly role: string;
}

/**
 * The fields of `e` that hold a CIDR block (subnets, routes, security group rules, NACL entries, transit
 * gateway routes): the one list of them, for the rules that read every CIDR and for hovers.
 */
export function cidrFieldsOf(e: NetworkElement): ElementCidrField[] {
  const out: ElementCidrField[] = [];
  const add = (field: Field<string> | undefined, family: 4 | 6 | 'any', label: string, role: string): void => {
    if (field) out.push({ field, family, label, role });
  };
  switch (e.kind) {
    case 'subnet':
      add(e.cidr, 4, 'Subnet block', 'IPv4 block');
      add(e.ipv6Cidr, 6, 'Subnet IPv6 block', 'IPv6 block');
      break;
    case 'route':
      add(e.destination, 4, 'Route destination', 'destination');
      add(e.destinationIpv6, 6, 'Route IPv6 destination', 'IPv6 destination');
      break;
    case 'sg-rule':
      for (const p of e.peers) {
        if (p.kind === 'cidr') add(p.cidr, p.ipv6 ? 6 : 4, 'Security group rule CIDR', p.ipv6 ? 'IPv6 peer' : 'IPv4 peer');
      }
      break;
    case 'nacl-entry':
      add(e.cidr, 4, 'Network ACL entry CIDR', 'IPv4 block');
      add(e.ipv6Cidr, 6, 'Network ACL entry IPv6 CIDR', 'IPv6 block');
      break;
    case 'tgw-route':
      add(e.destination, 'any', 'Transit gateway route destination', 'destination');
      break;
  }
  return out;
}
