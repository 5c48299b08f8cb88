import assert from 'node:assert/strict';
import { type Cidr, parseCidr } from '../../../server/src/core/cidr';

/** Parses a CIDR a test relies on; fails the test with the parser's message otherwise. */
export function cidr(text: string): Cidr {
  const result = parseCidr(text);
  assert.ok(result.ok, `expected ${JSON.stringify(text)} to parse, got: ${result.ok ? '' : result.message}`);
  return result.cidr;
}
