import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { awsCidrMath } from '../../../server/src/core/cidr';
import { cidr } from './helpers';

describe('awsCidrMath: IPv4', () => {
  test('/24: 256 total, 251 usable, reserved .0-.3 and .255', () => {
    assert.deepEqual(awsCidrMath(cidr('10.0.0.0/24')), {
      cidr: cidr('10.0.0.0/24'),
      network: '10.0.0.0',
      netmask: '255.255.255.0',
      first: '10.0.0.0',
      last: '10.0.0.255',
      total: 256n,
      usable: 251n,
      reserved: [
        { address: '10.0.0.0', purpose: 'network address' },
        { address: '10.0.0.1', purpose: 'VPC router' },
        { address: '10.0.0.2', purpose: 'Amazon DNS' },
        { address: '10.0.0.3', purpose: 'reserved by AWS for future use' },
        { address: '10.0.0.255', purpose: 'network broadcast (AWS does not support broadcast)' },
      ],
      usableFirst: '10.0.0.4',
      usableLast: '10.0.0.254',
    });
  });

  test('/28: 16 total, 11 usable', () => {
    const m = awsCidrMath(cidr('10.0.1.16/28'));
    assert.equal(m.total, 16n);
    assert.equal(m.usable, 11n);
    assert.equal(m.netmask, '255.255.255.240');
    assert.deepEqual(m.reserved.map((r) => r.address), ['10.0.1.16', '10.0.1.17', '10.0.1.18', '10.0.1.19', '10.0.1.31']);
    assert.equal(m.usableFirst, '10.0.1.20');
    assert.equal(m.usableLast, '10.0.1.30');
  });

  test('/16: 65,536 total, 65,531 usable', () => {
    const m = awsCidrMath(cidr('10.1.0.0/16'));
    assert.equal(m.total, 65536n);
    assert.equal(m.usable, 65531n);
    assert.equal(m.last, '10.1.255.255');
    assert.equal(m.usableLast, '10.1.255.254');
  });

  test('host bits: the math is about the network block', () => {
    const m = awsCidrMath(cidr('10.0.1.7/24'));
    assert.equal(m.network, '10.0.1.0');
    assert.equal(m.first, '10.0.1.0');
    assert.equal(m.reserved[0]?.address, '10.0.1.0');
  });

  test('/32: 1 total, 0 usable, no usable range, no crash', () => {
    const m = awsCidrMath(cidr('10.0.0.9/32'));
    assert.equal(m.total, 1n);
    assert.equal(m.usable, 0n);
    assert.equal(m.usableFirst, undefined);
    assert.equal(m.usableLast, undefined);
    assert.equal(m.first, '10.0.0.9');
    assert.equal(m.last, '10.0.0.9');
    assert.deepEqual(m.reserved, [
      { address: '10.0.0.9', purpose: 'network address; network broadcast (AWS does not support broadcast)' },
    ]);
  });

  test('/30: the last address is also base+3; usable never below 0', () => {
    const m = awsCidrMath(cidr('10.0.0.4/30'));
    assert.equal(m.usable, 0n);
    assert.deepEqual(m.reserved.map((r) => r.address), ['10.0.0.4', '10.0.0.5', '10.0.0.6', '10.0.0.7']);
    assert.match(m.reserved[3]?.purpose ?? '', /future use; network broadcast/);
  });

  test('/29: 3 usable', () => {
    const m = awsCidrMath(cidr('10.0.0.8/29'));
    assert.equal(m.usable, 3n);
    assert.equal(m.usableFirst, '10.0.0.12');
    assert.equal(m.usableLast, '10.0.0.14');
  });

  test('/0: the whole IPv4 space', () => {
    const m = awsCidrMath(cidr('0.0.0.0/0'));
    assert.equal(m.total, 2n ** 32n);
    assert.equal(m.netmask, '0.0.0.0');
    assert.equal(m.last, '255.255.255.255');
  });
});

describe('awsCidrMath: IPv6', () => {
  test('/64: first four and the last are reserved, no netmask', () => {
    const m = awsCidrMath(cidr('2001:db8:1:2::/64'));
    assert.equal(m.netmask, undefined);
    assert.equal(m.total, 2n ** 64n);
    assert.equal(m.usable, 2n ** 64n - 5n);
    assert.equal(m.first, '2001:db8:1:2::');
    assert.equal(m.last, '2001:db8:1:2:ffff:ffff:ffff:ffff');
    assert.deepEqual(m.reserved, [
      { address: '2001:db8:1:2::', purpose: 'network address' },
      { address: '2001:db8:1:2::1', purpose: 'VPC router' },
      { address: '2001:db8:1:2::2', purpose: 'reserved by AWS' },
      { address: '2001:db8:1:2::3', purpose: 'reserved by AWS for future use' },
      { address: '2001:db8:1:2:ffff:ffff:ffff:ffff', purpose: 'last address, reserved by AWS' },
    ]);
    assert.equal(m.usableFirst, '2001:db8:1:2::4');
    assert.equal(m.usableLast, '2001:db8:1:2:ffff:ffff:ffff:fffe');
  });

  test('/56', () => {
    const m = awsCidrMath(cidr('fd00:0:0:100::/56'));
    assert.equal(m.total, 2n ** 72n);
    assert.equal(m.last, 'fd00::1ff:ffff:ffff:ffff:ffff'); // RFC 5952: the run of two zero groups is compressed
  });

  test('/128: one address, nothing usable', () => {
    const m = awsCidrMath(cidr('2001:db8::7/128'));
    assert.equal(m.total, 1n);
    assert.equal(m.usable, 0n);
    assert.equal(m.reserved.length, 1);
  });
});
