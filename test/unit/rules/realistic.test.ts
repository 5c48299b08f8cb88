/**
 * No false positives on realistic networks: a correct two-VPC, three-AZ network (NAT gateway per AZ, peering
 * routed on both sides, gateway and interface endpoints, an internet-facing ALB with HTTPS) in Terraform and
 * in CloudFormation yields no finding at all, and examples/ yields exactly the deliberate mistakes its README
 * lists. So that "no finding" cannot pass just because nothing was understood, each network is also checked
 * to be fully resolved, and one deliberate mistake at a time must be reported by its rule.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createWorkspace } from '../../../server/src/host/createWorkspace';
import { DEFAULT_SETTINGS } from '../../../server/src/core/config/settings';
import type { Analysis } from '../../../server/src/core/analysis/workspace';
import { valueOf } from '../../../server/src/core/model/field';
import { LineIndex } from '../../../server/src/core/text/lineIndex';

const REPO = path.join(__dirname, '..', '..', '..');
const REALISTIC = path.join(REPO, 'test', 'fixtures', 'realistic');
const ROOT_URI = 'file:///realistic/';

type Files = Record<string, string>;

/** Every file under dir whose name passes the filter, keyed by its path relative to dir. */
function readTree(dir: string, keep: (name: string) => boolean, base = dir): Files {
  const out: Files = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(out, readTree(full, keep, base));
    else if (keep(entry.name)) out[path.relative(base, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
  }
  return out;
}

async function analyse(files: Files): Promise<{ analysis: Analysis; findings: string[] }> {
  const errors: string[] = [];
  const ws = await createWorkspace({ error: (m) => errors.push(m) });
  for (const [rel, text] of Object.entries(files)) ws.setFile(ROOT_URI + rel, text);
  const analysis = ws.analyze(DEFAULT_SETTINGS);
  assert.deepEqual(errors, [], 'the analysis logged errors');
  const findings: string[] = [];
  for (const [uri, list] of analysis.diagnostics) {
    const rel = uri.slice(ROOT_URI.length);
    const lines = new LineIndex(files[rel] ?? '');
    for (const d of list) findings.push(`${d.ruleId} ${rel}:${lines.positionAt(d.span.start).line + 1} ${d.message}`);
  }
  return { analysis, findings: findings.sort() };
}

function assertNoFindings(findings: readonly string[]): void {
  assert.equal(findings.length, 0, `expected no findings, got ${findings.length}:\n  ${findings.join('\n  ')}`);
}

/** The network was understood: every subnet has a known block and AZ, and a decided public/private role. */
function assertFullyResolved(analysis: Analysis): void {
  const subnets = analysis.model.ofKind('subnet');
  assert.equal(subnets.length, 18, '2 VPCs x 3 AZs x 3 tiers');
  const unresolved = subnets.filter((s) => !valueOf(s.cidr) || !valueOf(s.availabilityZone) || analysis.facts.publicness(s).public === undefined);
  assert.deepEqual(unresolved.map((s) => s.id), []);
  assert.equal(subnets.filter((s) => analysis.facts.publicness(s).public).length, 6, 'one public subnet per AZ and VPC');
  assert.equal(analysis.model.ofKind('nat').length, 6);
  assert.equal(analysis.model.ofKind('vpc').length, 2);
  assert.equal(analysis.model.ofKind('peering').length, 1);
}

/** The files with each [file, from, to] replacement applied; a replacement that matches nothing fails. */
function mutate(files: Files, edits: readonly (readonly [string, string | RegExp, string])[]): Files {
  const out = { ...files };
  for (const [file, from, to] of edits) {
    const before = out[file];
    assert.ok(before !== undefined, `no file ${file}`);
    const after = before.replace(from, to);
    assert.notEqual(after, before, `${file}: ${String(from)} not found`);
    out[file] = after;
  }
  return out;
}

function rulesOf(findings: readonly string[]): string[] {
  return [...new Set(findings.map((f) => f.split(' ')[0]!))].sort();
}

interface Mistake {
  readonly name: string;
  readonly edits: readonly (readonly [string, string | RegExp, string])[];
  readonly rules: readonly string[];
}

function describeNetwork(title: string, folder: string, keep: (name: string) => boolean, mistakes: readonly Mistake[]): void {
  describe(title, () => {
    const files = readTree(path.join(REALISTIC, folder), keep);
    const prefixed = Object.fromEntries(Object.entries(files).map(([rel, text]) => [`${folder}/${rel}`, text]));

    test('yields no finding at all', async () => {
      const { analysis, findings } = await analyse(prefixed);
      assertFullyResolved(analysis);
      assertNoFindings(findings);
    });

    for (const m of mistakes) {
      test(`with one mistake (${m.name}) reports it with ${m.rules.join(', ')} only`, async () => {
        const edits = m.edits.map(([file, from, to]) => [`${folder}/${file}`, from, to] as const);
        const { findings } = await analyse(mutate(prefixed, edits));
        assert.deepEqual(rulesOf(findings), [...m.rules].sort(), findings.join('\n'));
      });
    }
  });
}

describeNetwork('realistic Terraform network', 'terraform', (n) => n.endsWith('.tf'), [
  {
    name: 'private subnets use the NAT gateway of the next AZ',
    edits: [['vpc_app.tf', 'nat_gateway_id = aws_nat_gateway.app[count.index].id', 'nat_gateway_id = aws_nat_gateway.app[(count.index + 1) % 3].id']],
    rules: ['nat-cross-az'],
  },
  {
    name: 'the data side has no route back to app',
    edits: [['peering.tf', /resource "aws_route" "data_private_to_app" \{[^}]*\}\n\nresource "aws_route" "data_database_to_app" \{[^}]*\}/, '']],
    rules: ['peering-missing-route'],
  },
  {
    name: 'DNS hostnames off in a VPC with private-DNS interface endpoints',
    edits: [['vpc_data.tf', 'enable_dns_hostnames = true', 'enable_dns_hostnames = false']],
    rules: ['endpoint-private-dns'],
  },
  {
    name: 'the internet-facing ALB in the private subnets',
    edits: [['alb.tf', 'subnets            = aws_subnet.app_public[*].id', 'subnets            = aws_subnet.app_private[*].id']],
    rules: ['lb-internet-facing-private'],
  },
  {
    name: 'interface endpoints in one AZ only',
    edits: [['vpc_app.tf', 'subnet_ids          = aws_subnet.app_private[*].id', 'subnet_ids          = [aws_subnet.app_private[0].id]']],
    rules: ['endpoint-interface-single-az'],
  },
]);

