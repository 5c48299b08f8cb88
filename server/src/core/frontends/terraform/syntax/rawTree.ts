import type { Tree } from 'web-tree-sitter';

/**
 * A tree-sitter node copied into plain JS. Copying with one TreeCursor pass is several times faster than
 * walking `Node` objects (each of which is marshalled out of WASM), and lets the converter work on arrays.
 */
export interface RawNode {
  readonly type: string;
  readonly named: boolean;
  readonly start: number;
  readonly end: number;
  readonly missing: boolean;
  readonly error: boolean;
  /** Set when the node was deeper than the nesting limit; its children were not copied. */
  readonly truncated: boolean;
  readonly children: RawNode[];
}

/** Tree depth (not HCL nesting: one HCL level is about three tree levels) beyond which children are dropped. */
export const MAX_TREE_DEPTH = 1500;

interface MutableRaw {
  type: string;
  named: boolean;
  start: number;
  end: number;
  missing: boolean;
  error: boolean;
  truncated: boolean;
  children: MutableRaw[];
}

/**
 * Copies the tree iteratively (no JS recursion, so pathological nesting cannot overflow the stack).
 * `offset` shifts every index (for segments parsed on their own). Comments are dropped.
 */
export function copyTree(tree: Tree, offset: number): RawNode {
  const cursor = tree.walk();
  try {
    const root = snapshot(cursor, offset);
    const stack: MutableRaw[] = [root];
    let depth = 0;
    if (!cursor.gotoFirstChild()) return root;
    depth = 1;
    for (;;) {
      const type = cursor.nodeType;
      let descended = false;
      if (type !== 'comment') {
        const node = snapshot(cursor, offset);
        stack[stack.length - 1]!.children.push(node);
        if (depth >= MAX_TREE_DEPTH) {
          node.truncated = cursor.gotoFirstChild();
          if (node.truncated) cursor.gotoParent();
        } else if (cursor.gotoFirstChild()) {
          stack.push(node);
          depth++;
          descended = true;
        }
      }
      if (descended) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return root;
        depth--;
        stack.pop();
        if (depth === 0) return root;
      }
    }
  } finally {
    cursor.delete();
  }
}

function snapshot(cursor: ReturnType<Tree['walk']>, offset: number): MutableRaw {
  const type = cursor.nodeType;
  return {
    type,
    named: cursor.nodeIsNamed,
    start: cursor.startIndex + offset,
    end: cursor.endIndex + offset,
    missing: cursor.nodeIsMissing,
    error: type === 'ERROR',
    truncated: false,
    children: [],
  };
}
