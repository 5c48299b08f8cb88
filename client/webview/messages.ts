// The messages between the extension host (client/src/topology) and the topology webview. One module for both
// sides so a renamed field breaks the build, not the panel. Plain JSON only: it crosses postMessage.
import type { TopologyGraph, TopologyRange } from '../../server/src/core/topology/types';

export type TopologyScope = 'workspace' | 'file';

/** Extension host -> webview. */
export type HostToWebviewMessage =
  | { readonly type: 'update'; readonly graph: TopologyGraph; readonly scope: TopologyScope; readonly title?: string }
  /** The editor cursor moved into a resource (id undefined: into none). */
  | { readonly type: 'highlight'; readonly id: string | undefined }
  | { readonly type: 'error'; readonly message: string };

/** Webview -> extension host. */
export type WebviewToHostMessage =
  /** The webview is listening: send the current graph. */
  | { readonly type: 'ready' }
  /** Open the source of a node. */
  | { readonly type: 'reveal'; readonly id: string; readonly file: string; readonly range?: TopologyRange }
  | { readonly type: 'scope'; readonly scope: TopologyScope }
  /** Save an export: `data` is the SVG text, or the PNG bytes as base64. */
  | { readonly type: 'save'; readonly format: 'svg' | 'png'; readonly data: string };

/** What the webview keeps across reloads (vscode.getState/setState) and the serializer restores. */
export interface WebviewState {
  readonly scope?: TopologyScope;
  readonly transform?: { readonly x: number; readonly y: number; readonly k: number };
  readonly selected?: string;
  readonly search?: string;
  /** Subnets the user opened on a big network whose subnet contents start collapsed. */
  readonly expanded?: readonly string[];
  /** Draw every context connection (endpoints, associations), not only those of the node in focus. */
  readonly allLinks?: boolean;
}

export const TOPOLOGY_VIEW_TYPE = 'vpcLens.topology';

export function isWebviewToHostMessage(value: unknown): value is WebviewToHostMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as { type?: unknown; id?: unknown; file?: unknown; scope?: unknown; format?: unknown; data?: unknown };
  switch (m.type) {
    case 'ready':
      return true;
    case 'reveal':
      return typeof m.id === 'string' && typeof m.file === 'string';
    case 'scope':
      return m.scope === 'workspace' || m.scope === 'file';
    case 'save':
      return (m.format === 'svg' || m.format === 'png') && typeof m.data === 'string';
    default:
      return false;
  }
}
