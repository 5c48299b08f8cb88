import type { CliIo } from './io';

/**
 * `VPC_LENS_TIMING=1 vpc-lens check ...` prints how long each phase took on stderr: the numbers behind
 * BENCHMARKS.md, and a first answer to "why is my check slow". Off by default, and free when off. Each phase
 * also names its page faults (memory the process touched for the first time): on a virtual machine where a
 * fault costs 15 µs, as on the benchmark machine, they are a third of a check's time.
 */
export interface PhaseTimer {
  /** Ends the phase running since the previous mark (or since the process started) and names it. */
  mark(phase: string): void;
  /** Prints the phases, if timing is on. */
  report(): void;
}

export function phaseTimer(io: CliIo): PhaseTimer {
  if (!io.env['VPC_LENS_TIMING']) return { mark: () => {}, report: () => {} };
  const phases: { name: string; ms: number; pageFaults: number }[] = [];
  // performance.now() counts from the process's start: the first phase is Node's start and loading the bundle.
  // So do the process's page faults.
  let lastMs = 0;
  let lastFaults = 0;
  return {
    mark(name) {
      const ms = performance.now();
      const faults = process.resourceUsage().minorPageFault;
      phases.push({ name, ms: ms - lastMs, pageFaults: faults - lastFaults });
      lastMs = ms;
      lastFaults = faults;
    },
    report() {
      const total = phases.reduce((sum, p) => sum + p.ms, 0);
      const parts = phases.map((p) => `${p.name} ${p.ms.toFixed(0)} ms (${p.pageFaults} page faults)`);
      io.err(`vpc-lens: timing: ${parts.join(', ')}; total ${total.toFixed(0)} ms\n`);
    },
  };
}
