// The typed messages between the VS Code client and the language server beyond standard LSP. Imported by
// both sides, so it depends on nothing but the JSON-RPC message types and plain data types (the graph).
import { NotificationType, RequestType } from 'vscode-jsonrpc';
import type { TopologyGraph } from './core/topology/types';

export type AnalysisState = 'indexing' | 'analyzing' | 'idle';

export interface StatusParams {
  readonly state: AnalysisState;
  /** Files a front-end analyses. */
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
}

/** Server -> client: what the server is doing, for the status bar. */
export const StatusNotification = new NotificationType<StatusParams>('vpcLens/status');

/** The settings section the server reads (`vpcLens.*`). */
export const CONFIGURATION_SECTION = 'vpcLens';

// --- Topology (the diagram panel) ------------------------------------------------------------------

export interface TopologyParams {
  /** Only the analysis unit(s) of this file (its root module, its stack); absent: the whole workspace. */
  readonly uri?: string;
}

/** Client -> server: the topology graph; node `file`s are document URIs, ranges 0-based. */
export const TopologyRequest = new RequestType<TopologyParams, TopologyGraph, void>('vpcLens/topology');

export interface TopologyChangedParams {
  /** Increases with every analysis, so a client can drop answers to older requests. */
  readonly revision: number;
}

/** Server -> client: an analysis finished; an open diagram asks for the graph again. */
export const TopologyChangedNotification = new NotificationType<TopologyChangedParams>('vpcLens/topologyChanged');

export interface ElementAtParams {
  readonly uri: string;
  /** 0-based, UTF-16 characters (LSP convention). */
  readonly position: { readonly line: number; readonly character: number };
}

/** Client -> server: the graph node of the innermost resource at a cursor (its id), or null. */
export const ElementAtRequest = new RequestType<ElementAtParams, { readonly id: string } | null, void>('vpcLens/elementAt');
