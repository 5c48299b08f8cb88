import { formatCount } from '../cidr';
import type { ModelView } from '../model/network';
import type { NetworkElement } from '../model/types';
import type { Span } from '../text/span';
import { baseAddress, elementLabel, kindName } from './elementLabel';
import { type CidrField, cidrFields, spanHolds } from './elementCidrFields';
import { code, escapeMarkdown } from './markdown';

interface Hit {
  readonly owner: NetworkElement;
  readonly cidr: CidrField;
  readonly span: Span;
  readonly why?: string;
}

/** Instances whose reasons are listed one by one; more share an "and N more". */
const MAX_REASONS = 5;

/** Resources listed by name when one expression feeds several (a CDK `Vpc`'s block, its subnets too). */
const MAX_OWNERS = 5;

/**
 * What the expression is a block of: one resource ("**IPv4 block** · VPC `aws_vpc.main`"), the instances of
 * one count/for_each resource ("of 3 instances"), or several resources, listed.
 */
function headingOf(hits: readonly Hit[]): string {
  const first = hits[0]!;
  const bases = [...new Set(hits.map((h) => baseAddress(h.owner)))];
  if (hits.length === 1) return `**${first.cidr.what}** · ${kindName(first.owner.kind)} ${elementLabel(first.owner)}`;
  if (bases.length === 1) return `**${first.cidr.what}** of ${hits.length} instances · ${kindName(first.owner.kind)} ${code(bases[0]!)}`;
  const owners = hits.slice(0, MAX_OWNERS).map((h) => `- ${h.cidr.what} of ${kindName(h.owner.kind)} ${elementLabel(h.owner)}`);
  if (hits.length > MAX_OWNERS) owners.push(`- and ${hits.length - MAX_OWNERS} more`);
  return [`**CIDR block** of ${hits.length} resources`, ...owners].join('\n');
}

function hitOf(owner: NetworkElement, cidr: CidrField, span: Span): Hit {
  const why = cidr.field.known ? undefined : cidr.field.why;
  return why ? { owner, cidr, span, why } : { owner, cidr, span };
}

/** Unknown CIDR attributes written at the cursor, inside the resources around it (if any). */
function hitsInResourcesAt(model: ModelView, uri: string, offset: number): { hits: Hit[]; inResource: boolean } {
  const hits: Hit[] = [];
  let inResource = false;
  for (const owner of model.all()) {
    // A field is written inside its resource: only resources around the cursor are read.
    if (!spanHolds(owner.span, uri, offset)) continue;
    inResource = true;
    for (const cidr of cidrFields(owner)) {
      const f = cidr.field;
      if (f.known) continue;
      // Where the attribute is written (`span` may be where the unknown came from: a CloudFormation parameter).
      const s = f.at ?? f.span;
      if (spanHolds(s, uri, offset)) hits.push(hitOf(owner, cidr, s));
    }
  }
  return { hits, inResource };
}

/**
 * Unknown CIDR fields by the file of the place they came from, when that is not the attribute itself: a
 * Terraform module argument (`cidr = var.vpc_cidr` in the `module` block) that a resource of the module
 * uses as its block. Built once per model, on the first hover outside every resource that needs it (a few
 * milliseconds on 10,000 resources).
 */
const writtenElsewhere = new WeakMap<ModelView, Map<string, Hit[]>>();

function hitsWrittenElsewhereAt(model: ModelView, uri: string, offset: number): Hit[] {
  let byFile = writtenElsewhere.get(model);
  if (!byFile) {
    byFile = new Map();
    for (const owner of model.all()) {
      for (const cidr of cidrFields(owner)) {
        const f = cidr.field;
        if (f.known || !f.at || !f.span) continue;
        const list = byFile.get(f.span.file) ?? [];
        list.push(hitOf(owner, cidr, f.span));
        byFile.set(f.span.file, list);
      }
    }
    writtenElsewhere.set(model, byFile);
  }
  return (byFile.get(uri) ?? []).filter((h) => spanHolds(h.span, uri, offset));
}

/**
 * The hover on a CIDR expression whose value is not known (`cidr_block = var.cidr` with no value given,
 * a remote module's output, a data source): what the block is, and why VPC Lens does not know it, so the
 * user sees what to give it (a tfvars value, a parameter file) instead of an empty hover.
 */
export function unknownCidrHoverAt(model: ModelView, uri: string, offset: number): { markdown: string; span: Span } | undefined {
  const around = hitsInResourcesAt(model, uri, offset);
  // Module arguments and CloudFormation parameters are written outside every resource.
  const hits = around.inResource ? around.hits : hitsWrittenElsewhereAt(model, uri, offset);
  const first = hits[0];
  if (!first) return undefined;
  const parts = [headingOf(hits)];
  const reasons = [...new Set(hits.map((h) => h.why ?? 'VPC Lens cannot evaluate it'))];
  const why =
    reasons.length === 1
      ? `Not known: ${escapeMarkdown(reasons[0]!)}.`
      : ['Not known:', ...reasons.slice(0, MAX_REASONS).map((r) => `- ${escapeMarkdown(r)}`), ...(reasons.length > MAX_REASONS ? [`- and ${reasons.length - MAX_REASONS} more`] : [])].join('\n');
  parts.push(why);
  if (first.cidr.ipamPrefix !== undefined) {
    const bits = first.cidr.what.startsWith('IPv6') ? 128 : 32;
    const size = 2n ** BigInt(Math.max(0, bits - first.cidr.ipamPrefix));
    parts.push(`IPAM allocates it when the VPC is created: a /${first.cidr.ipamPrefix} block (${formatCount(size)} addresses).`);
  }
  parts.push('Rules that need this block skip it until it is known; nothing is guessed.');
  return { markdown: parts.join('\n\n'), span: first.span };
}
