import type { UnitSuppression } from '../frontends/types';
import type { NetworkElement } from '../model/types';
import type { Finding } from '../rules/types';
import { type SourceIndex, sourceIndexOf, type TemplateIndex, templateElementOf, templateIndexOf } from './cdkOutIndex';
import type { UnitAnalysis } from './unitAnalysis';

/**
 * A workspace holding a CDK app and its `cdk.out` sees every mistake twice: once in the source, once in the
 * synthesized template. Each finding on a template resource that carries `aws:cdk:path` is tied to the
 * source construct whose path is the longest prefix of it (same stack: the first path segment), among the
 * CDK source of the same app (files under the folder holding `cdk.out`):
 * - when the source analysis reports the same rule on that construct or one below it, the template finding
 *   is dropped (the source one says it where the user can fix it);
 * - otherwise the finding moves to the construct's id in the source, saying which template it was found in,
 *   with the template location as related information (its quick fixes, which edit the template, are left out);
 * - findings on template resources with no source counterpart, or suppressed in the template's `Metadata`,
 *   stay where they are.
 * Returns the findings of all units with that applied; without both CDK source and a CDK template it is the
 * plain concatenation.
 */
export function mergeCdkOutFindings(units: readonly UnitAnalysis[]): Finding[] {
  const templates: { unit: UnitAnalysis; index: TemplateIndex }[] = [];
  const sources: SourceIndex[] = [];
  for (const u of units) {
    const t = templateIndexOf(u);
    if (t) templates.push({ unit: u, index: t });
  }
  if (templates.length > 0) {
    for (const u of units) {
      const s = sourceIndexOf(u);
      if (s) sources.push(s);
    }
  }
  if (templates.length === 0 || sources.length === 0) return units.flatMap((u) => u.findings);

  const templateUnits = new Set(templates.map((t) => t.unit));
  const out: Finding[] = [];
  for (const u of units) {
    if (!templateUnits.has(u)) {
      out.push(...u.findings);
      continue;
    }
    const index = templateIndexOf(u)!;
    for (const f of u.findings) {
      const mapped = mapFinding(f, index, sources, u.unit.suppressions ?? []);
      if (mapped) out.push(mapped);
    }
  }
  return out;
}

/** The finding as it should be reported: itself, re-pointed at the source, or undefined (dropped). */
function mapFinding(f: Finding, index: TemplateIndex, sources: readonly SourceIndex[], suppressions: readonly UnitSuppression[]): Finding | undefined {
  if (suppressions.some((s) => suppresses(s, f))) return f;
  const resource = templateElementOf(index, f);
  if (!resource?.cdkPath) return f;
  const target = sourceConstructOf(resource.cdkPath, resource.span.file, sources);
  if (!target) return f;
  const reported = target.reported.get(f.ruleId);
  if (reported && [...reported].some((p) => p === target.path || p.startsWith(`${target.path}/`))) return undefined;
  const template = templateLabel(resource.span.file);
  return {
    ruleId: f.ruleId,
    message: `${f.message} (in the synthesized template: ${template})`,
    span: target.element.nameSpan,
    related: [{ span: f.span, message: `found on ${resource.address} (${resource.cdkPath}) in ${template}` }, ...(f.related ?? [])],
  };
}

interface SourceConstruct {
  readonly path: string;
  readonly element: NetworkElement;
  readonly reported: SourceIndex['reported'];
}

/**
 * The source construct a synthesized resource comes from: the longest construct path that is a prefix of its
 * CDK path, at segment boundaries. The app's own source (under the folder holding `cdk.out`) is preferred;
 * any CDK source is the fallback (an app synthesized to another `--output`).
 */
function sourceConstructOf(cdkPath: string, templateUri: string, sources: readonly SourceIndex[]): SourceConstruct | undefined {
  const root = appRootOf(templateUri);
  return longestPrefixMatch(cdkPath, sources, (file) => file.startsWith(root)) ?? longestPrefixMatch(cdkPath, sources, () => true);
}

function longestPrefixMatch(cdkPath: string, sources: readonly SourceIndex[], inApp: (file: string) => boolean): SourceConstruct | undefined {
  const segments = cdkPath.split('/');
  for (let n = segments.length; n >= 1; n--) {
    const path = segments.slice(0, n).join('/');
    for (const s of sources) {
      const found = s.byPath.get(path)?.find((e) => inApp(e.element.span.file));
      if (found) return { path, element: found.element, reported: s.reported };
    }
  }
  return undefined;
}

/** `file:///app/cdk.out/S.template.json` -> `file:///app/` (a template elsewhere: its folder). */
function appRootOf(templateUri: string): string {
  const at = templateUri.search(/\/cdk\.out\//i);
  return at >= 0 ? templateUri.slice(0, at + 1) : templateUri.slice(0, templateUri.lastIndexOf('/') + 1);
}

/** `cdk.out/S.template.json` (from `cdk.out` on), or the file name. */
function templateLabel(templateUri: string): string {
  const at = templateUri.search(/\/cdk\.out\//i);
  const label = at >= 0 ? templateUri.slice(at + 1) : templateUri.slice(templateUri.lastIndexOf('/') + 1);
  return safeDecode(label);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A template's own `Metadata` suppression of the finding (then finalizeDiagnostics drops it where it is). */
function suppresses(s: UnitSuppression, f: Finding): boolean {
  return s.span.file === f.span.file && s.span.start <= f.span.start && f.span.start <= s.span.end && (s.ids === 'all' || s.ids.includes(f.ruleId));
}
