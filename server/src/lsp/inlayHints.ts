import type { InlayHint, Range } from 'vscode-languageserver';
import type { Analysis } from '../core/analysis/workspace';
import { inlayHintsFor } from '../core/features/inlayHints';
import type { LineIndex } from '../core/text/lineIndex';

/** Usable-address counts after CIDR expressions, within the requested range. */
export function lspInlayHints(analysis: Analysis, uri: string, index: LineIndex, range: Range): InlayHint[] {
  const from = index.offsetAt(range.start);
  const to = index.offsetAt(range.end);
  return inlayHintsFor(analysis, uri)
    .filter((h) => h.offset >= from && h.offset <= to)
    .map((h) => ({ position: index.positionAt(h.offset), label: h.label, paddingLeft: true }));
}
