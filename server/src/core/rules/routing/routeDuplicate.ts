import type { Known } from '../../model/field';
import type { ElementId, Route } from '../../model/types';
import { defineRule } from '../catalog';
import type { Finding, RuleContext } from '../types';
import { cidrOf } from '../addressing/support';
import { labelOf } from './support';

interface Keyed {
  readonly route: Route;
  readonly field: Known<string>;
  /** Canonical destination: `4|10.0.0.0/16`, `6|2001:db8::/32`, `pl|pl-123`. */
  readonly key: string;
  readonly text: string;
}

/**
 * `route-duplicate`: one route table holds two routes for the same destination (AWS refuses the second with
 * `RouteAlreadyExists`). Inline and standalone routes of a table are one table. Destinations compare by
 * their network (`10.0.1.0/24` and `10.0.1.0/24 ` are one destination); unknown or unparsable destinations are
 * left alone. Each route of a duplicate group is reported on its destination, related to the others: which
 * one should go is the user's call, so there is no quick fix.
 */
export const routeDuplicate = defineRule('route-duplicate', function* (ctx): Iterable<Finding> {
  const byTable = new Map<ElementId, Map<string, Keyed[]>>();
  for (const route of ctx.model.ofKind('route')) {
    if (!route.routeTable.known) continue;
    const keyed = keyOf(route);
    if (!keyed) continue;
    let groups = byTable.get(route.routeTable.value);
    if (!groups) byTable.set(route.routeTable.value, (groups = new Map()));
    const list = groups.get(keyed.key);
    if (list) list.push(keyed);
    else groups.set(keyed.key, [keyed]);
  }
  for (const [tableId, groups] of byTable) {
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      for (const at of group) yield finding(ctx, tableId, at, group.filter((g) => g !== at));
    }
  }
});

function keyOf(route: Route): Keyed | undefined {
  for (const [field, version] of [[route.destination, 4], [route.destinationIpv6, 6]] as const) {
    if (!field?.known) continue;
    const cidr = cidrOf(field);
    if (!cidr || cidr.version !== version) return undefined;
    return { route, field, key: `${version}|${cidr.canonical}`, text: cidr.canonical };
  }
  const pl = route.destinationPrefixList;
  if (pl?.known && pl.value.trim() !== '') return { route, field: pl, key: `pl|${pl.value.trim()}`, text: pl.value.trim() };
  return undefined;
}

function finding(ctx: RuleContext, tableId: ElementId, at: Keyed, others: readonly Keyed[]): Finding {
  const names = others.map((o) => o.route.address).join(', ');
  return {
    ruleId: 'route-duplicate',
    message: `Route table ${labelOf(ctx, tableId)} has more than one route for ${at.text}: ${at.route.address} and ${names}; AWS rejects the duplicate (RouteAlreadyExists)`,
    span: at.field.span,
    related: others.map((o) => ({ span: o.field.span, message: `${o.route.address}: also ${o.text}` })),
  };
}
