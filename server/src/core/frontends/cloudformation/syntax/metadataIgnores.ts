import type { Span } from '../../../text/span';
import { field, type TNode } from './templateTree';

/** One resource's suppression from its `Metadata: {"vpc-lens": {"ignore": [...]}}` (rules.md, "Suppression"). */
export interface MetadataIgnore {
  readonly logicalId: string;
  /** From the resource's logical id to the end of its definition: findings inside it are suppressed. */
  readonly resourceSpan: Span;
  /** The rule ids to suppress, or 'all'. */
  readonly ids: ReadonlySet<string> | 'all';
}

/**
 * The suppressions written in resources' Metadata, the way to suppress in JSON (which has no comments); YAML
 * templates may use it too. `"ignore": ["id", ...]` names rules (an entry may also list several, separated
 * by commas or blanks, as in an ignore comment), a single string works like a one-item list, and `"all"`
 * suppresses every rule. Anything else (an empty list, numbers) suppresses nothing.
 */
export function metadataIgnores(tree: TNode | undefined): MetadataIgnore[] {
  const resources = field(tree, 'Resources');
  if (resources?.kind !== 'object') return [];
  const result: MetadataIgnore[] = [];
  for (const resource of resources.entries) {
    const ignore = field(field(field(resource.value, 'Metadata'), 'vpc-lens'), 'ignore');
    const ids = ignoredIds(ignore);
    if (!ids) continue;
    const resourceSpan: Span = { file: resource.keySpan.file, start: resource.keySpan.start, end: Math.max(resource.keySpan.end, resource.value.span.end) };
    result.push({ logicalId: resource.key, resourceSpan, ids });
  }
  return result;
}

function ignoredIds(node: TNode | undefined): ReadonlySet<string> | 'all' | undefined {
  if (!node) return undefined;
  const texts = node.kind === 'array' ? node.items.flatMap((i) => (i.kind === 'string' ? [i.value as string] : [])) : node.kind === 'string' ? [node.value as string] : [];
  const ids = texts.flatMap((t) => t.split(/[\s,]+/)).filter((id) => id !== '');
  if (ids.length === 0) return undefined;
  return ids.includes('all') ? 'all' : new Set(ids);
}
