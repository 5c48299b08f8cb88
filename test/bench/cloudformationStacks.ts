// Generates a seeded, realistic CloudFormation stack set of a fixed total size (default 2,000 resources):
// CloudFormation caps a template at 500 resources, so one network stack builds the VPCs (3 AZs each, subnets
// carved with !Select/!Cidr, IGW, one NAT gateway with an EIP per AZ, route tables, NACLs with entries, an S3
// gateway endpoint, a flow log) and exports the VPC and subnet ids; workload stacks import them with
// Fn::ImportValue and add per-service security groups with rules, load balancers and target groups. A few
// mistakes are planted (SSH open to the internet, a workload subnet overlapping a network subnet across
// stacks), so the analysis has something to find. One workload stack is JSON, the others YAML.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { seededRandom, type Random } from './random';
import { templateJson, templateYaml } from './cloudformationTemplateText';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type Resources = Record<string, { Type: string; Properties?: Json; DependsOn?: string | string[] }>;

export const CFN_TEMPLATE_RESOURCE_LIMIT = 500;

export interface GeneratedStack {
  file: string;
  format: 'yaml' | 'json';
  resources: number;
  bytes: number;
}

export interface GeneratedStackSet {
  dir: string;
  stacks: GeneratedStack[];
  resources: number;
  bytes: number;
  vpcs: number;
  exports: number;
  imports: number;
  plantedMistakes: number;
}

const AZS = 3;
const TIERS = ['Public', 'App', 'Data'] as const;
const ENV_PARAM = { EnvironmentName: { Type: 'String', Default: 'bench' } };

const ref = (name: string): Json => ({ Ref: name });
const getAtt = (name: string, attribute: string): Json => ({ 'Fn::GetAtt': [name, attribute] });
const sub = (text: string): Json => ({ 'Fn::Sub': text });
const importValue = (name: string): Json => ({ 'Fn::ImportValue': sub(name) });
const az = (index: number): Json => ({ 'Fn::Select': [index, { 'Fn::GetAZs': '' }] });
const tags = (name: string): Json => [{ Key: 'Name', Value: sub(`\${EnvironmentName}-${name}`) }];

/** The export names the network stack writes and the workload stacks read. */
const vpcExport = (v: number): string => `\${EnvironmentName}-vpc${v}-id`;
const subnetExport = (v: number, tier: string, a: number): string => `\${EnvironmentName}-vpc${v}-${tier.toLowerCase()}-${a}`;

