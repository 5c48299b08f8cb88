import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cfnCidr } from '../../../server/src/core/cidr';

describe('cfnCidr (Fn::Cidr)', () => {
  test('["10.0.0.0/16", 6, 8] -> six /24s from the start', () => {
    assert.deepEqual(cfnCidr('10.0.0.0/16', 6, 8), {
      ok: true,
      value: ['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24', '10.0.3.0/24', '10.0.4.0/24', '10.0.5.0/24'],
    });
  });
  test('AWS example ["192.168.0.0/24", 6, 5] -> six /27s', () => {
    const result = cfnCidr('192.168.0.0/24', 6, 5);
    assert.ok(result.ok);
    assert.deepEqual(result.value, [
      '192.168.0.0/27', '192.168.0.32/27', '192.168.0.64/27', '192.168.0.96/27', '192.168.0.128/27', '192.168.0.160/27',
    ]);
  });
  test('IPv6 ["2001:db8::/56", 2, 64] -> /64s', () => {
    assert.deepEqual(cfnCidr('2001:db8::/56', 2, 64), { ok: true, value: ['2001:db8::/64', '2001:db8:0:1::/64'] });
  });
  test('the whole block as one', () => {
    assert.deepEqual(cfnCidr('10.0.0.0/24', 1, 8), { ok: true, value: ['10.0.0.0/24'] });
  });
  test('256 blocks is the maximum count', () => {
    const result = cfnCidr('10.0.0.0/16', 256, 8);
    assert.ok(result.ok);
    assert.equal(result.value.length, 256);
    assert.equal(result.value[255], '10.0.255.0/24');
  });
  test('count out of range', () => {
    assert.deepEqual(cfnCidr('10.0.0.0/8', 0, 8), { ok: false, message: 'Fn::Cidr count must be a whole number from 1 to 256, got 0' });
    assert.deepEqual(cfnCidr('10.0.0.0/8', 257, 8), { ok: false, message: 'Fn::Cidr count must be a whole number from 1 to 256, got 257' });
  });
  test('cidrBits larger than the host bits of the block', () => {
    assert.deepEqual(cfnCidr('10.0.0.0/24', 1, 9), {
      ok: false,
      message: 'Fn::Cidr cidrBits must be a whole number from 0 to 8 (the host bits of 10.0.0.0/24), got 9',
    });
  });
  test('more blocks than fit', () => {
    assert.deepEqual(cfnCidr('192.168.0.0/24', 9, 5), {
      ok: false,
      message: 'Fn::Cidr: 192.168.0.0/24 holds only 8 blocks of /27, 9 requested',
    });
  });
  test('bad ipBlock', () => {
    assert.deepEqual(cfnCidr('10.0.0.0', 1, 8), {
      ok: false,
      message: 'Fn::Cidr ipBlock is not a valid CIDR block: missing prefix length (/n) in 10.0.0.0',
    });
  });
});
