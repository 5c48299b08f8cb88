import {
  type CodeAction,
  CodeActionKind,
  type CodeActionParams,
  type Diagnostic as LspDiagnostic,
  type TextEdit,
} from 'vscode-languageserver';
import { fixesInRange } from '../core/features/codeActions';
import type { Diagnostic } from '../core/rules/types';
import type { LineIndex } from '../core/text/lineIndex';
import { type ClientUri, type LineIndexLookup, toLspDiagnostic, toLspRange } from './convert';

/** Quick fixes from the fixes findings carry, tied to the editor's own diagnostic objects when it sent them. */
export function lspCodeActions(
  diagnostics: readonly Diagnostic[],
  params: CodeActionParams,
  uri: string,
  index: LineIndex,
  lines: LineIndexLookup,
  clientUri: ClientUri,
): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((kind) => CodeActionKind.QuickFix === kind || CodeActionKind.QuickFix.startsWith(`${kind}.`) || kind === CodeActionKind.Empty)) {
    return [];
  }
  const offers = fixesInRange(diagnostics, uri, index.offsetAt(params.range.start), index.offsetAt(params.range.end));
  return offers.map(({ diagnostic, fix }) => {
    const converted = toLspDiagnostic(diagnostic, lines, clientUri);
    const changes: Record<string, TextEdit[]> = {};
    for (const edit of fix.edits) {
      (changes[clientUri(edit.span.file)] ??= []).push({ range: toLspRange(edit.span, lines), newText: edit.newText });
    }
    const action: CodeAction = {
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [matching(params.context.diagnostics, converted) ?? converted],
      edit: { changes },
    };
    if (fix.preferred) action.isPreferred = true;
    return action;
  });
}

function matching(sent: readonly LspDiagnostic[], ours: LspDiagnostic): LspDiagnostic | undefined {
  return sent.find(
    (d) =>
      d.code === ours.code &&
      d.range.start.line === ours.range.start.line &&
      d.range.start.character === ours.range.start.character &&
      d.range.end.line === ours.range.end.line &&
      d.range.end.character === ours.range.end.character,
  );
}
