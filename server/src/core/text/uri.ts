// Folders of file URIs, one way for everything that compares them: the Terraform front-end names a module
// by its folder, and the hosts and the topology match files against those names.

/** A file URI's folder (no trailing slash; '' when the URI has no slash) and last segment. */
export function splitUri(uri: string): { folder: string; fileName: string } {
  const slash = uri.lastIndexOf('/');
  return slash < 0 ? { folder: '', fileName: uri } : { folder: uri.slice(0, slash), fileName: uri.slice(slash + 1) };
}

/** The folder URI of a file URI, as `splitUri` gives it. */
export function folderOfUri(uri: string): string {
  return splitUri(uri).folder;
}

/**
 * A path written relative to the folder `folder` (a URI, no trailing slash), or absolute, as a URI; undefined
 * when it makes none. `\` separates like `/` (a path written on Windows).
 */
export function uriInFolder(folder: string, path: string): string | undefined {
  try {
    return new URL(path.replace(/\\/g, '/'), `${folder}/`).href;
  } catch {
    return undefined;
  }
}

/** A folder written relative to the folder `folder`, as a folder URI without trailing slash (see `uriInFolder`). */
export function folderInFolder(folder: string, path: string): string | undefined {
  return uriInFolder(folder, `${path.replace(/[\\/]+$/, '')}/`)?.replace(/\/+$/, '');
}
