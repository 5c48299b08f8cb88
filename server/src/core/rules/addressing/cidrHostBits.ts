import type { Known } from '../../model/field';
import { defineRule } from '../catalog';
import type { Finding, Fix } from '../types';
import { cidrUses, parseField } from './support';

/** `cidr-host-bits`: `10.0.1.7/24` names an address inside the block, not the block; the fix writes the network. */
export const cidrHostBits = defineRule('cidr-host-bits', function* (ctx): Iterable<Finding> {
  for (const use of cidrUses(ctx)) {
    const parsed = parseField(use.field);
    if (!parsed?.ok || !parsed.cidr.hostBitsSet) continue;
    const { cidr } = parsed;
    const fix = networkAddressFix(use.field, cidr.canonical);
    yield {
      ruleId: 'cidr-host-bits',
      message: `${use.what} ${cidr.text} has host bits set: the block it names is ${cidr.canonical}`,
      span: use.field.span,
      ...(fix ? { fixes: [fix] } : {}),
    };
  }
});

/**
 * Rules see spans, not text, so the fix is offered only where the span is the literal itself: a quoted
 * literal (`"10.0.1.7/24"`, the Terraform front-end's origin, two characters longer than the value) is
 * edited inside its quotes, keeping whatever quote style it has; a bare literal (YAML) is replaced whole.
 * A computed value (`"${var.base}.7/24"`) has a span of another length and gets no fix: rewriting an
 * expression is not certain.
 */
export function networkAddressFix(field: Known<string>, canonical: string): Fix | undefined {
  const { span, value } = field;
  const length = span.end - span.start;
  let target;
  if (length === value.length + 2) target = { file: span.file, start: span.start + 1, end: span.end - 1 };
  else if (length === value.length) target = span;
  else return undefined;
  return { title: `Replace with the network address ${canonical}`, edits: [{ span: target, newText: canonical }], preferred: true };
}
