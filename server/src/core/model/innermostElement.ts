import type { Span } from '../text/span';
import type { NetworkElement } from './types';

/**
 * The element with the smallest source span around `span` (ends inclusive): an inline rule rather than its
 * group, the resource a literal sits in. A scan: asked on a hover or for a rare finding, never per element.
 */
export function innermostElementAround(elements: Iterable<NetworkElement>, span: Span): NetworkElement | undefined {
  let best: NetworkElement | undefined;
  for (const e of elements) {
    const s = e.span;
    if (s.file !== span.file || s.start > span.start || s.end < span.end) continue;
    if (!best || s.end - s.start < best.span.end - best.span.start) best = e;
  }
  return best;
}
