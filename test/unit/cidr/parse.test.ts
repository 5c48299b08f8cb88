import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { type Cidr, looksLikeCidr, parseCidr, parseCidrAllowingLeadingZeros } from '../../../server/src/core/cidr';

function parsed(text: string): Cidr {
  const result = parseCidr(text);
  assert.ok(result.ok, `expected ${JSON.stringify(text)} to parse, got: ${result.ok ? '' : result.message}`);
  return result.cidr;
}

function problem(text: string): string {
  const result = parseCidr(text);
  assert.ok(!result.ok, `expected ${JSON.stringify(text)} to be rejected`);
  return result.message;
}

describe('parseCidr: valid IPv4 blocks', () => {
  const cases: Array<[string, number, string, bigint]> = [
    ['0.0.0.0/0', 0, '0.0.0.0', 4294967296n],
    ['10.0.0.0/16', 16, '10.0.0.0', 65536n],
    ['10.0.1.0/24', 24, '10.0.1.0', 256n],
    ['10.0.1.16/28', 28, '10.0.1.16', 16n],
    ['10.0.1.7/32', 32, '10.0.1.7', 1n],
  ];
  for (const [text, prefix, network, size] of cases) {
    test(text, () => {
      assert.deepEqual(parsed(text), {
        text,
        version: 4,
        prefix,
        network,
        canonical: `${network}/${prefix}`,
        hostBitsSet: false,
        size,
      });
    });
  }

  test('host bits set: 10.0.1.7/24 keeps its text but names the network 10.0.1.0/24', () => {
    const c = parsed('10.0.1.7/24');
    assert.equal(c.hostBitsSet, true);
    assert.equal(c.text, '10.0.1.7/24');
    assert.equal(c.network, '10.0.1.0');
    assert.equal(c.canonical, '10.0.1.0/24');
  });

  test('surrounding whitespace is trimmed', () => {
    const c = parsed('  10.0.0.0/8\t\n');
    assert.equal(c.text, '10.0.0.0/8');
    assert.equal(c.canonical, '10.0.0.0/8');
  });

  test('the same text gives the same (cached) result', () => {
    assert.equal(parseCidr('172.16.0.0/12'), parseCidr('172.16.0.0/12'));
  });

  test('results stay right after the bounded cache has evicted entries', () => {
    const first = parseCidr('10.9.0.0/16');
    for (let i = 0; i < 10_000; i++) parseCidr(`10.${i % 256}.${Math.floor(i / 256)}.0/24`);
    const again = parseCidr('10.9.0.0/16');
    assert.deepEqual(again, first);
    assert.ok(again.ok && again.cidr.canonical === '10.9.0.0/16');
  });
});

describe('parseCidr: valid IPv6 blocks', () => {
  test('/56 is canonicalised to compressed lower case', () => {
    assert.deepEqual(parsed('FD00:0000:0000:0100::/56'), {
      text: 'FD00:0000:0000:0100::/56',
      version: 6,
      prefix: 56,
      network: 'fd00:0:0:100::',
      canonical: 'fd00:0:0:100::/56',
      hostBitsSet: false,
      size: 2n ** 72n,
    });
  });

  test('/64 with host bits', () => {
    const c = parsed('2001:db8:1:2::1/64');
    assert.equal(c.canonical, '2001:db8:1:2::/64');
    assert.equal(c.hostBitsSet, true);
    assert.equal(c.size, 2n ** 64n);
  });

  test('::/0 and /128', () => {
    assert.equal(parsed('::/0').size, 2n ** 128n);
    assert.equal(parsed('2001:db8::1/128').canonical, '2001:db8::1/128');
  });

  test('an embedded IPv4 tail counts as two groups', () => {
    assert.equal(parsed('::ffff:10.0.0.0/104').version, 6);
  });
});

