import type { Language, Tree, TreeCursor } from 'web-tree-sitter';
import { treeSitterRuntime, type TreeSitterRuntime } from './treeSitterRuntime';

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
 * `offset` shifts every index (for segments parsed on their own). Comments are dropped. A tree without
 * errors has no MISSING nodes, so `hasError: false` lets the copy skip asking for them.
 */
export function copyTree(tree: Tree, offset: number, hasError = true): RawNode {
  const runtime = treeSitterRuntime();
  return runtime ? copyTreeDirect(runtime, tree, offset, hasError) : copyTreeWithCursor(tree, offset);
}

/** Node type names and namedness by type id, per language (built once). */
interface TypeTable {
  readonly names: readonly string[];
  readonly named: readonly boolean[];
  /** By type id: nodes not copied. Comments never are, nor (in trees without errors) punctuation nobody reads. */
  readonly skipWithErrors: readonly boolean[];
  readonly skipClean: readonly boolean[];
  readonly errorNamed: boolean;
}

const typeTables = new WeakMap<Language, TypeTable>();

/**
 * Anonymous tokens the converter never looks at (it finds children by named type; only `(`, `)` and
 * operators are read by position or type). About a fifth of all nodes: not copying them saves two WASM
 * calls and an object each. Syntax error reporting reads every token, so trees with errors keep them.
 */
const UNREAD_PUNCTUATION = new Set(['=', '.', ',', '{', '}', '[', ']']);

function typeTable(language: Language): TypeTable {
  let table = typeTables.get(language);
  if (!table) {
    const count = language.types.length;
    const names: string[] = [];
    const named: boolean[] = [];
    const skipWithErrors: boolean[] = [];
    const skipClean: boolean[] = [];
    for (let id = 0; id < count; id++) {
      // Same fallback as TreeCursor.nodeType: hidden symbols have no name.
      const name = language.types[id] || 'ERROR';
      names.push(name);
      named.push(language.nodeTypeIsNamed(id));
      skipWithErrors.push(name === 'comment');
      skipClean.push(name === 'comment' || (!named[id] && UNREAD_PUNCTUATION.has(name)));
    }
    table = { names, named, skipWithErrors, skipClean, errorNamed: language.nodeTypeIsNamed(0xffff) };
    typeTables.set(language, table);
  }
  return table;
}

const NO_CHILDREN: MutableRaw[] = Object.freeze([]) as unknown as MutableRaw[];

/** The cursor's four state words, which web-tree-sitter keeps on the TreeCursor object between calls. */
type CursorState = TreeCursor & Record<0 | 1 | 2 | 3, number>;

/**
 * The same copy as copyTreeWithCursor, calling the cursor's C functions directly (see treeSitterRuntime.ts):
 * the cursor lives in the transfer buffer for the whole walk and is written back before it is deleted.
 */
function copyTreeDirect(rt: TreeSitterRuntime, tree: Tree, offset: number, hasError: boolean): RawNode {
  const table = typeTable(tree.language);
  const { names, named, errorNamed } = table;
  const skipped = hasError ? table.skipWithErrors : table.skipClean;
  const known = names.length;
  const treeAddress = (tree as unknown as Record<0, number>)[0];
  const cursor = tree.walk() as CursorState;
  // Any getter writes the cursor into the transfer buffer; from here on, the buffer is the cursor.
  const rootStart = cursor.startIndex;
  const { gotoFirstChild, gotoNextSibling, gotoParent, typeId, isMissing, startIndex, endIndex } = rt;

  const snapshot = (id: number, start: number): MutableRaw => {
    const type = id < known ? names[id]! : 'ERROR';
    return {
      type,
      named: id < known ? named[id]! : errorNamed,
      start: start + offset,
      end: endIndex(treeAddress) + offset,
      missing: hasError && isMissing(treeAddress) === 1,
      error: type === 'ERROR',
      truncated: false,
      // Most nodes are leaves: they share one empty array until a child is found.
      children: NO_CHILDREN,
    };
  };

  try {
    const root = snapshot(typeId(treeAddress), rootStart);
    const stack: MutableRaw[] = [root];
    let depth = 0;
    if (gotoFirstChild(treeAddress) !== 1) return root;
    root.children = [];
    depth = 1;
    for (;;) {
      let descended = false;
      const id = typeId(treeAddress);
      if (!(id < known && skipped[id])) {
        const node = snapshot(id, startIndex(treeAddress));
        stack[stack.length - 1]!.children.push(node);
        if (depth >= MAX_TREE_DEPTH) {
          node.truncated = gotoFirstChild(treeAddress) === 1;
          if (node.truncated) gotoParent(treeAddress);
        } else if (gotoFirstChild(treeAddress) === 1) {
          node.children = [];
          stack.push(node);
          depth++;
          descended = true;
        }
      }
      if (descended) continue;
      while (gotoNextSibling(treeAddress) !== 1) {
        if (gotoParent(treeAddress) !== 1) return root;
        depth--;
        stack.pop();
        if (depth === 0) return root;
      }
    }
  } finally {
    // The walk may have grown the cursor's stack (a new allocation): delete() must free that one.
    for (const i of [0, 1, 2, 3] as const) cursor[i] = rt.getI32(rt.transferBuffer + 4 * i);
    cursor.delete();
  }
}

/** The copy through web-tree-sitter's public TreeCursor API: used when no runtime is registered. */
export function copyTreeWithCursor(tree: Tree, offset: number): RawNode {
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
