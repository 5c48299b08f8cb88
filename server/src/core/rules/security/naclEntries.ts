import type { Field } from '../../model/field';
import type { NaclEntry, NetworkAcl } from '../../model/types';
import { cidrBounds } from '../../cidr';
import { cidrOf } from '../addressing/support';
import type { RuleContext } from '../types';
import { type PortSelection, selection } from './portSets';
import { type TrafficBox, type TrafficSet, intersect, subtract } from './trafficSets';

/** A NACL entry whose every deciding value is known: its number, action and traffic as boxes. */
export interface ShapedEntry {
  readonly entry: NaclEntry;
  readonly number: number;
  readonly action: 'allow' | 'deny';
  readonly selection: PortSelection;
  readonly boxes: readonly TrafficBox[];
  /** The entry's CIDR as written (canonical), for messages and generated entries. */
  readonly cidrText: string;
  readonly ipv6: boolean;
}

export interface DirectionEntries {
  /** Decidable entries, lowest number first (AWS's evaluation order). */
  readonly shaped: readonly ShapedEntry[];
  /** Entries with an unknown number, action, protocol, port or CIDR: they could match anything. */
  readonly undecidable: readonly NaclEntry[];
}

export interface NaclView {
  readonly nacl: NetworkAcl;
  readonly ingress: DirectionEntries;
  readonly egress: DirectionEntries;
}

/**
 * Every NACL of the model with its entries by direction. Only NACLs that are model elements: a VPC's
 * default NACL nobody manages is not one, and it allows everything through entries nobody sees.
 */
export function naclViews(ctx: RuleContext): NaclView[] {
  const out: NaclView[] = [];
  for (const nacl of ctx.model.ofKind('nacl')) {
    const lists = { ingress: { shaped: [] as ShapedEntry[], undecidable: [] as NaclEntry[] }, egress: { shaped: [] as ShapedEntry[], undecidable: [] as NaclEntry[] } };
    for (const id of nacl.entries) {
      const entry = ctx.model.getOf('nacl-entry', id);
      if (!entry) continue;
      const list = entry.egress ? lists.egress : lists.ingress;
      const shaped = shape(entry);
      if (shaped) list.shaped.push(shaped);
      else list.undecidable.push(entry);
    }
    for (const list of [lists.ingress, lists.egress]) list.shaped.sort((a, b) => a.number - b.number);
    out.push({ nacl, ...lists });
  }
  return out;
}

export function shape(entry: NaclEntry): ShapedEntry | undefined {
  const number = knownInteger(entry.ruleNumber);
  if (number === undefined || !entry.action.known) return undefined;
  const sel = selection(entry.protocol, entry.fromPort, entry.toPort, { type: entry.icmpType, code: entry.icmpCode });
  if (!sel) return undefined;
  // AWS takes exactly one of the two blocks; both or neither is not an entry that can be reasoned about.
  const written = [entry.cidr, entry.ipv6Cidr].filter((f): f is Field<string> => f !== undefined);
  if (written.length !== 1) return undefined;
  const cidr = cidrOf(written[0]);
  if (!cidr) return undefined;
  const { first, last } = cidrBounds(cidr);
  const box: TrafficBox = { version: cidr.version, protocols: sel.protocols, ports: sel.ports, addresses: { lo: first, hi: last } };
  return { entry, number, action: entry.action.value, selection: sel, boxes: [box], cidrText: cidr.canonical, ipv6: cidr.version === 6 };
}

function knownInteger(f: Field<number>): number | undefined {
  return f.known && Number.isInteger(f.value) ? f.value : undefined;
}

export interface Evaluation {
  /** Each entry that decides part of the query, with the part it decides, in evaluation order. */
  readonly decided: readonly { readonly entry: ShapedEntry; readonly part: TrafficSet }[];
  /** What no entry matches: the implicit `*` deny takes it. */
  readonly rest: TrafficSet;
}

/**
 * Runs `query` through `entries` the way AWS does (lowest number first, first match wins), optionally only
 * through entries numbered below `below`. Entries are few per NACL (20 by default quota), so this stays small.
 */
export function evaluate(entries: readonly ShapedEntry[], query: TrafficSet, below = Infinity): Evaluation {
  const decided: { entry: ShapedEntry; part: TrafficSet }[] = [];
  let rest: TrafficBox[] = [...query];
  for (const e of entries) {
    if (rest.length === 0 || e.number >= below) break;
    const part = intersect(rest, e.boxes);
    if (part.length === 0) continue;
    decided.push({ entry: e, part });
    rest = subtract(rest, e.boxes);
  }
  return { decided, rest };
}

export function allowedPart(ev: Evaluation): TrafficBox[] {
  return ev.decided.filter((d) => d.entry.action === 'allow').flatMap((d) => [...d.part]);
}

export function directionName(egress: boolean): string {
  return egress ? 'outbound' : 'inbound';
}
