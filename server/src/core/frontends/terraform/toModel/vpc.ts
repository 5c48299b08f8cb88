import { unknownField } from '../../../model/field';
import { orDefault, orMissing } from '../../../model/fields';
import type { CidrBlock, Subnet, Vpc, VpcCidrBlockAssociation } from '../../../model/types';
import type { EvaluatedResource } from '../evaluated';
import { BodyView } from './body';
import { baseOf, type MapContext } from './context';
import { withFields } from '../../../model/withFields';

/** `aws_vpc`: its own blocks (IPv4 primary, then IPv6); association resources are linked in later. */
export function mapVpc(r: EvaluatedResource, ctx: MapContext): Vpc {
  const b = new BodyView(r.body, r.nameSpan, ctx);
  const blocks: CidrBlock[] = [];
  const v4 = ipv4Block(b, r.elementId, true);
  blocks.push(v4 ?? { cidr: unknownField(r.nameSpan, 'cidr_block is not set'), ipv6: false, primary: true, declaredBy: r.elementId });
  const v6 = ipv6Block(b, r.elementId, true);
  if (v6) blocks.push(v6);
  return withFields(baseOf(r, 'vpc', ctx), {
    cidrBlocks: blocks,
    enableDnsSupport: orDefault(b.bool('enable_dns_support'), true, r.nameSpan),
    enableDnsHostnames: orDefault(b.bool('enable_dns_hostnames'), false, r.nameSpan),
    instanceTenancy: b.str('instance_tenancy'),
  });
}

/** `aws_vpc_ipv4_cidr_block_association` / `aws_vpc_ipv6_cidr_block_association`. */
export function mapVpcCidrAssociation(r: EvaluatedResource, ctx: MapContext): VpcCidrBlockAssociation | undefined {
  const b = new BodyView(r.body, r.nameSpan, ctx);
  const block = r.type === 'aws_vpc_ipv6_cidr_block_association' ? ipv6Block(b, r.elementId, false) : ipv4Block(b, r.elementId, false);
  return withFields(baseOf(r, 'vpc-cidr-block', ctx), {
    vpc: orMissing(b.id('vpc_id'), r.nameSpan, 'vpc_id'),
    block: block ?? {
      cidr: unknownField(r.nameSpan, 'no block is set'),
      ipv6: r.type === 'aws_vpc_ipv6_cidr_block_association',
      primary: false,
      declaredBy: r.elementId,
    },
  });
}

function ipv4Block(b: BodyView, declaredBy: string, primary: boolean): CidrBlock | undefined {
  const cidr = b.str('cidr_block');
  if (cidr) return { cidr, ipv6: false, primary, declaredBy };
  if (!b.has('ipv4_ipam_pool_id')) return undefined;
  return withFields(
    { cidr: unknownField(b.span('ipv4_ipam_pool_id'), 'allocated from an IPAM pool'), ipv6: false, primary, declaredBy },
    { ipamNetmaskLength: b.num('ipv4_netmask_length') },
  );
}

function ipv6Block(b: BodyView, declaredBy: string, primary: boolean): CidrBlock | undefined {
  const cidr = b.str('ipv6_cidr_block');
  if (cidr) return withFields({ cidr, ipv6: true, primary, declaredBy }, { ipamNetmaskLength: b.num('ipv6_netmask_length') });
  const generated = b.bool('assign_generated_ipv6_cidr_block');
  if (generated?.known && generated.value) {
    return {
      cidr: unknownField(generated.span, 'Amazon-provided IPv6 block'),
      ipv6: true,
      primary,
      declaredBy,
      amazonProvided: true,
    };
  }
  if (!b.has('ipv6_ipam_pool_id')) return undefined;
  return withFields(
    { cidr: unknownField(b.span('ipv6_ipam_pool_id'), 'allocated from an IPAM pool'), ipv6: true, primary, declaredBy },
    { ipamNetmaskLength: b.num('ipv6_netmask_length') },
  );
}

export function mapSubnet(r: EvaluatedResource, ctx: MapContext): Subnet {
  const b = new BodyView(r.body, r.nameSpan, ctx);
  return withFields(baseOf(r, 'subnet', ctx), {
    vpc: orMissing(b.id('vpc_id'), r.nameSpan, 'vpc_id'),
    availabilityZone: b.str('availability_zone'),
    availabilityZoneId: b.str('availability_zone_id'),
    cidr: b.str('cidr_block'),
    ipv6Cidr: b.str('ipv6_cidr_block'),
    mapPublicIpOnLaunch: b.bool('map_public_ip_on_launch'),
    assignIpv6OnCreation: b.bool('assign_ipv6_address_on_creation'),
  });
}
