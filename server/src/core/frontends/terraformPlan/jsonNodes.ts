import type { Node } from 'jsonc-parser';
import type { Span } from '../../text/span';

/** Small accessors over jsonc-parser nodes, so the plan reader keeps offsets without `getNodeValue` copies. */

export function prop(node: Node | undefined, key: string): Node | undefined {
  if (node?.type !== 'object') return undefined;
  for (const p of node.children ?? []) {
    const k = p.children?.[0];
    if (k?.value === key) return p.children?.[1];
  }
  return undefined;
}

/** Key/value pairs of an object node. */
export function entries(node: Node | undefined): [string, Node][] {
  if (node?.type !== 'object') return [];
  const out: [string, Node][] = [];
  for (const p of node.children ?? []) {
    const [k, v] = p.children ?? [];
    if (k && v && typeof k.value === 'string') out.push([k.value, v]);
  }
  return out;
}

export function items(node: Node | undefined): readonly Node[] {
  return node?.type === 'array' ? (node.children ?? []) : [];
}

export function stringOf(node: Node | undefined): string | undefined {
  return node?.type === 'string' ? (node.value as string) : undefined;
}

export function spanOf(file: string, node: Node): Span {
  return { file, start: node.offset, end: node.offset + node.length };
}

export function isTrue(node: Node | undefined): boolean {
  return node?.type === 'boolean' && node.value === true;
}
