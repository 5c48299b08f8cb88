/**
 * Symbolic AZs: `az#0` is the region's first AZ, whose name is chosen where the network is deployed
 * (CloudFormation's `!GetAZs`, Terraform's `data.aws_availability_zones`, CDK without an environment).
 * Such an AZ is compared only with other symbolic ones: `az#0` may well be `eu-west-1a`.
 */
export function isSymbolicAz(az: string): boolean {
  return /^az#\d+$/.test(az);
}

/** What names a symbolic AZ: `az#` and its place in the region's list, from 0. */
export const SYMBOLIC_AZ_PREFIX = 'az#';

/** The symbolic name of the region's AZ at `index` (0-based): `az#0`, `az#1`, ... */
export function symbolicAzName(index: number): string {
  return `${SYMBOLIC_AZ_PREFIX}${index}`;
}

/** An AZ as messages name it: a name or an id as written; a symbolic one by its place (`az#1`: "the region's 2nd AZ"). */
export function azLabel(az: string): string {
  if (!isSymbolicAz(az)) return az;
  const n = Number(az.slice(SYMBOLIC_AZ_PREFIX.length)) + 1;
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `the region's ${n}${suffix} AZ`;
}
