// A worker thread of parallelParse.ts: loads the grammars, then takes files from the shared queue until it
// is empty, and sends each file's parse (a plain object, copied by structured clone) back on its port.
import { workerData } from 'node:worker_threads';
import { defaultFrontEnds } from '../core/frontends/registry';
import type { FrontEnd } from '../core/frontends/types';
import { loadGrammars } from './grammars';
import type { ParseWorkerData, ParseWorkerMessage } from './parallelParse';

async function run(data: ParseWorkerData): Promise<void> {
  const { uris, texts, order, next, port } = data;
  const send = (message: ParseWorkerMessage) => port.postMessage(message);
  try {
    const frontEnds = defaultFrontEnds(await loadGrammars());
    for (;;) {
      const taken = Atomics.add(next, 0, 1);
      if (taken >= order.length) break;
      const index = order[taken]!;
      send({ kind: 'parsed', index, parsed: parseOne(frontEnds, uris[index]!, texts[index]!) });
    }
  } finally {
    send({ kind: 'done' });
    port.close();
  }
}

/**
 * Front-ends whose parse is plain data (the HCL AST), which survives structured clone unchanged. Others may
 * hold class instances, which would arrive without their methods: their files are parsed on the main thread.
 */
const CLONEABLE_PARSES = new Set<string>(['terraform']);

/** What the workspace's own parse would give; undefined (the main thread parses it) when that is unsure. */
function parseOne(frontEnds: readonly FrontEnd[], uri: string, text: string): unknown {
  try {
    const frontEnd = frontEnds.find((f) => f.claims(uri, text));
    return frontEnd && CLONEABLE_PARSES.has(frontEnd.id) ? frontEnd.parse(uri, text) : undefined;
  } catch {
    // The main thread parses the file again and reports the failure the way it always does.
    return undefined;
  }
}

void run(workerData as ParseWorkerData).catch(() => {
  // Loading the grammars failed: the main thread parses whatever this worker did not.
});
