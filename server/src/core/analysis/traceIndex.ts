// STUB: replaced by the trace index.
import type { ValueTrace } from '../frontends/types';

/** Finds the evaluated CIDR expression under a cursor. */
export class TraceIndex {
  constructor(readonly traces: readonly ValueTrace[]) {}

  at(file: string, offset: number): ValueTrace | undefined {
    return this.traces.find((t) => t.span.file === file && t.span.start <= offset && offset <= t.span.end);
  }

  inFile(file: string): ValueTrace[] {
    return this.traces.filter((t) => t.span.file === file);
  }
}
