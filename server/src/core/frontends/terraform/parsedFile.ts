import type { ParsedFile } from '../types';
import type { Body } from './syntax/ast';

/**
 * One `.tf` or `.tfvars` file version as the Terraform front-end keeps it: the AST, no tree-sitter objects.
 * Also the module manifest `terraform init` writes (`.terraform/modules/modules.json`), with an empty body and
 * the modules it installed.
 */
export interface TerraformParsedFile extends ParsedFile {
  readonly frontEnd: 'terraform';
  readonly kind: 'tf' | 'tfvars' | 'manifest';
  /** URI of the folder holding the file (no trailing slash): a Terraform module is one folder. */
  readonly folder: string;
  /** The last path segment (`main.tf`, `terraform.tfvars`). */
  readonly fileName: string;
  readonly body: Body;
  /** A manifest's installed modules: module key (`vpc`, `net.vpc`) to the folder (URI) they were installed in. */
  readonly installed?: ReadonlyMap<string, string>;
}

/** Where `terraform init` records the modules it installed for the configuration in the folder above `.terraform`. */
const MANIFEST = /\/\.terraform\/modules\/modules\.json$/;

/** Variable files (`.tfvars`, `.tfvars.json`), the module manifest, and configuration files (`.tf`, `.tf.json`). */
export function fileKind(uri: string): TerraformParsedFile['kind'] {
  if (MANIFEST.test(uri)) return 'manifest';
  return /\.tfvars(\.json)?$/i.test(uri) ? 'tfvars' : 'tf';
}

/** The folder whose `terraform init` wrote the manifest at `uri` (the root module it installed modules for). */
export function manifestRootFolder(uri: string): string {
  return uri.replace(MANIFEST, '');
}

const MANIFEST_FOLDER = '/.terraform/modules';

/** The folder a root's manifest lives in: what a host reads to find it. */
export function manifestFolder(rootFolder: string): string {
  return `${rootFolder}${MANIFEST_FOLDER}`;
}

/** True for a folder (URI) `manifestFolder` names. */
export function isManifestFolder(folderUri: string): boolean {
  return folderUri.endsWith(MANIFEST_FOLDER);
}
