import type { Cidr } from '../../cidr';
import type { Field } from '../../model/field';
import { cidrOf } from '../addressing/support';

/** The block of a known CIDR field when it is the whole internet (0.0.0.0/0 or ::/0); undefined otherwise. */
export function worldCidr(field: Field<string> | undefined): Cidr | undefined {
  const c = cidrOf(field);
  return c && c.prefix === 0 ? c : undefined;
}

/** TCP 22 (SSH), TCP/UDP 3389 (RDP). */
export const ADMIN_PORTS: readonly { readonly port: number; readonly name: string; readonly protocols: readonly string[] }[] = [
  { port: 22, name: 'SSH', protocols: ['tcp'] },
  { port: 3389, name: 'RDP', protocols: ['tcp', 'udp'] },
];
