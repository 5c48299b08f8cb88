import { type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Parser } from 'web-tree-sitter';
import type { SourceProblem } from '../../types';
import { parseHcl, type HclParseResult } from '../syntax/parse';
import { JsonToAst } from './toAst';

/** Syntax problems reported per file at most; the rest are summarised by the count. */
const MAX_PROBLEMS = 50;

/**
 * Parses a `.tf.json` (`kind: 'tf'`) or `.tfvars.json` (`kind: 'tfvars'`) file into the same AST as HCL, with
 * offsets into the JSON text. Interpolations inside strings are parsed by the HCL parser. Never throws.
 */
export function parseTerraformJson(parser: Parser, uri: string, text: string, kind: 'tf' | 'tfvars'): HclParseResult {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: true });
  const converter = new JsonToAst(text, uri, (source) => parseHcl(parser, uri, source));
  const body = kind === 'tf' ? converter.configFile(root) : converter.varsFile(root);
  const problems: SourceProblem[] = errors.map((e) => ({
    code: 'parse-error',
    severity: 'error',
    message: `Invalid JSON: ${describe(e)}`,
    span: { file: uri, start: e.offset, end: e.offset + e.length },
  }));
  problems.push(...converter.problems);
  if (problems.length > MAX_PROBLEMS) {
    const rest = problems.length - MAX_PROBLEMS;
    problems.length = MAX_PROBLEMS;
    problems.push({ ...problems[MAX_PROBLEMS - 1]!, message: `${rest} more syntax problems in this file are not shown` });
  }
  return { body, problems };
}

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'property name expected',
  ValueExpected: 'value expected',
  ColonExpected: 'colon expected',
  CommaExpected: 'comma expected',
  CloseBraceExpected: 'closing brace expected',
  CloseBracketExpected: 'closing bracket expected',
  EndOfFileExpected: 'end of file expected',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character',
};

function describe(e: ParseError): string {
  const code = printParseErrorCode(e.error);
  return DESCRIPTIONS[code] ?? code;
}
