import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { azLabel, isSymbolicAz } from '../../../server/src/core/model/symbolicAz';

describe('symbolic AZs in messages', () => {
  test('a symbolic AZ is named by its place in the region, names and ids as written', () => {
    assert.deepEqual(
      ['az#0', 'az#1', 'az#2', 'az#3', 'az#10', 'az#11', 'az#12', 'az#20', 'az#21', 'az#111'].map(azLabel),
      [
        "the region's 1st AZ",
        "the region's 2nd AZ",
        "the region's 3rd AZ",
        "the region's 4th AZ",
        "the region's 11th AZ",
        "the region's 12th AZ",
        "the region's 13th AZ",
        "the region's 21st AZ",
        "the region's 22nd AZ",
        "the region's 112th AZ",
      ],
    );
    assert.deepEqual(['eu-west-1a', 'euw1-az1', 'az#', 'az#x'].map(azLabel), ['eu-west-1a', 'euw1-az1', 'az#', 'az#x']);
    assert.deepEqual(['az#0', 'az#12', 'az#', 'eu-west-1a'].map(isSymbolicAz), [true, true, false, false]);
  });
});
