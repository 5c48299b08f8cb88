import type { ModelView } from '../model/network';
import type { ElementId, NetworkElement } from '../model/types';
import type { TopologyGraph } from './types';
import { nodeIdFor } from './owners';

/**
 * The graph node for a cursor position: the innermost element whose span holds the offset, or the node that
 * owns it when the element itself is not drawn (a route -> its table, a listener -> its load balancer).
 * Null when the cursor is in no resource or the resource has no node in `graph`.
 */
export function elementAt(model: ModelView, graph: Pick<TopologyGraph, 'nodes'>, file: string, offset: number): { id: ElementId } | null {
  const nodeIds = new Set(graph.nodes.map((n) => n.id));
  let best: NetworkElement | undefined;
  for (const e of model.all()) {
    if (e.span.file !== file || e.span.start > offset || e.span.end < offset) continue;
    if (!best || e.span.end - e.span.start < best.span.end - best.span.start) best = e;
  }
  if (!best) return null;
  const id = nodeIdFor(model, best, (x) => nodeIds.has(x));
  return id === undefined ? null : { id };
}
