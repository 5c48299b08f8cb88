import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { type CidrFnResult, cidrHost, cidrNetmask, cidrSubnet, cidrSubnets } from '../../../server/src/core/cidr';

const value = <T>(value: T): CidrFnResult<T> => ({ ok: true, value });
const error = (message: string): CidrFnResult<never> => ({ ok: false, message });

// Expected values are the examples of Terraform's function documentation where there is one.
describe('cidrsubnet', () => {
  test('IPv4', () => {
    assert.deepEqual(cidrSubnet('10.0.0.0/16', 8, 2), value('10.0.2.0/24'));
    assert.deepEqual(cidrSubnet('172.16.0.0/12', 4, 2), value('172.18.0.0/16'));
    assert.deepEqual(cidrSubnet('10.1.2.0/24', 4, 15), value('10.1.2.240/28'));
  });
  test('IPv6', () => {
    assert.deepEqual(cidrSubnet('fd00::/56', 8, 1), value('fd00:0:0:1::/64'));
    assert.deepEqual(cidrSubnet('fd00:fd12:3456:7890::/56', 16, 162), value('fd00:fd12:3456:7800:a200::/72'));
  });
  test('bigint netnum', () => {
    assert.deepEqual(cidrSubnet('fd00::/48', 16, 65535n), value('fd00:0:0:ffff::/64'));
    assert.deepEqual(cidrSubnet('2001:db8::/32', 64, 2n ** 64n - 1n), value('2001:db8:ffff:ffff:ffff:ffff::/96'));
  });
  test('newbits 0 gives the (network of the) prefix itself', () => {
    assert.deepEqual(cidrSubnet('10.0.5.7/16', 0, 0), value('10.0.0.0/16'));
  });
  test('host bits in the prefix are ignored, as Terraform does', () => {
    assert.deepEqual(cidrSubnet('10.0.5.7/16', 8, 1), value('10.0.1.0/24'));
  });
  test('leading zeros are read as decimal (Terraform\'s historical reading)', () => {
    assert.deepEqual(cidrSubnet('010.0.0.0/16', 8, 1), value('10.0.1.0/24'));
  });
  test('newbits too large', () => {
    assert.deepEqual(cidrSubnet('10.0.0.0/30', 3, 0), error('insufficient address space to extend prefix of 30 by 3'));
    assert.deepEqual(cidrSubnet('fd00::/64', 65, 0), error('insufficient address space to extend prefix of 64 by 65'));
  });
  test('netnum out of range', () => {
    assert.deepEqual(cidrSubnet('10.0.0.0/16', 8, 256), error('prefix extension of 8 does not accommodate a subnet numbered 256'));
    assert.deepEqual(cidrSubnet('10.0.0.0/16', 0, 1), error('prefix extension of 0 does not accommodate a subnet numbered 1'));
  });
  test('negative or fractional numbers', () => {
    assert.deepEqual(cidrSubnet('10.0.0.0/16', 8, -1), error('netnum must not be negative, got -1'));
    assert.deepEqual(cidrSubnet('10.0.0.0/16', -8, 0), error('newbits must not be negative, got -8'));
    assert.deepEqual(cidrSubnet('10.0.0.0/16', 8.5, 0), error('newbits must be a whole number, got 8.5'));
    assert.deepEqual(cidrSubnet('10.0.0.0/16', 8, 1.5), error('netnum must be a whole number, got 1.5'));
  });
  test('bad prefix', () => {
    assert.deepEqual(cidrSubnet('10.0.0.0', 8, 1), error('invalid CIDR expression: missing prefix length (/n) in 10.0.0.0'));
    assert.deepEqual(cidrSubnet('nope', 8, 1), error('invalid CIDR expression: not an IPv4 or IPv6 address: nope'));
  });
});

