// allocateCdkVpc against what aws-cdk-lib really synthesizes (test/cdk-oracle/expected.json).
// UPDATE_CDK_ORACLE=1 re-synthesizes every shape and rewrites expected.json before comparing.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { allocateCdkVpc } from '../../../server/src/core/frontends/cdk/vpcLayout';
import { observeLayout } from '../../cdk-oracle/observed';
import { allocateProps, ORACLE_SHAPES } from '../../cdk-oracle/shapes';
import { EXPECTED_PATH, writeExpected, type OracleExpectation } from '../../cdk-oracle/synth';
import { synthShape } from '../../cdk-oracle/synthShape';

if (process.env.UPDATE_CDK_ORACLE === '1') writeExpected();
const expected = JSON.parse(readFileSync(EXPECTED_PATH, 'utf8')) as { awsCdkLib: string; shapes: OracleExpectation[] };

describe('allocateCdkVpc reproduces aws-cdk-lib synth output', () => {
  test('expected.json covers every shape in shapes.ts, unchanged', () => {
    assert.deepEqual(
      expected.shapes.map((e) => e.shape),
      ORACLE_SHAPES.map((shape) => JSON.parse(JSON.stringify(shape))),
      'shapes.ts changed: regenerate with UPDATE_CDK_ORACLE=1',
    );
  });

  for (const { name, shape, synthesized } of expected.shapes) {
    test(name, () => {
      assert.deepEqual(observeLayout(allocateCdkVpc(allocateProps(shape))), synthesized);
    });
  }
});

describe('expected.json is still what aws-cdk-lib synthesizes', () => {
  const installed = (require('aws-cdk-lib/package.json') as { version: string }).version;
  const live = ['defaults, us-east-1', 'natGateways 2 with two private groups, 3 AZs: counter runs across groups', 'reservedAzs with masks'];

  test(`recorded with the installed aws-cdk-lib (${installed})`, () => {
    assert.equal(expected.awsCdkLib, installed, 'aws-cdk-lib changed: regenerate with UPDATE_CDK_ORACLE=1 and review the diff');
  });

  for (const name of live) {
    test(`live synth: ${name}`, () => {
      const recorded = expected.shapes.find((e) => e.name === name);
      assert.ok(recorded, `shape '${name}' is missing from expected.json`);
      assert.deepEqual(synthShape(recorded.shape), recorded.synthesized);
    });
  }
});
