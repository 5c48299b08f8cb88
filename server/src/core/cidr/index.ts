// The CIDR engine: every piece of IP arithmetic in VPC Lens goes through here (on top of ip-num).
export { type Cidr, type CidrParseResult, parseCidr, looksLikeCidr, parseCidrAllowingLeadingZeros } from './parse';
export { cidrContains, cidrOverlaps, cidrBounds } from './relations';
export { type ReservedAddress, type AwsCidrMath, awsCidrMath } from './awsMath';
export { formatCount, shareOfParent } from './format';
export { type CidrFnResult, cidrSubnet, cidrSubnets, cidrHost, cidrNetmask } from './terraform';
export { cfnCidr } from './cloudformation';
export { describeCidrText, describeCidrJson } from './describe';
