/**
 * One network written as Terraform, Terraform JSON, CloudFormation JSON, CloudFormation YAML and a Terraform
 * plan (test/fixtures/cloudformation/eval/parity) goes through the real workspace: the same rule ids must
 * fire on the same logical resources. The network has a public and a private subnet computed from the VPC
 * block, a subnet outside the VPC, one overlapping the private subnet, a public NAT gateway in the private
 * subnet and a security group opening SSH to the world.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseTree, findNodeAtLocation, type Node as JsonNode } from 'jsonc-parser';
import { createWorkspace } from '../../../server/src/host/createWorkspace';
import { DEFAULT_SETTINGS } from '../../../server/src/core/config/settings';
import type { Analysis } from '../../../server/src/core/analysis/workspace';
import type { Span } from '../../../server/src/core/text/span';

const DIR = path.join(__dirname, '..', '..', 'fixtures', 'cloudformation', 'eval', 'parity');
const read = (name: string) => fs.readFileSync(path.join(DIR, name), 'utf8');

/** Every format of the parity network; Terraform HCL is the reference. */
const FORMATS = ['main.tf', 'main.tf.json', 'network.json', 'network.yaml', 'plan.json'] as const;

async function analyse(files: Record<string, string>): Promise<Analysis> {
  const ws = await createWorkspace();
  for (const [name, text] of Object.entries(files)) ws.setFile(`file:///parity/${name}`, text);
  return ws.analyze(DEFAULT_SETTINGS);
}

interface Owner {
  readonly name: string;
  readonly span: Span;
}

/**
 * Where each resource is written, besides its element's span: in a plan, an attribute known only after
 * apply is written as `references` in the `configuration` block of the resource, and findings about it
 * point there.
 */
function planConfigurationOwners(uri: string, text: string): Owner[] {
  const root = parseTree(text);
  const resources = root && findNodeAtLocation(root, ['configuration', 'root_module', 'resources']);
  return (resources?.children ?? []).flatMap((r: JsonNode) => {
    const name = r.children?.find((p) => p.children?.[0]?.value === 'name')?.children?.[1]?.value;
    return typeof name === 'string' ? [{ name, span: { file: uri, start: r.offset, end: r.offset + r.length } }] : [];
  });
}

/** `ruleId @ resource name` per finding; the resource is the innermost one whose span holds the finding. */
function findingsByResource(a: Analysis, extraOwners: readonly Owner[] = []): string[] {
  const owners: Owner[] = [
    ...[...a.model.all()].filter((e) => !('inline' in e && e.inline)).map((e) => ({ name: e.address.split('.').pop()!, span: e.span })),
    ...extraOwners,
  ];
  const out: string[] = [];
  for (const list of a.diagnostics.values()) {
    for (const d of list) {
      const holding = owners.filter((o) => o.span.file === d.span.file && o.span.start <= d.span.start && d.span.end <= o.span.end);
      holding.sort((x, y) => x.span.end - x.span.start - (y.span.end - y.span.start));
      out.push(`${d.ruleId} @ ${holding[0]?.name ?? '?'}`);
    }
  }
  return out.sort();
}

async function findingsOf(file: (typeof FORMATS)[number]): Promise<string[]> {
  const text = read(file);
  const extra = file === 'plan.json' ? planConfigurationOwners(`file:///parity/${file}`, text) : [];
  return findingsByResource(await analyse({ [file]: text }), extra);
}

describe('parity: Terraform, Terraform JSON, CloudFormation JSON and YAML, Terraform plan JSON', () => {
  test('the Terraform reference finds every planted mistake, on its resource', async () => {
    assert.deepEqual(await findingsOf('main.tf'), [
      'nat-private-subnet @ Nat',
      'sg-world-admin-port @ Bastion',
      'subnet-implicit-route-table @ Outside',
      'subnet-implicit-route-table @ Overlap',
      'subnet-implicit-route-table @ Private',
      'subnet-outside-vpc @ Outside',
      'subnet-overlap @ Overlap',
      'subnet-overlap @ Private',
      'vpc-flow-logs @ Vpc',
    ]);
  });

  for (const file of FORMATS.slice(1)) {
    test(`${file}: the same findings on the same resources as Terraform`, async () => {
      assert.deepEqual(await findingsOf(file), await findingsOf('main.tf'));
    });
  }

  test('the model agrees: subnet blocks, AZs and publicness', async () => {
    const expected = [
      ['Public', '10.0.0.0/24'],
      ['Private', '10.0.1.0/24'],
      ['Outside', '10.1.0.0/24'],
      ['Overlap', '10.0.1.128/25'],
    ];
    for (const file of FORMATS) {
      const a = await analyse({ [file]: read(file) });
      const subnets = a.model.ofKind('subnet').map((s) => [s.address.split('.').pop(), s.cidr?.known ? s.cidr.value : undefined]);
      assert.deepEqual(
        subnets.sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
        expected.sort((x, y) => x[0]!.localeCompare(y[0]!)),
        file,
      );
      const publicSubnets = a.model.ofKind('subnet').filter((s) => a.facts.publicness(s).public === true).map((s) => s.address.split('.').pop());
      assert.deepEqual(publicSubnets, ['Public'], file);
      assert.equal(a.model.ofKind('vpc').length, 1, file);
      assert.equal(a.model.ofKind('nat').length, 1, file);
      // Written (`us-east-1a`) or symbolic (`!Select [0, !GetAZs '']`): Public and Private are in different AZs.
      const az = (name: string) => a.model.ofKind('subnet').find((s) => s.address.endsWith(name))?.availabilityZone;
      const [pub, priv] = [az('Public'), az('Private')];
      assert.ok(pub?.known && priv?.known && pub.value !== priv.value, file);
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
