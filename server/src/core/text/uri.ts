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
