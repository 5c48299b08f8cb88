import { NetworkBuilder } from './networkBuilder';

/**
 * `IpAddresses.cidr(...).allocateSubnetsCidr` (aws-ec2/lib/ip-addresses.js): every request with an explicit
 * `cidrMask` is placed first, in request order; the requests without one then share what is left, each
 * getting the same power-of-two size, and are placed after them. Returns one block per request, in
 * request order. Throws CdkVpcError with CDK's message when a block does not fit.
 */
export function allocateSubnetCidrs(builder: NetworkBuilder, masks: readonly (number | undefined)[]): string[] {
  const blocks: (string | undefined)[] = masks.map((mask) => (mask === undefined ? undefined : builder.addSubnet(mask)));
  const unsized = masks.flatMap((mask, index) => (mask === undefined ? [index] : []));
  if (unsized.length > 0) {
    const mask = builder.maskForRemainingSubnets(unsized.length);
    for (const index of unsized) blocks[index] = builder.addSubnet(mask);
  }
  return blocks.map((block) => block ?? '');
}
