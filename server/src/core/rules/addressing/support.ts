import { type Cidr, type CidrParseResult, parseCidr } from '../../cidr';
import type { Field, Known } from '../../model/field';
import type { CidrBlock, ElementId, NetworkElement, Subnet, Vpc } from '../../model/types';
import { spanKey } from '../../text/span';
import type { RuleContext } from '../types';
import { cidrFieldsOf } from '../../model/cidrFields';

/** Which IP version a field takes; `any` where the model does not say (transit gateway routes). */
export type Family = 4 | 6 | 'any';

/** A value the model uses as a CIDR block, with what it is for messages. */
export interface CidrUse {
  readonly field: Known<string>;
  readonly family: Family;
  readonly owner: NetworkElement;
  /** "Subnet block", "Route destination", ... (sentence start). */
  readonly what: string;
}

/**
 * Parsed form of a known, non-empty CIDR field; undefined when absent, unknown or empty. An empty string is
 * how modules commonly spell "not set", so it is never reported.
 */
export function parseField(field: Field<string> | undefined): CidrParseResult | undefined {
  if (!field || !field.known || typeof field.value !== 'string' || field.value.trim() === '') return undefined;
  let parsed = parsedFields.get(field);
  if (!parsed) {
    parsed = parseCidr(field.value);
    parsedFields.set(field, parsed);
  }
  return parsed;
}

// Several rules read the same field; in a 10k-subnet workspace the CIDR engine's bounded text cache would
// churn, so results also stay with the (immutable, per-analysis) field object.
const parsedFields = new WeakMap<Known<string>, CidrParseResult>();

/** The block of a known field when it parses; undefined otherwise (cidr-syntax reports bad ones). */
export function cidrOf(field: Field<string> | undefined): Cidr | undefined {
  const parsed = parseField(field);
  return parsed?.ok ? parsed.cidr : undefined;
}

/** A VPC block together with the VPC it belongs to. */
export interface VpcBlockUse {
  readonly vpc: Vpc | undefined;
  readonly block: CidrBlock;
  readonly owner: NetworkElement;
}

/**
 * Every block of a VPC once: the linker copies association blocks into `cidrBlocks` and facts may add them
 * again, so blocks are told apart by where they are written and what they hold.
 */
export function blocksOf(ctx: RuleContext, vpc: Vpc): CidrBlock[] {
  const seen = new Set<string>();
  const out: CidrBlock[] = [];
  for (const b of ctx.facts.vpcBlocks(vpc)) {
    const key = blockKey(b);
    if (key !== undefined) {
      if (seen.has(key)) continue;
      seen.add(key);
    }
    out.push(b);
  }
  return out;
}

function blockKey(b: CidrBlock): string | undefined {
  if (b.cidr.known) return `${spanKey(b.cidr.span)}|${b.cidr.value}|${b.ipv6}`;
  return b.cidr.span ? `${spanKey(b.cidr.span)}|?|${b.ipv6}|${b.declaredBy}` : undefined;
}

/** All VPC blocks of the model: of every VPC, and of associations whose VPC is not in the model. */
export function allVpcBlocks(ctx: RuleContext): VpcBlockUse[] {
  const out: VpcBlockUse[] = [];
  const seen = new Set<string>();
  const add = (use: VpcBlockUse): void => {
    const key = blockKey(use.block);
    if (key !== undefined) {
      if (seen.has(key)) return;
      seen.add(key);
    }
    out.push(use);
  };
  for (const vpc of ctx.model.ofKind('vpc')) {
    for (const block of blocksOf(ctx, vpc)) add({ vpc, block, owner: ownerOf(ctx, block, vpc) });
  }
  for (const assoc of ctx.model.ofKind('vpc-cidr-block')) {
    const vpc = assoc.vpc.known ? ctx.model.getOf('vpc', assoc.vpc.value) : undefined;
    add({ vpc, block: assoc.block, owner: assoc });
  }
  return out;
}

function ownerOf(ctx: RuleContext, block: CidrBlock, vpc: Vpc): NetworkElement {
  return ctx.model.get(block.declaredBy) ?? vpc;
}

/**
 * Every value of the model used as a CIDR block (what cidr-syntax and cidr-host-bits look at). Listed once
 * per model: both rules walk every block of the workspace.
 */
export function cidrUses(ctx: RuleContext): readonly CidrUse[] {
  let uses = usesByModel.get(ctx.model);
  if (!uses) {
    uses = listCidrUses(ctx);
    usesByModel.set(ctx.model, uses);
  }
  return uses;
}
const usesByModel = new WeakMap<object, readonly CidrUse[]>();

function listCidrUses(ctx: RuleContext): CidrUse[] {
  const out: CidrUse[] = [];
  const seen = new Set<string>();
  const add = (field: Field<string> | undefined, family: Family, owner: NetworkElement, what: string): void => {
    if (!field || !field.known) return;
    // One literal reached through several elements (a VPC and its association) is one use.
    const key = `${spanKey(field.span)}|${String(field.value)}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ field, family, owner, what });
  };
  for (const { block, owner } of allVpcBlocks(ctx)) {
    add(block.cidr, block.ipv6 ? 6 : 4, owner, block.primary ? 'VPC block' : 'Secondary VPC block');
  }
  // Kind by kind, in this order, as the findings of cidr-syntax and cidr-host-bits have always been listed.
  for (const kind of ['subnet', 'route', 'sg-rule', 'nacl-entry', 'tgw-route'] as const) {
    for (const e of ctx.model.ofKind(kind)) for (const f of cidrFieldsOf(e)) add(f.field, f.family, e, f.label);
  }
  return out;
}

/** Subnets grouped by the VPC they name (also VPCs outside the model, e.g. a literal `vpc-0abc` id). */
export function subnetsByVpc(ctx: RuleContext): Map<ElementId, Subnet[]> {
  const groups = new Map<ElementId, Subnet[]>();
  for (const s of ctx.model.ofKind('subnet')) {
    if (!s.vpc.known) continue;
    let list = groups.get(s.vpc.value);
    if (!list) groups.set(s.vpc.value, (list = []));
    list.push(s);
  }
  return groups;
}

/** How a VPC is named in messages: its address, or the id it is known by when it is not in the model. */
export function vpcLabel(ctx: RuleContext, vpcId: ElementId): string {
  return ctx.model.get(vpcId)?.address ?? vpcId;
}
