import type { Workspace } from '../core/analysis/workspace';

/** A referenced file's text, or undefined when it is missing, too large, excluded or unreadable. */
export type FileReader = (uri: string) => Promise<string | undefined> | string | undefined;

/**
 * Puts into the workspace the files its files read (Terraform's `file("../shared/network.yaml")`) that it does
 * not hold: `vpc-lens check envs/prod` with a YAML file outside `envs/prod`, an editor opened on one root. A file
 * read this way references nothing further. Returns the URIs put in.
 */
export async function loadReferencedFiles(ws: Workspace, read: FileReader, put: (uri: string, text: string) => void = (uri, text) => void ws.setFile(uri, text)): Promise<string[]> {
  const added: string[] = [];
  for (const uri of ws.referencedFiles()) {
    if (ws.hasFile(uri)) continue;
    const text = await read(uri);
    if (text === undefined || ws.hasFile(uri)) continue;
    put(uri, text);
    added.push(uri);
  }
  return added;
}
