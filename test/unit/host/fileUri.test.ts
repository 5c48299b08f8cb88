import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { fileUriOf } from '../../../server/src/host/fileUri';

describe('fileUriOf', () => {
  // Plain paths take the fast path; the others must still come out as Node writes them, since the same file
  // reached by the CLI and by the language server has to map to one URI.
  const paths = [
    '/tmp/ws10k/acct-01/network/main.tf',
    '/repo/.terraform/modules/vpc/main.tf',
    '/repo/envs/prod/terraform.tfvars',
    '/a/b_c-d.e/f.tf.json',
    '/',
    '/repo//main.tf',
    '/repo/./main.tf',
    '/repo/../main.tf',
    '/repo/envs/..',
    '/repo/envs/.',
    '/repo/with space/main.tf',
    '/repo/100%/main.tf',
    '/repo/#hash/main.tf',
    '/repo/q?/main.tf',
    '/repo/ünïcode/main.tf',
    '/repo/brackets[0]/main.tf',
    '/repo/trailing/',
    'relative/main.tf',
  ];
  for (const p of paths) {
    test(`${JSON.stringify(p)} as pathToFileURL writes it`, () => {
      assert.equal(fileUriOf(p), pathToFileURL(p).href);
    });
  }
});
