// The one-shot V8 settings of the `vpc-lens` launcher: set only where V8 has them, so that no run on a newer Node
// prints V8's "Error: unrecognized flag".
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { oneShotV8Flags } from '../../../server/src/cli/launch/v8Tuning';

describe('oneShotV8Flags', () => {
  test("raises TurboFan's interrupt budget on Node 20's V8 (11.3), and compiles regular expressions at once", () => {
    assert.deepEqual(oneShotV8Flags({}, '11.3.244.8-node.38'), ['--interrupt-budget=270336', '--no-regexp-tier-up']);
  });

  test('leaves the budget alone on V8s that dropped --interrupt-budget: Node 21 (11.8), 22 (12.4), 24 (13.6)', () => {
    for (const v8 of ['11.8.172.17-node.20', '12.4.254.21-node.57', '13.6.233.17-node.53']) {
      assert.deepEqual(oneShotV8Flags({}, v8), ['--no-regexp-tier-up'], v8);
    }
  });

  test('sets nothing with VPC_LENS_V8_TUNING=off; only the flag every V8 since 7.8 has when the version does not parse', () => {
    assert.deepEqual(oneShotV8Flags({ VPC_LENS_V8_TUNING: 'off' }, '11.3.244.8-node.38'), []);
    assert.deepEqual(oneShotV8Flags({}, 'unknown'), ['--no-regexp-tier-up']);
  });

  test("this Node's V8 knows every flag it is given: setting them prints nothing", () => {
    const flags = oneShotV8Flags({});
    const script = `const v8 = require('node:v8'); for (const f of ${JSON.stringify(flags)}) v8.setFlagsFromString(f);`;
    const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.equal(result.status, 0);
    assert.equal(result.stderr, '');
  });
});
