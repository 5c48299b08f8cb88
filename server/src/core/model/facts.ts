import type { CidrBlock, ElementId, RouteTable, Route, Subnet, Vpc } from './types';

export type RouteTableChoice =
  | { readonly how: 'explicit'; readonly table: RouteTable; readonly associationId: ElementId }
  | { readonly how: 'main'; readonly table: RouteTable }
  /** No main table written: AWS's implicit main table holds only the local route. */
  | { readonly how: 'implicit-main' }
  /** The association or the VPC could not be resolved. */
  | { readonly how: 'unknown' };

export interface Publicness {
  /** undefined when it cannot be decided (unknown association, unknown route target). */
  readonly public: boolean | undefined;
  /** Human explanation: "route 0.0.0.0/0 -> aws_internet_gateway.main in aws_route_table.public". */
  readonly reason: string;
  /** The route that makes it public. */
  readonly route?: Route;
}

/** Facts derived from the model once per analysis; every rule and feature asks here instead of re-deriving. */
export interface NetworkFacts {
  /** All blocks of a VPC: its own and those of association resources, primary first. */
  vpcBlocks(vpc: Vpc): readonly CidrBlock[];
  subnetsOf(vpcId: ElementId): readonly Subnet[];
  routesOf(tableId: ElementId): readonly Route[];
  routeTableOf(subnet: Subnet): RouteTableChoice;
  publicness(subnet: Subnet): Publicness;
  /** The VPC an element belongs to (directly or through its subnet/group/table), for hovers and topology. */
  vpcOf(elementId: ElementId): Vpc | undefined;
}
