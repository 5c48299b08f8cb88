// Whole-analysis mutation fuzz: a Terraform workspace, or a folder of CDK apps, with one file broken in random ways
// (cut, duplicated lines, stray tokens, truncation) is analysed without an exception and without a front-end or
// rule failing (each such failure is logged, or reported as "VPC Lens could not ..."), and the broken file's
// neighbours are still analysed. The fast parser's own fuzz
// (terraform/fastParse.test.ts) checks its AST; this one covers evaluation, the model and the rules behind it.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_SETTINGS } from '../../../server/src/core/config/settings';
import { createWorkspace } from '../../../server/src/host/createWorkspace';
import { type Random, seededRandom } from '../../bench/random';
import { generateWorkspace } from '../../bench/workspace';

const REPO = path.resolve(__dirname, '../../..');
// The bundled examples (two AZs, deliberate mistakes), and the benchmark's generator at a small size: its roots
// call a local module, use count and cidrsubnet(), and carry planted mistakes.
const GENERATED = fs.mkdtempSync(path.join(os.tmpdir(), 'vpc-lens-mutants-'));
generateWorkspace(GENERATED, 300, 3);
after(() => fs.rmSync(GENERATED, { recursive: true, force: true }));
// Tokens that reach evaluation's edge cases when they land in a valid spot: splats, for expressions, templates,
// heredocs, references, out-of-range CIDRs and numbers.
const HCL_TOKENS = ['{', '}', '"', '${', '[', ']', '(', ')', '=', '\n', '#', '/*', '*/', '<<EOF\n', '\nEOF\n', '%{', '...', ',', ':', '?',
  'count.index', 'each.value', 'var.', 'local.', '.*', '[*]', 'for x in', '=>', '0.0.0.0/0', '10.0.0.0/33', '::/0', 'cidrsubnet(', '-1', '1e400'];
// The same for CDK apps: loops and branches that never end or never run, escape hatches, unknown receivers.
const TS_TOKENS = ['{', '}', '(', ')', '[', ']', '`', '${', "'", ';', ',', '.', '=>', '...', '?.', '!', '\n', '//', '/*', '*/',
  'while (true) {', 'for (;;) ', 'do {', 'switch (x) { case 1: ', 'try {', 'finally {', 'break;', 'return;', 'this.', 'super(', 'new ',
  'new ec2.Vpc(this, ', '.node.defaultChild', '.addPropertyOverride(', '.connections.allowFrom(', 'vpc.privateSubnets.push(',
  'ec2.Peer.anyIpv4()', '0.0.0.0/0', '10.0.0.0/33', '1e400', '>>> 32', '.reduce((a, b) => a + b)', 'cdk.Stack.of(this)'];
const WORKSPACES = [
  { label: 'examples', dir: path.join(REPO, 'examples'), files: /\.(tf|tfvars)$/, tokens: HCL_TOKENS },
  { label: 'a generated workspace of 300 resources', dir: GENERATED, files: /\.(tf|tfvars)$/, tokens: HCL_TOKENS },
  // Each fixture app is its own unit: a broken app leaves the others' findings.
  { label: 'the CDK oracle apps', dir: path.join(REPO, 'test/fixtures/cdk/oracle'), files: /\.(ts|json)$/, tokens: TS_TOKENS },
];
const MUTANTS_PER_WORKSPACE = 150;

function mutate(text: string, random: Random, tokens: readonly string[]): string {
  const edits = random.int(1, 3);
  for (let i = 0; i < edits; i++) {
    const at = random.int(0, text.length);
    const kind = random.next();
    if (kind < 0.3) text = text.slice(0, at) + text.slice(at + random.int(1, 20));
    else if (kind < 0.7) text = text.slice(0, at) + random.pick(tokens) + text.slice(at);
    else if (kind < 0.85) {
      const lines = text.split('\n');
      const line = random.int(0, lines.length - 1);
      lines.splice(line, 0, lines[line] ?? '');
      text = lines.join('\n');
    } else text = text.slice(0, at);
  }
  return text;
}

/** Every file under `dir` whose name matches `pattern`, with its text. */
function filesOf(dir: string, pattern: RegExp): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !pattern.test(entry.name)) continue;
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    out.set(`file://${file}`, fs.readFileSync(file, 'utf8'));
  }
  return out;
}

describe('a workspace with one file broken at random', () => {
  for (const { label, dir, files: pattern, tokens } of WORKSPACES) {
    test(`${label}: ${MUTANTS_PER_WORKSPACE} mutants analysed without a failure, the other files still analysed`, async () => {
      const errors: string[] = [];
      const ws = await createWorkspace({ error: (message) => errors.push(message) });
      const files = filesOf(dir, pattern);
      const uris = [...files.keys()];
      assert.ok(uris.length >= 4, `${label} has files`);
      const random = seededRandom(20261206);
      for (const [uri, text] of files) ws.setFile(uri, text);
      const intact = ws.analyze(DEFAULT_SETTINGS);
      // Files a front-end analyses (a JSON file beside a CDK app is only read by it).
      const analysed = uris.filter((uri) => intact.diagnostics.has(uri));
      const findingsIntact = uris.reduce((n, uri) => n + (intact.diagnostics.get(uri)?.length ?? 0), 0);
      assert.ok(findingsIntact > 0, 'the intact workspace has findings to lose');

      let stillFinding = 0;
      for (let i = 0; i < MUTANTS_PER_WORKSPACE; i++) {
        const victim = random.pick(uris);
        const mutant = mutate(files.get(victim)!, random, tokens);
        ws.setFile(victim, mutant);
        const analysis = ws.analyze(DEFAULT_SETTINGS);
        assert.deepEqual(errors, [], `mutant ${i} of ${victim}:\n${mutant}`);
        // A front-end that catches its own failure reports it as a finding: none may say so.
        const failures = [...analysis.diagnostics.values()].flat().filter((d) => /^VPC Lens could not (evaluate|expand|map)/.test(d.message));
        assert.deepEqual(failures.map((d) => d.message), [], `mutant ${i} of ${victim}:\n${mutant}`);
        // Every file keeps an entry, whatever became of the one that broke (unless the break made it a file no
        // front-end reads: a .ts file that no longer imports aws-cdk-lib).
        const claimed = new Set(ws.analysedFiles());
        for (const uri of analysed) if (claimed.has(uri)) assert.ok(analysis.diagnostics.has(uri), `mutant ${i}: ${uri} was analysed`);
        for (const uri of analysed) if (uri !== victim) assert.ok(claimed.has(uri), `mutant ${i}: ${uri} is still analysed`);
        if (uris.some((uri) => uri !== victim && (analysis.diagnostics.get(uri)?.length ?? 0) > 0)) stillFinding++;
        ws.setFile(victim, files.get(victim)!);
      }
      // The rest of the workspace is still analysed: most mutants leave findings in the other files.
      assert.ok(stillFinding > MUTANTS_PER_WORKSPACE / 2, `findings elsewhere in ${stillFinding} of ${MUTANTS_PER_WORKSPACE} mutants`);
    });
  }
});
