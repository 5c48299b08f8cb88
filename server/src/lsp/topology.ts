import type { Connection } from 'vscode-languageserver';
import type { Analysis } from '../core/analysis/workspace';
import { buildTopology, elementAt, type TopologyGraph } from '../core/topology';
import { ElementAtRequest, TopologyChangedNotification, TopologyRequest } from '../protocol';
import type { ClientUri, LineIndexLookup } from './convert';
import { canonicalUri } from './uris';

export interface TopologyHost {
  /** The analysis of the current texts (after indexing). */
  currentAnalysis(): Promise<Analysis | undefined>;
  readonly lineIndexOf: LineIndexLookup;
  readonly clientUri: ClientUri;
  logError(message: string): void;
}

const EMPTY: TopologyGraph = { version: 1, nodes: [], edges: [] };

/**
 * The diagram panel's requests: `vpcLens/topology` (the graph, whole workspace or one file's unit) and
 * `vpcLens/elementAt` (the node under the editor cursor). `analysisPublished()` sends
 * `vpcLens/topologyChanged` so an open panel follows edits. Graphs are cached per analysis and scope: a
 * cursor move asks elementAt many times against the same analysis.
 */
export function registerTopology(connection: Connection, host: TopologyHost): { analysisPublished(): void } {
  let revision = 0;
  const cache = new WeakMap<Analysis, Map<string, TopologyGraph>>();

  const graphOf = (analysis: Analysis, file: string | undefined): TopologyGraph => {
    let byScope = cache.get(analysis);
    if (!byScope) cache.set(analysis, (byScope = new Map()));
    const key = file ?? '';
    let graph = byScope.get(key);
    if (!graph) {
      graph = buildTopology(analysis, file === undefined ? {} : { file }, (span) => {
        const index = host.lineIndexOf(span.file);
        return index ? { file: host.clientUri(span.file), range: index.rangeOf(span.start, span.end) } : undefined;
      });
      byScope.set(key, graph);
    }
    return graph;
  };

  connection.onRequest(TopologyRequest, async (params) => {
    const analysis = await host.currentAnalysis();
    if (!analysis) return EMPTY;
    try {
      return graphOf(analysis, params?.uri ? canonicalUri(params.uri) : undefined);
    } catch (err) {
      host.logError(`VPC Lens: topology failed: ${err instanceof Error ? err.message : String(err)}`);
      return EMPTY;
    }
  });

  connection.onRequest(ElementAtRequest, async (params) => {
    const analysis = await host.currentAnalysis();
    const uri = canonicalUri(params.uri);
    const index = host.lineIndexOf(uri);
    if (!analysis || !index) return null;
    try {
      return elementAt(analysis.model, graphOf(analysis, uri), uri, index.offsetAt(params.position));
    } catch (err) {
      host.logError(`VPC Lens: elementAt failed: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    }
  });

  return {
    analysisPublished: () => {
      void connection.sendNotification(TopologyChangedNotification, { revision: ++revision }).catch(() => {});
    },
  };
}
