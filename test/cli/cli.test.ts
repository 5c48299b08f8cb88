// The command line as a user and a CI job see it: `node dist/cli.js` spawned in small temporary projects.
import { INITIALISED } from '../fixtures/installedModule';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CLEAN_TF,
  HOST_BITS_TF,
  REPO_ROOT,
  SUBNET_OUTSIDE_VPC_TF,
  VPC_TF,
  ensureCliBuilt,
  hasStackTrace,
  makeWorkspace,
  removeWorkspace,
  runCli,
} from './helpers';
import { fixtureTree } from '../fixtures/tree';

interface JsonRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
interface JsonDiagnostic {
  file: string;
  range: JsonRange;
  severity: string;
  code: string;
  message: string;
  related: { file: string; range: JsonRange; message: string }[];
}
interface JsonReport {
  version: number;
  files: number;
  resources: number;
  diagnostics: JsonDiagnostic[];
}

const workspaces: string[] = [];
function workspace(files: Record<string, string | Buffer>): string {
  const root = makeWorkspace(files);
  workspaces.push(root);
  return root;
}

function checkJson(cwd: string, ...args: string[]): { status: number | null; report: JsonReport; stderr: string } {
  const run = runCli(['check', ...args, '--format', 'json'], cwd);
  assert.ok(!hasStackTrace(run.stderr), run.stderr);
  return { status: run.status, report: JSON.parse(run.stdout) as JsonReport, stderr: run.stderr };
}

function assertRange(range: JsonRange): void {
  for (const p of [range.start, range.end]) {
    assert.ok(Number.isInteger(p.line) && p.line >= 0, `line ${p.line}`);
    assert.ok(Number.isInteger(p.character) && p.character >= 0, `character ${p.character}`);
  }
}

before(() => ensureCliBuilt());
after(() => workspaces.forEach(removeWorkspace));

describe('check: exit codes', () => {
  test('a clean project exits 0', () => {
    const cwd = workspace({ 'main.tf': CLEAN_TF });
    const run = runCli(['check'], cwd);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /^No problems found in 1 file \(\d+ resources?\)$/m);
  });

  test('an error finding exits 1', () => {
    const cwd = workspace({ 'main.tf': SUBNET_OUTSIDE_VPC_TF });
    const { status, report } = checkJson(cwd);
    assert.equal(status, 1);
    assert.ok(report.diagnostics.some((d) => d.code === 'subnet-outside-vpc' && d.severity === 'error'));
  });

  test('--fail-on never exits 0 even with an error finding', () => {
    const cwd = workspace({ 'main.tf': SUBNET_OUTSIDE_VPC_TF });
    const { status, report } = checkJson(cwd, '--fail-on', 'never');
    assert.equal(status, 0);
    assert.ok(report.diagnostics.some((d) => d.code === 'subnet-outside-vpc'));
  });

  test('a warning fails only with --fail-on warning (or lower)', () => {
    const cwd = workspace({ 'main.tf': HOST_BITS_TF });
    const byDefault = checkJson(cwd);
    assert.ok(byDefault.report.diagnostics.some((d) => d.code === 'cidr-host-bits' && d.severity === 'warning'));
    assert.equal(byDefault.status, 0);
    assert.equal(checkJson(cwd, '--fail-on', 'warning').status, 1);
    assert.equal(checkJson(cwd, '--fail-on', 'info').status, 1);
    assert.equal(checkJson(cwd, '--fail-on=error').status, 0);
  });

  test('a PATH that does not exist exits 2 with one line naming it as typed', () => {
    const cwd = workspace({ 'main.tf': CLEAN_TF });
    const run = runCli(['check', 'foo/'], cwd);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'vpc-lens: no such file or directory: foo/\n');
    assert.equal(run.stdout, '');
  });

  test('a missing --var-file exits 2 with one line', () => {
    const cwd = workspace({ 'main.tf': CLEAN_TF });
    const run = runCli(['check', '--var-file', 'prod.tfvars'], cwd);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'vpc-lens: no such file or directory: prod.tfvars\n');
  });

  test('a missing --config file exits 2 with one line', () => {
    const cwd = workspace({ 'main.tf': CLEAN_TF });
    const run = runCli(['check', '--config', 'nope.json'], cwd);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'vpc-lens: no such file or directory: nope.json\n');
  });

  for (const [label, args, message] of [
    ['an unknown flag', ['check', '--bogus'], "unknown option '--bogus'"],
    ['a flag without its value', ['check', '--format'], "option '--format' needs a value"],
    ['a bad enum value', ['check', '--fail-on', 'sometimes'], "invalid value 'sometimes' for --fail-on"],
    ['a bad format', ['check', '--format=xml'], "invalid value 'xml' for --format"],
    ['an unknown command', ['lint'], "unknown command 'lint'"],
    ['no command', [], 'missing command'],
  ] as const) {
    test(`${label} is a usage error: exit 2, the message and the usage line`, () => {
      const cwd = workspace({ 'main.tf': CLEAN_TF });
      const run = runCli(args, cwd);
      assert.equal(run.status, 2);
      const lines = run.stderr.trimEnd().split('\n');
      assert.equal(lines.length, 2, run.stderr);
      assert.ok(lines[0]!.startsWith(`vpc-lens: ${message}`), lines[0]);
      assert.match(lines[1]!, /^usage: vpc-lens /);
      assert.equal(run.stdout, '');
    });
  }
});

