import type { NetworkElement } from './types';

/** Maps one resource of a front-end's type to zero, one or several model elements. */
export type ResourceMapper<R, C, F> = (resource: R, ctx: C, folds: F) => NetworkElement | readonly NetworkElement[] | undefined;

/**
 * The front-ends' shared mapping loop: each resource goes to the mapper of its type (types without one map to
 * nothing), in resource order. Values come from user files: a shape no mapper foresaw costs that one
 * resource, never the analysis.
 */
export function mapResources<R extends { readonly type: string }, C, F>(
  resources: readonly R[],
  mappers: Readonly<Record<string, ResourceMapper<R, C, F>>>,
  ctx: C,
  folds: F,
): NetworkElement[] {
  const out: NetworkElement[] = [];
  for (let i = 0; i < resources.length; i++) {
    const r = resources[i]!;
    const mapper = Object.prototype.hasOwnProperty.call(mappers, r.type) ? mappers[r.type] : undefined;
    if (!mapper) continue;
    const mapped = safely(() => mapper(r, ctx, folds));
    if (mapped === undefined) continue;
    if (Array.isArray(mapped)) out.push(...(mapped as readonly NetworkElement[]));
    else out.push(mapped as NetworkElement);
  }
  return out;
}

/** Runs `f`, turning a throw into undefined (see mapResources). */
export function safely<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
