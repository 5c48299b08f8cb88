import type { CliIo } from './io';

/**
 * `VPC_LENS_TIMING=1 vpc-lens check ...` prints how long each phase took on stderr: the numbers behind
 * BENCHMARKS.md, and a first answer to "why is my check slow". Off by default, and free when off.
 */
export interface PhaseTimer {
  /** Ends the phase running since the previous mark (or since the process started) and names it. */
  mark(phase: string): void;
  /** Prints the phases, if timing is on. */
  report(): void;
}

export function phaseTimer(io: CliIo): PhaseTimer {
  if (!io.env['VPC_LENS_TIMING']) return { mark: () => {}, report: () => {} };
  const phases: [string, number][] = [];
  // performance.now() counts from the process's start: the first phase is Node's start and loading the bundle.
  let last = 0;
  return {
    mark(phase) {
      const now = performance.now();
      phases.push([phase, now - last]);
      last = now;
    },
    report() {
      const total = phases.reduce((sum, [, ms]) => sum + ms, 0);
      const parts = phases.map(([phase, ms]) => `${phase} ${ms.toFixed(0)} ms`);
      io.err(`vpc-lens: timing: ${parts.join(', ')}; total ${total.toFixed(0)} ms\n`);
    },
  };
}
