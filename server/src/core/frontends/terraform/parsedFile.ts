import type { ParsedFile } from '../types';
import type { Body } from './syntax/ast';

/** One `.tf` or `.tfvars` file version as the Terraform front-end keeps it: the AST, no tree-sitter objects. */
export interface TerraformParsedFile extends ParsedFile {
  readonly frontEnd: 'terraform';
  readonly kind: 'tf' | 'tfvars';
  /** URI of the folder holding the file (no trailing slash): a Terraform module is one folder. */
  readonly folder: string;
  /** The last path segment (`main.tf`, `terraform.tfvars`). */
  readonly fileName: string;
  readonly body: Body;
}

/** Variable files (`.tfvars`, `.tfvars.json`) and configuration files (`.tf`, `.tf.json`). */
export function fileKind(uri: string): 'tf' | 'tfvars' {
  return /\.tfvars(\.json)?$/i.test(uri) ? 'tfvars' : 'tf';
}
