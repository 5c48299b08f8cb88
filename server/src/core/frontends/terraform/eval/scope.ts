import type { Value } from '../../../values/value';
import type { ModuleInstance } from './moduleInstance';

/**
 * What names mean where an expression is evaluated: the module instance (var, local, resources, modules),
 * the file (for spans), and the names bound by count, for_each, for expressions and dynamic blocks.
 */
export interface Scope {
  readonly mod: ModuleInstance;
  readonly file: string;
  readonly names?: ReadonlyMap<string, Value>;
  readonly parent?: Scope;
  readonly countIndex?: Value;
  readonly each?: { readonly key: Value; readonly value: Value };
}

export function childScope(scope: Scope, names: ReadonlyMap<string, Value>): Scope {
  return { mod: scope.mod, file: scope.file, countIndex: scope.countIndex, each: scope.each, names, parent: scope };
}

export function lookupName(scope: Scope | undefined, name: string): Value | undefined {
  for (let s = scope; s; s = s.parent) {
    const v = s.names?.get(name);
    if (v !== undefined) return v;
  }
  return undefined;
}
