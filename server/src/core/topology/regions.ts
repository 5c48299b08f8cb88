/**
 * The model has no region: it is read off names that contain it. An AZ name is its region plus a letter
 * (`eu-west-1a`); Local Zones add a location (`us-west-2-lax-1a`). Symbolic AZs (`az#0`) and AZ ids
 * (`use1-az1`) tell nothing.
 */
const REGION = '[a-z]{2}(?:-[a-z]+)+-\\d+';
const AZ_NAME = new RegExp(`^(${REGION})(?:-[a-z]+-\\d+)?[a-z]$`);
const SERVICE_NAME = new RegExp(`^com\\.amazonaws\\.(?:vpce\\.)?(${REGION})\\.`);

export function regionOfAz(az: string | undefined): string | undefined {
  return az === undefined ? undefined : AZ_NAME.exec(az)?.[1];
}

/** `com.amazonaws.eu-west-1.s3` -> `eu-west-1`. */
export function regionOfServiceName(serviceName: string | undefined): string | undefined {
  return serviceName === undefined ? undefined : SERVICE_NAME.exec(serviceName)?.[1];
}
