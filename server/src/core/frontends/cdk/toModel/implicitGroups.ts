import type { Span } from '../../../text/span';
import { type Construct, isAbsentV, prim, prop, slot, type V } from '../eval/values';
import { addImplicitGroup } from './groupProps';
import type { ResourceSink } from './sink';

/**
 * Constructs of other AWS services that put a security group in a VPC: aws-cdk-lib makes one for them
 * (`<construct>/<part>`, allow-all egress unless `allowAllOutbound: false`) unless given some, and their
 * `connections` rules go there. Their own resources (the database, the function) are not network elements.
 * `defaultPort`: what `connections.allowDefaultPort*` opens; `unknown` where CDK writes the port as the
 * resource's attribute (a database's `Endpoint.Port`), known only at deployment.
 */
interface GroupOwner {
  readonly part: string;
  /** The props naming the groups given instead (`securityGroups: [...]` or `securityGroup`). */
  readonly given: 'securityGroups' | 'securityGroup';
  readonly defaultPort?: number | 'unknown';
  /** Where the VPC is: the `vpc` prop, or the ECS cluster's. */
  readonly vpcOf?: (c: Construct) => V | undefined;
}

const FUNCTION: GroupOwner = { part: 'SecurityGroup', given: 'securityGroups' };
const DATABASE: GroupOwner = { part: 'SecurityGroup', given: 'securityGroups', defaultPort: 'unknown' };
const ECS_SERVICE: GroupOwner = { part: 'SecurityGroup', given: 'securityGroups', vpcOf: (c) => { const cluster = prop(c.props, 'cluster'); return cluster?.t === 'construct' ? prop(cluster.c.props, 'vpc') : undefined; } };

const OWNERS: Readonly<Record<string, GroupOwner>> = {
  'lambda.Function': FUNCTION,
  'lambda.DockerImageFunction': FUNCTION,
  'lambda.SingletonFunction': FUNCTION,
  'lambda-nodejs.NodejsFunction': FUNCTION,
  'rds.DatabaseInstance': DATABASE,
  'rds.DatabaseInstanceFromSnapshot': DATABASE,
  'rds.DatabaseInstanceReadReplica': DATABASE,
  'rds.DatabaseCluster': DATABASE,
  'rds.DatabaseClusterFromSnapshot': DATABASE,
  'rds.ServerlessCluster': DATABASE,
  'efs.FileSystem': { part: 'EfsSecurityGroup', given: 'securityGroup', defaultPort: 2049 },
  'ecs.FargateService': ECS_SERVICE,
  'ecs.Ec2Service': ECS_SERVICE,
  'autoscaling.AutoScalingGroup': { part: 'InstanceSecurityGroup', given: 'securityGroup' },
};

export function ownsImplicitGroup(c: Construct): boolean {
  return !c.userClass && OWNERS[c.type] !== undefined;
}

/**
 * The construct's security group: the first one given, or the one CDK makes for it when it is in a VPC.
 * Returns the group's element id (undefined when not known or not in a VPC).
 */
export function expandImplicitGroupOwner(c: Construct, sink: ResourceSink): string | undefined {
  const owner = OWNERS[c.type]!;
  const given = prop(c.props, owner.given);
  if (given && !isAbsentV(given)) {
    const first = given.t === 'list' ? given.items[0] : given;
    return first?.t === 'construct' ? first.c.elementId : undefined;
  }
  const vpc = owner.vpcOf ? owner.vpcOf(c) : prop(c.props, 'vpc');
  if (!vpc || isAbsentV(vpc)) return undefined;
  return addImplicitGroup(c, owner.part, sink, slot(c.props, 'allowAllOutbound'), vpc);
}

/** The port `connections.allowDefaultPort*` opens on a construct, as an `ec2.Port`; undefined when it has none. */
export function defaultPortOf(c: Construct, at: Span): V | undefined {
  const port = OWNERS[c.type]?.defaultPort;
  if (port === undefined) return undefined;
  const n = port === 'unknown' ? { t: 'unknown' as const, why: 'the port is the database endpoint\'s, known at deployment', at } : prim(port, at);
  return { t: 'libval', kind: 'port', data: { protocol: prim('tcp', at), from: n, to: n }, at };
}
