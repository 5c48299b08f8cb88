/**
 * The topology graph: what the diagram draws and what `vpc-lens topology --format json` prints
 * (interfaces.md). Containment is `parent` (region > vpc > az > subnet > resources); connections are edges.
 * Plain JSON data: it crosses the LSP connection and the webview message channel as is.
 */
export type TopologyNodeKind =
  | 'region'
  | 'vpc'
  | 'az'
  | 'subnet'
  | 'igw'
  | 'egress-igw'
  | 'nat'
  | 'eip'
  | 'route-table'
  | 'sg'
  | 'nacl'
  | 'peering'
  | 'tgw'
  | 'vgw'
  | 'cgw'
  | 'vpn'
  | 'dx-gateway'
  | 'endpoint'
  | 'lb'
  | 'target-group'
  | 'instance'
  | 'eni'
  | 'internet'
  | 'onprem';

export interface TopologyRange {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

export interface TopologyNode {
  readonly id: string;
  readonly kind: TopologyNodeKind;
  /**
   * Plain text (renderers escape it). May hold several lines separated by `\n`: the name first, then a
   * summary (a subnet's `10.0.0.0/24 · 251 usable`, a VPC's blocks, an endpoint's service).
   */
  readonly label: string;
  readonly parent?: string;
  /** Source file (URI in the editor, path relative to the cwd in the CLI) and 0-based range of the resource. */
  readonly file?: string;
  readonly range?: TopologyRange;
  readonly cidr?: string;
  readonly az?: string;
  readonly public?: boolean;
  /** Findings on this element, for badges: counts by severity. */
  readonly findings?: { readonly error: number; readonly warning: number; readonly info: number };
  /** Extra lines for the node's tooltip (usable count, route table, why public...). */
  readonly details?: readonly string[];
}

export type TopologyEdgeKind =
  | 'route'
  | 'attachment'
  | 'peering'
  | 'tgw-attachment'
  | 'vpn'
  | 'endpoint'
  | 'lb-subnet'
  | 'nat-egress'
  | 'association';

export interface TopologyEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: TopologyEdgeKind;
  readonly label?: string;
}

export interface TopologyGraph {
  readonly version: 1;
  readonly nodes: readonly TopologyNode[];
  readonly edges: readonly TopologyEdge[];
}
