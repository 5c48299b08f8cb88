// What a CDK app changes on the CloudFormation resource behind a construct after making it ("escape hatches"):
//   (vpc.publicSubnets[0].node.defaultChild as ec2.CfnSubnet).addPropertyOverride('CidrBlock', '10.1.0.0/28');
//   (subnet.node.defaultChild as ec2.CfnSubnet).mapPublicIpOnLaunch = false;
//   cfnSubnet.cidrBlock = '10.0.9.0/24';
// CDK applies these when it synthesizes, after the construct made its resource, so the model mapping applies
// them to the resources last (toModel/propertyOverrides.ts).
import type { Span } from '../../../text/span';
import { type Construct, UNDEFINED, type V } from './values';

export interface PropertyOverride {
  /** Undefined: the property is deleted (`addPropertyDeletionOverride`, or `= undefined`). */
  readonly value: V | undefined;
  /** The value's object keys are an L1's camelCased props (an assignment), not CloudFormation's (an override). */
  readonly camelKeys: boolean;
  readonly span: Span;
}

/** Methods of a CloudFormation resource (`CfnResource`) that change its properties. */
const OVERRIDE_METHODS = new Set(['addPropertyOverride', 'addPropertyDeletionOverride', 'addOverride', 'addDeletionOverride']);

/** `ec2.CfnSubnet`: a construct that is itself a CloudFormation resource. */
export function isL1(c: Construct): boolean {
  return !c.userClass && /^\w+\.Cfn\w+$/.test(c.type);
}

/** `CidrBlock` from `cidrBlock`: L1 props are CloudFormation's, camelCased. */
function cfnName(prop: string): string {
  return prop.length === 0 ? prop : prop[0]!.toUpperCase() + prop.slice(1);
}

export class PropertyOverrides {
  private readonly byElement = new Map<string, Map<string, PropertyOverride>>();

  /** The overrides of one resource (by model element id), CloudFormation property name -> override. */
  of(elementId: string): ReadonlyMap<string, PropertyOverride> | undefined {
    return this.byElement.get(elementId);
  }

  /** `resource.cidrBlock = value` on an L1 construct or a `node.defaultChild`. */
  assign(elementId: string, prop: string, value: V, span: Span): void {
    const absent = value.t === 'prim' && value.v === undefined;
    this.set(elementId, cfnName(prop), { value: absent ? undefined : value, camelKeys: true, span });
  }

  /** The value the app last assigned or overrode, if any (`cfnSubnet.cidrBlock` read back). */
  read(elementId: string, prop: string): V | undefined {
    const o = this.byElement.get(elementId)?.get(cfnName(prop));
    return o ? (o.value ?? UNDEFINED) : undefined;
  }

  isOverrideMethod(method: string): boolean {
    return OVERRIDE_METHODS.has(method);
  }

  /**
   * `addPropertyOverride('CidrBlock', v)`, `addOverride('Properties.CidrBlock', v)` and their deletion forms.
   * A nested path (`Tags.0.Value`) is not followed: the model reads whole top-level properties.
   */
  call(elementId: string, method: string, args: readonly V[], span: Span): void {
    const path = args[0]?.t === 'prim' && typeof args[0].v === 'string' ? args[0].v : undefined;
    if (path === undefined) return;
    const property = method === 'addOverride' || method === 'addDeletionOverride' ? /^Properties\.([^.]+)$/.exec(path)?.[1] : /^[^.]+$/.exec(path)?.[0];
    if (!property) return;
    const deleted = method.includes('Deletion');
    this.set(elementId, property, { value: deleted ? undefined : (args[1] ?? UNDEFINED), camelKeys: false, span });
  }

  private set(elementId: string, property: string, override: PropertyOverride): void {
    let props = this.byElement.get(elementId);
    if (!props) this.byElement.set(elementId, (props = new Map()));
    props.set(property, override);
  }
}
