import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../../server/src/core/text/lineIndex';

// Every diagnostic's line and column, in the editor and in `vpc-lens check`, comes from here.
describe('LineIndex', () => {
  test('LF text: lines, positions, offsets and line texts', () => {
    const index = new LineIndex('a = 1\nbb = 22\n\ncc');
    assert.equal(index.lineCount, 4);
    assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(index.positionAt(6), { line: 1, character: 0 });
    assert.deepEqual(index.positionAt(11), { line: 1, character: 5 });
    assert.deepEqual(index.positionAt(14), { line: 2, character: 0 });
    assert.deepEqual(index.positionAt(16), { line: 3, character: 1 });
    assert.equal(index.offsetAt({ line: 3, character: 1 }), 16);
    assert.equal(index.lineText(1), 'bb = 22');
    assert.equal(index.lineText(2), '');
  });

  test('CRLF, lone CR and LF each end one line', () => {
    const index = new LineIndex('a\r\nb\rc\nd');
    assert.equal(index.lineCount, 4);
    assert.deepEqual(index.positionAt(3), { line: 1, character: 0 });
    assert.deepEqual(index.positionAt(5), { line: 2, character: 0 });
    assert.deepEqual(index.positionAt(7), { line: 3, character: 0 });
    assert.equal(index.lineText(0), 'a');
    assert.equal(index.lineText(1), 'b');
  });

  test('a text without breaks, an empty text, a trailing break, offsets out of range', () => {
    assert.equal(new LineIndex('').lineCount, 1);
    assert.equal(new LineIndex('abc').lineCount, 1);
    const trailing = new LineIndex('abc\n');
    assert.equal(trailing.lineCount, 2);
    assert.deepEqual(trailing.positionAt(4), { line: 1, character: 0 });
    assert.deepEqual(trailing.positionAt(99), { line: 1, character: 0 });
    assert.deepEqual(trailing.positionAt(-5), { line: 0, character: 0 });
  });
});
