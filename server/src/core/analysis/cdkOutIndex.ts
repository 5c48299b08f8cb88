import type { NetworkElement } from '../model/types';
import type { Finding } from '../rules/types';
import { type Span, spanContains, spanKey, spanLength } from '../text/span';
import type { UnitAnalysis } from './unitAnalysis';

/**
 * Per-unit indexes for mapping `cdk.out` findings back to CDK source (cdkOutFindings.ts). They depend on one
 * unit's analysis alone, so they are memoized on the (cached, reused) UnitAnalysis object: an edit rebuilds
 * only the indexes of the unit it touches.
 */

/** A CDK source element under its construct path (`S/Vpc/PublicSubnet1`). */
export interface SourceElement {
  readonly path: string;
  readonly element: NetworkElement;
}

export interface SourceIndex {
  /** Construct path -> the elements at it (the main resource first, as the front-end emitted them). */
  readonly byPath: ReadonlyMap<string, readonly SourceElement[]>;
  /** Rule id -> construct paths of the elements the unit's findings of that rule are on. */
  readonly reported: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Elements of a synthesized template that carry `aws:cdk:path`, per template file. */
export type TemplateIndex = ReadonlyMap<string, readonly NetworkElement[]>;

const sourceIndexes = new WeakMap<UnitAnalysis, SourceIndex | null>();
const templateIndexes = new WeakMap<UnitAnalysis, TemplateIndex | null>();

/** The index of a unit of CDK source (elements of format `cdk`); null for other units. */
export function sourceIndexOf(u: UnitAnalysis): SourceIndex | null {
  let index = sourceIndexes.get(u);
  if (index === undefined) sourceIndexes.set(u, (index = buildSourceIndex(u)));
  return index;
}

/** The index of a unit holding elements with a CDK path (a `cdk.out` template); null for other units. */
export function templateIndexOf(u: UnitAnalysis): TemplateIndex | null {
  let index = templateIndexes.get(u);
  if (index === undefined) templateIndexes.set(u, (index = buildTemplateIndex(u)));
  return index;
}

/** `file:///app/lib/stack.ts::S/Vpc/PublicSubnet1#2` -> `S/Vpc/PublicSubnet1` (a repeated id gets `#n`). */
export function constructPathOf(id: string): string | undefined {
  const at = id.indexOf('::');
  if (at < 0) return undefined;
  return id.slice(at + 2).replace(/#\d+$/, '');
}

function buildSourceIndex(u: UnitAnalysis): SourceIndex | null {
  const elements: SourceElement[] = [];
  for (const element of u.model.all()) {
    if (element.format !== 'cdk') continue;
    const path = constructPathOf(element.id);
    if (path) elements.push({ path, element });
  }
  if (elements.length === 0) return null;
  const byPath = new Map<string, SourceElement[]>();
  for (const e of elements) {
    const list = byPath.get(e.path);
    if (list) list.push(e);
    else byPath.set(e.path, [e]);
  }
  // Where each element's fields are written, so a finding on a prop (`cidrMask: 24`) finds its elements even
  // when the prop lies outside the construct's expression (a constant in another file).
  const byFieldSpan = new Map<string, Set<string>>();
  for (const e of elements) {
    collectSpans(e.element, 0, (span) => {
      const key = spanKey(span);
      let paths = byFieldSpan.get(key);
      if (!paths) byFieldSpan.set(key, (paths = new Set()));
      paths.add(e.path);
    });
  }
  const reported = new Map<string, Set<string>>();
  for (const f of u.findings) {
    let paths = reported.get(f.ruleId);
    if (!paths) reported.set(f.ruleId, (paths = new Set()));
    for (const p of byFieldSpan.get(spanKey(f.span)) ?? []) paths.add(p);
    for (const e of elements) if (spanContains(e.element.span, f.span.file, f.span.start)) paths.add(e.path);
  }
  return { byPath, reported };
}

/** Every span in an element's fields (fields, peers, actions, blocks), a few levels deep. */
function collectSpans(value: unknown, depth: number, add: (span: Span) => void): void {
  if (depth > 4 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) collectSpans(item, depth + 1, add);
    return;
  }
  if (isSpan(value)) {
    add(value);
    return;
  }
  for (const v of Object.values(value)) collectSpans(v, depth + 1, add);
}

function isSpan(v: object): v is Span {
  const s = v as Partial<Span>;
  return typeof s.file === 'string' && typeof s.start === 'number' && typeof s.end === 'number';
}

function buildTemplateIndex(u: UnitAnalysis): TemplateIndex | null {
  const byFile = new Map<string, NetworkElement[]>();
  for (const element of u.model.all()) {
    if (element.cdkPath === undefined || element.format !== 'cloudformation') continue;
    const list = byFile.get(element.span.file);
    if (list) list.push(element);
    else byFile.set(element.span.file, [element]);
  }
  return byFile.size > 0 ? byFile : null;
}

/** The innermost template element whose text holds the finding (an inline rule inside its group). */
export function templateElementOf(index: TemplateIndex, f: Finding): NetworkElement | undefined {
  let best: NetworkElement | undefined;
  for (const e of index.get(f.span.file) ?? []) {
    if (!spanContains(e.span, f.span.file, f.span.start) || f.span.end > e.span.end) continue;
    if (!best || spanLength(e.span) < spanLength(best.span)) best = e;
  }
  return best;
}
