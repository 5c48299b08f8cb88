import type { Node } from 'jsonc-parser';
import { entries, items, prop, stringOf } from './jsonNodes';

/**
 * The `configuration` section of a plan: per module (root, then each module call's `module`), the argument
 * expressions of resources, module calls and outputs. Only `references` are used: they name what an
 * attribute that is unknown until apply (a new VPC's id) is computed from.
 */
export interface ConfigModule {
  /** Config address (`aws_subnet.a`, no instance key) -> its `expressions` object. */
  readonly resources: ReadonlyMap<string, Node>;
  readonly calls: ReadonlyMap<string, ConfigModuleCall>;
  /** Output name -> its `expression`. */
  readonly outputs: ReadonlyMap<string, Node>;
}

export interface ConfigModuleCall {
  readonly expressions: Node | undefined;
  readonly module: ConfigModule;
}

/** Module calls deeper than this are not followed (a plan cannot nest that deep; guards malformed input). */
const MAX_DEPTH = 64;

export function readConfigModule(node: Node | undefined, depth = 0): ConfigModule {
  const resources = new Map<string, Node>();
  const calls = new Map<string, ConfigModuleCall>();
  const outputs = new Map<string, Node>();
  if (node && depth <= MAX_DEPTH) {
    for (const r of items(prop(node, 'resources'))) {
      const address = stringOf(prop(r, 'address'));
      const expressions = prop(r, 'expressions');
      if (address && expressions && !resources.has(address)) resources.set(address, expressions);
    }
    for (const [name, call] of entries(prop(node, 'module_calls'))) {
      calls.set(name, { expressions: prop(call, 'expressions'), module: readConfigModule(prop(call, 'module'), depth + 1) });
    }
    for (const [name, output] of entries(prop(node, 'outputs'))) {
      const expression = prop(output, 'expression');
      if (expression) outputs.set(name, expression);
    }
  }
  return { resources, calls, outputs };
}

/** The configuration of the module at a call path (`['net', 'subnets']`); undefined when not in the plan. */
export function configAt(root: ConfigModule | undefined, path: readonly string[]): ConfigModule | undefined {
  let at = root;
  for (const name of path) at = at?.calls.get(name)?.module;
  return at;
}

/**
 * True for an expression object (`{"constant_value": ...}`, `{"references": [...]}`, `{}`), as opposed to
 * the body of a nested block, whose keys are argument names.
 */
export function isExpression(node: Node | undefined): boolean {
  if (node?.type !== 'object') return false;
  const keys = entries(node).map(([k]) => k);
  return keys.length === 0 || keys.includes('references') || keys.includes('constant_value');
}

export function referencesOf(expression: Node | undefined): string[] {
  if (!isExpression(expression)) return [];
  return items(prop(expression, 'references'))
    .map(stringOf)
    .filter((s): s is string => s !== undefined);
}
