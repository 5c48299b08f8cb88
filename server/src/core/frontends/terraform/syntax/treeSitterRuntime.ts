/**
 * Direct access to web-tree-sitter's WASM exports, for copying trees fast (see rawTree.ts).
 *
 * The public TreeCursor API copies the cursor state into WASM memory and back through generic
 * `setValue`/`getValue` calls on every step and every getter: about 20 JS/WASM crossings per node, which
 * cost as much as the parse itself. The exported C functions read and update the cursor in web-tree-sitter's
 * transfer buffer, so a walk that calls them directly keeps the cursor there and pays one crossing per
 * question. This relies on web-tree-sitter internals (0.25.x: `Parser.init(options)` installs the exports
 * on `options`), so the host registers the runtime only after checking that every export is there, and
 * rawTree.ts falls back to the public API when none is registered.
 */
export interface TreeSitterRuntime {
  /** Address of web-tree-sitter's transfer buffer (its first four words hold the cursor). */
  readonly transferBuffer: number;
  readonly gotoFirstChild: (tree: number) => number;
  readonly gotoNextSibling: (tree: number) => number;
  readonly gotoParent: (tree: number) => number;
  readonly typeId: (tree: number) => number;
  readonly isMissing: (tree: number) => number;
  readonly startIndex: (tree: number) => number;
  readonly endIndex: (tree: number) => number;
  readonly getI32: (address: number) => number;
}

const EXPORTS = {
  gotoFirstChild: '_ts_tree_cursor_goto_first_child_wasm',
  gotoNextSibling: '_ts_tree_cursor_goto_next_sibling_wasm',
  gotoParent: '_ts_tree_cursor_goto_parent_wasm',
  typeId: '_ts_tree_cursor_current_node_type_id_wasm',
  isMissing: '_ts_tree_cursor_current_node_is_missing_wasm',
  startIndex: '_ts_tree_cursor_start_index_wasm',
  endIndex: '_ts_tree_cursor_end_index_wasm',
} as const;

let registered: TreeSitterRuntime | undefined;

/**
 * Registers the object given to `Parser.init` (after init resolved), which web-tree-sitter's Emscripten
 * module fills with its exports. Returns false, and registers nothing, when the object does not look like
 * that (another web-tree-sitter version, or init ran earlier with another object).
 */
export function registerTreeSitterRuntime(module: unknown): boolean {
  const m = module as Record<string, unknown> | null | undefined;
  if (!m || typeof m !== 'object') return false;
  const init = m['_ts_init'];
  const getValue = m['getValue'];
  if (typeof init !== 'function' || typeof getValue !== 'function') return false;
  const fns: Partial<Record<keyof typeof EXPORTS, (tree: number) => number>> = {};
  for (const [key, name] of Object.entries(EXPORTS) as [keyof typeof EXPORTS, string][]) {
    const fn = m[name];
    if (typeof fn !== 'function') return false;
    fns[key] = fn as (tree: number) => number;
  }
  // ts_init only writes the language version numbers into the buffer and returns its address.
  const transferBuffer = (init as () => number)();
  if (typeof transferBuffer !== 'number' || transferBuffer <= 0) return false;
  registered = {
    transferBuffer,
    ...(fns as Required<typeof fns>),
    getI32: (address) => (getValue as (a: number, t: string) => number)(address, 'i32'),
  };
  return true;
}

/** The runtime the host registered, if any. */
export function treeSitterRuntime(): TreeSitterRuntime | undefined {
  return registered;
}

/** For tests: forget the runtime, so copies take the public-API path. Returns the previous one. */
export function swapTreeSitterRuntime(next: TreeSitterRuntime | undefined): TreeSitterRuntime | undefined {
  const previous = registered;
  registered = next;
  return previous;
}
