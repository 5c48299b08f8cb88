/**
 * Relative imports between the workspace's TypeScript files: `./consts` from `file:///app/lib/stack.ts` is
 * `file:///app/lib/consts.ts` (or `.../consts/index.ts`). Package imports resolve to nothing here.
 */
export function resolveImport(fromUri: string, source: string, files: { has(uri: string): boolean }): string | undefined {
  if (!source.startsWith('./') && !source.startsWith('../')) return undefined;
  const base = fromUri.slice(0, fromUri.lastIndexOf('/'));
  const joined = normalise(`${base}/${source}`);
  const stem = joined.replace(/\.(js|ts|mjs|cjs)$/, '');
  for (const candidate of [`${stem}.ts`, `${stem}/index.ts`, joined]) if (files.has(candidate)) return candidate;
  return undefined;
}

/** Removes `.` and `..` segments from the path part of a URI. */
function normalise(uri: string): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/]*)(.*)$/i.exec(uri);
  const prefix = m ? m[1]! : '';
  const path = m ? m[2]! : uri;
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '.') continue;
    if (seg === '..') {
      if (out.length > 1) out.pop();
      continue;
    }
    out.push(seg);
  }
  return prefix + out.join('/');
}

/** URIs a file imports relatively (resolved against the given files). */
export function relativeImportsOf(fromUri: string, sources: readonly string[], files: { has(uri: string): boolean }): string[] {
  const out: string[] = [];
  for (const s of sources) {
    const target = resolveImport(fromUri, s, files);
    if (target) out.push(target);
  }
  return out;
}
