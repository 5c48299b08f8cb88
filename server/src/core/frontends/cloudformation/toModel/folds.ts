import type { Field } from '../../../model/field';
import type { ElementId } from '../../../model/types';
import type { CfnResource } from '../eval/evaluated';
import { Props, type MapContext } from './context';

/**
 * Resources the model has no element kind for, because they only add to another element: their
 * contribution, keyed by the element they add to. Read while mapping that element.
 */
export interface Folds {
  /** `AWS::EC2::EIPAssociation`: what the EIP is attached to. */
  readonly eipAssociations: Map<ElementId, { instance?: Field<ElementId>; networkInterface?: Field<ElementId> }>;
}

export function collectFolds(resources: readonly CfnResource[], ctx: MapContext): Folds {
  const folds: Folds = { eipAssociations: new Map() };
  for (const r of resources) {
    if (r.type !== 'AWS::EC2::EIPAssociation') continue;
    const p = Props.of(r, ctx);
    // `AllocationId` (VPC) or `EIP` (the public IP, `!Ref Eip`) names the address.
    const eip = p.id('AllocationId') ?? p.id('EIP');
    if (!eip?.known || folds.eipAssociations.has(eip.value)) continue;
    const instance = p.id('InstanceId');
    const networkInterface = p.id('NetworkInterfaceId');
    folds.eipAssociations.set(eip.value, { ...(instance ? { instance } : {}), ...(networkInterface ? { networkInterface } : {}) });
  }
  return folds;
}