/** One VPC of the network stack: 10.<v>.0.0/16, nine /20 tiers via !Cidr (index = tier * AZS + az). */
function addVpc(res: Resources, outputs: Record<string, Json>, v: number): void {
  const p = `Vpc${v}`;
  res[p] = { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: `10.${v}.0.0/16`, EnableDnsSupport: true, EnableDnsHostnames: true, Tags: tags(p) } };
  res[`${p}Igw`] = { Type: 'AWS::EC2::InternetGateway', Properties: { Tags: tags(`${p}-igw`) } };
  res[`${p}IgwAttachment`] = { Type: 'AWS::EC2::VPCGatewayAttachment', Properties: { VpcId: ref(p), InternetGatewayId: ref(`${p}Igw`) } };
  res[`${p}FlowLog`] = {
    Type: 'AWS::EC2::FlowLog',
    Properties: { ResourceId: ref(p), ResourceType: 'VPC', TrafficType: 'ALL', LogDestinationType: 's3', LogDestination: sub('arn:${AWS::Partition}:s3:::${EnvironmentName}-flow-logs') },
  };
  outputs[`${p}Id`] = { Value: ref(p), Export: { Name: sub(vpcExport(v)) } };

  TIERS.forEach((tier, t) => {
    for (let a = 0; a < AZS; a++) {
      const name = `${p}${tier}Subnet${a}`;
      res[name] = {
        Type: 'AWS::EC2::Subnet',
        Properties: {
          VpcId: ref(p),
          AvailabilityZone: az(a),
          CidrBlock: { 'Fn::Select': [t * AZS + a, { 'Fn::Cidr': [getAtt(p, 'CidrBlock'), 16, 12] }] },
          MapPublicIpOnLaunch: tier === 'Public',
          Tags: tags(name),
        },
      };
      outputs[`${name}Id`] = { Value: ref(name), Export: { Name: sub(subnetExport(v, tier, a)) } };
    }
  });

  // Public tier: one route table with the default route to the IGW.
  res[`${p}PublicRouteTable`] = { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: ref(p), Tags: tags(`${p}-public`) } };
  res[`${p}PublicDefaultRoute`] = {
    Type: 'AWS::EC2::Route',
    DependsOn: `${p}IgwAttachment`,
    Properties: { RouteTableId: ref(`${p}PublicRouteTable`), DestinationCidrBlock: '0.0.0.0/0', GatewayId: ref(`${p}Igw`) },
  };
  for (let a = 0; a < AZS; a++) {
    res[`${p}PublicSubnet${a}RouteTableAssociation`] = {
      Type: 'AWS::EC2::SubnetRouteTableAssociation',
      Properties: { SubnetId: ref(`${p}PublicSubnet${a}`), RouteTableId: ref(`${p}PublicRouteTable`) },
    };
    // Private tiers: a NAT gateway per AZ in that AZ's public subnet, one route table per AZ.
    res[`${p}NatEip${a}`] = { Type: 'AWS::EC2::EIP', DependsOn: `${p}IgwAttachment`, Properties: { Domain: 'vpc' } };
    res[`${p}Nat${a}`] = {
      Type: 'AWS::EC2::NatGateway',
      Properties: { AllocationId: getAtt(`${p}NatEip${a}`, 'AllocationId'), SubnetId: ref(`${p}PublicSubnet${a}`), Tags: tags(`${p}-nat-${a}`) },
    };
    res[`${p}PrivateRouteTable${a}`] = { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: ref(p), Tags: tags(`${p}-private-${a}`) } };
    res[`${p}PrivateDefaultRoute${a}`] = {
      Type: 'AWS::EC2::Route',
      Properties: { RouteTableId: ref(`${p}PrivateRouteTable${a}`), DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: ref(`${p}Nat${a}`) },
    };
    for (const tier of ['App', 'Data']) {
      res[`${p}${tier}Subnet${a}RouteTableAssociation`] = {
        Type: 'AWS::EC2::SubnetRouteTableAssociation',
        Properties: { SubnetId: ref(`${p}${tier}Subnet${a}`), RouteTableId: ref(`${p}PrivateRouteTable${a}`) },
      };
    }
  }
  res[`${p}S3Endpoint`] = {
    Type: 'AWS::EC2::VPCEndpoint',
    Properties: {
      VpcId: ref(p),
      VpcEndpointType: 'Gateway',
      ServiceName: sub('com.amazonaws.${AWS::Region}.s3'),
      RouteTableIds: Array.from({ length: AZS }, (_, a) => ref(`${p}PrivateRouteTable${a}`)),
    },
  };

  // Data tier NACL: the VPC may reach the databases; return traffic goes back on ephemeral ports.
  const nacl = `${p}DataNacl`;
  res[nacl] = { Type: 'AWS::EC2::NetworkAcl', Properties: { VpcId: ref(p), Tags: tags(`${p}-data-nacl`) } };
  const entries: [number, boolean, number, number][] = [
    [100, false, 5432, 5432],
    [110, false, 3306, 3306],
    [120, false, 6379, 6379],
    [100, true, 1024, 65535],
  ];
  for (const [number, egress, from, to] of entries) {
    res[`${nacl}${egress ? 'Egress' : 'Ingress'}${number}`] = {
      Type: 'AWS::EC2::NetworkAclEntry',
      Properties: {
        NetworkAclId: ref(nacl),
        RuleNumber: number,
        Protocol: 6,
        RuleAction: 'allow',
        Egress: egress,
        CidrBlock: getAtt(p, 'CidrBlock'),
        PortRange: { From: from, To: to },
      },
    };
  }
  for (let a = 0; a < AZS; a++) {
    res[`${nacl}Association${a}`] = {
      Type: 'AWS::EC2::SubnetNetworkAclAssociation',
      Properties: { SubnetId: ref(`${p}DataSubnet${a}`), NetworkAclId: ref(nacl) },
    };
  }
}

