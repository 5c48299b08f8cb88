import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isAnnotationLine, parseAnnotations } from '../harness/annotations';

describe('annotation harness', () => {
  test('carets mark columns of the nearest line above that is not an annotation; several per line', () => {
    const text = [
      'resource "aws_subnet" "b" {',
      '  cidr_block = "10.1.0.0/24"',
      '  #            ^^^^^^^^^^^^^ error subnet-outside-vpc',
      '  //           ^^^^^^^^^^^^^ warning cidr-host-bits host bits set',
      '}',
      'resource "aws_vpc" "z" {}',
      '#^^^^^^^ hint some-rule',
    ].join('\n');
    assert.deepEqual(parseAnnotations('main.tf', text), [
      { file: 'main.tf', line: 1, startCol: 15, endCol: 28, severity: 'error', code: 'subnet-outside-vpc' },
      { file: 'main.tf', line: 1, startCol: 15, endCol: 28, severity: 'warning', code: 'cidr-host-bits', messageIncludes: 'host bits set' },
      { file: 'main.tf', line: 5, startCol: 0, endCol: 8, severity: 'hint', code: 'some-rule' },
    ]);
  });

  test('ordinary comments with carets are not annotations; an annotation needs a line above', () => {
    assert.equal(isAnnotationLine('# see ^^^ above'), false);
    assert.equal(isAnnotationLine('  # ^^^ fatal x'), false);
    assert.equal(isAnnotationLine('  # ^^^ info x'), true);
    assert.throws(() => parseAnnotations('x.tf', '# ^^ error x'), /x\.tf:1: annotation has no line above it/);
    assert.throws(() => parseAnnotations('x.tf', 'a = 1\n#   ^^^ error x'), /x\.tf:2: carets run past the end of line 1/);
  });
});
