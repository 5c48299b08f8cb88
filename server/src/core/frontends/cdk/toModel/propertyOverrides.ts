import { map, type Value } from '../../../values/value';
import type { PropertyOverrides } from '../eval/propertyOverrides';
import type { ResourceSink } from './sink';
import { toValue } from './values';

/**
 * Applies what the app changed on constructs' CloudFormation resources after making them (escape hatches,
 * L1 property assignments) to the resources the constructs synthesized: the last change of a property wins,
 * a deletion removes it. Changed CIDRs are traced where the change is written, so hovers and findings land
 * on the override (`addPropertyOverride('CidrBlock', '10.1.0.0/28')`), not on the planned block.
 */
export function applyPropertyOverrides(sink: ResourceSink, overrides: PropertyOverrides): void {
  const resources = sink.resources;
  for (let i = 0; i < resources.length; i++) {
    const r = resources[i]!;
    const changes = overrides.of(r.elementId);
    if (!changes) continue;
    const entries = new Map<string, Value>(r.properties?.k === 'map' ? r.properties.entries : []);
    for (const [property, o] of changes) {
      if (!o.value) {
        entries.delete(property);
        continue;
      }
      const value = toValue(o.value, o.camelKeys);
      entries.set(property, value.origin ? value : { ...value, origin: o.span });
      sink.traceCidrs(value, r.elementId, property);
    }
    resources[i] = { ...r, properties: map(entries, r.properties?.origin) };
  }
}