describe('parseCidr: precise messages for bad input', () => {
  const cases: Array<[string, string]> = [
    ['10.0.256.0/24', 'octet 256 is out of range 0-255 in 10.0.256.0/24'],
    ['10.0.0.0/33', 'prefix /33 is longer than 32 for IPv4'],
    ['2001:db8::/129', 'prefix /129 is longer than 128 for IPv6'],
    ['10.0.0.0', 'missing prefix length (/n) in 10.0.0.0'],
    ['10.0.0.0/', "missing prefix length after '/' in 10.0.0.0/"],
    ['10.0.0.0/ab', "prefix length 'ab' is not a number in 10.0.0.0/ab"],
    ['hello', 'not an IPv4 or IPv6 address: hello'],
    ['banana/24', 'not an IPv4 or IPv6 address: banana/24'],
    ['${var.cidr}', 'not an IPv4 or IPv6 address: ${var.cidr}'],
    ['', 'empty CIDR block'],
    ['   ', 'empty CIDR block'],
    ['010.0.0.0/8', 'octet 010 has a leading zero in 010.0.0.0/8 (AWS rejects leading zeros)'],
    ['10.0.0/24', 'an IPv4 address has 4 octets, 10.0.0 has 3 in 10.0.0/24'],
    ['10.0.0.0.0/24', 'an IPv4 address has 4 octets, 10.0.0.0.0 has 5 in 10.0.0.0.0/24'],
    ['10..0.0/8', 'empty octet in 10..0.0/8'],
    ['fe80::1%eth0/64', 'IPv6 zone index is not allowed in a CIDR block: fe80::1%eth0/64'],
    ['[2001:db8::]/32', 'brackets are not allowed around an IPv6 CIDR block: [2001:db8::]/32'],
    ['1::2::3/64', "'::' may appear only once in an IPv6 address: 1::2::3/64"],
    ['12345::/16', 'IPv6 group 12345 has more than 4 hex digits in 12345::/16'],
    ['1:2:3/48', 'an IPv6 address has 8 groups, 1:2:3 has 3 in 1:2:3/48'],
    ['1:2:3:4:5:6:7:8:9/64', 'an IPv6 address has 8 groups, 1:2:3:4:5:6:7:8:9 has 9 in 1:2:3:4:5:6:7:8:9/64'],
    ['2001:db8::g/64', 'not an IPv4 or IPv6 address: 2001:db8::g/64'],
    [':1::/64', 'not an IPv4 or IPv6 address: :1::/64'],
  ];
  for (const [text, message] of cases) {
    test(JSON.stringify(text), () => assert.equal(problem(text), message));
  }

  test('garbage never throws', () => {
    for (const text of ['/', '//', '/24', ':', ':::/1', '.../8', '1.2.3.4/99999999999999999999', '::ffff:1.2.3/96', '\u0000', 'ä/8']) {
      assert.equal(parseCidr(text).ok, false, text);
    }
  });
});

describe('parseCidrAllowingLeadingZeros (Terraform reading)', () => {
  test('reads leading-zero octets as decimal', () => {
    const result = parseCidrAllowingLeadingZeros('010.000.001.000/24');
    assert.ok(result.ok);
    assert.equal(result.cidr.canonical, '10.0.1.0/24');
  });
  test('still rejects real errors', () => {
    assert.equal(parseCidrAllowingLeadingZeros('10.0.0.0/40').ok, false);
  });
});

describe('looksLikeCidr', () => {
  for (const text of ['10.0.0.0/16', '10.0.256.0/24', '10.0.0/24', ' 10.0.0.0/8 ', 'fd00::/56', '2001:DB8::/32', '::/0']) {
    test(`${JSON.stringify(text)} looks like a CIDR`, () => assert.equal(looksLikeCidr(text), true));
  }
  for (const text of ['10.0.0.0', 'hello/24', 'us-east-1a', '1/2', '12:30', 'a:b', 'arn:aws:s3:::bucket/key', '']) {
    test(`${JSON.stringify(text)} does not`, () => assert.equal(looksLikeCidr(text), false));
  }
});
