import type { Span } from '../text/span';
import { azLabel, isSymbolicAz } from './symbolicAz';
import type { Subnet } from './types';

/**
 * A subnet's AZ as a comparable key: `name:eu-west-1a`, `id:euw1-az1` or `symbolic:az#0`. Names, ids and
 * symbolic AZs cannot be compared with each other (the name-to-id mapping differs per account, `az#0` is
 * whichever AZ the region lists first), so callers compare keys of one kind only. `text` is for messages
 * ("eu-west-1a", "the region's 1st AZ"), `span` is where the AZ is written.
 */
export interface AzKey {
  readonly key: string;
  readonly kind: 'name' | 'id' | 'symbolic';
  readonly text: string;
  readonly span: Span;
}

/**
 * The AZ of `subnet`: its name when written and known; undefined when the name is written but unknown (the
 * id, if any, would be a guess about the same AZ); else its AZ id. An empty name or id counts as unset.
 */
export function subnetAz(subnet: Subnet): AzKey | undefined {
  const name = subnet.availabilityZone;
  if (name?.known && name.value.trim() !== '') {
    const az = name.value.trim();
    const kind = isSymbolicAz(az) ? 'symbolic' : 'name';
    return { key: `${kind}:${az}`, kind, text: azLabel(az), span: name.span };
  }
  if (name && !name.known) return undefined;
  const id = subnet.availabilityZoneId;
  if (id?.known && id.value.trim() !== '') return { key: `id:${id.value.trim()}`, kind: 'id', text: id.value.trim(), span: id.span };
  return undefined;
}
