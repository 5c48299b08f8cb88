import type { Body } from '../ast';
import { BodyParser } from './body';

/**
 * A hand-written HCL parser for the common case: files without syntax errors, in the forms it knows. It gives
 * exactly the AST that tree-sitter plus convert.ts give (spans included), tens of times faster, and returns
 * undefined for anything else (any syntax error, a top-level `{ ... }` object, non-ASCII outside strings and
 * comments, nesting deeper than MAX_DEPTH, rare forms whose tree-sitter reading is odd), which the caller
 * then parses with tree-sitter. Never throws.
 */
export function parseHclFast(text: string): Body | undefined {
  try {
    return new BodyParser(text).parseFile();
  } catch {
    // DECLINED, or anything unforeseen (a stack overflow despite the depth limit): tree-sitter takes the file.
    return undefined;
  }
}
