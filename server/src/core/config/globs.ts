/**
 * The small glob language of `exclude` (settings and `.vpc-lens.json`), matched against paths relative to
 * the workspace root with `/` separators:
 * - `*` any characters but `/`; `?` one character but `/`; `**` any number of folders (also none);
 * - a glob that names a folder excludes everything under it (`modules/legacy`, `modules/legacy/`);
 * - a glob without `/` (other than a trailing one) matches at any depth, like .gitignore (`*.tfvars`, `tmp`);
 * - a leading `/` or `./` anchors at the root; `\` separators are accepted in paths and globs.
 */
export function matchesGlob(relPath: string, glob: string): boolean {
  return compile(glob).test(normalizePath(relPath));
}

export function matchesAnyGlob(relPath: string, globs: readonly string[]): boolean {
  const path = normalizePath(relPath);
  return globs.some((g) => compile(g).test(path));
}

function normalizePath(p: string): string {
  return p.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '').replace(/^\/+/, '');
}

// Globs come from a handful of settings; compiled once each.
const compiled = new Map<string, RegExp>();

function compile(glob: string): RegExp {
  let re = compiled.get(glob);
  if (!re) {
    re = toRegExp(glob);
    compiled.set(glob, re);
  }
  return re;
}

function toRegExp(rawGlob: string): RegExp {
  let glob = rawGlob.trim().replace(/\\/g, '/');
  const anchored = glob.startsWith('/') || glob.startsWith('./');
  glob = glob.replace(/^(?:\.\/)+/, '').replace(/^\/+/, '').replace(/\/+$/, '');
  if (glob === '') return /^$/;
  const floating = !anchored && !glob.includes('/');

  let body = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      const atSegmentStart = i === 0 || glob[i - 1] === '/';
      const atSegmentEnd = i + 2 === glob.length || glob[i + 2] === '/';
      if (atSegmentStart && atSegmentEnd) {
        // `**/` is zero or more folders; a final `**` is anything below.
        if (i + 2 < glob.length) {
          body += '(?:[^/]*/)*';
          i += 2; // also skips the `/`
        } else {
          body += '.*';
          i += 1;
        }
        continue;
      }
      body += '[^/]*';
      i += 1;
    } else if (c === '*') body += '[^/]*';
    else if (c === '?') body += '[^/]';
    else body += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // The match may end at a folder: everything under it is matched too.
  return new RegExp(`^${floating ? '(?:[^/]*/)*' : ''}${body}(?:/.*)?$`);
}
