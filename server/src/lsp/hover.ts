import { type Hover, MarkupKind } from 'vscode-languageserver';
import type { Analysis } from '../core/analysis/workspace';
import { type TextAccessor, hoverAt } from '../core/features/hover';
import type { LineIndex } from '../core/text/lineIndex';
import { type LineIndexLookup, toLspRange } from './convert';

export function lspHover(analysis: Analysis, textOf: TextAccessor, lines: LineIndexLookup, uri: string, index: LineIndex, position: { line: number; character: number }): Hover | null {
  const hover = hoverAt(analysis, textOf, uri, index.offsetAt(position));
  if (!hover) return null;
  return { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: toLspRange(hover.span, lines) };
}
