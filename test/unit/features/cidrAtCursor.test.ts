import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cidrLiteralAt } from '../../../server/src/core/features/cidrAtCursor';

/** The literal under `$0` in the text (the marker removed). */
function at(marked: string): string | undefined {
  const offset = marked.indexOf('$0');
  const text = marked.replace('$0', '');
  const found = cidrLiteralAt(text, offset);
  if (found) assert.equal(text.slice(found.start, found.end), found.text);
  return found?.text;
}

describe('cidrLiteralAt', () => {
  test('finds IPv4 and IPv6 blocks in any string', () => {
    assert.equal(at('office = "192.168$0.4.0/22"'), '192.168.4.0/22');
    assert.equal(at('cidr_blocks = ["10.0.0.0/8", "172.16.0.0/1$02"]'), '172.16.0.0/12');
    assert.equal(at('CidrBlock: 2600:1f18::$0/56'), '2600:1f18::/56');
    assert.equal(at('x = "$010.0.0.0/16"'), '10.0.0.0/16');
    assert.equal(at('x = "10.0.0.0/16$0"'), '10.0.0.0/16');
  });

  test('finds invalid-looking blocks so the hover can explain them', () => {
    assert.equal(at('x = "10.0.0.3$000/24"'), '10.0.0.300/24');
  });

  test('ignores text that is not a block', () => {
    assert.equal(at('path = "a/b$0/c"'), undefined);
    assert.equal(at('version = "1.2$0.3"'), undefined);
    assert.equal(at('x = "10.0.0.0/16"   $0'), undefined);
    assert.equal(at('$0'), undefined);
  });
});
