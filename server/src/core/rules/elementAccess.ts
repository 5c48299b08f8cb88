import type { Field } from '../model/field';
import type { ElementId, NetworkElement } from '../model/types';
import type { RuleContext } from './types';

/**
 * An attribute's name as the user wrote it, for messages: Terraform's snake_case, CloudFormation's PascalCase,
 * or CDK's camelCase (L1 props are CloudFormation's names with a lower-case first letter).
 */
export function attrName(e: NetworkElement, terraform: string, cloudformation: string): string {
  if (e.format === 'cloudformation') return cloudformation;
  if (e.format === 'cdk') return cloudformation.charAt(0).toLowerCase() + cloudformation.slice(1);
  return terraform;
}

/** The model element a known reference names, when it is of that kind. */
export function resolve<K extends NetworkElement['kind']>(ctx: RuleContext, kind: K, f: Field<ElementId> | undefined) {
  return f?.known ? ctx.model.getOf(kind, f.value) : undefined;
}
