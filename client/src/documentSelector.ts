import type { DocumentSelector } from 'vscode-languageclient/node';

const TERRAFORM_FILES = '**/*.{tf,tfvars,tf.json}';
const TEMPLATE_FILES = '**/*.{json,yaml,yml,template}';

/**
 * Files the server may analyse. Language ids depend on which extensions the user has (HashiCorp's
 * Terraform extension names `.tf` `terraform`, without it a `.tf` file is plain text; Red Hat's YAML
 * extension provides `yaml`), so every entry also names the file pattern. The server decides per file
 * whether a front-end claims it: a JSON, YAML or TypeScript file none claims gets nothing.
 */
export const DOCUMENT_SELECTOR: DocumentSelector = [
  // Terraform whatever the language id: with or without a Terraform extension installed.
  { scheme: 'file', pattern: TERRAFORM_FILES },
  { scheme: 'untitled', language: 'terraform' },
  // CloudFormation templates and Terraform plan JSON.
  { scheme: 'file', language: 'json', pattern: TEMPLATE_FILES },
  { scheme: 'file', language: 'jsonc', pattern: TEMPLATE_FILES },
  { scheme: 'file', language: 'yaml', pattern: TEMPLATE_FILES },
  { scheme: 'file', pattern: '**/*.template' },
  // CDK apps.
  { scheme: 'file', language: 'typescript', pattern: '**/*.ts' },
];
