// STUB: replaced by the Terraform front-end.
import type { Language } from 'web-tree-sitter';
import type { FrontEnd, ParsedFile } from '../types';

export function createTerraformFrontEnd(_language: Language): FrontEnd<ParsedFile> {
  return {
    id: 'terraform',
    claims: (uri) => /\.(tf|tfvars)$/.test(uri),
    parse: (uri) => ({ uri, frontEnd: 'terraform', problems: [] }),
    build: () => ({ elements: [], traces: [], problems: [] }),
  };
}