describe('check --format json', () => {
  test('prints exactly the documented object, 0-based ranges, paths relative with forward slashes', () => {
    const cwd = workspace({ 'net/main.tf': SUBNET_OUTSIDE_VPC_TF, 'net/clean.tf': CLEAN_TF.replace(/\bmain\b/g, 'other') });
    const { report } = checkJson(cwd);
    assert.deepEqual(Object.keys(report), ['version', 'files', 'resources', 'diagnostics']);
    assert.equal(report.version, 1);
    assert.equal(report.files, 2);
    assert.ok(report.resources >= 4, `resources: ${report.resources}`);
    const finding = report.diagnostics.find((d) => d.code === 'subnet-outside-vpc');
    assert.ok(finding, JSON.stringify(report.diagnostics));
    assert.deepEqual(Object.keys(finding), ['file', 'range', 'severity', 'code', 'message', 'related']);
    assert.equal(finding.file, 'net/main.tf');
    // `  cidr_block = "10.1.0.0/24"` is line 7 (1-based), so line 6 here; the value starts at character 15.
    assert.equal(finding.range.start.line, 6);
    assert.ok([15, 16].includes(finding.range.start.character), `character ${finding.range.start.character}`);
    assert.equal(finding.severity, 'error');
    assert.ok(finding.message.length > 0);
    for (const d of report.diagnostics) {
      assertRange(d.range);
      assert.ok(['error', 'warning', 'info', 'hint'].includes(d.severity));
      for (const r of d.related) {
        assert.deepEqual(Object.keys(r), ['file', 'range', 'message']);
        assertRange(r.range);
        assert.ok(!r.file.includes('\\') && !path.isAbsolute(r.file));
      }
    }
    // Related information points at the VPC (its name on line 1, 1-based); its block is a literal right below.
    assert.deepEqual(
      finding.related.map((r) => [r.file, r.range.start.line, r.message]),
      [['net/main.tf', 0, 'VPC aws_vpc.main']],
    );
  });

  test('a file with a syntax error gives a parse-error diagnostic and exit 1', () => {
    const cwd = workspace({ 'broken.tf': 'resource "aws_vpc" "a" {\n  cidr_block = \n' });
    const { status, report } = checkJson(cwd);
    assert.equal(status, 1);
    const d = report.diagnostics.find((x) => x.code === 'parse-error');
    assert.ok(d, JSON.stringify(report));
    assert.equal(d.file, 'broken.tf');
    assert.equal(d.severity, 'error');
  });

  test('a report many times the size of a pipe buffer reaches the reader whole before the process ends', () => {
    // 400 subnets outside their VPC: a JSON report of about 200 KB, where a pipe holds 64 KB, so the CLI must
    // wait for the reader before it exits.
    const subnets = Array.from(
      { length: 400 },
      (_, i) => `resource "aws_subnet" "s${i}" {\n  vpc_id     = aws_vpc.main.id\n  cidr_block = "10.1.${i % 256}.${i < 256 ? 0 : 128}/25"\n}\n`,
    );
    const cwd = workspace({ 'main.tf': `${VPC_TF}\n${subnets.join('')}` });
    const { status, report, stderr } = checkJson(cwd, '--fail-on', 'never');
    assert.equal(stderr, '');
    assert.equal(status, 0);
    const outside = report.diagnostics.filter((d) => d.code === 'subnet-outside-vpc');
    assert.equal(outside.length, 400);
    // The last subnet's CIDR (line 1603, 1-based: the VPC, an empty line, then four lines a subnet) is in it.
    assert.ok(outside.some((d) => d.range.start.line === 1602), JSON.stringify(outside.at(-1)));
  });

  test('files outside the current folder are named relative to it', () => {
    const root = workspace({ 'infra/main.tf': SUBNET_OUTSIDE_VPC_TF, 'tools/.keep': '' });
    const { report } = checkJson(path.join(root, 'tools'), '../infra');
    assert.equal(report.files, 1);
    assert.ok(report.diagnostics.every((d) => d.file === '../infra/main.tf'), JSON.stringify(report.diagnostics));
    assert.ok(report.diagnostics.length > 0);
  });
});

