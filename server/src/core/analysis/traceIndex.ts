import type { ElementGroup, ValueTrace } from '../frontends/types';
import { spanKey } from '../text/span';

/** What hovers and inlay hints ask of traces; one unit's index or the whole workspace's. */
export interface TraceLookup {
  at(file: string, offset: number): ValueTrace | undefined;
  inFile(file: string): ValueTrace[];
  /** The groups (module call instances) whose span holds the offset, in the order they were built. */
  groupsAt(file: string, offset: number): ElementGroup[];
}

interface FileTraces {
  /** Sorted by start, then longest first, so an enclosing span precedes the spans it contains. */
  readonly traces: readonly ValueTrace[];
  /** maxEnd[i] = the largest end among traces[0..i]: lets a backwards scan stop early. */
  readonly maxEnd: readonly number[];
}

/**
 * Finds the evaluated CIDR expression under a cursor. Hover and inlay hints ask on every request, so traces
 * are grouped by file and sorted once; a lookup is a binary search plus a short backwards scan.
 */
export class TraceIndex implements TraceLookup {
  // Grouped and sorted on the first lookup: a CLI check never asks, and the language server asks on its first
  // hover or inlay hint rather than while it indexes the workspace.
  private indexed: Map<string, FileTraces> | undefined;

  constructor(
    readonly traces: readonly ValueTrace[],
    private readonly groups: readonly ElementGroup[] = [],
  ) {}

  groupsAt(file: string, offset: number): ElementGroup[] {
    // A few per module call: a scan is enough, and only a hover on a module's name asks.
    return this.groups.filter((g) => g.span.file === file && g.span.start <= offset && offset <= g.span.end);
  }

  private get byFile(): Map<string, FileTraces> {
    this.indexed ??= indexByFile(this.traces);
    return this.indexed;
  }

  /** The innermost trace whose span contains the offset (ends inclusive, so a cursor just after it counts). */
  at(file: string, offset: number): ValueTrace | undefined {
    const entry = this.byFile.get(file);
    if (!entry) return undefined;
    const { traces, maxEnd } = entry;
    // Last trace starting at or before the offset.
    let lo = 0;
    let hi = traces.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (traces[mid]!.span.start <= offset) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    let best: ValueTrace | undefined;
    for (let i = last; i >= 0 && maxEnd[i]! >= offset; i--) {
      const t = traces[i]!;
      if (t.span.end < offset) continue;
      if (!best || t.span.end - t.span.start < best.span.end - best.span.start) best = t;
    }
    return best;
  }

  /** The file's traces in source order. */
  inFile(file: string): ValueTrace[] {
    return [...(this.byFile.get(file)?.traces ?? [])];
  }
}

function indexByFile(traces: readonly ValueTrace[]): Map<string, FileTraces> {
  const byFile = new Map<string, FileTraces>();
  const groups = new Map<string, ValueTrace[]>();
  for (const t of traces) {
    let group = groups.get(t.span.file);
    if (!group) groups.set(t.span.file, (group = []));
    group.push(t);
  }
  for (const [file, group] of groups) {
    group.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
    const maxEnd: number[] = [];
    let max = -1;
    for (const t of group) maxEnd.push((max = Math.max(max, t.span.end)));
    byFile.set(file, { traces: group, maxEnd });
  }
  return byFile;
}

/**
 * The traces of several units as one index. A module folder called from two roots is traced by both units:
 * traces of the same span are merged so a hover lists every instance.
 */
export class CompositeTraceIndex implements TraceLookup {
  constructor(private readonly parts: readonly TraceIndex[]) {}

  groupsAt(file: string, offset: number): ElementGroup[] {
    return this.parts.flatMap((p) => p.groupsAt(file, offset));
  }

  at(file: string, offset: number): ValueTrace | undefined {
    const hits = this.parts.map((p) => p.at(file, offset)).filter((t): t is ValueTrace => t !== undefined);
    if (hits.length <= 1) return hits[0];
    const innermost = hits.reduce((a, b) => (b.span.end - b.span.start < a.span.end - a.span.start ? b : a));
    return mergeTraces([hits.filter((t) => t.span.start === innermost.span.start && t.span.end === innermost.span.end)])[0];
  }

  inFile(file: string): ValueTrace[] {
    const lists = this.parts.map((p) => p.inFile(file)).filter((l) => l.length > 0);
    if (lists.length <= 1) return lists[0] ?? [];
    return mergeTraces(lists).sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  }
}

/** Merges trace lists: traces of the same span become one, with the instances of all. */
export function mergeTraces(lists: readonly (readonly ValueTrace[])[]): ValueTrace[] {
  if (lists.length === 1) return [...lists[0]!];
  const bySpan = new Map<string, ValueTrace>();
  for (const l of lists) {
    for (const t of l) {
      const key = spanKey(t.span);
      const prev = bySpan.get(key);
      bySpan.set(key, prev ? { ...prev, instances: [...prev.instances, ...t.instances] } : t);
    }
  }
  return [...bySpan.values()];
}
