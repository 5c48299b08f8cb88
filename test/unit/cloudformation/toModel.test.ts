import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { NetworkElement } from '../../../server/src/core/model/types';
import { vpcDefaultPartId } from '../../../server/src/core/model/fields';
import { build, WS } from './evalHelpers';

const id = (logicalId: string) => `${WS}/template.json::${logicalId}`;
const ref = (logicalId: string) => ({ Ref: logicalId });

const template = {
  AWSTemplateFormatVersion: '2010-09-09',
  Resources: {
    Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16', EnableDnsHostnames: true, Tags: [{ Key: 'Name', Value: 'main' }] } },
    V6: { Type: 'AWS::EC2::VPCCidrBlock', Properties: { VpcId: ref('Vpc'), AmazonProvidedIpv6CidrBlock: true } },
    Sub: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: ref('Vpc'), CidrBlock: '10.0.0.0/24', AvailabilityZone: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }, MapPublicIpOnLaunch: 'true' } },
    Igw: { Type: 'AWS::EC2::InternetGateway' },
    Attach: { Type: 'AWS::EC2::VPCGatewayAttachment', Properties: { VpcId: ref('Vpc'), InternetGatewayId: ref('Igw') } },
    Vgw: { Type: 'AWS::EC2::VPNGateway', Properties: { Type: 'ipsec.1' } },
    VgwAttach: { Type: 'AWS::EC2::VPCGatewayAttachment', Properties: { VpcId: ref('Vpc'), VpnGatewayId: ref('Vgw') } },
    Eigw: { Type: 'AWS::EC2::EgressOnlyInternetGateway', Properties: { VpcId: ref('Vpc') } },
    Rt: { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: ref('Vpc') } },
    Default: { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('Rt'), DestinationCidrBlock: '0.0.0.0/0', GatewayId: ref('Igw') } },
    ToNat: { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('Rt'), DestinationCidrBlock: '10.9.0.0/16', NatGatewayId: ref('Nat') } },
    Assoc: { Type: 'AWS::EC2::SubnetRouteTableAssociation', Properties: { RouteTableId: ref('Rt'), SubnetId: ref('Sub') } },
    Edge: { Type: 'AWS::EC2::GatewayRouteTableAssociation', Properties: { RouteTableId: ref('Rt'), GatewayId: ref('Igw') } },
    Eip: { Type: 'AWS::EC2::EIP', Properties: { Domain: 'vpc' } },
    EipAssoc: { Type: 'AWS::EC2::EIPAssociation', Properties: { AllocationId: { 'Fn::GetAtt': ['Eip', 'AllocationId'] }, InstanceId: ref('Host') } },
    Nat: { Type: 'AWS::EC2::NatGateway', Properties: { SubnetId: ref('Sub'), AllocationId: { 'Fn::GetAtt': ['Eip', 'AllocationId'] } } },
    Sg: {
      Type: 'AWS::EC2::SecurityGroup',
      Properties: {
        GroupDescription: 'web',
        VpcId: ref('Vpc'),
        SecurityGroupIngress: [
          { IpProtocol: '6', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' },
          { IpProtocol: '-1', SourceSecurityGroupId: { 'Fn::GetAtt': ['Vpc', 'DefaultSecurityGroup'] } },
        ],
        SecurityGroupEgress: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIpv6: '::/0' }],
      },
    },
    SgIn: { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: { 'Fn::GetAtt': ['Sg', 'GroupId'] }, IpProtocol: 'udp', FromPort: 53, ToPort: 53, SourcePrefixListId: 'pl-1' } },
    SgOut: { Type: 'AWS::EC2::SecurityGroupEgress', Properties: { GroupId: ref('Sg'), IpProtocol: '-1', DestinationSecurityGroupId: ref('Sg') } },
    Nacl: { Type: 'AWS::EC2::NetworkAcl', Properties: { VpcId: ref('Vpc') } },
    NaclIn: {
      Type: 'AWS::EC2::NetworkAclEntry',
      Properties: { NetworkAclId: ref('Nacl'), RuleNumber: 100, Protocol: 6, RuleAction: 'allow', CidrBlock: '0.0.0.0/0', PortRange: { From: 22, To: 22 } },
    },
    NaclOut: {
      Type: 'AWS::EC2::NetworkAclEntry',
      Properties: { NetworkAclId: ref('Nacl'), RuleNumber: 200, Protocol: 1, RuleAction: 'deny', Egress: true, Ipv6CidrBlock: '::/0', Icmp: { Code: -1, Type: 8 } },
    },
    NaclAssoc: { Type: 'AWS::EC2::SubnetNetworkAclAssociation', Properties: { SubnetId: ref('Sub'), NetworkAclId: ref('Nacl') } },
    Peer: { Type: 'AWS::EC2::VPCPeeringConnection', Properties: { VpcId: ref('Vpc'), PeerVpcId: 'vpc-123', PeerRegion: 'eu-west-1' } },
    Tgw: { Type: 'AWS::EC2::TransitGateway', Properties: { AmazonSideAsn: 64512 } },
    TgwAttach: { Type: 'AWS::EC2::TransitGatewayVpcAttachment', Properties: { TransitGatewayId: ref('Tgw'), VpcId: ref('Vpc'), SubnetIds: [ref('Sub')] } },
    TgwRoute: { Type: 'AWS::EC2::TransitGatewayRoute', Properties: { DestinationCidrBlock: '10.0.0.0/16', TransitGatewayAttachmentId: ref('TgwAttach'), TransitGatewayRouteTableId: 'tgw-rtb-1' } },
    S3: { Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcId: ref('Vpc'), ServiceName: 'com.amazonaws.us-east-1.s3', RouteTableIds: [ref('Rt')] } },
    Ssm: { Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcId: ref('Vpc'), ServiceName: 'com.amazonaws.us-east-1.ssm', VpcEndpointType: 'Interface', SubnetIds: [ref('Sub')], SecurityGroupIds: [ref('Sg')], PrivateDnsEnabled: true } },
    Cgw: { Type: 'AWS::EC2::CustomerGateway', Properties: { IpAddress: '203.0.113.1', BgpAsn: 65000, Type: 'ipsec.1' } },
    Vpn: { Type: 'AWS::EC2::VPNConnection', Properties: { CustomerGatewayId: ref('Cgw'), VpnGatewayId: ref('Vgw'), StaticRoutesOnly: true, Type: 'ipsec.1' } },
    Logs: { Type: 'AWS::EC2::FlowLog', Properties: { ResourceId: ref('Vpc'), ResourceType: 'VPC', TrafficType: 'ALL' } },
    Host: {
      Type: 'AWS::EC2::Instance',
      Properties: { NetworkInterfaces: [{ DeviceIndex: '0', SubnetId: ref('Sub'), GroupSet: [ref('Sg')], AssociatePublicIpAddress: true }] },
    },
    Eni: { Type: 'AWS::EC2::NetworkInterface', Properties: { SubnetId: ref('Sub'), GroupSet: [ref('Sg')], PrivateIpAddress: '10.0.0.10' } },
    Alb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Subnets: [ref('Sub')], SecurityGroups: [ref('Sg')] } },
    Nlb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Type: 'network', Scheme: 'internal', SubnetMappings: [{ SubnetId: ref('Sub') }] } },
    Http: {
      Type: 'AWS::ElasticLoadBalancingV2::Listener',
      Properties: { LoadBalancerArn: ref('Alb'), Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'https', StatusCode: 'HTTP_301' } }] },
    },
    Https: {
      Type: 'AWS::ElasticLoadBalancingV2::Listener',
      Properties: { LoadBalancerArn: ref('Alb'), Protocol: 'HTTPS', Port: 443, Certificates: [{ CertificateArn: 'arn:cert' }], DefaultActions: [{ Type: 'forward', TargetGroupArn: ref('Tg') }] },
    },
    Tg: {
      Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
      Properties: { VpcId: ref('Vpc'), Protocol: 'http', Port: 80, TargetType: 'ip', TargetGroupAttributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '4000' }] },
    },
    Classic: { Type: 'AWS::ElasticLoadBalancing::LoadBalancer', Properties: { Subnets: [ref('Sub')], Scheme: 'internal', Listeners: [] } },
  },
};