describeNetwork('realistic CloudFormation network', 'cloudformation', (n) => n.endsWith('.yaml'), [
  {
    name: 'the private subnet of AZ b uses the NAT gateway of AZ a',
    edits: [['network.yaml', 'NatGatewayId: !Ref AppNatB', 'NatGatewayId: !Ref AppNatA']],
    rules: ['nat-cross-az'],
  },
  {
    name: 'DNS hostnames off in a VPC with private-DNS interface endpoints',
    edits: [['network.yaml', /(DataVpc:\n(?:.*\n){4})      EnableDnsHostnames: true/, '$1      EnableDnsHostnames: false']],
    rules: ['endpoint-private-dns'],
  },
  {
    name: 'the app side has no route to the data VPC',
    edits: [['network.yaml', /  AppPrivateToPeer[ABC]:\n(?:      .*\n|    .*\n)+?(?=  \S)/g, '']],
    rules: ['peering-missing-route'],
  },
]);

describe('examples/', () => {
  /** `rule -> file:line` of every row of the README's table of deliberate mistakes (places outside parentheses). */
  function mistakesInReadme(readme: string): string[] {
    const out: string[] = [];
    for (const line of readme.split('\n')) {
      const row = /^\|\s*`([a-z0-9-]+)`\s*\|(.*?)\|[^|]*\|\s*$/.exec(line);
      if (!row) continue;
      let where = row[2]!;
      // Drop parenthesised detail (related places, values), innermost first.
      for (let prev = ''; prev !== where; ) [prev, where] = [where, where.replace(/\([^()]*\)/g, '')];
      for (const m of where.matchAll(/`([\w./-]+):(\d+)`/g)) out.push(`${row[1]} ${m[1]}:${m[2]}`);
    }
    return out.sort();
  }

  test('yields exactly the deliberate mistakes of examples/README.md', async () => {
    const dir = path.join(REPO, 'examples');
    const expected = mistakesInReadme(fs.readFileSync(path.join(dir, 'README.md'), 'utf8'));
    assert.ok(expected.length >= 6, `README table not found: ${expected.join(', ')}`);
    const files = readTree(dir, (n) => /\.(tf|tfvars|tf\.json)$/.test(n));
    const { findings } = await analyse(files);
    const actual = findings.map((f) => f.split(' ').slice(0, 2).join(' '));
    assert.deepEqual(actual.sort(), expected, `findings:\n  ${findings.join('\n  ')}`);
  });
});
