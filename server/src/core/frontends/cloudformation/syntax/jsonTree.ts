import { type JSONVisitor, type ParseErrorCode, printParseErrorCode, visit } from 'jsonc-parser';
import type { Span } from '../../../text/span';
import type { TEntry, TNode } from './templateTree';
import { MAX_TREE_DEPTH, ProblemSink, tooDeepMessage, withoutBom } from './problems';

export interface TemplateSyntax {
  readonly tree: TNode | undefined;
  readonly problems: ProblemSink['problems'];
}

type Frame =
  | { kind: 'object'; start: number; entries: TEntry[]; keys: Set<string>; pendingKey?: { key: string; keySpan: Span } }
  | { kind: 'array'; start: number; items: TNode[] }
  /** A container beyond MAX_TREE_DEPTH: its content is skipped, a null takes its place. */
  | { kind: 'skipped'; start: number };

/**
 * Parses a JSON template into a positioned tree. Recovers like jsonc-parser does (a broken property is
 * dropped, the rest is kept) and reports, as `parse-error`s at the spot: syntax errors, duplicate keys (the
 * first one wins, as lookups in the tree take the first), and comments and trailing commas, which
 * jsonc-parser accepts but CloudFormation rejects (the template would not deploy), so they are errors too,
 * while the template is still analysed. Spans of keys and strings include their quotes.
 */
export function parseJsonTemplate(uri: string, text: string): TemplateSyntax {
  const sink = new ProblemSink(uri);
  const source = withoutBom(text);
  const span = (start: number, end: number): Span => ({ file: uri, start, end });
  const stack: Frame[] = [];
  let root: TNode | undefined;
  let reportedTooDeep = false;
  /** Offset of the last `,` when nothing has followed it yet: a `}` or `]` next means a trailing comma. */
  let pendingComma: number | undefined;

  const attach = (node: TNode): void => {
    const parent = stack[stack.length - 1];
    if (!parent) {
      root ??= node;
      return;
    }
    if (parent.kind === 'array') parent.items.push(node);
    else if (parent.kind === 'object' && parent.pendingKey) {
      parent.entries.push({ ...parent.pendingKey, value: node });
      parent.pendingKey = undefined;
    }
  };
  const closingEnd = (offset: number, length: number, bracket: string): number =>
    source[offset] === bracket ? offset + length : offset;
  const checkTrailingComma = (): void => {
    if (pendingComma !== undefined) {
      sink.error('JSON syntax error: trailing comma (CloudFormation rejects it)', pendingComma, pendingComma + 1);
    }
    pendingComma = undefined;
  };
  const begin = (kind: 'object' | 'array', offset: number): boolean => {
    pendingComma = undefined;
    if (stack.length >= MAX_TREE_DEPTH) {
      if (!reportedTooDeep) sink.error(tooDeepMessage(), offset, offset + 1);
      reportedTooDeep = true;
      stack.push({ kind: 'skipped', start: offset });
      return false;
    }
    stack.push(kind === 'object' ? { kind, start: offset, entries: [], keys: new Set() } : { kind, start: offset, items: [] });
    return true;
  };
  const end = (offset: number, length: number, bracket: '}' | ']'): void => {
    checkTrailingComma();
    const frame = stack.pop();
    if (!frame) return;
    const s = span(frame.start, closingEnd(offset, length, bracket));
    if (frame.kind === 'object') attach({ kind: 'object', span: s, entries: frame.entries });
    else if (frame.kind === 'array') attach({ kind: 'array', span: s, items: frame.items });
    else attach({ kind: 'null', span: s, value: null });
  };

  const visitor: JSONVisitor = {
    onObjectBegin: (offset) => begin('object', offset),
    onObjectEnd: (offset, length) => end(offset, length, '}'),
    onArrayBegin: (offset) => begin('array', offset),
    onArrayEnd: (offset, length) => end(offset, length, ']'),
    onObjectProperty: (key, offset, length) => {
      pendingComma = undefined;
      const frame = stack[stack.length - 1];
      if (frame?.kind !== 'object') return;
      if (frame.keys.has(key)) sink.error(`duplicate key '${key}': the first one is used`, offset, offset + length);
      frame.keys.add(key);
      frame.pendingKey = { key, keySpan: span(offset, offset + length) };
    },
    onLiteralValue: (value: unknown, offset, length) => {
      pendingComma = undefined;
      attach(literal(value, span(offset, offset + length)));
    },
    onSeparator: (character, offset) => {
      if (character === ',') pendingComma = offset;
    },
    onComment: (offset, length) => {
      sink.error('JSON syntax error: comments are not allowed in a JSON template (CloudFormation rejects them)', offset, offset + length);
    },
    onError: (error, offset, length) => {
      sink.error(`JSON syntax error: ${describeJsonError(error)}`, offset, offset + Math.max(length, 1));
    },
  };

  try {
    visit(source, visitor, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  } catch (err) {
    // jsonc-parser recurses per nesting level: thousands of `[` exhaust the call stack. What was read until
    // then is kept (the deeper part was already cut off at MAX_TREE_DEPTH and reported).
    if (!(err instanceof RangeError)) sink.error(`JSON could not be read: ${String(err)}`, 0, 0);
    else if (!reportedTooDeep) sink.error(tooDeepMessage(), 0, 0);
  }
  // Containers left open at the end of the text (already reported) still hold what was read.
  while (stack.length > 0) end(source.length, 0, '}');
  return { tree: root, problems: sink.problems };
}

function literal(value: unknown, span: Span): TNode {
  if (typeof value === 'string') return { kind: 'string', span, value };
  if (typeof value === 'number') return { kind: 'number', span, value };
  if (typeof value === 'boolean') return { kind: 'boolean', span, value };
  return { kind: 'null', span, value: null };
}

/** jsonc-parser's error codes (by name: its enums are `const`, which isolated modules cannot read) in plain words. */
const JSON_ERRORS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'a property name in double quotes was expected',
  ValueExpected: 'a value was expected',
  ColonExpected: "':' was expected after the property name",
  CommaExpected: "',' was expected",
  CloseBraceExpected: "'}' was expected",
  CloseBracketExpected: "']' was expected",
  EndOfFileExpected: 'text after the end of the template',
  InvalidCommentToken: 'invalid comment',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid \\u escape in a string',
  InvalidEscapeCharacter: 'invalid escape character in a string',
  InvalidCharacter: 'a control character in a string must be escaped',
};

function describeJsonError(code: ParseErrorCode): string {
  return JSON_ERRORS[printParseErrorCode(code)] ?? 'invalid JSON';
}
