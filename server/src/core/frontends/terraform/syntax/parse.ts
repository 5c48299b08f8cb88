import type { Parser, Tree } from 'web-tree-sitter';
import type { SourceProblem } from '../../types';
import type { Attribute, Block, Body } from './ast';
import { looksBinary } from './binaryText';
import { AstConverter } from './convert';
import { parseHclFast } from './fast';
import { copyTree } from './rawTree';
import { topLevelSegments } from './segments';
import { capProblems, collectSyntaxErrors } from './syntaxErrors';

export interface HclParseResult {
  readonly body: Body;
  readonly problems: readonly SourceProblem[];
}

/**
 * Parses HCL text into the plain AST; never throws. Files without syntax errors in the forms the hand-written
 * parser knows (see fast/index.ts) take that parser, tens of times faster than tree-sitter and giving the
 * same AST; everything else, and every file with a syntax error, takes tree-sitter (its error recovery and
 * error positions are what users see).
 */
export function parseHcl(parser: Parser, uri: string, text: string): HclParseResult {
  // NUL bytes mean binary at once. The fuller test (a scan of the whole text for control characters) is left
  // to files the fast parser declines: binary junk never parses, and text that parses is HCL whatever it holds.
  if (text.includes('\u0000')) return binaryFile(uri, text);
  const body = parseHclFast(text);
  if (body) return { body, problems: [] };
  if (looksBinary(text)) return binaryFile(uri, text);
  return parseWithTreeSitter(parser, uri, text);
}

/**
 * The tree-sitter path alone (the reference the fast parser is tested against). The tree-sitter tree lives
 * only for the duration of this call. With syntax errors, the file is re-parsed in parts along top-level
 * segments (see segments.ts) so that everything that parses is still used.
 */
export function parseHclWithTreeSitter(parser: Parser, uri: string, text: string): HclParseResult {
  if (looksBinary(text)) return binaryFile(uri, text);
  return parseWithTreeSitter(parser, uri, text);
}

function binaryFile(uri: string, text: string): HclParseResult {
  return {
    body: { start: 0, end: text.length, attributes: [], blocks: [] },
    problems: [
      {
        code: 'parse-error',
        severity: 'error',
        message: 'This file is not text (it contains binary data), so VPC Lens does not analyse it',
        span: { file: uri, start: 0, end: 0 },
      },
    ],
  };
}

function parseWithTreeSitter(parser: Parser, uri: string, text: string): HclParseResult {
  const emptyBody: Body = { start: 0, end: text.length, attributes: [], blocks: [] };
  const problems: SourceProblem[] = [];
  const attributes: Attribute[] = [];
  const blocks: Block[] = [];
  const converter = new AstConverter(text);
  const use = (tree: Tree, offset: number, hasError: boolean) => {
    const root = copyTree(tree, offset, hasError);
    converter.collectBody(root, attributes, blocks);
    if (hasError) collectSyntaxErrors(root, text, uri, problems);
  };

  const whole = parseRange(parser, text, 0, text.length);
  if (!whole) return { body: emptyBody, problems: [] };
  if (!whole.hasError) {
    withTree(whole.tree, () => use(whole.tree, 0, false));
  } else {
    whole.tree.delete();
    // Halve the file along top-level segments until each part either parses cleanly or is one segment:
    // clean parts are used whole, and a broken segment cannot spoil its neighbours. About three full
    // parses for one error, instead of one parse per segment.
    const segments = topLevelSegments(text);
    const visit = (from: number, to: number): void => {
      const start = segments[from]!.start;
      const part = parseRange(parser, text, start, segments[to - 1]!.end);
      if (!part) return;
      if (!part.hasError || to - from === 1) {
        withTree(part.tree, () => use(part.tree, start, part.hasError));
        return;
      }
      part.tree.delete();
      const mid = (from + to) >> 1;
      visit(from, mid);
      visit(mid, to);
    };
    visit(0, segments.length);
  }
  if (converter.tooDeepAt !== undefined) {
    problems.push({
      code: 'parse-error',
      severity: 'error',
      message: 'Nesting deeper than 500 levels: VPC Lens ignores the rest of this expression',
      span: { file: uri, start: converter.tooDeepAt, end: converter.tooDeepAt },
    });
  }
  return { body: { start: 0, end: text.length, attributes, blocks }, problems: capProblems(problems, uri) };
}

function parseRange(parser: Parser, text: string, start: number, end: number): { tree: Tree; hasError: boolean } | undefined {
  const source = start === 0 && end === text.length ? text : text.slice(start, end);
  const tree = parser.parse(source);
  return tree ? { tree, hasError: tree.rootNode.hasError } : undefined;
}

/** Frees the tree's WASM memory however `use` ends. */
function withTree(tree: Tree, use: () => void): void {
  try {
    use();
  } finally {
    tree.delete();
  }
}
