import type { ModelView } from '../model/network';
import type { ElementId, NetworkElement } from '../model/types';
import type { Diagnostic } from '../rules/types';
import type { Span } from '../text/span';
import { nodeIdFor } from './owners';

export interface FindingCounts {
  error: number;
  warning: number;
  info: number;
}

interface Target {
  readonly span: Span;
  readonly nodeId: ElementId;
  readonly address: string;
}

/**
 * Counts the diagnostics of each node, for badges. A diagnostic belongs to the innermost element whose span
 * holds it (an inline route inside its table counts for the table, through the route's owner); parts that
 * are not drawn count for the node that owns them. Instances of one `count`/`for_each` resource share a
 * span: a finding goes to the instances its message names (`... of aws_subnet.private[1] ...`), else to
 * each of them. Hints count as info.
 */
export function countFindings(
  model: ModelView,
  elements: readonly NetworkElement[],
  diagnostics: ReadonlyMap<string, readonly Diagnostic[]>,
  isNode: (id: ElementId) => boolean,
): Map<ElementId, FindingCounts> {
  const targetsByFile = new Map<string, Target[]>();
  for (const e of elements) {
    const nodeId = nodeIdFor(model, e, isNode);
    if (nodeId === undefined) continue;
    let list = targetsByFile.get(e.span.file);
    if (!list) targetsByFile.set(e.span.file, (list = []));
    list.push({ span: e.span, nodeId, address: e.address });
  }

  const counts = new Map<ElementId, FindingCounts>();
  for (const [file, targets] of targetsByFile) {
    for (const d of diagnostics.get(file) ?? []) {
      let best = Infinity;
      let innermost: Target[] = [];
      for (const t of targets) {
        if (t.span.start > d.span.start || t.span.end < d.span.end) continue;
        const length = t.span.end - t.span.start;
        if (length < best) {
          best = length;
          innermost = [];
        }
        if (length === best) innermost.push(t);
      }
      const named = innermost.length > 1 ? innermost.filter((t) => d.message.includes(t.address)) : [];
      const owners = new Set((named.length > 0 ? named : innermost).map((t) => t.nodeId));
      const severity = d.severity === 'hint' ? 'info' : d.severity;
      for (const id of owners) {
        let c = counts.get(id);
        if (!c) counts.set(id, (c = { error: 0, warning: 0, info: 0 }));
        c[severity]++;
      }
    }
  }
  return counts;
}
