import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { DiagnosticsPublisher } from '../../server/src/lsp/diagnosticsPublisher';

const diag = (line: number, code: string): Diagnostic => ({
  range: { start: { line, character: 0 }, end: { line, character: 5 } },
  message: code,
  code,
});

test('publishes only files whose diagnostics changed, and clears files that left', () => {
  const sent: [string, number][] = [];
  const publisher = new DiagnosticsPublisher((uri, ds) => sent.push([uri, ds.length]));

  publisher.publish(new Map([['a', [diag(1, 'x')]], ['b', []]]));
  assert.deepEqual(sent, [['a', 1]], 'a clean file never shown needs no empty list');

  sent.length = 0;
  publisher.publish(new Map([['a', [diag(1, 'x')]], ['b', []]]));
  assert.deepEqual(sent, [], 'nothing changed, nothing sent');

  publisher.publish(new Map([['a', [diag(2, 'x')]], ['b', [diag(0, 'y')]]]));
  assert.deepEqual(sent, [['a', 1], ['b', 1]], 'a moved range counts as a change');

  sent.length = 0;
  publisher.publish(new Map([['b', []]]));
  assert.deepEqual(sent, [['b', 0], ['a', 0]], 'fixed and vanished files are cleared');

  sent.length = 0;
  publisher.publish(new Map());
  assert.deepEqual(sent, [], 'already empty: not cleared twice');
});