describe('check --format text', () => {
  test('a header per file, `path:line:col  severity  message  [code]` lines (1-based) and a summary', () => {
    const cwd = workspace({ 'a.tf': SUBNET_OUTSIDE_VPC_TF, 'b/b.tf': HOST_BITS_TF.replace(/\bmain\b/g, 'b') });
    const run = runCli(['check'], cwd);
    assert.equal(run.status, 1, run.stderr);
    const lines = run.stdout.split('\n');
    const findingLines = lines.filter((l) => /^\S+:\d+:\d+  /.test(l));
    const re = /^(\S+):(\d+):(\d+)  (error|warning|info|hint) *  (.+)  \[([a-z0-9-]+)\]$/;
    for (const l of findingLines) assert.match(l, re);
    const outside = findingLines.map((l) => re.exec(l)!).find((m) => m[6] === 'subnet-outside-vpc');
    assert.ok(outside, run.stdout);
    assert.equal(outside[1], 'a.tf');
    assert.equal(outside[2], '7');
    assert.ok(['16', '17'].includes(outside[3]!), outside[3]);
    const hostBits = findingLines.map((l) => re.exec(l)!).find((m) => m[6] === 'cidr-host-bits');
    assert.ok(hostBits, run.stdout);
    assert.equal(hostBits[1], 'b/b.tf');
    // Grouped by file: each file's header comes right before its first finding.
    assert.equal(lines[lines.indexOf(findingLines[0]!) - 1], 'a.tf');
    assert.ok(lines.includes('b/b.tf'));
    assert.match(run.stdout, /^\d+ errors?, \d+ warnings? in 2 files \(\d+ resources\)$/m);
    // Related places are indented below their finding.
    assert.match(run.stdout, /^ {4}related: a\.tf:1:\d+ VPC aws_vpc\.main$/m);
    assert.ok(!run.stdout.includes('\u001b['), 'no colour when stdout is not a terminal');
  });

  test('the current folder is the default PATH', () => {
    const cwd = workspace({ 'x/main.tf': CLEAN_TF, 'y/main.tfvars': 'cidr = "10.0.0.0/16"\n' });
    const run = runCli(['check'], cwd);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /No problems found in 2 files/);
  });
});

