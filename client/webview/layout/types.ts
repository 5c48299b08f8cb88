// What layoutTopology produces and renderSvg draws: absolute boxes for visible nodes, polylines for edges.
import type { TopologyEdgeKind, TopologyNode } from '../../../server/src/core/topology/types';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Route tables, NACLs, security groups and EIPs drawn as badges on the node they belong to. */
export interface CollapsedAttachment {
  readonly id: string;
  readonly kind: 'route-table' | 'nacl' | 'sg' | 'eip';
  readonly label: string;
}

export interface LayoutNode {
  readonly node: TopologyNode;
  /** Visible ancestor this node is drawn inside (undefined at the top level). */
  readonly parent: string | undefined;
  readonly depth: number;
  readonly box: Box;
  /** Drawn as a container (region, VPC, AZ, subnet). */
  readonly container: boolean;
  /** Sits on its VPC's border (internet / egress-only / virtual private gateways). */
  readonly onBorder: boolean;
  readonly attachments: readonly CollapsedAttachment[];
  /** Resources inside this subnet that are not drawn because subnet contents are collapsed. */
  readonly hiddenChildren: number;
}

export interface LayoutEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: TopologyEdgeKind;
  readonly label?: string;
  readonly points: readonly Point[];
  /** Derived from a route table that is drawn as a badge (subnet -> route target). */
  readonly derived: boolean;
}

export interface Layout {
  readonly width: number;
  readonly height: number;
  /** Parents before their children, so drawing in order nests correctly. */
  readonly nodes: readonly LayoutNode[];
  readonly edges: readonly LayoutEdge[];
  /** True when subnet contents were collapsed because the network is big. */
  readonly subnetsCollapsed: boolean;
  /** Hash of what the geometry depends on (the layout cache key). */
  readonly hash: string;
}

export interface LayoutOptions {
  /** Lays out with this engine (a worker-backed ELK in the webview); default: an in-process ELK. */
  readonly elk?: ElkEngine;
  /** Collapse subnet contents when more nodes than this would be drawn (default 600). */
  readonly collapseThreshold?: number;
  /** Subnets whose contents stay drawn even when collapsing. */
  readonly expanded?: readonly string[];
  /** Draw route tables, NACLs, security groups and EIPs as nodes instead of badges. */
  readonly showAttachments?: boolean;
}

/** The part of elkjs's API layoutTopology uses: lets the webview pass a worker-backed instance. */
export interface ElkEngine {
  layout(graph: ElkGraphNode): Promise<ElkGraphNode>;
}

export interface ElkGraphNode {
  id: string;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  children?: ElkGraphNode[];
  edges?: { id: string; sources: string[]; targets: string[] }[];
  layoutOptions?: Record<string, string>;
}
