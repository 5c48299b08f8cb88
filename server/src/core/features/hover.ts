import type { Analysis } from '../analysis/workspace';
import { innermostElementAround } from '../model/innermostElement';
import type { NetworkElement } from '../model/types';
import type { Span } from '../text/span';
import { cidrLiteralAt } from './cidrAtCursor';
import { cidrFields, spanHolds } from './elementCidrFields';
import { explainFindingsAt } from './explain';
import { cidrHoverMarkdown } from './hoverCidr';
import { elementHoverMarkdown } from './hoverElement';
import { groupHoverMarkdown } from './hoverGroup';
import { unknownCidrHoverAt } from './hoverUnknownCidr';

export interface HoverResult {
  readonly markdown: string;
  /** What the hover is about; the editor highlights it. */
  readonly span: Span;
}

/** Reads a file's current text (open document or disk): hovers also work on CIDRs no trace covers. */
export type TextAccessor = (uri: string) => string | undefined;

/** Without diagnostics (a model-only analysis) the hover simply has no "explain" section. */
type HoverAnalysis = Pick<Analysis, 'model' | 'facts' | 'traces'> & Partial<Pick<Analysis, 'diagnostics'>>;

/**
 * The hover at an offset: the explanation of the findings under the cursor (if any), followed by what the
 * cursor is on, in order of precision: an evaluated CIDR expression (its computed value(s)), a resource
 * name label (its network role), a module call's name (what it builds), a CIDR literal written anywhere in the text, else a CIDR expression whose
 * value is not known (why not).
 */
export function hoverAt(analysis: HoverAnalysis, textOf: TextAccessor, uri: string, offset: number): HoverResult | undefined {
  const subject = subjectHoverAt(analysis, textOf, uri, offset);
  const explained = explainFindingsAt(analysis.diagnostics?.get(uri) ?? [], uri, offset, textOf);
  if (!explained) return subject;
  if (!subject) return explained;
  return { markdown: `${explained.markdown}\n\n---\n\n${subject.markdown}`, span: subject.span };
}

function subjectHoverAt(analysis: HoverAnalysis, textOf: TextAccessor, uri: string, offset: number): HoverResult | undefined {
  const trace = analysis.traces.at(uri, offset);
  if (trace) {
    const owner = analysis.model.get(trace.owner);
    return { markdown: cidrHoverMarkdown(analysis, trace.instances, owner), span: trace.span };
  }

  const named = elementsNamedAt(analysis, uri, offset);
  if (named.length > 0) return { markdown: namedElementsMarkdown(analysis, named), span: named[0]!.nameSpan };

  const groups = analysis.traces.groupsAt(uri, offset);
  if (groups.length > 0) return { markdown: groupHoverMarkdown(analysis, groups), span: groups[0]!.span };

  const text = textOf(uri);
  const literal = text === undefined ? undefined : cidrLiteralAt(text, offset);
  if (literal) {
    const owner = innermostElementAt(analysis, uri, offset) ?? elementWritingCidrAt(analysis, uri, offset);
    return {
      markdown: cidrHoverMarkdown(analysis, [{ value: literal.text }], owner),
      span: { file: uri, start: literal.start, end: literal.end },
    };
  }
  return unknownCidrHoverAt(analysis.model, uri, offset);
}

/** Every instance of a `count`/`for_each` resource shares one name label. */
function elementsNamedAt(analysis: HoverAnalysis, uri: string, offset: number): NetworkElement[] {
  const out: NetworkElement[] = [];
  for (const e of analysis.model.all()) {
    const s = e.nameSpan;
    if (s.file === uri && s.start <= offset && offset <= s.end) out.push(e);
  }
  return out;
}

const MAX_NAMED_INSTANCES = 3;

function namedElementsMarkdown(analysis: HoverAnalysis, elements: readonly NetworkElement[]): string {
  const shown = elements.slice(0, MAX_NAMED_INSTANCES).map((e) => elementHoverMarkdown(analysis, e));
  if (elements.length > MAX_NAMED_INSTANCES) {
    shown.push(`and ${elements.length - MAX_NAMED_INSTANCES} more instances`);
  }
  return shown.join('\n\n---\n\n');
}

/**
 * The element whose CIDR is written at the offset outside any resource block: a block in a YAML or JSON file
 * that Terraform's file() read, whose value keeps its place there.
 */
function elementWritingCidrAt(analysis: HoverAnalysis, uri: string, offset: number): NetworkElement | undefined {
  for (const e of analysis.model.all()) if (cidrFields(e).some((c) => spanHolds(c.field.span, uri, offset))) return e;
  return undefined;
}

/** The resource a literal sits in (smallest enclosing span), for "owner" and "share of VPC". */
function innermostElementAt(analysis: HoverAnalysis, uri: string, offset: number): NetworkElement | undefined {
  return innermostElementAround(analysis.model.all(), { file: uri, start: offset, end: offset });
}
