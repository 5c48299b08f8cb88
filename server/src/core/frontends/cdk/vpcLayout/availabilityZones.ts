import { CdkVpcError } from './cdkError';
import type { CdkVpcProps } from './types';
import { isSymbolicAz, symbolicAzName } from '../../../model/symbolicAz';

/** CDK's name for the placeholder AZs of `reservedAzs`: they get address space but no subnets. */
export const FAKE_AZ_NAME = 'fake-az';

// No region has more than a handful of AZs; the cap only keeps absurd counts (maxAzs: 1e9) from hanging.
const MAX_GENERATED_AZS = 64;

/** How many AZs CDK's Stack.availabilityZones gives an environment-agnostic stack: two `Fn::GetAZs` picks. */
export const AGNOSTIC_STACK_AZ_COUNT = 2;

/**
 * Stack.availabilityZones as the app's code reads it (`Stack.of(this).availabilityZones`): an
 * environment-agnostic stack's two `Fn::GetAZs` picks (`az#0`, `az#1`); a concrete environment's list from
 * cdk.context.json, else three placeholders (`cdk synth` looks the list up; CDK's own placeholders are three).
 */
export function stackAzs(env: { readonly azs?: readonly string[] } | undefined): string[] {
  if (env?.azs) return [...env.azs];
  return Array.from({ length: env ? CONCRETE_PLACEHOLDER_AZ_COUNT : AGNOSTIC_STACK_AZ_COUNT }, (_, i) => symbolicAzName(i));
}

/** CDK's placeholder AZs of a concrete environment before its lookup (`dummy1a`..`dummy1c`). */
const CONCRETE_PLACEHOLDER_AZ_COUNT = 3;

/** What CDK's Stack.availabilityZones returns before a context lookup has run. */
const DUMMY_AZS = ['dummy1a', 'dummy1b', 'dummy1c'];


/**
 * Stack.availabilityZones as the synthesized app would see it. Agnostic stacks get CDK's two
 * `Fn::GetAZs` picks; concrete ones get the looked-up list, which is only known from context: without it
 * the list is assumed long enough for `maxAzs` (default 3) and its entries stay symbolic.
 */
function stackAvailabilityZones(props: CdkVpcProps): string[] {
  if (props.stackAvailabilityZones) return [...props.stackAvailabilityZones];
  const agnostic = props.envAgnostic ?? props.region === undefined;
  const count = agnostic ? AGNOSTIC_STACK_AZ_COUNT : Math.min(MAX_GENERATED_AZS, Math.max(3, props.maxAzs ?? 0));
  return Array.from({ length: count }, (_, i) => symbolicAzName(i));
}

/**
 * The Vpc's AZ list (Vpc constructor): explicit `availabilityZones` (checked against the stack's known
 * AZs) or the first `maxAzs` (default 3) of the stack's, then one FAKE_AZ_NAME per reserved AZ.
 */
export function vpcAvailabilityZones(props: CdkVpcProps): string[] {
  const stackAzs = stackAvailabilityZones(props);
  let azs: string[];
  if (props.availabilityZones) {
    const resolved = stackAzs.filter((az) => !isSymbolicAz(az) && !DUMMY_AZS.includes(az));
    if (resolved.length > 0 && !props.availabilityZones.every((az) => resolved.includes(az))) {
      throw new CdkVpcError(
        `Given VPC 'availabilityZones' ${props.availabilityZones.join(',')} must be a subset of the stack's availability zones ${resolved.join(',')}`,
      );
    }
    azs = [...props.availabilityZones];
  } else {
    azs = stackAzs.slice(0, props.maxAzs ?? 3);
  }
  if ((props.reservedAzs ?? 0) > MAX_GENERATED_AZS) {
    throw new CdkVpcError(`reservedAzs ${props.reservedAzs} is more than the ${MAX_GENERATED_AZS} AZs VPC Lens reproduces`);
  }
  for (let i = 0; props.reservedAzs && i < props.reservedAzs; i++) azs.push(FAKE_AZ_NAME);
  return azs;
}
