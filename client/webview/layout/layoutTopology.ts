// layoutTopology for Node and tests: the in-process ELK (elk.bundled.js runs its algorithms on the calling
// thread). The webview passes a worker-backed ELK instead, via options.elk, and imports layoutWith directly
// so this bundle of ELK stays out of dist/webview.js.
import ELK from 'elkjs/lib/elk.bundled.js';
import type { TopologyGraph } from '../../../server/src/core/topology/types';
import { layoutTopologyWith } from './layoutWith';
import type { ElkEngine, Layout, LayoutOptions } from './types';

let inProcess: ElkEngine | undefined;

export function layoutTopology(graph: TopologyGraph, options: LayoutOptions = {}): Promise<Layout> {
  inProcess ??= new ELK() as unknown as ElkEngine;
  return layoutTopologyWith(options.elk ?? inProcess, graph, options);
}
