// JavaScript's string, number, Math and array calls as the CDK interpreter evaluates them: known arguments give
// the value JavaScript gives; a regular expression, a callback or a runaway size gives "not known", never a guess.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Subnet, Vpc } from '../../../server/src/core/model/types';
import { analyse, stack, valueOf } from './helpers';

/** The CIDR the app computes for `CfnVPC` 'V' from `expr`, or `?` when VPC Lens does not know it. */
async function cidrOf(expr: string, prelude = ''): Promise<string> {
  const r = await analyse({ 'stack.ts': stack(`${prelude}    new ec2.CfnVPC(this, 'V', { cidrBlock: ${expr} });`) });
  const cidr = (r.byPath('S/V') as Vpc).cidrBlocks[0]?.cidr;
  return cidr?.known ? String(cidr.value) : '?';
}

describe('CDK builtins', () => {
  test('strings: split, slice, replace with a string, padStart, toUpperCase, includes, length', async () => {
    assert.equal(await cidrOf("'10.1.0.0/16'.split('/')[0] + '/16'"), '10.1.0.0/16');
    assert.equal(await cidrOf("'x10.2.0.0/16x'.slice(1, -1)"), '10.2.0.0/16');
    assert.equal(await cidrOf("'10.3.0.0/24'.replace('/24', '/16')"), '10.3.0.0/16');
    assert.equal(await cidrOf("'10.' + String(4).padStart(1, '0') + '.0.0/16'"), '10.4.0.0/16');
    assert.equal(await cidrOf("'ABC'.toLowerCase() === 'abc' && 'abc'.includes('b') && 'abc'.length === 3 ? '10.5.0.0/16' : 'no'"), '10.5.0.0/16');
  });

  test('numbers and Math: parseInt, Number, bit operators, Math.pow/floor/min/max, toString', async () => {
    assert.equal(await cidrOf("`10.${parseInt('6', 10)}.0.0/${Number('16')}`"), '10.6.0.0/16');
    assert.equal(await cidrOf("`10.${(0x0a07ff00 >>> 16) & 255}.0.0/16`"), '10.7.0.0/16');
    assert.equal(await cidrOf("`10.${(1 << 3) | 0}.0.0/${32 - Math.log2(Math.pow(2, 16))}`"), '10.8.0.0/16');
    assert.equal(await cidrOf("`10.${Math.floor(9.9)}.0.0/${Math.max(8, 16)}`"), '10.9.0.0/16');
    assert.equal(await cidrOf("`10.${(10).toString()}.0.0/16`"), '10.10.0.0/16');
  });

  test('arrays: join, reduce, find, some, every, includes, indexOf, flatMap, at, destructuring', async () => {
    assert.equal(await cidrOf("[10, 11, 0, 0].join('.') + '/16'"), '10.11.0.0/16');
    assert.equal(await cidrOf("`10.${[1, 2, 3, 6].reduce((a, b) => a + b, 0)}.0.0/16`"), '10.12.0.0/16');
    assert.equal(await cidrOf("NETS.find((n) => n.name === 'b')!.cidr", "    const NETS = [{ name: 'a', cidr: '10.0.0.0/16' }, { name: 'b', cidr: '10.13.0.0/16' }];\n"), '10.13.0.0/16');
    assert.equal(await cidrOf("[1, 2].some((x) => x > 1) && [1, 2].every((x) => x > 0) && [1, 2].includes(2) && [1, 2].indexOf(2) === 1 ? '10.14.0.0/16' : 'no'"), '10.14.0.0/16');
    assert.equal(await cidrOf("[[10], [15, 0]].flatMap((x) => x).concat([0]).join('.') + '/16'"), '10.15.0.0/16');
    assert.equal(await cidrOf('`${first}.${second}.0.0/16`', "    const [first, second] = '10.16'.split('.');\n"), '10.16.0.0/16');
    assert.equal(await cidrOf("['10.0.0.0/16', '10.17.0.0/16'].at(-1)"), '10.17.0.0/16');
  });

  test('what is not evaluated stays unknown: a regular expression, an unknown callback, a huge repeat', async () => {
    assert.equal(await cidrOf("'10_18_0_0/16'.replace(/_/g, '.')"), '?');
    assert.equal(await cidrOf("[props.a].join('.')"), '?');
    assert.equal(await cidrOf("'10.19.0.0/16' + 'x'.repeat(1e9)"), '?');
    assert.equal(await cidrOf("[1, 2].reduce(props.f, 0) + '10.20.0.0/16'"), '?');
  });

  test('a subnet computed by a helper is checked: the finding lands on the call', async () => {
    const r = await analyse({
      'stack.ts': stack(`    const toIp = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
    const base = '10.21.0.0'.split('.').reduce((acc, o) => acc * 256 + parseInt(o), 0);
    const vpc = new ec2.CfnVPC(this, 'V', { cidrBlock: '10.21.0.0/16' });
    new ec2.CfnSubnet(this, 'Sn', { vpcId: vpc.ref, cidrBlock: toIp(base + 65536) + '/24', availabilityZone: 'eu-west-1a' });`),
    });
    assert.equal(valueOf((r.byPath('S/Sn') as Subnet).cidr), '10.22.0.0/24');
    assert.deepEqual(r.findings('stack.ts').filter((f) => f.startsWith('subnet-outside-vpc')), ["subnet-outside-vpc@toIp(base + 65536) + '/24'@10"]);
  });
});
