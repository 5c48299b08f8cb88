import type { Parser } from 'web-tree-sitter';
import type { SourceProblem } from '../../types';
import { looksBinary } from '../../terraform/syntax/binaryText';
import { copyTree } from '../../terraform/syntax/rawTree';
import { capProblems } from '../../terraform/syntax/syntaxErrors';
import type { Program } from './ast';
import { TsConverter } from './convert';
import { collectTsSyntaxErrors } from './syntaxErrors';

export interface TsParseResult {
  readonly program: Program;
  readonly problems: readonly SourceProblem[];
}

/**
 * Parses TypeScript into the plain AST; never throws. The tree-sitter tree lives only during this call.
 * tree-sitter recovers from errors locally, so statements outside an ERROR node are still analysed and the
 * problems point where it marked the error (half-typed code while editing).
 */
export function parseTypeScript(parser: Parser, uri: string, text: string): TsParseResult {
  const empty: Program = { body: [] };
  if (looksBinary(text)) return { program: empty, problems: [] };
  let tree;
  try {
    tree = parser.parse(text);
  } catch {
    tree = null;
  }
  if (!tree) return { program: empty, problems: [] };
  try {
    const hasError = tree.rootNode.hasError;
    const root = copyTree(tree, 0, hasError);
    const program: Program = { body: new TsConverter(text).program(root) };
    const problems: SourceProblem[] = [];
    if (hasError) collectTsSyntaxErrors(root, text, uri, problems);
    return { program, problems: capProblems(problems, uri) };
  } finally {
    tree.delete();
  }
}
