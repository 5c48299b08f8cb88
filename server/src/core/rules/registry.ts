import type { Rule } from './types';
import { cidrSyntax } from './addressing/cidrSyntax';
import { cidrHostBits } from './addressing/cidrHostBits';
import { vpcCidrSize } from './addressing/vpcCidrSize';
import { subnetCidrSize } from './addressing/subnetCidrSize';
import { vpcCidrRange } from './addressing/vpcCidrRange';
import { vpcSecondaryCidr } from './addressing/vpcSecondaryCidr';
import { vpcCidrLimit } from './addressing/vpcCidrLimit';
import { subnetOutsideVpc } from './addressing/subnetOutsideVpc';
import { subnetOverlap } from './addressing/subnetOverlap';
import { subnetPublicOversized } from './addressing/subnetPublicOversized';

/**
 * Every implemented rule, listed explicitly (no discovery magic): adding a rule means adding it here and
 * setting `implemented: true` in its catalog entry (a unit test holds the two in step).
 */
export const RULES: readonly Rule[] = [
  // Addressing
  cidrSyntax,
  cidrHostBits,
  vpcCidrSize,
  subnetCidrSize,
  vpcCidrRange,
  vpcSecondaryCidr,
  vpcCidrLimit,
  subnetOutsideVpc,
  subnetOverlap,
  subnetPublicOversized,
];
