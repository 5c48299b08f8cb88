import { looksLikeCidr } from '../../../cidr';
import { type Span, spanKey } from '../../../text/span';
import type { ValueTrace } from '../../types';

/** CIDR-valued property values and intrinsic expressions, for hovers and inlay hints: one trace per span. */
export class TraceRecorder {
  private readonly bySpan = new Map<string, ValueTrace>();

  record(span: Span, value: string, owner: string | undefined, attribute: string | undefined): void {
    if (!looksLikeCidr(value)) return;
    const key = spanKey(span);
    if (this.bySpan.has(key)) return;
    this.bySpan.set(key, {
      span,
      instances: [{ value }],
      ...(owner !== undefined ? { owner } : {}),
      ...(attribute !== undefined ? { attribute } : {}),
    });
  }

  traces(): ValueTrace[] {
    return [...this.bySpan.values()];
  }
}
