import type { FrontEnd } from '../types';
import { detectCloudFormationFile } from './detect';
import { buildCloudFormation } from './eval';
import type { CloudFormationParsedFile } from './parsedFile';
import { parseTemplateText, templateFormatOf } from './syntax/parseTemplate';

export type { CloudFormationParsedFile } from './parsedFile';
export { detectCloudFormationFile, isCloudFormationTemplate, type CloudFormationFileRole } from './detect';
export { metadataIgnores, type MetadataIgnore } from './syntax/metadataIgnores';

/**
 * CloudFormation templates in JSON and YAML (hand-written, SAM, `cdk.out`) and their parameter files.
 * Parsing gives each file a positioned tree with YAML short forms normalised; the evaluator resolves
 * intrinsic functions across all templates (exports/imports join stacks) and maps resources to the model.
 */
export function createCloudFormationFrontEnd(): FrontEnd<CloudFormationParsedFile> {
  return {
    id: 'cloudformation',
    claims: (uri, text) => detectCloudFormationFile(uri, text) !== undefined,
    // A parameter file chosen by setting is one whatever its name or extension.
    claimsNamed: (uri, options) => options.cloudFormationParameterFiles?.some((p) => p.parameters === uri) ?? false,
    parse(uri, text): CloudFormationParsedFile {
      const format = templateFormatOf(uri, text);
      const role = safeRole(uri, text);
      const { tree, problems } = parseTemplateText(uri, text, format);
      return { uri, frontEnd: 'cloudformation', problems, format, tree, role };
    },
    build: (files, options) => buildCloudFormation(files, options),
  };
}

function safeRole(uri: string, text: string): CloudFormationParsedFile['role'] {
  try {
    return detectCloudFormationFile(uri, text) ?? 'template';
  } catch {
    return 'template';
  }
}
