import { list, ref, unknown, type Value } from '../../../values/value';
import type { Span } from '../../../text/span';
import { SUBNETS_CHANGED } from '../eval/plannedSubnets';
import { type Construct, isAbsentV, prop, type V } from '../eval/values';
import { subnetRole } from '../vpcLayout/subnetTypes';
import { toValue } from './values';
import { plannedSubnets, type VpcInfo, type VpcSubnetInfo } from './vpc';

/** What resolving a subnet selection needs: the L2 VPCs' subnets. */
export type VpcInfos = ReadonlyMap<Construct, VpcInfo>;

/**
 * `vpcSubnets` / `subnets` / `vpc.selectSubnets(...)` / `vpc.publicSubnets` -> the selected subnets of an L2
 * Vpc, per CDK's rules: by `subnetType` or `subnetGroupName`, else private subnets if any, else isolated,
 * else public; `availabilityZones` and `onePerAz` narrow it. Undefined when it cannot be known here.
 */
export function selectSubnets(vpc: V | undefined, selection: V | undefined, infos: VpcInfos): VpcSubnetInfo[] | undefined {
  if (selection?.t === 'libval' && selection.kind === 'subnets') return selectSubnets(selection.data['vpc'], selection.data['selection'], infos);
  const subnets = allSubnets(vpc, infos);
  if (!subnets) return undefined;
  if (!isAbsentV(selection) && selection!.t !== 'obj') return undefined;
  const explicit = prop(selection, 'subnets');
  if (explicit) return undefined;
  const type = prop(selection, 'subnetType');
  const group = prop(selection, 'subnetGroupName');
  let chosen: VpcSubnetInfo[];
  if (type) {
    const role = type.t === 'prim' ? subnetRole(String(type.v)) : undefined;
    if (!role) return undefined;
    chosen = subnets.filter((s) => s.role === role);
  } else if (group) {
    if (group.t !== 'prim' || typeof group.v !== 'string') return undefined;
    chosen = subnets.filter((s) => s.group === group.v);
  } else {
    const role = (['private', 'isolated', 'public'] as const).find((r) => subnets.some((s) => s.role === r));
    chosen = subnets.filter((s) => s.role === role);
  }
  const azs = prop(selection, 'availabilityZones');
  if (azs) {
    if (azs.t !== 'list' || azs.items.some((a) => a.t !== 'prim')) return undefined;
    const names = new Set(azs.items.map((a) => (a.t === 'prim' ? String(a.v) : '')));
    chosen = chosen.filter((s) => names.has(s.az));
  }
  const onePerAz = prop(selection, 'onePerAz');
  if (onePerAz?.t === 'prim' && onePerAz.v === true) {
    const seen = new Set<string>();
    chosen = chosen.filter((s) => (seen.has(s.az) ? false : (seen.add(s.az), true)));
  }
  return chosen;
}

/**
 * Every subnet of an L2 Vpc as its layout makes them; undefined when not known here, or when the app added to
 * or took from the Vpc's subnet lists (`vpc.privateSubnets.push(...)`), after which CDK selects from those.
 */
export function allSubnets(vpc: V | undefined, infos: VpcInfos): readonly VpcSubnetInfo[] | undefined {
  if (vpc?.t !== 'construct') return undefined;
  if (vpc.c.calls.some((call) => call.method === SUBNETS_CHANGED)) return undefined;
  return infos.get(vpc.c)?.subnets;
}

/** The selection as a list of subnet references (or explicit `subnets: [a, b]`), for `SubnetIds`-like props. */
export function subnetRefs(vpc: V | undefined, selection: V | undefined, infos: VpcInfos, at: Span | undefined, pick: 'subnet' | 'routeTable' = 'subnet'): Value {
  const explicit = selection?.t === 'obj' ? prop(selection, 'subnets') : undefined;
  if (explicit?.t === 'list' && pick === 'subnet') {
    return list(explicit.items.map((i) => (i.t === 'construct' ? ref(i.c.elementId, 'Ref', at) : i.t === 'libval' && i.kind === 'importedSubnet' ? toValue(i) : unknown('a subnet not known here', at))), at);
  }
  const chosen = selectSubnets(vpc, selection, infos);
  if (!chosen) return unknown('the selected subnets are not known here', at);
  return list(chosen.map((s) => ref(pick === 'subnet' ? s.elementId : s.routeTableId, 'Ref', at)), at);
}

/**
 * The subnets a selection of an L2 Vpc stands for while the app runs (before its expansion): the Vpc's planned
 * layout, selected as above. The interpreter iterates them (`vpc.privateSubnets.forEach(...)`).
 */
export function plannedSelection(selection: Extract<V, { t: 'libval' }>, cache: Map<Construct, VpcInfo>): VpcSubnetInfo[] | undefined {
  const vpc = selection.data['vpc'];
  if (vpc?.t !== 'construct' || vpc.c.type !== 'ec2.Vpc') return undefined;
  if (!cache.has(vpc.c)) cache.set(vpc.c, { subnets: plannedSubnets(vpc.c) });
  return selectSubnets(vpc, selection.data['selection'], cache);
}
