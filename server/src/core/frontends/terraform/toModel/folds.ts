import type { Field } from '../../../model/field';
import type { ElementId } from '../../../model/types';
import { withFields } from '../../../model/withFields';
import type { EvaluatedResource } from '../evaluated';
import { BodyView } from './body';
import type { MapContext } from './context';

/**
 * Resources the model has no element kind for, because they only add to another element: their
 * contribution, keyed by the element they add to. Read while mapping that element.
 */
export interface Folds {
  /** `aws_eip_association`: what the EIP is attached to. */
  readonly eipAssociations: Map<ElementId, { instance?: Field<ElementId>; networkInterface?: Field<ElementId> }>;
  /** `aws_vpc_endpoint_{route_table,subnet,security_group}_association`. */
  readonly endpointParts: Map<
    ElementId,
    { routeTables: Field<ElementId>[]; subnets: Field<ElementId>[]; securityGroups: Field<ElementId>[] }
  >;
}

const ENDPOINT_ASSOCIATIONS: Readonly<Record<string, readonly [string, 'routeTables' | 'subnets' | 'securityGroups']>> = {
  aws_vpc_endpoint_route_table_association: ['route_table_id', 'routeTables'],
  aws_vpc_endpoint_subnet_association: ['subnet_id', 'subnets'],
  aws_vpc_endpoint_security_group_association: ['security_group_id', 'securityGroups'],
};

/**
 * Registers aliases first (an accepter stands for its connection, so routes through
 * `aws_vpc_peering_connection_accepter.peer.id` reach the connection), then collects the folds.
 */
export function collectFolds(resources: readonly EvaluatedResource[], ctx: MapContext): Folds {
  for (let i = 0; i < resources.length; i++) {
    const r = resources[i]!;
    if (r.type !== 'aws_vpc_peering_connection_accepter') continue;
    const conn = new BodyView(r.body, r.nameSpan, ctx).id('vpc_peering_connection_id');
    ctx.addAlias(r.elementId, conn?.known ? conn.value : null);
  }

  const folds: Folds = { eipAssociations: new Map(), endpointParts: new Map() };
  for (let i = 0; i < resources.length; i++) {
    const r = resources[i]!;
    if (r.type === 'aws_eip_association') {
      const b = new BodyView(r.body, r.nameSpan, ctx);
      const eip = b.id('allocation_id') ?? b.id('public_ip');
      if (!eip?.known || folds.eipAssociations.has(eip.value)) continue;
      const instance = b.id('instance_id');
      const networkInterface = b.id('network_interface_id');
      folds.eipAssociations.set(eip.value, withFields({}, { instance, networkInterface }));
      continue;
    }
    const endpointAssociation = ENDPOINT_ASSOCIATIONS[r.type];
    if (endpointAssociation) {
      const b = new BodyView(r.body, r.nameSpan, ctx);
      const endpoint = b.id('vpc_endpoint_id');
      const part = b.id(endpointAssociation[0]);
      if (!endpoint?.known || !part) continue;
      let entry = folds.endpointParts.get(endpoint.value);
      if (!entry) folds.endpointParts.set(endpoint.value, (entry = { routeTables: [], subnets: [], securityGroups: [] }));
      entry[endpointAssociation[1]].push(part);
    }
  }
  return folds;
}
