import type { ParsedFile } from '../types';
import type { TNode } from './syntax/templateTree';
import type { CloudFormationFileRole } from './detect';

/**
 * One JSON or YAML file version as the CloudFormation front-end keeps it: the positioned tree (undefined when
 * the text could not be read at all). Templates and the parameter files next to them both arrive in this shape.
 */
export interface CloudFormationParsedFile extends ParsedFile {
  readonly format: 'json' | 'yaml';
  readonly tree: TNode | undefined;
  /**
   * What detection took the file for; absent means a template (parsed files built by hand in tests).
   * The tree's shape tells too: a parameter file has no `Resources`.
   */
  readonly role?: CloudFormationFileRole;
}