describe('cidrsubnets', () => {
  test('packs consecutive blocks, aligning each to its own size', () => {
    assert.deepEqual(
      cidrSubnets('10.1.0.0/16', [4, 4, 8, 4]),
      value(['10.1.0.0/20', '10.1.16.0/20', '10.1.32.0/24', '10.1.48.0/20']),
    );
  });
  test('smaller then larger', () => {
    assert.deepEqual(cidrSubnets('10.0.0.0/24', [2, 1]), value(['10.0.0.0/26', '10.0.0.128/25']));
  });
  test('fills the prefix exactly', () => {
    assert.deepEqual(cidrSubnets('10.0.0.0/24', [1, 1]), value(['10.0.0.0/25', '10.0.0.128/25']));
  });
  test('IPv6', () => {
    assert.deepEqual(
      cidrSubnets('fd00:fd12:3456:7890::/56', [16, 16, 16, 32]),
      value(['fd00:fd12:3456:7800::/72', 'fd00:fd12:3456:7800:100::/72', 'fd00:fd12:3456:7800:200::/72', 'fd00:fd12:3456:7800:300::/88']),
    );
  });
  test('no newbits gives an empty list', () => {
    assert.deepEqual(cidrSubnets('10.0.0.0/16', []), value([]));
  });
  test('out of space', () => {
    assert.deepEqual(
      cidrSubnets('10.0.0.0/24', [1, 1, 1]),
      error('not enough remaining address space for a subnet with a prefix of 25 bits after 10.0.0.128/25'),
    );
    assert.deepEqual(
      cidrSubnets('10.0.0.0/24', [2, 1, 1]),
      error('not enough remaining address space for a subnet with a prefix of 25 bits after 10.0.0.128/25'),
    );
  });
  test('a block at the very top of the address space, then no more room', () => {
    assert.deepEqual(cidrSubnets('255.255.255.0/24', [1, 1]), value(['255.255.255.0/25', '255.255.255.128/25']));
    assert.equal(cidrSubnets('255.255.255.0/24', [1, 1, 2]).ok, false);
  });
  test('newbits limits', () => {
    assert.deepEqual(cidrSubnets('10.0.0.0/16', [4, 0]), error('must extend prefix by at least one bit'));
    assert.deepEqual(cidrSubnets('fd00::/56', [33]), error('may not extend prefix by more than 32 bits'));
    assert.deepEqual(cidrSubnets('10.0.0.0/24', [9]), error('would extend prefix to 33 bits, which is too long for an IPv4 address'));
    assert.deepEqual(cidrSubnets('fd00::/120', [9]), error('would extend prefix to 129 bits, which is too long for an IPv6 address'));
  });
  test('bad prefix', () => {
    assert.deepEqual(cidrSubnets('10.0.0.0/33', [1]), error('invalid CIDR expression: prefix /33 is longer than 32 for IPv4'));
  });
});

describe('cidrhost', () => {
  test('IPv4', () => {
    assert.deepEqual(cidrHost('10.12.112.0/20', 16), value('10.12.112.16'));
    assert.deepEqual(cidrHost('10.12.112.0/20', 268), value('10.12.113.12'));
  });
  test('IPv6', () => {
    assert.deepEqual(cidrHost('fd00:fd12:3456:7890:00a2::/72', 34), value('fd00:fd12:3456:7890::22'));
    assert.deepEqual(cidrHost('2001:db8::/64', 2n ** 64n - 1n), value('2001:db8::ffff:ffff:ffff:ffff'));
  });
  test('negative numbers count back from the end', () => {
    assert.deepEqual(cidrHost('10.0.0.0/24', -1), value('10.0.0.255'));
    assert.deepEqual(cidrHost('10.0.0.0/24', -256), value('10.0.0.0'));
    assert.deepEqual(cidrHost('2001:db8::/64', -1), value('2001:db8::ffff:ffff:ffff:ffff'));
  });
  test('host number out of range', () => {
    assert.deepEqual(cidrHost('10.0.0.0/24', 256), error('prefix of 24 does not accommodate a host numbered 256'));
    assert.deepEqual(cidrHost('10.0.0.0/24', -257), error('prefix of 24 does not accommodate a host numbered -257'));
    assert.deepEqual(cidrHost('10.0.0.1/32', 1), error('prefix of 32 does not accommodate a host numbered 1'));
  });
  test('/32 host 0', () => {
    assert.deepEqual(cidrHost('10.0.0.1/32', 0), value('10.0.0.1'));
  });
  test('fractional host number', () => {
    assert.deepEqual(cidrHost('10.0.0.0/24', 0.5), error('hostnum must be a whole number, got 0.5'));
  });
});

describe('cidrnetmask', () => {
  test('IPv4', () => {
    assert.deepEqual(cidrNetmask('172.16.0.0/12'), value('255.240.0.0'));
    assert.deepEqual(cidrNetmask('10.0.0.0/24'), value('255.255.255.0'));
    assert.deepEqual(cidrNetmask('0.0.0.0/0'), value('0.0.0.0'));
    assert.deepEqual(cidrNetmask('10.0.0.1/32'), value('255.255.255.255'));
  });
  test('IPv6 is an error, as in Terraform', () => {
    assert.deepEqual(cidrNetmask('fd00::/56'), error('IPv6 addresses cannot have a netmask: fd00::/56'));
  });
  test('bad prefix', () => {
    assert.deepEqual(cidrNetmask('10.0.256.0/24'), error('invalid CIDR expression: octet 256 is out of range 0-255 in 10.0.256.0/24'));
  });
});
