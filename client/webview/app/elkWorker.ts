// ELK running in a Web Worker, created from a Blob URL: VS Code webviews refuse workers loaded from their
// resource URLs (origin error), and the Blob keeps the standalone HTML free of file requests. The worker
// script (elkjs's elk-worker.min.js) is embedded in dist/webview.js at build time (esbuild `define`).
import ELK from 'elkjs/lib/elk-api.js';
import type { ElkEngine } from '../layout/types';

declare const VPCL_ELK_WORKER_SOURCE: string;

export function createWorkerElk(): ElkEngine {
  const url = URL.createObjectURL(new Blob([VPCL_ELK_WORKER_SOURCE], { type: 'text/javascript' }));
  return new ELK({ workerFactory: () => new Worker(url) }) as unknown as ElkEngine;
}