describe('check --format sarif', () => {
  test('is SARIF 2.1.0 with the catalog as rules and findings as results', () => {
    const cwd = workspace({ 'src/main.tf': SUBNET_OUTSIDE_VPC_TF });
    const run = runCli(['check', '--format', 'sarif'], cwd);
    assert.equal(run.status, 1, run.stderr);
    const sarif = JSON.parse(run.stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.match(sarif.$schema, /sarif-2\.1\.0/);
    assert.equal(sarif.runs.length, 1);
    const [sarifRun] = sarif.runs;
    const driver = sarifRun.tool.driver;
    assert.equal(driver.name, 'VPC Lens');
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(driver.version, pkg.version);
    assert.match(driver.informationUri, /^https:\/\//);
    const ids = driver.rules.map((r: { id: string }) => r.id);
    for (const id of ['cidr-syntax', 'subnet-outside-vpc', 'subnet-overlap', 'parse-error']) assert.ok(ids.includes(id), id);
    assert.equal(new Set(ids).size, ids.length, 'rule ids are unique');
    for (const r of driver.rules) {
      assert.equal(typeof r.shortDescription.text, 'string');
      assert.ok(['error', 'warning', 'note'].includes(r.defaultConfiguration.level), r.id);
    }
    const outsideRule = driver.rules.find((r: { id: string }) => r.id === 'subnet-outside-vpc');
    assert.match(outsideRule.helpUri, /subnet-outside-vpc/);
    // Code scanning shows the rule's docs page with its alerts: "What it checks" as the full description, the
    // page as help (from the docs/rules pages next to dist/).
    assert.match(outsideRule.fullDescription.text, /^A subnet's IPv4 \(or IPv6\) block is not inside any block of its VPC, primary or secondary\. /);
    assert.doesNotMatch(outsideRule.fullDescription.text, /\n/);
    // The whole first paragraph, not its first line.
    assert.match(outsideRule.fullDescription.text, /at where that block is written\.$/);
    assert.match(outsideRule.help.markdown, /^\*\*Severity:\*\* error/);
    assert.match(outsideRule.help.markdown, /\n## Why it matters\n/);
    assert.equal(outsideRule.help.text, outsideRule.help.markdown);
    for (const r of driver.rules) if (r.id !== 'parse-error' && r.id !== 'evaluation') assert.ok(r.help?.markdown, `${r.id} has help`);
    assert.match(sarifRun.originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/.*\/$/);

    const result = sarifRun.results.find((r: { ruleId: string }) => r.ruleId === 'subnet-outside-vpc');
    assert.ok(result, JSON.stringify(sarifRun.results));
    assert.equal(driver.rules[result.ruleIndex].id, 'subnet-outside-vpc');
    assert.equal(result.level, 'error');
    assert.equal(typeof result.message.text, 'string');
    const location = result.locations[0].physicalLocation;
    assert.deepEqual(location.artifactLocation, { uri: 'src/main.tf', uriBaseId: '%SRCROOT%' });
    assert.equal(location.region.startLine, 7);
    assert.ok([16, 17].includes(location.region.startColumn));
    assert.ok(location.region.endLine >= 7 && location.region.endColumn >= 1);
    assert.ok(Array.isArray(result.relatedLocations) && result.relatedLocations.length > 0);
    assert.equal(result.relatedLocations[0].physicalLocation.region.startLine, 1);
    for (const r of sarifRun.results) {
      assert.ok(['error', 'warning', 'note'].includes(r.level));
      assert.equal(driver.rules[r.ruleIndex].id, r.ruleId);
    }
  });

  test('a clean project gives a run with no results', () => {
    const cwd = workspace({ 'main.tf': CLEAN_TF });
    const run = runCli(['check', '--format', 'sarif'], cwd);
    assert.equal(run.status, 0);
    assert.deepEqual(JSON.parse(run.stdout).runs[0].results, []);
  });
});

describe('check: settings and var files', () => {
  test('.vpc-lens.json in the current folder turns a rule off', () => {
    const cwd = workspace({
      'main.tf': SUBNET_OUTSIDE_VPC_TF,
      '.vpc-lens.json': JSON.stringify({ rules: { 'subnet-outside-vpc': 'off' } }),
    });
    const { status, report } = checkJson(cwd);
    assert.ok(!report.diagnostics.some((d) => d.code === 'subnet-outside-vpc'), JSON.stringify(report.diagnostics));
    assert.equal(status, 0);
  });

  test('--config FILE lowers a severity so the check passes', () => {
    const cwd = workspace({
      'main.tf': SUBNET_OUTSIDE_VPC_TF,
      'ci/lenient.json': JSON.stringify({ rules: { 'subnet-outside-vpc': 'warning' } }),
    });
    const strict = checkJson(cwd);
    assert.equal(strict.status, 1);
    const { status, report } = checkJson(cwd, '--config', 'ci/lenient.json');
    assert.equal(status, 0);
    assert.ok(report.diagnostics.some((d) => d.code === 'subnet-outside-vpc' && d.severity === 'warning'));
  });

  test('exclude globs in the config skip folders', () => {
    const cwd = workspace({
      'main.tf': CLEAN_TF,
      'legacy/old.tf': SUBNET_OUTSIDE_VPC_TF.replace(/\bmain\b/g, 'legacy'),
      '.vpc-lens.json': JSON.stringify({ exclude: ['legacy/**'] }),
    });
    const { status, report } = checkJson(cwd);
    assert.equal(report.files, 1);
    assert.deepEqual(report.diagnostics, []);
    assert.equal(status, 0);
  });

  test('--var-file values are applied (repeatable, resolved against the current folder)', () => {
    const infra = `variable "vpc_cidr" {}
variable "subnet_cidr" {}
resource "aws_vpc" "main" {
  cidr_block = var.vpc_cidr
}
resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.main.id
  cidr_block = var.subnet_cidr
}
`;
    const cwd = workspace({
      'infra/main.tf': infra,
      'env/base.tfvars': 'vpc_cidr = "10.0.0.0/16"\nsubnet_cidr = "10.0.1.0/24"\n',
      'env/prod.tfvars': 'subnet_cidr = "10.9.0.0/24"\n',
    });
    const unknown = checkJson(cwd, 'infra');
    assert.equal(unknown.status, 0, 'unresolved variables are never guessed');
    const base = checkJson(cwd, 'infra', '--var-file', 'env/base.tfvars');
    assert.equal(base.status, 0, JSON.stringify(base.report.diagnostics));
    const prod = checkJson(cwd, 'infra', '--var-file', 'env/base.tfvars', '--var-file', 'env/prod.tfvars');
    assert.equal(prod.status, 1);
    // Reported where the offending value is written (the var file) or where it is used.
    const outside = prod.report.diagnostics.find((d) => d.code === 'subnet-outside-vpc');
    assert.ok(outside && ['env/prod.tfvars', 'infra/main.tf'].includes(outside.file), JSON.stringify(prod.report));
    assert.equal(prod.report.files, 3, 'the var files are analysed files too');
  });
});

describe('check: file discovery', () => {
  test('node_modules, .git and .terraform are skipped, unless named as a PATH', () => {
    const bad = SUBNET_OUTSIDE_VPC_TF;
    const cwd = workspace({
      'main.tf': CLEAN_TF,
      'node_modules/mod/main.tf': bad,
      '.git/x.tf': bad,
      '.terraform/modules/m/main.tf': bad,
    });
    const all = checkJson(cwd);
    assert.equal(all.report.files, 1);
    assert.equal(all.status, 0);
    const named = checkJson(cwd, 'node_modules/mod');
    assert.equal(named.report.files, 1);
    assert.equal(named.status, 1);
  });

  test('CDK source found beside Terraform is analysed (its grammar is loaded once the files are known)', () => {
    const cwd = workspace({ 'main.tf': CLEAN_TF });
    fs.cpSync(path.join(REPO_ROOT, 'test', 'fixtures', 'cdk', 'network'), path.join(cwd, 'cdk'), { recursive: true });
    const { report } = checkJson(cwd, '--fail-on', 'never');
    assert.equal(report.files, 4);
    const stack = report.diagnostics.filter((d) => d.file === 'cdk/lib/network-stack.ts').map((d) => `${d.code}:${d.range.start.line}`);
    assert.deepEqual(stack.sort(), ['nat-cross-az:19', 'sg-world-admin-port:27', 'subnet-outside-vpc:32', 'vpc-flow-logs:29']);
  });

  test('files of other kinds are not analysed; a file named twice counts once', () => {
    const cwd = workspace({ 'main.tf': CLEAN_TF, 'README.md': '# hi', 'notes.txt': 'x' });
    const { report } = checkJson(cwd, '.', 'main.tf');
    assert.equal(report.files, 1);
  });

  test('a binary file does not crash the check', () => {
    const binary = Buffer.from([0x00, 0xff, 0xfe, 0x01, 0x02, 0x80, 0x00, 0x0a, 0x7b, 0x7b, 0xc3, 0x28]);
    const cwd = workspace({ 'main.tf': CLEAN_TF, 'blob.tf': binary });
    const { status, report } = checkJson(cwd);
    assert.ok(status === 0 || status === 1, `exit ${status}`);
    assert.equal(report.files, 2);
  });

  test('an unreadable file is reported on stderr, the rest is still checked, exit 2', () => {
    const cwd = workspace({ 'main.tf': SUBNET_OUTSIDE_VPC_TF });
    fs.symlinkSync(path.join(cwd, 'gone.tf.target'), path.join(cwd, 'gone.tf'));
    const { status, report, stderr } = checkJson(cwd);
    assert.equal(status, 2);
    assert.equal(stderr, 'vpc-lens: cannot read gone.tf: no such file or directory\n');
    assert.equal(report.files, 1);
    assert.ok(report.diagnostics.length > 0);
  });

  test('a symbolic link loop is walked once', () => {
    const cwd = workspace({ 'a/main.tf': CLEAN_TF });
    fs.symlinkSync(cwd, path.join(cwd, 'a', 'loop'), 'dir');
    const { status, report } = checkJson(cwd);
    assert.equal(status, 0);
    assert.equal(report.files, 1);
  });
});

describe('check: local modules outside the given paths', () => {
  // The layout most Terraform repositories have: environments that call shared modules by a relative path.
  const LAYOUT = fixtureTree('terraform-layouts/envs-and-modules');

  test('a module called from outside the PATH is read as Terraform reads it, and so are the modules it calls', () => {
    const cwd = workspace(LAYOUT);
    const { status, report, stderr } = checkJson(cwd, 'envs/prod');
    assert.equal(stderr, '');
    assert.deepEqual(
      report.diagnostics.map((d) => [d.file, d.range.start.line, d.code]),
      [
        // The wrong value is reported where it is written: the environment's input to the module.
        ['envs/prod/main.tf', 3, 'subnet-outside-vpc'],
        ['modules/endpoints/main.tf', 8, 'sg-world-admin-port'],
      ],
    );
    // The module folders' .tf files: not a module's subfolder (its example), nor its .tfvars, nor an uncalled module.
    assert.equal(report.files, 3);
    assert.equal(status, 1);
  });

  test('a module folder that is missing or excluded is named at its source, the rest is checked', () => {
    const cwd = workspace({
      ...LAYOUT,
      'envs/prod/main.tf': `${LAYOUT['envs/prod/main.tf']}\nmodule "gone" {\n  source = "../../modules/gone"\n}\n`,
      '.vpc-lens.json': JSON.stringify({ exclude: ['modules/endpoints/**'] }),
    });
    const { status, report, stderr } = checkJson(cwd, 'envs/prod');
    assert.equal(stderr, '');
    assert.deepEqual(
      report.diagnostics.map((d) => [d.file, d.range.start.line, d.code, d.message]),
      [
        ['envs/prod/main.tf', 3, 'subnet-outside-vpc', 'Subnet 10.1.0.0/24 is outside VPC module.network.aws_vpc.this (10.0.0.0/16)'],
        ['envs/prod/main.tf', 7, 'evaluation', 'Module source "../../modules/gone" not found: no .tf files were read from that folder'],
        ['modules/network/main.tf', 18, 'evaluation', 'Module source "../endpoints" not found: no .tf files were read from that folder'],
      ],
    );
    assert.equal(status, 1);
  });
});

describe('check: modules installed by terraform init', () => {
  test('the module is read from .terraform/modules, which no walk enters, and its findings are shown at the module block', () => {
    const cwd = workspace(INITIALISED);
    const { status, report, stderr } = checkJson(cwd, 'live');
    assert.equal(stderr, '');
    assert.deepEqual(
      report.diagnostics.map((d) => [d.file, d.range.start.line, d.range.start.character, d.code]),
      [
        // The module's own: its group opens SSH, its two subnets use the main route table, its VPC has no flow log.
        ['live/main.tf', 0, 7, 'sg-world-admin-port'],
        ['live/main.tf', 0, 7, 'subnet-implicit-route-table'],
        ['live/main.tf', 0, 7, 'subnet-implicit-route-table'],
        ['live/main.tf', 0, 7, 'vpc-flow-logs'],
        // The user's own mistake, where it is written.
        ['live/main.tf', 4, 28, 'subnet-outside-vpc'],
      ],
    );
    // The root, the manifest and the module's two files; its VPC, subnets, group and the root's route table.
    assert.equal(report.files, 4);
    assert.equal(report.resources, 5);
    assert.equal(status, 1);
  });

  test('before terraform init the call is not followed, and nothing else is said', () => {
    const cwd = workspace({ 'live/main.tf': INITIALISED['live/main.tf']! });
    const { status, report, stderr } = checkJson(cwd, 'live');
    assert.equal(stderr, '');
    assert.deepEqual(report.diagnostics, []);
    assert.equal(status, 0);
  });
});

describe('cidr', () => {
  test('prints usable count and the 5 reserved addresses of 10.0.0.0/24', () => {
    const run = runCli(['cidr', '10.0.0.0/24'], REPO_ROOT);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /\b251\b/);
    for (const a of ['10.0.0.0', '10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.255']) {
      assert.match(run.stdout, new RegExp(`^\\S*:?\\s+${a.replace(/\./g, '\\.')}\\s`, 'm'), a);
    }
    assert.match(run.stdout, /255\.255\.255\.0/);
    assert.match(run.stdout, /10\.0\.0\.4 - 10\.0\.0\.254/);
  });

  test('--format json gives one object for one block', () => {
    const run = runCli(['cidr', '10.0.0.0/24', '--format', 'json'], REPO_ROOT);
    assert.equal(run.status, 0);
    const o = JSON.parse(run.stdout);
    assert.equal(o.network, '10.0.0.0');
    assert.equal(o.netmask, '255.255.255.0');
    assert.equal(o.total, 256);
    assert.equal(o.usable, 251);
    assert.deepEqual(
      o.reserved.map((r: { address: string }) => r.address),
      ['10.0.0.0', '10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.255'],
    );
  });

  test('several blocks give an array in order; an invalid one goes to stderr and exits 2', () => {
    const run = runCli(['cidr', '10.0.0.0/28', '10.0.0.300/24', '2001:db8::/64', '--format', 'json'], REPO_ROOT);
    assert.equal(run.status, 2);
    const list = JSON.parse(run.stdout) as { usable: number | string; network: string }[];
    assert.deepEqual(list.map((b) => b.network), ['10.0.0.0', '2001:db8::']);
    assert.equal(list[0]!.usable, 11);
    assert.equal(run.stderr.trimEnd().split('\n').length, 1);
    assert.match(run.stderr, /^vpc-lens: invalid CIDR block '10\.0\.0\.300\/24': /);
  });
});

describe('rules, help and version', () => {
  const ADDRESSING = [
    'cidr-syntax',
    'cidr-host-bits',
    'vpc-cidr-size',
    'subnet-cidr-size',
    'vpc-cidr-range',
    'vpc-secondary-cidr',
    'vpc-cidr-limit',
    'subnet-outside-vpc',
    'subnet-overlap',
    'subnet-public-oversized',
  ];

  test('rules lists the addressing rules with severity and docs link', () => {
    const run = runCli(['rules'], REPO_ROOT);
    assert.equal(run.status, 0);
    for (const id of ADDRESSING) assert.match(run.stdout, new RegExp(`^${id}\\s+(error|warning|info|hint)\\s+.+\\s+https://\\S+${id}\\.md$`, 'm'), id);
  });

  test('rules --format json is an array of catalog entries', () => {
    const run = runCli(['rules', '--format', 'json'], REPO_ROOT);
    assert.equal(run.status, 0);
    const list = JSON.parse(run.stdout) as { id: string; severity: string; title: string; docsUrl: string }[];
    for (const id of ADDRESSING) assert.ok(list.some((r) => r.id === id), id);
    const overlap = list.find((r) => r.id === 'subnet-overlap')!;
    assert.equal(overlap.severity, 'error');
    assert.match(overlap.docsUrl, /subnet-overlap\.md$/);
  });

  test('--help, help check and --version', () => {
    const help = runCli(['--help'], REPO_ROOT);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /vpc-lens check \[PATH\.\.\.\]/);
    assert.match(help.stdout.split('\n')[0]!, /for Terraform, CloudFormation and CDK/, 'the first line names every format check reads');
    const checkHelp = runCli(['help', 'check'], REPO_ROOT);
    assert.equal(checkHelp.status, 0);
    assert.match(checkHelp.stdout, /--fail-on/);
    assert.equal(runCli(['check', '--help'], REPO_ROOT).stdout, checkHelp.stdout);
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(runCli(['--version'], REPO_ROOT).stdout, `${pkg.version}\n`);
  });
});

describe('check: VPC_LENS_TIMING', () => {
  test('prints one line of phase times on stderr, and the report unchanged on stdout', () => {
    const cwd = workspace({ 'main.tf': HOST_BITS_TF });
    const plain = runCli(['check', '.', '--format', 'json'], cwd, { VPC_LENS_TIMING: undefined });
    const timed = runCli(['check', '.', '--format', 'json'], cwd, { VPC_LENS_TIMING: '1' });
    assert.equal(timed.stdout, plain.stdout);
    assert.equal(timed.status, plain.status);
    assert.doesNotMatch(plain.stderr, /timing/);
    // The launcher says first which V8 flags it set and whether it ran the bundle from V8's code cache (see
    // codeCache.test.ts).
    assert.match(
      timed.stderr,
      /^vpc-lens: v8 flags: --interrupt-budget=\d+ --no-regexp-tier-up\nvpc-lens: code cache: (used|none|rejected) \(cliMain\.[0-9a-f]{16}\.codecache\)\nvpc-lens: timing: start \d+ ms \(\d+ page faults\), discover \d+ ms \(\d+ page faults\), read \d+ ms \(\d+ page faults\), analyse \d+ ms \(\d+ page faults\), report \d+ ms \(\d+ page faults\); total \d+ ms\n$/,
    );
  });
});
