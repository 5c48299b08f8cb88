// An L2 `ec2.Vpc`'s subnets as the app's code sees them while it runs, before the Vpc is expanded into the
// model: `vpc.privateSubnets.forEach((s) => new ec2.CfnRoute(this, ..., { routeTableId: s.routeTable.routeTableId }))`.
import type { Span } from '../../../text/span';
import type { CdkContext } from './cdkContext';
import { type Construct, partConstruct, prim, UNDEFINED, unknownV, type V } from './values';

/** A subnet an L2 construct will make (`ec2.Vpc`'s allocation). */
export interface PlannedSubnet {
  readonly elementId: string;
  readonly routeTableId: string;
  readonly az: string;
  /** `PrivateSubnet1`: its construct id under the Vpc. */
  readonly logicalName: string;
  readonly cidr?: string;
}

type SelectionV = Extract<V, { t: 'libval' }>;

export interface InterpreterOptions {
  /** The subnets a selection (`vpc.privateSubnets`, `vpc.selectSubnets(...)`) stands for; undefined when not known. */
  readonly subnetsOf?: (selection: SelectionV) => readonly PlannedSubnet[] | undefined;
  /** An L2 Vpc's AZs (`vpc.availabilityZones`), as its layout picks them; undefined when not known. */
  readonly azsOf?: (vpc: Construct) => readonly string[] | undefined;
  /** The app's `cdk.json` context (`this.node.tryGetContext(...)`); none known without it. */
  readonly context?: CdkContext;
}

/** Recorded on a Vpc whose subnet lists the app changed in place: its planned subnets are then not known. */
export const SUBNETS_CHANGED = 'subnets.changed';

/** Members of a subnet selection read as a list (`vpc.selectSubnets(...).subnets`, `vpc.privateSubnets.length`). */
export const SELECTION_MEMBERS = new Set(['subnets', 'length', 'subnetIds', 'availabilityZones']);

export class PlannedSubnets {
  /** The pseudo constructs made here: their values are spanned where the code reads them. */
  private readonly made = new WeakSet<Construct>();

  constructor(
    private readonly subnetsOf: InterpreterOptions['subnetsOf'],
    private readonly azsOf: InterpreterOptions['azsOf'],
  ) {}

  /** `vpc.availabilityZones` of an L2 Vpc: the AZs its layout uses, reported where the code reads them. */
  availabilityZones(vpc: Construct, at: Span): V {
    const azs = this.azsOf?.(vpc);
    return azs ? { t: 'list', items: azs.map((az) => prim(az, at)), at } : unknownV(`the AZs of ${vpc.path} are not known here`, at);
  }

  isPlanned(c: Construct): boolean {
    return this.made.has(c);
  }

  /**
   * A value to iterate or index: a list as it is; a subnet selection of an L2 Vpc (`vpc.privateSubnets`,
   * `vpc.selectSubnets(...)`) as the list of its subnets, when the Vpc's layout is known.
   */
  listOf(v: V): V {
    if (v.t !== 'libval' || v.kind !== 'subnets') return v;
    const vpc = v.data['vpc'];
    const planned = vpc?.t === 'construct' ? this.subnetsOf?.(v) : undefined;
    if (!planned || vpc?.t !== 'construct') return unknownV('the selected subnets are not known here', v.at);
    return { t: 'list', items: planned.map((s) => ({ t: 'construct', c: this.subnet(vpc.c, s, v.at) })), at: v.at };
  }

  /** `.subnets`, `.length`, `.subnetIds`, `.availabilityZones` of a selection. */
  member(selection: SelectionV, name: string, at: Span): V {
    const list = this.listOf(selection);
    if (list.t !== 'list') return list;
    const each = (read: (c: Construct) => V): V => ({ t: 'list', items: list.items.map((s) => (s.t === 'construct' ? read(s.c) : unknownV(undefined, at))), at });
    switch (name) {
      case 'length':
        return prim(list.items.length, at);
      case 'subnetIds':
        return each((c) => ({ t: 'ref', c, attr: 'Ref', at }));
      case 'availabilityZones':
        return each((c) => c.fields.get('availabilityZone') ?? unknownV(undefined, at));
      default:
        return list;
    }
  }

  /**
   * The subnet: `subnetId` and `routeTable.routeTableId` are references to the elements the Vpc's expansion
   * makes (same ids), `availabilityZone` and `ipv4CidrBlock` its planned values. Not a construct of the app
   * (it is not expanded again); calls on it are not read.
   */
  private subnet(vpc: Construct, s: PlannedSubnet, at: Span): Construct {
    const routeTable = partConstruct(vpc, 'ec2.CfnRouteTable', `${s.logicalName}/RouteTable`, UNDEFINED, s.routeTableId);
    const subnet = partConstruct(vpc, 'ec2.Subnet', s.logicalName, UNDEFINED, s.elementId);
    subnet.fields.set('routeTable', { t: 'obj', props: new Map([['routeTableId', { value: { t: 'ref', c: routeTable, attr: 'Ref', at } }]]), at });
    subnet.fields.set('availabilityZone', prim(s.az, at));
    if (s.cidr !== undefined) subnet.fields.set('ipv4CidrBlock', prim(s.cidr, at));
    this.made.add(subnet);
    return subnet;
  }
}
