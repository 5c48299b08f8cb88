// What touching fresh memory costs on this machine: a process's first write to each 4 KiB page is a page fault
// the kernel serves by finding and zeroing a page. On bare metal that is about a microsecond or less; under
// some hypervisors it is ten times more, and then every megabyte a tool touches shows in its wall time.
import { spawnSync } from 'node:child_process';
import { median } from './stats';

const PAGE = 4096;
const BYTES = 64 * 1024 * 1024;

// Run in a fresh process: allocates without zero-filling (so nothing touches the pages first), then writes one
// byte per page and prints microseconds per page. The loop itself costs nanoseconds per page.
const PROBE = `
const b = Buffer.allocUnsafeSlow(${BYTES});
const t = performance.now();
for (let i = 0; i < b.length; i += ${PAGE}) b[i] = 1;
process.stdout.write(String(((performance.now() - t) * 1000) / (b.length / ${PAGE})));
`;

/** Median microseconds per first touch of a 4 KiB page over `runs` fresh processes; undefined if none worked. */
export function measurePageFaultCostUs(runs = 3): number | undefined {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const probe = spawnSync(process.execPath, ['-e', PROBE], { encoding: 'utf8', timeout: 30_000 });
    const us = Number(probe.stdout);
    if (probe.status === 0 && Number.isFinite(us) && us > 0) samples.push(us);
  }
  return samples.length > 0 ? median(samples) : undefined;
}
