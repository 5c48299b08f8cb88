// `vpc-lens check` on a Terraform root that reads its network from a YAML file with yamldecode(file(...)):
// the finding is reported in the YAML file, on the line that writes the block.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MAIN_TF, NETWORK_YAML } from '../fixtures/terraformFileConfig';
import { MAX_FILE_FUNCTION_CHARS, mayBeReadByFileFunction } from '../../server/src/host/files';
import { ensureCliBuilt, makeWorkspace, removeWorkspace, runCli } from './helpers';

const roots: string[] = [];
after(() => roots.forEach(removeWorkspace));

describe('vpc-lens check: a network read with file()', () => {
  test('the subnet outside the VPC is reported where network.yaml writes it', () => {
    ensureCliBuilt();
    const root = makeWorkspace({ 'net/main.tf': MAIN_TF, 'net/network.yaml': NETWORK_YAML });
    roots.push(root);
    const run = runCli(['check', 'net'], root);
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /^net\/network\.yaml:7:11 {2}error {4}Subnet 10\.1\.2\.0\/24 is outside VPC aws_vpc\.main \(10\.0\.0\.0\/16\) {2}\[subnet-outside-vpc\]$/m);
    assert.match(run.stdout, /^ {4}related: net\/main\.tf:5:20 VPC aws_vpc\.main$/m);
    assert.match(run.stdout, /\(3 resources\)/);
  });

  test('a file the root reads from outside the checked folder is read too, as Terraform reads it', () => {
    ensureCliBuilt();
    const main = MAIN_TF.replace(/file\("[^"]*network\.yaml"\)/, 'file("${path.module}/../../shared/network.yaml")');
    assert.notEqual(main, MAIN_TF, 'the fixture reads network.yaml with file()');
    const root = makeWorkspace({ 'envs/prod/main.tf': main, 'shared/network.yaml': NETWORK_YAML, 'shared/other.txt': 'not read' });
    roots.push(root);
    const run = runCli(['check', 'envs/prod'], root);
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /^shared\/network\.yaml:7:11 {2}error {4}Subnet 10\.1\.2\.0\/24 is outside VPC aws_vpc\.main/m);
    // Only the file the root names is read; the folder's other files are not checked.
    assert.doesNotMatch(run.stdout, /other\.txt/);
  });

  test('hosts keep the YAML and JSON files no front-end analyses but file() may read, up to a size', () => {
    assert.ok(mayBeReadByFileFunction('/r/network.yaml', 'a: 1'));
    assert.ok(mayBeReadByFileFunction('/r/network.YML', 'a: 1'));
    assert.ok(mayBeReadByFileFunction('/r/subnets.json', '{}'));
    assert.ok(!mayBeReadByFileFunction('/r/main.ts', 'x'));
    assert.ok(!mayBeReadByFileFunction('/r/package-lock.json', 'x'.repeat(MAX_FILE_FUNCTION_CHARS + 1)));
  });
});
