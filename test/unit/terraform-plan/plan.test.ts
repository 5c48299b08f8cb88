import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createWorkspace } from '../../../server/src/host/createWorkspace';
import { loadGrammars } from '../../../server/src/host/grammars';
import { DEFAULT_SETTINGS } from '../../../server/src/core/config/settings';
import { defaultFrontEnds } from '../../../server/src/core/frontends/registry';
import { createTerraformPlanFrontEnd, type TerraformPlanParsedFile } from '../../../server/src/core/frontends/terraformPlan';
import type { Subnet } from '../../../server/src/core/model/types';

const PLAN_TEXT = fs.readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'terraform-plan', 'plan.json'), 'utf8');
const URI = 'file:///ws/plan.json';
const id = (address: string) => `${URI}::${address}`;

function parsePlan(text = PLAN_TEXT): TerraformPlanParsedFile {
  return createTerraformPlanFrontEnd().parse(URI, text);
}

async function analysePlan() {
  const ws = await createWorkspace();
  assert.equal(ws.setFile(URI, PLAN_TEXT), true);
  const analysis = ws.analyze(DEFAULT_SETTINGS);
  return { analysis, diagnostics: [...(analysis.diagnostics.get(URI) ?? [])] };
}

/** Offset of the `occurrence`-th (0-based) `"needle"` value after `after` in the plan text. */
function valueAt(needle: string, after: string): { start: number; end: number } {
  const from = PLAN_TEXT.indexOf(after);
  const start = PLAN_TEXT.indexOf(`"${needle}"`, from);
  assert.ok(from >= 0 && start >= 0, `${needle} after ${after}`);
  return { start, end: start + needle.length + 2 };
}

