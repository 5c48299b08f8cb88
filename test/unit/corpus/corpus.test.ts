/**
 * Real-world corpus: every file of AWS's public sample templates (../shared/corpus/aws-cloudformation-templates,
 * beside the repository) goes through the real Workspace, and the findings per file must equal the reviewed
 * snapshot test/snapshots/corpus/findings.json.
 *
 * When findings change on purpose (a new rule, a fixed false positive), regenerate the snapshot and review
 * the diff before committing it:
 *
 *   UPDATE_SNAPSHOTS=1 node --import tsx --test test/unit/corpus/corpus.test.ts
 *
 * Every line of the snapshot is a finding a network engineer agreed with (see test/snapshots/README.md).
 * Without the corpus (or with VPC_LENS_CORPUS pointing elsewhere that does not exist) the test says so in a
 * diagnostic and checks an inline template instead.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  analyseFiles,
  CORPUS_DIR,
  corpusFiles,
  countsByRule,
  type FindingsSnapshot,
  SNAPSHOT_FILE,
} from './corpusAnalysis';

const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';
/** The corpus takes about 4 s here; the budget leaves room for a loaded CI machine, never for a hang. */
const BUDGET_MS = 30_000;
const TIMEOUT_MS = 50_000;

/** Used when the corpus is not checked out: a template with the corpus's most common legitimate finding. */
const INLINE_TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  SSHLocation:
    Type: String
    Default: 0.0.0.0/0
Resources:
  VPC:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  InstanceSecurityGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: SSH
      VpcId: !Ref VPC
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: !Ref SSHLocation
`;

function readSnapshot(): FindingsSnapshot | undefined {
  if (!fs.existsSync(SNAPSHOT_FILE)) return undefined;
  return JSON.parse(fs.readFileSync(SNAPSHOT_FILE, 'utf8')) as FindingsSnapshot;
}

function writeSnapshot(snapshot: FindingsSnapshot): void {
  fs.mkdirSync(path.dirname(SNAPSHOT_FILE), { recursive: true });
  fs.writeFileSync(SNAPSHOT_FILE, `${JSON.stringify(snapshot, null, 2)}\n`);
}

/** Only the files whose findings differ, so a failure shows the change and not 160 unchanged files. */
function changedEntries(actual: FindingsSnapshot, expected: FindingsSnapshot): [FindingsSnapshot, FindingsSnapshot] {
  const a: FindingsSnapshot = {};
  const e: FindingsSnapshot = {};
  for (const rel of new Set([...Object.keys(actual), ...Object.keys(expected)])) {
    if (JSON.stringify(actual[rel]) === JSON.stringify(expected[rel])) continue;
    if (actual[rel]) a[rel] = actual[rel];
    if (expected[rel]) e[rel] = expected[rel];
  }
  return [a, e];
}

describe('AWS sample template corpus through the workspace', () => {
  test('every template is claimed, parses, analyses in time and yields the reviewed findings', { timeout: TIMEOUT_MS }, async (t) => {
    if (!fs.existsSync(CORPUS_DIR)) {
      t.diagnostic(`corpus not found at ${CORPUS_DIR}: checking an inline template instead`);
      const { findings, unclaimed, errors } = await analyseFiles(new Map([['inline/ssh.yaml', INLINE_TEMPLATE]]));
      assert.deepEqual(unclaimed, []);
      assert.deepEqual(errors, []);
      // Other rules (flow logs, ...) may add lines here as they land: only this one is pinned.
      assert.ok(
        findings['inline/ssh.yaml']?.includes(
          '5:14 sg-world-admin-port Security group rule opens SSH (22) to 0.0.0.0/0: the whole internet (TCP port 22)',
        ),
        JSON.stringify(findings),
      );
      assert.ok(!findings['inline/ssh.yaml']?.some((l) => l.includes(' parse-error ')), JSON.stringify(findings));
      return;
    }

    const rels = corpusFiles(CORPUS_DIR);
    assert.ok(rels.length >= 150, `only ${rels.length} templates found in ${CORPUS_DIR}`);
    const texts = new Map(rels.map((rel) => [rel, fs.readFileSync(path.join(CORPUS_DIR, ...rel.split('/')), 'utf8')]));
    const { findings, unclaimed, errors, analyseMs } = await analyseFiles(texts);
    t.diagnostic(`${rels.length} templates analysed in ${analyseMs.toFixed(0)} ms`);
    t.diagnostic(`findings: ${countsByRule(findings).map(([code, n]) => `${code} ${n}`).join(', ') || 'none'}`);

    assert.deepEqual(unclaimed, [], 'valid templates that no front-end claimed');
    assert.deepEqual(errors, [], 'a front-end or rule threw');
    const parseErrors = Object.entries(findings).flatMap(([rel, lines]) =>
      lines.filter((l) => l.split(' ')[1] === 'parse-error').map((l) => `${rel} ${l}`),
    );
    assert.deepEqual(parseErrors, [], 'parse-error on a valid template');
    assert.ok(analyseMs < BUDGET_MS, `the corpus took ${analyseMs.toFixed(0)} ms (budget ${BUDGET_MS} ms)`);

    const expected = readSnapshot();
    if (UPDATE || expected === undefined) {
      writeSnapshot(findings);
      t.diagnostic(`wrote ${path.relative(process.cwd(), SNAPSHOT_FILE)}: review its diff`);
      // A missing snapshot is a failure outside update mode, so CI never passes without one.
      assert.ok(UPDATE, `no snapshot at ${SNAPSHOT_FILE}: one was written, review it and run again`);
      return;
    }
    const [actualChanged, expectedChanged] = changedEntries(findings, expected);
    assert.deepEqual(
      actualChanged,
      expectedChanged,
      'findings differ from test/snapshots/corpus/findings.json; if the change is intended, regenerate with UPDATE_SNAPSHOTS=1 and review the diff',
    );
  });
});
