/**
 * One network written as Terraform, CloudFormation JSON and CloudFormation YAML (test/fixtures/cloudformation/
 * eval/parity) goes through the real workspace: the same rule ids must fire on the same logical resources.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createWorkspace } from '../../../server/src/host/createWorkspace';
import { DEFAULT_SETTINGS } from '../../../server/src/core/config/settings';
import type { Analysis } from '../../../server/src/core/analysis/workspace';

const DIR = path.join(__dirname, '..', '..', 'fixtures', 'cloudformation', 'eval', 'parity');
const read = (name: string) => fs.readFileSync(path.join(DIR, name), 'utf8');

async function analyse(files: Record<string, string>): Promise<Analysis> {
  const ws = await createWorkspace();
  for (const [name, text] of Object.entries(files)) ws.setFile(`file:///parity/${name}`, text);
  return ws.analyze(DEFAULT_SETTINGS);
}

/** `ruleId @ resource name` per finding; the resource is the innermost element whose span holds the finding. */
function findingsByResource(a: Analysis): string[] {
  const elements = [...a.model.all()].filter((e) => !('inline' in e && e.inline));
  const out: string[] = [];
  for (const list of a.diagnostics.values()) {
    for (const d of list) {
      const owners = elements.filter((e) => e.span.file === d.span.file && e.span.start <= d.span.start && d.span.end <= e.span.end);
      owners.sort((x, y) => x.span.end - x.span.start - (y.span.end - y.span.start));
      const name = owners[0]?.address.split('.').pop() ?? '?';
      out.push(`${d.ruleId} @ ${name}`);
    }
  }
  return out.sort();
}

describe('parity: Terraform, CloudFormation JSON and YAML', () => {
  test('the same findings on the same resources', async () => {
    const terraform = findingsByResource(await analyse({ 'main.tf': read('main.tf') }));
    const json = findingsByResource(await analyse({ 'network.json': read('network.json') }));
    const yaml = findingsByResource(await analyse({ 'network.yaml': read('network.yaml') }));
    assert.ok(terraform.includes('subnet-outside-vpc @ Outside'), terraform.join('\n'));
    assert.deepEqual(json, terraform);
    assert.deepEqual(yaml, terraform);
  });

  test('the model agrees: subnet blocks and publicness', async () => {
    for (const file of ['main.tf', 'network.json', 'network.yaml']) {
      const a = await analyse({ [file]: read(file) });
      const subnets = a.model.ofKind('subnet').map((s) => [s.address.split('.').pop(), s.cidr?.known ? s.cidr.value : undefined]);
      assert.deepEqual(subnets, [['Public', '10.0.0.0/24'], ['Private', '10.0.1.0/24'], ['Outside', '10.1.0.0/24']], file);
      const publicSubnets = a.model.ofKind('subnet').filter((s) => a.facts.publicness(s).public === true).map((s) => s.address.split('.').pop());
      assert.deepEqual(publicSubnets, ['Public'], file);
    }
  });

  test('a computed CIDR has a hover trace at `!Select [0, !Cidr ...]`', async () => {
    const text = read('network.yaml');
    const a = await analyse({ 'network.yaml': text });
    const at = text.indexOf('!Select [0, !Cidr');
    const trace = a.traces.at('file:///parity/network.yaml', at + 3);
    assert.ok(trace);
    assert.deepEqual(trace.instances, [{ value: '10.0.0.0/24' }]);
    assert.equal(trace.owner, 'file:///parity/network.yaml::Public');
  });
});

describe('suppression through resource Metadata', () => {
  test('"vpc-lens": {"ignore": [...]} drops that finding on that resource only', async () => {
    const template = JSON.parse(read('network.json'));
    const both = { ...template, Resources: { ...template.Resources, Outside2: { ...template.Resources.Outside } } };
    both.Resources.Outside2 = { ...both.Resources.Outside2, Properties: { ...both.Resources.Outside2.Properties, CidrBlock: '10.2.0.0/24' } };
    both.Resources.Outside = { ...both.Resources.Outside, Metadata: { 'vpc-lens': { ignore: ['subnet-outside-vpc'] } } };
    const found = findingsByResource(await analyse({ 'network.json': JSON.stringify(both, null, 2) }));
    assert.ok(!found.includes('subnet-outside-vpc @ Outside'), found.join('\n'));
    assert.ok(found.includes('subnet-outside-vpc @ Outside2'), found.join('\n'));
  });
});
