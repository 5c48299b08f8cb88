import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { type Cidr, cidrBounds, cidrContains, cidrOverlaps } from '../../../server/src/core/cidr';
import { cidr } from './helpers';

describe('cidrContains', () => {
  test('a VPC contains its subnets', () => {
    assert.equal(cidrContains(cidr('10.0.0.0/16'), cidr('10.0.1.0/24')), true);
    assert.equal(cidrContains(cidr('10.0.0.0/16'), cidr('10.0.255.240/28')), true);
  });
  test('a block contains itself', () => {
    assert.equal(cidrContains(cidr('10.0.0.0/16'), cidr('10.0.0.0/16')), true);
  });
  test('a subnet does not contain its VPC', () => {
    assert.equal(cidrContains(cidr('10.0.1.0/24'), cidr('10.0.0.0/16')), false);
  });
  test('a block outside the VPC is not contained', () => {
    assert.equal(cidrContains(cidr('10.0.0.0/16'), cidr('10.1.0.0/24')), false);
  });
  test('host bits are ignored: 10.0.1.7/24 is the network 10.0.1.0/24', () => {
    assert.equal(cidrContains(cidr('10.0.1.7/24'), cidr('10.0.1.128/25')), true);
    assert.equal(cidrContains(cidr('10.0.0.0/16'), cidr('10.0.1.7/24')), true);
  });
  test('/0 contains everything of its version', () => {
    assert.equal(cidrContains(cidr('0.0.0.0/0'), cidr('203.0.113.7/32')), true);
    assert.equal(cidrContains(cidr('::/0'), cidr('2001:db8::/64')), true);
  });
  test('IPv6', () => {
    assert.equal(cidrContains(cidr('2001:db8::/56'), cidr('2001:db8:0:ff::/64')), true);
    assert.equal(cidrContains(cidr('2001:db8::/56'), cidr('2001:db8:0:100::/64')), false);
  });
  test('never across versions', () => {
    assert.equal(cidrContains(cidr('0.0.0.0/0'), cidr('::/0')), false);
    assert.equal(cidrContains(cidr('::/0'), cidr('10.0.0.0/8')), false);
  });
  test('works on a Cidr built by hand (not from parseCidr)', () => {
    const handMade: Cidr = {
      text: '10.0.0.0/8', version: 4, prefix: 8, network: '10.0.0.0', canonical: '10.0.0.0/8', hostBitsSet: false, size: 2n ** 24n,
    };
    assert.equal(cidrContains(handMade, cidr('10.200.0.0/16')), true);
  });
});

describe('cidrOverlaps', () => {
  test('nested blocks overlap, both ways', () => {
    assert.equal(cidrOverlaps(cidr('10.0.0.0/16'), cidr('10.0.1.0/24')), true);
    assert.equal(cidrOverlaps(cidr('10.0.1.0/24'), cidr('10.0.0.0/16')), true);
  });
  test('adjacent blocks do not overlap', () => {
    assert.equal(cidrOverlaps(cidr('10.0.0.0/24'), cidr('10.0.1.0/24')), false);
    assert.equal(cidrOverlaps(cidr('10.0.0.0/25'), cidr('10.0.0.128/25')), false);
  });
  test('identical blocks overlap', () => {
    assert.equal(cidrOverlaps(cidr('10.0.0.0/24'), cidr('10.0.0.0/24')), true);
  });
  test('host bits are ignored', () => {
    assert.equal(cidrOverlaps(cidr('10.0.0.200/25'), cidr('10.0.0.0/25')), false);
    assert.equal(cidrOverlaps(cidr('10.0.0.200/25'), cidr('10.0.0.128/26')), true);
  });
  test('IPv6', () => {
    assert.equal(cidrOverlaps(cidr('fd00::/56'), cidr('fd00:0:0:ff::/64')), true);
    assert.equal(cidrOverlaps(cidr('fd00::/64'), cidr('fd00:0:0:1::/64')), false);
  });
  test('never across versions, not even ::ffff:0:0/96 and IPv4', () => {
    assert.equal(cidrOverlaps(cidr('10.0.0.0/8'), cidr('::/0')), false);
    assert.equal(cidrOverlaps(cidr('::ffff:0:0/96'), cidr('0.0.0.0/0')), false);
  });
});

describe('cidrBounds', () => {
  test('IPv4 first and last as numbers', () => {
    assert.deepEqual(cidrBounds(cidr('10.0.1.7/24')), { first: 0x0a000100n, last: 0x0a0001ffn });
  });
  test('IPv6', () => {
    assert.deepEqual(cidrBounds(cidr('::/127')), { first: 0n, last: 1n });
  });
});