describe('Terraform plan JSON', () => {
  test('is claimed by its keys, before CloudFormation; other JSON is left alone', async () => {
    const fe = createTerraformPlanFrontEnd();
    assert.equal(fe.claims(URI, PLAN_TEXT), true);
    assert.equal(fe.claims('file:///ws/main.tf.json', PLAN_TEXT), false);
    assert.equal(fe.claims('file:///ws/package.json', '{"name": "x", "version": "1.0.0"}'), false);
    assert.equal(fe.claims('file:///ws/t.json', '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}}'), false);
    const ids = defaultFrontEnds(await loadGrammars()).map((f) => f.id);
    const plan = ids.indexOf('terraform-plan');
    assert.ok(plan >= 0);
    const cfn = ids.indexOf('cloudformation');
    assert.ok(cfn < 0 || plan < cfn, `order: ${ids.join(', ')}`);
  });

  test('every managed resource of planned_values, child modules included, with instance keys', () => {
    const parsed = parsePlan();
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.resources.map((r) => r.address), [
      'aws_vpc.main',
      'aws_vpc.legacy',
      'aws_subnet.private[0]',
      'aws_subnet.private[1]',
      'aws_subnet.stray',
      'module.app.aws_subnet.app',
      'module.app.module.legacy.aws_subnet.old',
    ]);
    const second = parsed.resources[3]!;
    assert.equal(second.key, 1);
    assert.equal(second.elementId, id('aws_subnet.private[1]'));
    const cidr = second.body.attrs.get('cidr_block')!;
    assert.equal(PLAN_TEXT.slice(cidr.span.start, cidr.span.end), '"10.0.1.0/24"');
    assert.deepEqual(cidr.value.origin, { file: URI, ...valueAt('10.0.1.0/24', '"aws_subnet.private[1]"') });
  });

  test('a VPC id unknown until apply still links its subnets: by reference, through a module variable', () => {
    const parsed = parsePlan();
    const vpcOf = (address: string) => parsed.resources.find((r) => r.address === address)!.body.attrs.get('vpc_id')?.value;
    for (const subnet of ['aws_subnet.private[0]', 'aws_subnet.stray', 'module.app.aws_subnet.app']) {
      const v = vpcOf(subnet);
      assert.ok(v?.k === 'ref', `${subnet}: ${JSON.stringify(v)}`);
      assert.deepEqual([v.target, v.attr], [id('aws_vpc.main'), 'id']);
    }
    // An applied VPC's known id in another module is that VPC too.
    const legacy = vpcOf('module.app.module.legacy.aws_subnet.old');
    assert.ok(legacy?.k === 'ref' && legacy.target === id('aws_vpc.legacy'));
    // The VPC's own unknown id stays unknown (it is the element itself).
    assert.equal(parsed.resources[0]!.body.attrs.get('id')?.value.k, 'unknown');
  });

  test('the model has each subnet in its VPC', async () => {
    const { analysis } = await analysePlan();
    const subnet = analysis.model.get(id('module.app.aws_subnet.app')) as Subnet | undefined;
    assert.equal(subnet?.kind, 'subnet');
    assert.ok(subnet.vpc.known);
    assert.equal(subnet.vpc.value, id('aws_vpc.main'));
  });

  test('findings point at the values in the plan file', async () => {
    const { diagnostics } = await analysePlan();
    const at = (ruleId: string) =>
      diagnostics
        .filter((d) => d.ruleId === ruleId)
        .map((d) => `${PLAN_TEXT.slice(d.span.start, d.span.end)}@${d.span.start}`)
        .sort();
    assert.deepEqual(at('subnet-outside-vpc'), [
      `"10.1.0.0/24"@${valueAt('10.1.0.0/24', '"aws_subnet.stray"').start}`,
      `"172.17.0.0/24"@${valueAt('172.17.0.0/24', '"module.app.module.legacy.aws_subnet.old"').start}`,
    ]);
    const overlap = diagnostics.filter((d) => d.ruleId === 'subnet-overlap').map((d) => d.message).sort();
    assert.equal(overlap.length, 2);
    assert.match(overlap[0]!, /aws_subnet\.private\[1\].*module\.app\.aws_subnet\.app|module\.app\.aws_subnet\.app.*aws_subnet\.private\[1\]/);
  });

  test('CIDR values have traces, so hover works on the plan file', async () => {
    const { analysis } = await analysePlan();
    const span = valueAt('10.0.0.0/24', '"aws_subnet.private[0]"');
    const trace = analysis.traces.at(URI, span.start + 3);
    assert.ok(trace);
    assert.deepEqual(trace.instances, [{ value: '10.0.0.0/24' }]);
    assert.equal(trace.owner, id('aws_subnet.private[0]'));
    assert.equal(trace.attribute, 'cidr_block');
    const variable = analysis.traces.at(URI, valueAt('10.0.0.0/16', '"variables"').start + 1);
    assert.equal(variable?.instances[0]?.value, '10.0.0.0/16');
  });

  test('bad input gives problems, never a throw', () => {
    const truncated = parsePlan(PLAN_TEXT.slice(0, PLAN_TEXT.indexOf('"resource_changes"')));
    assert.ok(truncated.problems.some((p) => p.code === 'parse-error'));
    assert.equal(truncated.resources.length, 7, 'what parsed is still read');
    const noValues = parsePlan('{"format_version": "1.2", "planned_values": 3}');
    assert.deepEqual(noValues.resources, []);
    const notAPlan = parsePlan('{"format_version": "1.2"}');
    assert.equal(notAPlan.problems.length, 1);
  });

  test('a unit per plan file, reused while the file is unchanged', () => {
    const fe = createTerraformPlanFrontEnd();
    const parsed = fe.parse(URI, PLAN_TEXT);
    const files = new Map([[URI, parsed]]);
    const first = fe.build(files, { terraformVarFiles: [] }).units;
    const second = fe.build(files, { terraformVarFiles: [] }).units;
    assert.equal(first.length, 1);
    assert.equal(first[0]!.key, `terraform-plan:${URI}`);
    assert.equal(second[0], first[0]);
    assert.ok(first[0]!.elements.some((e) => e.id === id('aws_vpc.main') && e.kind === 'vpc'));
  });
});

