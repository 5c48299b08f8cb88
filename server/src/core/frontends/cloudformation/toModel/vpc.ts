import { unknownField } from '../../../model/field';
import { orDefault, orMissing } from '../../../model/fields';
import type { CidrBlock, Subnet, Vpc, VpcCidrBlockAssociation } from '../../../model/types';
import type { CfnResource } from '../eval/evaluated';
import { baseOf, opt, Props, type MapContext } from './context';

/** `AWS::EC2::VPC`: its primary IPv4 block (literal or from an IPAM pool); IPv6 blocks come from `VPCCidrBlock`. */
export function mapVpc(r: CfnResource, ctx: MapContext): Vpc {
  const p = Props.of(r, ctx);
  const block = ipv4Block(p, r.elementId, true) ?? {
    cidr: unknownField(r.nameSpan, 'CidrBlock is not set'),
    ipv6: false,
    primary: true,
    declaredBy: r.elementId,
  };
  return {
    ...baseOf(r, 'vpc'),
    cidrBlocks: [block],
    enableDnsSupport: orDefault(p.bool('EnableDnsSupport'), true, r.nameSpan),
    enableDnsHostnames: orDefault(p.bool('EnableDnsHostnames'), false, r.nameSpan),
    ...opt('instanceTenancy', p.str('InstanceTenancy')),
  };
}

/** `AWS::EC2::VPCCidrBlock`: one secondary IPv4 block, or an IPv6 block (Amazon-provided, BYOIP or IPAM). */
export function mapVpcCidrBlock(r: CfnResource, ctx: MapContext): VpcCidrBlockAssociation {
  const p = Props.of(r, ctx);
  const ipv6 = p.has('AmazonProvidedIpv6CidrBlock') || p.has('Ipv6CidrBlock') || p.has('Ipv6IpamPoolId') || p.has('Ipv6Pool');
  const block = ipv6 ? ipv6Block(p, r.elementId) : ipv4Block(p, r.elementId, false);
  return {
    ...baseOf(r, 'vpc-cidr-block'),
    vpc: orMissing(p.id('VpcId'), r.nameSpan, 'VpcId'),
    block: block ?? { cidr: unknownField(r.nameSpan, 'no block is set'), ipv6, primary: false, declaredBy: r.elementId },
  };
}

function ipv4Block(p: Props, declaredBy: string, primary: boolean): CidrBlock | undefined {
  const cidr = p.str('CidrBlock');
  if (cidr) return { cidr, ipv6: false, primary, declaredBy };
  if (!p.has('Ipv4IpamPoolId')) return undefined;
  return {
    cidr: unknownField(p.span('Ipv4IpamPoolId'), 'allocated from an IPAM pool'),
    ipv6: false,
    primary,
    declaredBy,
    ...opt('ipamNetmaskLength', p.num('Ipv4NetmaskLength')),
  };
}

function ipv6Block(p: Props, declaredBy: string): CidrBlock | undefined {
  const cidr = p.str('Ipv6CidrBlock');
  if (cidr) return { cidr, ipv6: true, primary: false, declaredBy };
  const amazon = p.bool('AmazonProvidedIpv6CidrBlock');
  if (amazon?.known && amazon.value) {
    return { cidr: unknownField(amazon.span, 'Amazon-provided IPv6 block'), ipv6: true, primary: false, declaredBy, amazonProvided: true };
  }
  if (!p.has('Ipv6IpamPoolId')) return undefined;
  return {
    cidr: unknownField(p.span('Ipv6IpamPoolId'), 'allocated from an IPAM pool'),
    ipv6: true,
    primary: false,
    declaredBy,
    ...opt('ipamNetmaskLength', p.num('Ipv6NetmaskLength')),
  };
}

export function mapSubnet(r: CfnResource, ctx: MapContext): Subnet {
  const p = Props.of(r, ctx);
  return {
    ...baseOf(r, 'subnet'),
    vpc: orMissing(p.id('VpcId'), r.nameSpan, 'VpcId'),
    ...opt('availabilityZone', p.str('AvailabilityZone')),
    ...opt('availabilityZoneId', p.str('AvailabilityZoneId')),
    ...opt('cidr', p.str('CidrBlock')),
    ...opt('ipv6Cidr', p.str('Ipv6CidrBlock')),
    ...opt('mapPublicIpOnLaunch', p.bool('MapPublicIpOnLaunch')),
    ...opt('assignIpv6OnCreation', p.bool('AssignIpv6AddressOnCreation')),
  };
}
