import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { awsCidrMath } from '../../../server/src/core/cidr';
import { describeCidrJson, describeCidrText } from '../../../server/src/core/cidr/describe';
import { cidr } from './helpers';

describe('describeCidrText', () => {
  test('a /24 as the cidr command prints it', () => {
    assert.equal(
      describeCidrText(awsCidrMath(cidr('10.0.1.0/24'))),
      [
        'CIDR:          10.0.1.0/24',
        'Network:       10.0.1.0',
        'Netmask:       255.255.255.0',
        'First:         10.0.1.0',
        'Last:          10.0.1.255',
        'Total:         256 addresses',
        'Reserved:      10.0.1.0    network address',
        '               10.0.1.1    VPC router',
        '               10.0.1.2    Amazon DNS',
        '               10.0.1.3    reserved by AWS for future use',
        '               10.0.1.255  network broadcast (AWS does not support broadcast)',
        'Usable:        251 addresses',
        'Usable range:  10.0.1.4 - 10.0.1.254',
      ].join('\n'),
    );
  });

  test('host bits get a note naming the real block', () => {
    const text = describeCidrText(awsCidrMath(cidr('10.0.1.7/24')));
    assert.match(text, /^CIDR: +10\.0\.1\.0\/24\nNote: +host bits are set in 10\.0\.1\.7\/24; the block is 10\.0\.1\.0\/24\n/);
  });

  test('/32: one address, nothing usable', () => {
    const text = describeCidrText(awsCidrMath(cidr('10.0.0.9/32')));
    assert.match(text, /^Total: +1 address$/m);
    assert.match(text, /^Usable: +0 addresses$/m);
    assert.match(text, /^Usable range: +none$/m);
  });

  test('IPv6 /64: no netmask, counts as powers of two', () => {
    const text = describeCidrText(awsCidrMath(cidr('2001:db8:1:2::/64')));
    assert.doesNotMatch(text, /Netmask/);
    assert.match(text, /^Total: +2\^64 \(18,446,744,073,709,551,616\) addresses$/m);
    assert.match(text, /^Usable: +2\^64 - 5 \(18,446,744,073,709,551,611\) addresses$/m);
    assert.match(text, /^Usable range: +2001:db8:1:2::4 - 2001:db8:1:2:ffff:ffff:ffff:fffe$/m);
  });
});

describe('describeCidrJson', () => {
  test('IPv4 /24: counts as numbers; survives JSON.stringify', () => {
    const json = JSON.parse(JSON.stringify(describeCidrJson(awsCidrMath(cidr('10.0.1.7/24')))));
    assert.deepEqual(json, {
      cidr: '10.0.1.0/24',
      input: '10.0.1.7/24',
      version: 4,
      prefix: 24,
      hostBitsSet: true,
      network: '10.0.1.0',
      netmask: '255.255.255.0',
      first: '10.0.1.0',
      last: '10.0.1.255',
      total: 256,
      reserved: [
        { address: '10.0.1.0', purpose: 'network address' },
        { address: '10.0.1.1', purpose: 'VPC router' },
        { address: '10.0.1.2', purpose: 'Amazon DNS' },
        { address: '10.0.1.3', purpose: 'reserved by AWS for future use' },
        { address: '10.0.1.255', purpose: 'network broadcast (AWS does not support broadcast)' },
      ],
      usable: 251,
      usableFirst: '10.0.1.4',
      usableLast: '10.0.1.254',
    });
  });

  test('IPv6 /64: counts beyond Number.MAX_SAFE_INTEGER are decimal strings; no netmask', () => {
    const json = JSON.parse(JSON.stringify(describeCidrJson(awsCidrMath(cidr('2001:db8::/64'))))) as Record<string, unknown>;
    assert.equal(json.total, '18446744073709551616');
    assert.equal(json.usable, '18446744073709551611');
    assert.equal('netmask' in json, false);
  });

  test('/32: no usable range keys', () => {
    const json = describeCidrJson(awsCidrMath(cidr('10.0.0.9/32'))) as Record<string, unknown>;
    assert.equal(json.usable, 0);
    assert.equal('usableFirst' in json, false);
  });
});
