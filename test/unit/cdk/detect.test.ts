import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cdkFileRole } from '../../../server/src/core/frontends/cdk';
import { analyse } from './helpers';

describe('CDK detection', () => {
  test('files importing a CDK library are CDK apps', () => {
    assert.equal(cdkFileRole('file:///a/stack.ts', `import * as cdk from 'aws-cdk-lib';`), 'app');
    assert.equal(cdkFileRole('file:///a/stack.ts', `import { Vpc } from "aws-cdk-lib/aws-ec2";`), 'app');
    assert.equal(cdkFileRole('file:///a/stack.ts', `import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';`), 'app');
    assert.equal(cdkFileRole('file:///a/stack.ts', `import ec2 = require('@aws-cdk/aws-ec2');`), 'app');
    assert.equal(cdkFileRole('file:///a/stack.ts', `import { Stack } from '@aws-cdk/core';`), 'app');
  });

  test('declaration files, other languages and unrelated TypeScript are left alone', () => {
    assert.equal(cdkFileRole('file:///a/stack.d.ts', `import * as cdk from 'aws-cdk-lib';`), undefined);
    assert.equal(cdkFileRole('file:///a/stack.js', `import * as cdk from 'aws-cdk-lib';`), undefined);
    assert.equal(cdkFileRole('file:///a/app.ts', `import React from 'react';\nexport const x = 1;`), undefined);
    assert.equal(cdkFileRole('file:///a/app.ts', `// mentions aws-cdk-lib in a comment only\nconst x = 1;`), undefined);
  });

  test('a module of constants with only relative imports is claimed as support', () => {
    assert.equal(cdkFileRole('file:///a/config.ts', `export const CIDR = '10.0.0.0/16';`), 'support');
    assert.equal(cdkFileRole('file:///a/config.ts', `import { X } from './x';\nexport enum Tier { A }`), 'support');
    assert.equal(cdkFileRole('file:///a/config.ts', `const internal = 1;`), undefined);
  });

  test('syntax errors of a support file show only when a CDK file imports it', async () => {
    const broken = `export const CIDR = '10.0.0.0/16';\nexport const BAD = (;\n`;
    const alone = await analyse({ 'util.ts': broken });
    assert.equal(alone.claimed.get('util.ts'), true);
    assert.deepEqual(alone.diagnostics('util.ts'), []);
    const imported = await analyse({
      'util.ts': broken,
      'stack.ts': `import * as ec2 from 'aws-cdk-lib/aws-ec2';\nimport { CIDR } from './util';\nnew ec2.CfnVPC(undefined as any, 'V', { cidrBlock: CIDR });\n`,
    });
    assert.ok(imported.diagnostics('util.ts').some((d) => d.ruleId === 'parse-error'));
  });
});