/** One service of a workload stack: ALB + SGs + rules + target group + listener in an imported VPC. */
function serviceResources(rnd: Random, s: string, v: number, plantSsh: boolean): Resources {
  const vpcId = importValue(vpcExport(v));
  const port = rnd.pick([8080, 8443, 9000, 3000]);
  const res: Resources = {};
  res[`${s}AlbSg`] = {
    Type: 'AWS::EC2::SecurityGroup',
    Properties: {
      GroupDescription: `${s} load balancer`,
      VpcId: vpcId,
      SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0', Description: 'HTTPS from the internet' }],
    },
  };
  res[`${s}AppSg`] = {
    Type: 'AWS::EC2::SecurityGroup',
    Properties: {
      GroupDescription: `${s} instances`,
      VpcId: vpcId,
      SecurityGroupEgress: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' }],
    },
  };
  res[`${s}AppFromAlb`] = {
    Type: 'AWS::EC2::SecurityGroupIngress',
    Properties: { GroupId: getAtt(`${s}AppSg`, 'GroupId'), IpProtocol: 'tcp', FromPort: port, ToPort: port, SourceSecurityGroupId: getAtt(`${s}AlbSg`, 'GroupId') },
  };
  res[`${s}AppFromVpc`] = {
    Type: 'AWS::EC2::SecurityGroupIngress',
    Properties: { GroupId: getAtt(`${s}AppSg`, 'GroupId'), IpProtocol: 'tcp', FromPort: 9100, ToPort: 9100, CidrIp: `10.${v}.0.0/16`, Description: 'metrics' },
  };
  if (plantSsh) {
    res[`${s}AppSsh`] = {
      Type: 'AWS::EC2::SecurityGroupIngress',
      Properties: { GroupId: getAtt(`${s}AppSg`, 'GroupId'), IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' },
    };
  }
  res[`${s}Alb`] = {
    Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
    Properties: {
      Type: 'application',
      Scheme: 'internet-facing',
      Subnets: Array.from({ length: AZS }, (_, a) => importValue(subnetExport(v, 'Public', a))),
      SecurityGroups: [getAtt(`${s}AlbSg`, 'GroupId')],
    },
  };
  res[`${s}TargetGroup`] = {
    Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
    Properties: {
      VpcId: vpcId,
      Port: port,
      Protocol: 'HTTP',
      TargetType: 'ip',
      TargetGroupAttributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: String(rnd.pick([30, 60, 120])) }],
    },
  };
  res[`${s}HttpsListener`] = {
    Type: 'AWS::ElasticLoadBalancingV2::Listener',
    Properties: {
      LoadBalancerArn: ref(`${s}Alb`),
      Port: 443,
      Protocol: 'HTTPS',
      Certificates: [{ CertificateArn: ref('CertificateArn') }],
      DefaultActions: [{ Type: 'forward', TargetGroupArn: ref(`${s}TargetGroup`) }],
    },
  };
  return res;
}

