// A worker thread of parallelCheck.ts: analyses one share of the workspace's units and sends the result back.
import { parentPort, workerData } from 'node:worker_threads';
import { Workspace } from '../core/analysis/workspace';
import { createWorkspace } from './createWorkspace';
import { isTypeScriptSource } from './files';
import type { CheckWorkerData, CheckWorkerMessage } from './parallelCheck';

async function run(data: CheckWorkerData): Promise<CheckWorkerMessage> {
  const errors: string[] = [];
  const typescript = data.files.some(([uri]) => isTypeScriptSource(uri));
  const ws = await createWorkspace({ error: (message) => errors.push(message) }, { typescript });
  for (const [uri, text] of data.files) ws.setFile(uri, text);
  const pass = ws.analyzeUnits(data.settings, { index: data.index, count: data.count });
  return { kind: 'result', result: Workspace.shardResult(pass), errors };
}

run(workerData as CheckWorkerData).then(
  (message) => parentPort?.postMessage(message),
  // The main thread analyses this share itself.
  (err: unknown) => parentPort?.postMessage({ kind: 'failed', message: err instanceof Error ? err.message : String(err) } satisfies CheckWorkerMessage),
);
