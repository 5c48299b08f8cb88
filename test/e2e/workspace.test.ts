// The e2e workspace follows examples/README.md's table of deliberate mistakes, and stands in a two-resource
// network with the same mistake when the table does not list one.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { mistakeFromExamplesReadme, prepareWorkspace } from './lib/workspace';

describe('e2e workspace', () => {
  test('reads the subnet-outside-vpc row of the examples README', () => {
    const readme = [
      '| rule id | where it should be reported | what is wrong |',
      '|---|---|---|',
      '| `subnet-outside-vpc` | `subnets.tf:52` (`"10.1.5.0/24"`, related: the VPC block, `vpc.tf:2`) | outside |',
      '| `subnet-overlap` | `subnets.tf:63` (`"10.0.40.0/24"`) | overlap |',
    ].join('\n');
    assert.deepEqual(mistakeFromExamplesReadme(readme), { file: 'subnets.tf', line: 52, cidr: '10.1.5.0/24' });
  });

  test('finds nothing in a README without that row', () => {
    assert.equal(mistakeFromExamplesReadme('# Examples\n\nNo table yet.\n'), undefined);
  });

  test('the prepared workspace shows the CIDR on the line it names', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vpc-lens-e2e-ws-'));
    try {
      const scenario = prepareWorkspace(root);
      const line = fs.readFileSync(path.join(scenario.folder, scenario.file), 'utf8').split('\n')[scenario.line - 1];
      assert.ok(line?.includes(`"${scenario.cidr}"`), `${scenario.file}:${scenario.line} is ${JSON.stringify(line)}`);
      assert.equal(scenario.ruleCode, 'subnet-outside-vpc');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