function workloadTemplate(rnd: Random, w: number, target: number, vpcs: number): { template: Json; resources: number; planted: number } {
  const res: Resources = {};
  let planted = 0;
  const count = (): number => Object.keys(res).length;
  // A workload subnet in an imported VPC whose literal CIDR overlaps the network stack's App subnet of AZ 0
  // (10.v.48.0/20): a mistake only visible across stacks.
  const overlapVpc = w % vpcs;
  res.BatchSubnet = {
    Type: 'AWS::EC2::Subnet',
    Properties: { VpcId: importValue(vpcExport(overlapVpc)), AvailabilityZone: az(0), CidrBlock: `10.${overlapVpc}.48.0/24`, Tags: tags(`w${w}-batch`) },
  };
  planted++;
  for (let s = 0; ; s++) {
    const service = serviceResources(rnd, `W${w}Svc${s}`, (w + s) % vpcs, s === 0);
    if (count() + Object.keys(service).length > target) break;
    Object.assign(res, service);
    if (s === 0) planted++;
  }
  // Fill to the exact target with extra rules on the first service's app group.
  for (let r = 0; count() < target; r++) {
    res[`W${w}ExtraRule${r}`] = {
      Type: 'AWS::EC2::SecurityGroupIngress',
      Properties: { GroupId: getAtt(`W${w}Svc0AppSg`, 'GroupId'), IpProtocol: 'tcp', FromPort: 10_000 + r, ToPort: 10_000 + r, CidrIp: `10.${w % vpcs}.${r % 256}.0/24` },
    };
  }
  const template: Json = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `VPC Lens benchmark: workload stack ${w}`,
    Parameters: { ...ENV_PARAM, CertificateArn: { Type: 'String', Default: 'arn:aws:acm:eu-west-1:123456789012:certificate/bench' } },
    Resources: res as Json,
  };
  return { template, resources: count(), planted };
}

export function generateCloudFormationStackSet(dir: string, totalResources = 2_000, workloadStacks = 4, seed = 2_000): GeneratedStackSet {
  const rnd = seededRandom(seed);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const stacks: GeneratedStack[] = [];
  let imports = 0;
  const write = (name: string, format: 'yaml' | 'json', template: Json, resources: number): void => {
    if (resources > CFN_TEMPLATE_RESOURCE_LIMIT) throw new Error(`${name}: ${resources} resources exceeds CloudFormation's limit of 500`);
    const text = format === 'yaml' ? templateYaml(template) : templateJson(template);
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    stacks.push({ file, format, resources, bytes: Buffer.byteLength(text) });
    imports += text.match(/Fn::ImportValue/g)?.length ?? 0;
  };

  // Network stack: as many VPCs as fit in its share (a fifth of the total, at most 500).
  const networkShare = Math.min(CFN_TEMPLATE_RESOURCE_LIMIT, Math.round(totalResources / (workloadStacks + 1)));
  const resources: Resources = {};
  const outputs: Record<string, Json> = {};
  let vpcs = 0;
  for (;;) {
    const trial: Resources = { ...resources };
    addVpc(trial, {}, vpcs);
    if (Object.keys(trial).length > networkShare && vpcs > 0) break;
    addVpc(resources, outputs, vpcs++);
  }
  const networkCount = Object.keys(resources).length;
  write(
    'network.yaml',
    'yaml',
    { AWSTemplateFormatVersion: '2010-09-09', Description: 'VPC Lens benchmark: network stack', Parameters: ENV_PARAM, Resources: resources as Json, Outputs: outputs },
    networkCount,
  );

  let remaining = totalResources - networkCount;
  let planted = 0;
  for (let w = 0; w < workloadStacks; w++) {
    const target = Math.ceil(remaining / (workloadStacks - w));
    const workload = workloadTemplate(rnd, w, target, vpcs);
    remaining -= workload.resources;
    planted += workload.planted;
    const format = w === workloadStacks - 1 ? 'json' : 'yaml';
    write(`workload-${w}.${format}`, format, workload.template, workload.resources);
  }
  return {
    dir,
    stacks,
    resources: stacks.reduce((n, s) => n + s.resources, 0),
    bytes: stacks.reduce((n, s) => n + s.bytes, 0),
    vpcs,
    exports: Object.keys(outputs).length,
    imports,
    plantedMistakes: planted,
  };
}
