import type { ParsedFile, SourceProblem } from '../types';
import type { CdkFileRole } from './detect';
import type { Program } from './syntax/ast';

/** One TypeScript file as the CDK front-end keeps it: plain data (worker threads may make it). */
export interface CdkParsedFile extends ParsedFile {
  readonly frontEnd: 'cdk';
  readonly role: CdkFileRole;
  readonly program: Program;
  /** Relative import specifiers (`./consts`), for grouping files into units. */
  readonly imports: readonly string[];
  /**
   * Syntax errors of a support file: reported (as unit problems) only when a CDK file imports it, so
   * TypeScript files unrelated to CDK never get diagnostics. Empty for app files (theirs are `problems`).
   */
  readonly deferredProblems: readonly SourceProblem[];
}