describe('Terraform plan JSON: references through module outputs and lists', () => {
  const plan = {
    format_version: '1.2',
    planned_values: {
      root_module: {
        resources: [
          { address: 'aws_lb.web', mode: 'managed', type: 'aws_lb', name: 'web', values: { internal: false } },
          { address: 'aws_route_table_association.a[0]', mode: 'managed', type: 'aws_route_table_association', name: 'a', index: 0, values: {} },
        ],
        child_modules: [
          {
            address: 'module.net',
            resources: [
              { address: 'module.net.aws_vpc.this', mode: 'managed', type: 'aws_vpc', name: 'this', values: { cidr_block: '10.0.0.0/16' } },
              { address: 'module.net.aws_subnet.public[0]', mode: 'managed', type: 'aws_subnet', name: 'public', index: 0, values: { cidr_block: '10.0.0.0/24' } },
              { address: 'module.net.aws_subnet.public[1]', mode: 'managed', type: 'aws_subnet', name: 'public', index: 1, values: { cidr_block: '10.0.1.0/24' } },
            ],
          },
        ],
      },
    },
    resource_changes: [
      { address: 'aws_lb.web', change: { after_unknown: { subnets: true } } },
      { address: 'aws_route_table_association.a[0]', change: { after_unknown: { subnet_id: true } } },
      { address: 'module.net.aws_subnet.public[0]', change: { after_unknown: { vpc_id: true } } },
    ],
    configuration: {
      root_module: {
        resources: [
          { address: 'aws_lb.web', expressions: { subnets: { references: ['module.net.public_subnet_ids', 'module.net'] } } },
          { address: 'aws_route_table_association.a', expressions: { subnet_id: { references: ['module.net.first_subnet_id', 'module.net'] } } },
        ],
        module_calls: {
          net: {
            source: 'terraform-aws-modules/vpc/aws',
            module: {
              resources: [{ address: 'aws_subnet.public', expressions: { vpc_id: { references: ['aws_vpc.this.id', 'aws_vpc.this'] } } }],
              outputs: {
                public_subnet_ids: { expression: { references: ['aws_subnet.public[0].id', 'aws_subnet.public[0]', 'aws_subnet.public[1].id', 'aws_subnet.public[1]'] } },
                first_subnet_id: { expression: { references: ['aws_subnet.public[0].id', 'aws_subnet.public[0]'] } },
              },
            },
          },
        },
      },
    },
  };
  const text = JSON.stringify(plan, null, 2);

  test('a registry module output and a list of new subnet ids link to the elements', () => {
    const parsed = createTerraformPlanFrontEnd().parse(URI, text);
    assert.deepEqual(parsed.problems, []);
    const attr = (address: string, name: string) => parsed.resources.find((r) => r.address === address)?.body.attrs.get(name)?.value;
    const subnets = attr('aws_lb.web', 'subnets');
    assert.ok(subnets?.k === 'list');
    assert.deepEqual(
      subnets.items.map((i) => (i.k === 'ref' ? i.target : i.k)),
      [id('module.net.aws_subnet.public[0]'), id('module.net.aws_subnet.public[1]')],
    );
    const one = attr('aws_route_table_association.a[0]', 'subnet_id');
    assert.ok(one?.k === 'ref' && one.target === id('module.net.aws_subnet.public[0]'));
    const vpc = attr('module.net.aws_subnet.public[0]', 'vpc_id');
    assert.ok(vpc?.k === 'ref' && vpc.target === id('module.net.aws_vpc.this'));
    // Without a marker in resource_changes nothing is invented.
    assert.equal(attr('module.net.aws_subnet.public[1]', 'vpc_id'), undefined);
  });
});
