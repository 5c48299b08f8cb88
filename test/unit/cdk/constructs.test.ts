import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FlowLog, LoadBalancer, NaclEntry, NatGateway, NetworkAcl, Route, SecurityGroupRule, Subnet, VpcEndpoint, VpcPeering } from '../../../server/src/core/model/types';
import { analyse, HEADER, stack, valueOf } from './helpers';

const ELB_HEADER = `${HEADER}import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';\n`;

describe('CDK constructs -> model', () => {
  test('ec2.Vpc with defaults: 2 AZs, public + private, one NAT per AZ, routes to IGW and NAT', async () => {
    const r = await analyse({ 'stack.ts': stack(`    new ec2.Vpc(this, 'Vpc');`) });
    const vpc = r.byPath('S/Vpc');
    assert.equal(vpc.format, 'cdk');
    assert.equal(vpc.nativeType, 'ec2.Vpc');
    assert.equal(r.textAt(vpc.nameSpan), "'Vpc'");
    const subnets = r.ofKind('subnet');
    assert.deepEqual(subnets.map((s) => `${s.address} ${valueOf(s.cidr)} ${valueOf(s.availabilityZone)}`), [
      'S/Vpc/PublicSubnet1 10.0.0.0/18 az#0',
      'S/Vpc/PublicSubnet2 10.0.64.0/18 az#1',
      'S/Vpc/PrivateSubnet1 10.0.128.0/18 az#0',
      'S/Vpc/PrivateSubnet2 10.0.192.0/18 az#1',
    ]);
    assert.equal(r.ofKind('nat').length, 2);
    assert.equal(r.ofKind('igw').length, 1);
    const routes = r.ofKind('route');
    assert.equal(routes.filter((x) => x.target?.kind === 'igw').length, 2);
    assert.equal(routes.filter((x) => x.target?.kind === 'nat').length, 2);
    assert.deepEqual(subnets.map((s) => r.analysis.facts.publicness(s).public), [true, true, false, false]);
  });

  test('legacy cidr, natGateways and natGatewaySubnets', async () => {
    const r = await analyse({
      'stack.ts': stack(`    new ec2.Vpc(this, 'Vpc', { cidr: '172.16.0.0/20', maxAzs: 2, natGateways: 1 });`),
    });
    assert.equal(valueOf(r.ofKind('vpc')[0]!.cidrBlocks[0]!.cidr), '172.16.0.0/20');
    const nats = r.ofKind('nat') as NatGateway[];
    assert.equal(nats.length, 1);
    assert.equal(valueOf(nats[0]!.subnet), r.byPath('S/Vpc/PublicSubnet1').id);
    // The NAT field points at the prop that decides it.
    assert.equal(r.textAt(nats[0]!.subnet.span!), '1');
  });

  test('ec2.Subnet / PublicSubnet get a route table; L1 subnets keep their props', async () => {
    const r = await analyse({
      'stack.ts': stack(`    const vpc = new ec2.CfnVPC(this, 'V', { cidrBlock: '10.0.0.0/16' });
    const pub = new ec2.PublicSubnet(this, 'Pub', { vpcId: vpc.ref, cidrBlock: '10.0.1.0/24', availabilityZone: 'eu-west-1a' });
    new ec2.CfnSubnet(this, 'L1', { vpcId: vpc.attrVpcId, cidrBlock: '10.0.2.0/24', mapPublicIpOnLaunch: false });`),
    });
    const pub = r.byPath('S/Pub') as Subnet;
    // aws-cdk-lib's PublicSubnet maps no public IPs unless told to (only a Vpc's public subnets do).
    assert.equal(pub.mapPublicIpOnLaunch, undefined);
    assert.equal(valueOf(pub.availabilityZone), 'eu-west-1a');
    assert.ok(r.byPath('S/Pub/RouteTable'));
    const l1 = r.byPath('S/L1') as Subnet;
    assert.equal(l1.nativeType, 'ec2.CfnSubnet');
    assert.equal(valueOf(l1.vpc), r.byPath('S/V').id);
    assert.equal(valueOf(l1.mapPublicIpOnLaunch), false);
  });

  test('ec2.SecurityGroup: allowAllOutbound, addIngressRule with Peer and Port, connections', async () => {
    const r = await analyse({
      'stack.ts': stack(`    const vpc = new ec2.Vpc(this, 'Vpc');
    const web = new ec2.SecurityGroup(this, 'Web', { vpc });
    const db = new ec2.SecurityGroup(this, 'Db', { vpc, allowAllOutbound: false });
    web.addIngressRule(ec2.Peer.ipv6('::/0'), ec2.Port.tcpRange(8000, 8080));
    db.connections.allowFrom(web, ec2.Port.tcp(5432), 'from web');
    db.addEgressRule(ec2.Peer.ipv4('10.0.0.0/16'), ec2.Port.allTraffic());`),
    });
    const rules = r.ofKind('sg-rule') as SecurityGroupRule[];
    const webEgress = rules.find((x) => x.direction === 'egress' && valueOf(x.group) === r.byPath('S/Web').id)!;
    assert.equal(valueOf(webEgress.protocol), '-1');
    assert.equal(rules.filter((x) => valueOf(x.group) === r.byPath('S/Db').id && x.inline).length, 0);
    const v6 = rules.find((x) => x.peers[0]?.kind === 'cidr' && x.peers[0].ipv6)!;
    assert.equal(valueOf(v6.fromPort), 8000);
    assert.equal(valueOf(v6.toPort), 8080);
    assert.equal(r.textAt(v6.span), "web.addIngressRule(ec2.Peer.ipv6('::/0'), ec2.Port.tcpRange(8000, 8080))");
    const fromWeb = rules.find((x) => x.peers[0]?.kind === 'sg')!;
    assert.equal(fromWeb.peers[0]!.kind === 'sg' && valueOf(fromWeb.peers[0]!.group), r.byPath('S/Web').id);
    assert.equal(valueOf(fromWeb.protocol), 'tcp');
    assert.equal(valueOf(fromWeb.description), 'from web');
    const all = rules.find((x) => x.direction === 'egress' && valueOf(x.group) === r.byPath('S/Db').id)!;
    assert.equal(valueOf(all.protocol), '-1');
  });

  test('ec2.NetworkAcl with addEntry and subnetSelection', async () => {
    const r = await analyse({
      'stack.ts': stack(`    const vpc = new ec2.Vpc(this, 'Vpc', { natGateways: 0 });
    const acl = new ec2.NetworkAcl(this, 'Acl', { vpc, subnetSelection: { subnetType: ec2.SubnetType.PUBLIC } });
    acl.addEntry('Ssh', { ruleNumber: 100, cidr: ec2.AclCidr.anyIpv4(), traffic: ec2.AclTraffic.tcpPort(22), direction: ec2.TrafficDirection.INGRESS, ruleAction: ec2.Action.DENY });
    acl.addEntry('Out', { ruleNumber: 200, cidr: ec2.AclCidr.ipv4('10.0.0.0/8'), traffic: ec2.AclTraffic.tcpPortRange(1024, 65535), direction: ec2.TrafficDirection.EGRESS });`),
    });
    const acl = r.byPath('S/Acl') as NetworkAcl;
    assert.equal(acl.subnets.length, 2);
    const ssh = r.byPath('S/Acl/Ssh') as NaclEntry;
    assert.equal(valueOf(ssh.action), 'deny');
    assert.equal(valueOf(ssh.protocol), 'tcp');
    assert.equal(valueOf(ssh.fromPort), 22);
    assert.equal(ssh.egress, false);
    assert.equal(valueOf(ssh.cidr), '0.0.0.0/0');
    const out = r.byPath('S/Acl/Out') as NaclEntry;
    assert.equal(out.egress, true);
    assert.equal(valueOf(out.action), 'allow');
    assert.equal(valueOf(out.toPort), 65535);
  });

  test('endpoints and flow logs made by Vpc methods and constructs', async () => {
    const r = await analyse({
      'stack.ts': stack(`    const vpc = new ec2.Vpc(this, 'Vpc');
    vpc.addGatewayEndpoint('S3', { service: ec2.GatewayVpcEndpointAwsService.S3, subnets: [{ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }] });
    vpc.addInterfaceEndpoint('Custom', { service: new ec2.InterfaceVpcEndpointService('com.amazonaws.vpce.eu-west-1.vpce-svc-1', 443), privateDnsEnabled: false });
    vpc.addFlowLog('Logs', { trafficType: ec2.FlowLogTrafficType.REJECT });
    new ec2.FlowLog(this, 'SubnetLogs', { resourceType: ec2.FlowLogResourceType.fromSubnet(vpc.publicSubnets[0]) });`),
    });
    const s3 = r.byPath('S/Vpc/S3') as VpcEndpoint;
    assert.equal(valueOf(s3.endpointType), 'Gateway');
    assert.equal(s3.serviceName.known, false, 'the region of an env-agnostic stack is not known');
    assert.deepEqual(s3.routeTables.map(valueOf), [r.byPath('S/Vpc/PrivateSubnet1/RouteTable').id, r.byPath('S/Vpc/PrivateSubnet2/RouteTable').id]);
    const custom = r.byPath('S/Vpc/Custom') as VpcEndpoint;
    assert.equal(valueOf(custom.serviceName), 'com.amazonaws.vpce.eu-west-1.vpce-svc-1');
    assert.equal(valueOf(custom.privateDnsEnabled), false);
    assert.equal(custom.subnets.length, 2);
    const logs = r.byPath('S/Vpc/Logs') as FlowLog;
    assert.equal(valueOf(logs.resource), r.byPath('S/Vpc').id);
    assert.equal(valueOf(logs.trafficType), 'REJECT');
    // `vpc.publicSubnets[0]` is the Vpc's planned PublicSubnet1 while the app runs.
    assert.equal(valueOf((r.byPath('S/SubnetLogs') as FlowLog).resource), r.byPath('S/Vpc/PublicSubnet1').id);
  });

  test("ec2.Vpc's flowLogs and gatewayEndpoints props make the flow logs and endpoints CDK synthesizes", async () => {
    const r = await analyse({
      'stack.ts': stack(`    new ec2.Vpc(this, 'Vpc', {
      flowLogs: { Logs: { trafficType: ec2.FlowLogTrafficType.REJECT } },
      gatewayEndpoints: { S3: { service: ec2.GatewayVpcEndpointAwsService.S3 } },
    });`),
    });
    // aws-cdk-lib 2.276 synthesizes VpcLogsFlowLog (REJECT, on the VPC) and VpcS3 routed from all four route tables.
    const logs = r.byPath('S/Vpc/Logs') as FlowLog;
    assert.equal(valueOf(logs.resource), r.byPath('S/Vpc').id);
    assert.equal(valueOf(logs.trafficType), 'REJECT');
    assert.equal(r.textAt(logs.nameSpan), 'Logs');
    const s3 = r.byPath('S/Vpc/S3') as VpcEndpoint;
    assert.equal(valueOf(s3.endpointType), 'Gateway');
    assert.deepEqual(s3.routeTables.map(valueOf).sort(), ['PrivateSubnet1', 'PrivateSubnet2', 'PublicSubnet1', 'PublicSubnet2'].map((s) => r.byPath(`S/Vpc/${s}/RouteTable`).id).sort());
    assert.deepEqual(r.findings('stack.ts').filter((f) => f.startsWith('vpc-flow-logs')), [], 'the VPC has its flow log');
  });

  test('load balancers: internetFacing and vpcSubnets', async () => {
    const r = await analyse({
      'stack.ts': stack(
        `    const vpc = new ec2.Vpc(this, 'Vpc');
    const alb = new elbv2.ApplicationLoadBalancer(this, 'Alb', { vpc, internetFacing: true });
    new elbv2.NetworkLoadBalancer(this, 'Nlb', { vpc, vpcSubnets: vpc.selectSubnets({ subnetGroupName: 'Public', onePerAz: true }) });
    alb.connections.allowFromAnyIpv4(ec2.Port.tcp(443));`,
        ELB_HEADER,
      ),
    });
    const alb = r.byPath('S/Alb') as LoadBalancer;
    assert.equal(valueOf(alb.internal), false);
    assert.deepEqual(alb.subnets.map(valueOf), [r.byPath('S/Vpc/PublicSubnet1').id, r.byPath('S/Vpc/PublicSubnet2').id]);
    assert.equal(alb.securityGroups.length, 1);
    const nlb = r.byPath('S/Nlb') as LoadBalancer;
    assert.equal(valueOf(nlb.lbType), 'network');
    assert.equal(valueOf(nlb.internal), true);
    assert.equal(nlb.subnets.length, 2);
    const https = (r.ofKind('sg-rule') as SecurityGroupRule[]).find((x) => valueOf(x.fromPort) === 443)!;
    assert.equal(valueOf(https.group), valueOf(alb.securityGroups[0]));
  });

  test('L1 network constructs map like CloudFormation: peering, routes, inline rules', async () => {
    const r = await analyse({
      'stack.ts': stack(`    const a = new ec2.CfnVPC(this, 'A', { cidrBlock: '10.0.0.0/16' });
    const b = new ec2.CfnVPC(this, 'B', { cidrBlock: '10.1.0.0/16' });
    const pcx = new ec2.CfnVPCPeeringConnection(this, 'Pcx', { vpcId: a.ref, peerVpcId: b.ref });
    const rt = new ec2.CfnRouteTable(this, 'Rt', { vpcId: a.ref });
    new ec2.CfnRoute(this, 'ToB', { routeTableId: rt.ref, destinationCidrBlock: '10.1.0.0/16', vpcPeeringConnectionId: pcx.ref });
    new ec2.CfnSecurityGroup(this, 'Sg', { groupDescription: 'x', vpcId: a.ref, securityGroupIngress: [{ ipProtocol: 'tcp', fromPort: 3389, toPort: 3389, cidrIp: '0.0.0.0/0' }] });`),
    });
    const pcx = r.byPath('S/Pcx') as VpcPeering;
    assert.equal(valueOf(pcx.peerVpc), r.byPath('S/B').id);
    const route = r.byPath('S/ToB') as Route;
    assert.equal(route.target?.kind, 'peering');
    const inline = (r.ofKind('sg-rule') as SecurityGroupRule[]).find((x) => x.inline)!;
    assert.equal(valueOf(inline.fromPort), 3389);
    assert.ok(r.findings('stack.ts').some((f) => f.startsWith('sg-world-admin-port@')));
  });
});