const built = build({ 'template.json': template });
const get = <K extends NetworkElement['kind']>(logicalId: string, kind: K, suffix = '') => {
  const e = built.elements.find((x) => x.id === id(logicalId) + suffix);
  assert.ok(e, `no element ${logicalId}${suffix}`);
  assert.equal(e.kind, kind);
  return e as Extract<NetworkElement, { kind: K }>;
};
const val = (f: { known: boolean; value?: unknown } | undefined) => (f?.known ? f.value : undefined);

describe('CloudFormation -> model', () => {
  test('VPC, secondary IPv6 block, subnet with a symbolic AZ', () => {
    const vpc = get('Vpc', 'vpc');
    assert.equal(vpc.address, 'Vpc');
    assert.equal(vpc.displayName, 'main');
    assert.equal(vpc.nativeType, 'AWS::EC2::VPC');
    assert.equal(vpc.format, 'cloudformation');
    assert.equal(val(vpc.cidrBlocks[0]!.cidr), '10.0.0.0/16');
    assert.equal(val(vpc.enableDnsHostnames), true);
    assert.equal(val(vpc.enableDnsSupport), true);
    const v6 = get('V6', 'vpc-cidr-block');
    assert.equal(v6.block.ipv6, true);
    assert.equal(v6.block.amazonProvided, true);
    assert.equal(val(v6.vpc), id('Vpc'));
    const sub = get('Sub', 'subnet');
    assert.equal(val(sub.vpc), id('Vpc'));
    assert.equal(val(sub.availabilityZone), 'az#0');
    assert.equal(val(sub.mapPublicIpOnLaunch), true);
  });

  test('gateways, attachments, routes and associations', () => {
    assert.equal(get('Igw', 'igw').vpc, undefined);
    assert.equal(val(get('Attach', 'gateway-attachment').gateway), id('Igw'));
    assert.equal(val(get('VgwAttach', 'gateway-attachment').gateway), id('Vgw'));
    assert.equal(val(get('Eigw', 'egress-igw').vpc), id('Vpc'));
    assert.equal(val(get('Rt', 'route-table').vpc), id('Vpc'));
    const route = get('Default', 'route');
    assert.equal(val(route.destination), '0.0.0.0/0');
    assert.equal(route.target?.kind, 'igw');
    assert.equal(val(route.target?.ref), id('Igw'));
    assert.equal(get('ToNat', 'route').target?.kind, 'nat');
    assert.equal(val(get('Assoc', 'route-table-association').subnet), id('Sub'));
    assert.equal(val(get('Edge', 'route-table-association').gateway), id('Igw'));
    const nat = get('Nat', 'nat');
    assert.equal(val(nat.allocation), id('Eip'));
    assert.equal(val(nat.subnet), id('Sub'));
    const eip = get('Eip', 'eip');
    assert.equal(val(eip.domainVpc), true);
    assert.equal(val(eip.instance), id('Host'));
  });

  test('security groups with inline rules, standalone rules', () => {
    const sg = get('Sg', 'sg');
    assert.equal(val(sg.vpc), id('Vpc'));
    const ssh = get('Sg', 'sg-rule', '/ingress[0]');
    assert.equal(ssh.inline, true);
    assert.equal(val(ssh.protocol), 'tcp');
    assert.equal(val(ssh.fromPort), 22);
    assert.deepEqual(ssh.peers.map((p) => (p.kind === 'cidr' ? val(p.cidr) : p.kind)), ['0.0.0.0/0']);
    const all = get('Sg', 'sg-rule', '/ingress[1]');
    assert.equal(val(all.protocol), '-1');
    assert.equal(all.peers[0]?.kind === 'sg' ? val(all.peers[0].group) : undefined, vpcDefaultPartId(id('Vpc'), 'sg'));
    const egress = get('Sg', 'sg-rule', '/egress[0]');
    assert.equal(egress.direction, 'egress');
    assert.equal(egress.peers[0]?.kind === 'cidr' && egress.peers[0].ipv6, true);
    const sgIn = get('SgIn', 'sg-rule');
    assert.equal(val(sgIn.group), id('Sg'));
    assert.equal(val(sgIn.protocol), 'udp');
    assert.equal(sgIn.peers[0]?.kind, 'prefix-list');
    const sgOut = get('SgOut', 'sg-rule');
    assert.equal(sgOut.direction, 'egress');
    assert.equal(sgOut.peers[0]?.kind === 'sg' ? val(sgOut.peers[0].group) : undefined, id('Sg'));
  });

  test('network ACL entries: protocol numbers, port range, ICMP, direction', () => {
    assert.equal(val(get('Nacl', 'nacl').vpc), id('Vpc'));
    const inbound = get('NaclIn', 'nacl-entry');
    assert.equal(inbound.egress, false);
    assert.equal(val(inbound.ruleNumber), 100);
    assert.equal(val(inbound.protocol), 'tcp');
    assert.equal(val(inbound.action), 'allow');
    assert.equal(val(inbound.fromPort), 22);
    assert.equal(val(inbound.toPort), 22);
    const outbound = get('NaclOut', 'nacl-entry');
    assert.equal(outbound.egress, true);
    assert.equal(val(outbound.protocol), 'icmp');
    assert.equal(val(outbound.icmpType), 8);
    assert.equal(val(outbound.icmpCode), -1);
    assert.equal(val(outbound.ipv6Cidr), '::/0');
    assert.equal(val(get('NaclAssoc', 'nacl-association').subnet), id('Sub'));
  });

  test('peering, transit gateway, endpoints, VPN, flow logs', () => {
    const peer = get('Peer', 'peering');
    assert.equal(val(peer.vpc), id('Vpc'));
    assert.equal(peer.peerVpc.known, false, 'a literal VPC id is outside the workspace');
    assert.equal(val(get('Tgw', 'tgw').amazonSideAsn), 64512);
    const att = get('TgwAttach', 'tgw-attachment');
    assert.deepEqual(att.subnets.map(val), [id('Sub')]);
    assert.equal(val(get('TgwRoute', 'tgw-route').attachment), id('TgwAttach'));
    const s3 = get('S3', 'endpoint');
    assert.equal(val(s3.endpointType), 'Gateway');
    assert.deepEqual(s3.routeTables.map(val), [id('Rt')]);
    const ssm = get('Ssm', 'endpoint');
    assert.equal(val(ssm.endpointType), 'Interface');
    assert.equal(val(ssm.privateDnsEnabled), true);
    assert.deepEqual(ssm.securityGroups.map(val), [id('Sg')]);
    assert.equal(val(get('Cgw', 'cgw').bgpAsn), 65000);
    const vpn = get('Vpn', 'vpn');
    assert.equal(val(vpn.vpnGateway), id('Vgw'));
    assert.equal(val(vpn.staticRoutesOnly), true);
    assert.equal(val(get('Logs', 'flow-log').resource), id('Vpc'));
  });

  test('instances and interfaces', () => {
    const host = get('Host', 'instance');
    assert.equal(val(host.subnet), id('Sub'));
    assert.equal(val(host.associatePublicIp), true);
    assert.deepEqual(host.securityGroups.map(val), [id('Sg')]);
    const eni = get('Eni', 'eni');
    assert.equal(val(eni.subnet), id('Sub'));
    assert.deepEqual(eni.privateIps.map(val), ['10.0.0.10']);
  });

  test('load balancers, listeners, target groups', () => {
    const alb = get('Alb', 'lb');
    assert.equal(val(alb.lbType), 'application');
    assert.equal(val(alb.internal), false);
    assert.deepEqual(alb.subnets.map(val), [id('Sub')]);
    const nlb = get('Nlb', 'lb');
    assert.equal(val(nlb.lbType), 'network');
    assert.equal(val(nlb.internal), true);
    assert.deepEqual(nlb.subnets.map(val), [id('Sub')]);
    const http = get('Http', 'listener');
    assert.equal(val(http.loadBalancer), id('Alb'));
    assert.equal(val(http.protocol), 'HTTP');
    assert.equal(val(http.defaultActions[0]!.redirectProtocol), 'HTTPS');
    const https = get('Https', 'listener');
    assert.equal(val(https.certificate), 'arn:cert');
    assert.equal(val(https.defaultActions[0]!.targetGroup), id('Tg'));
    const tg = get('Tg', 'target-group');
    assert.equal(val(tg.protocol), 'HTTP');
    assert.equal(val(tg.deregistrationDelay), 4000);
    const classic = get('Classic', 'lb');
    assert.equal(val(classic.lbType), 'classic');
    assert.equal(val(classic.internal), true);
  });

  test('no evaluation problems on a well-formed template', () => {
    assert.deepEqual(built.problems, []);
  });
});
