// The CLI's pure parts: argument parsing and the text and SARIF formatters, on hand-made reports.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs, UsageError } from '../../server/src/cli/args';
import { formatText, summaryLine } from '../../server/src/cli/format/text';
import { formatSarif } from '../../server/src/cli/format/sarif';
import type { CheckReport, ReportDiagnostic } from '../../server/src/cli/report';
import { failsAt } from '../../server/src/cli/checkCommand';

const range = (line: number, character: number, endCharacter = character + 5) => ({
  start: { line, character },
  end: { line, character: endCharacter },
});

function diagnostic(over: Partial<ReportDiagnostic>): ReportDiagnostic {
  return {
    file: 'main.tf',
    range: range(6, 15),
    severity: 'error',
    code: 'subnet-outside-vpc',
    message: 'Subnet 10.1.0.0/24 is outside VPC main (10.0.0.0/16)',
    docsUrl: 'https://example.test/subnet-outside-vpc.md',
    related: [],
    ...over,
  };
}

const report = (diagnostics: ReportDiagnostic[], files = 2, resources = 5): CheckReport => ({ files, resources, diagnostics });

describe('text format', () => {
  test('lines, headers, related places and the summary', () => {
    const out = formatText(
      report([
        diagnostic({ related: [{ file: 'main.tf', range: range(1, 15), message: 'VPC block 10.0.0.0/16' }] }),
        diagnostic({ file: 'sub/b.tf', range: range(0, 0), severity: 'hint', code: 'x-y', message: 'm' }),
      ]),
      { color: false },
    );
    assert.equal(
      out,
      [
        'main.tf',
        'main.tf:7:16  error    Subnet 10.1.0.0/24 is outside VPC main (10.0.0.0/16)  [subnet-outside-vpc]',
        '    related: main.tf:2:16 VPC block 10.0.0.0/16',
        '',
        'sub/b.tf',
        'sub/b.tf:1:1  hint     m  [x-y]',
        '',
        '1 error, 1 hint in 2 files (5 resources)',
        '',
      ].join('\n'),
    );
  });

  test('colour only when asked', () => {
    const d = [diagnostic({})];
    assert.ok(!formatText(report(d), { color: false }).includes('\u001b['));
    assert.ok(formatText(report(d), { color: true }).includes('\u001b[31merror  \u001b[39m'));
  });

  test('summary counts and plurals', () => {
    const many = [
      ...Array.from({ length: 3 }, () => diagnostic({})),
      ...Array.from({ length: 2 }, () => diagnostic({ severity: 'warning' })),
      diagnostic({ severity: 'info' }),
    ];
    assert.equal(summaryLine(report(many, 4, 12)), '3 errors, 2 warnings, 1 info in 4 files (12 resources)');
    assert.equal(summaryLine(report([], 4, 12)), 'No problems found in 4 files (12 resources)');
    assert.equal(summaryLine(report([], 1, 1)), 'No problems found in 1 file (1 resource)');
  });
});

describe('--fail-on', () => {
  test('fails at or above the level; never never fails', () => {
    const warning = report([diagnostic({ severity: 'warning' })]);
    assert.equal(failsAt(warning, 'error'), false);
    assert.equal(failsAt(warning, 'warning'), true);
    assert.equal(failsAt(warning, 'info'), true);
    assert.equal(failsAt(report([diagnostic({})]), 'never'), false);
    assert.equal(failsAt(report([diagnostic({ severity: 'hint' })]), 'info'), false);
  });
});

describe('SARIF format', () => {
  test('levels, rule indexes, 1-based regions, encoded relative URIs, unknown codes get a rule', () => {
    const sarif = JSON.parse(
      formatSarif(
        report([
          diagnostic({ file: 'my dir/main.tf', related: [{ file: 'main.tf', range: range(1, 2), message: 'VPC' }] }),
          diagnostic({ severity: 'hint', code: 'parse-error' }),
          diagnostic({ severity: 'info', code: 'brand-new' }),
        ]),
        {
          toolVersion: '9.9.9',
          informationUri: 'https://example.test',
          srcRootUri: 'file:///work/',
          rules: [
            { id: 'subnet-outside-vpc', title: 'Subnet outside', defaultSeverity: 'error', docsUrl: 'https://d/s.md' },
            { id: 'parse-error', title: 'Parse error', defaultSeverity: 'error', docsUrl: undefined },
          ],
        },
      ),
    );
    const run = sarif.runs[0];
    assert.deepEqual(
      run.tool.driver.rules.map((r: { id: string }) => r.id),
      ['subnet-outside-vpc', 'parse-error', 'brand-new'],
    );
    assert.deepEqual(
      run.results.map((r: { ruleIndex: number; level: string }) => [r.ruleIndex, r.level]),
      [
        [0, 'error'],
        [1, 'note'],
        [2, 'note'],
      ],
    );
    const first = run.results[0];
    assert.deepEqual(first.locations[0].physicalLocation, {
      artifactLocation: { uri: 'my%20dir/main.tf', uriBaseId: '%SRCROOT%' },
      region: { startLine: 7, startColumn: 16, endLine: 7, endColumn: 21 },
    });
    assert.deepEqual(first.relatedLocations[0].message, { text: 'VPC' });
    assert.equal(first.relatedLocations[0].id, 1);
    assert.equal(run.results[1].relatedLocations, undefined);
    assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///work/' } });
  });
});

describe('argument parsing', () => {
  test('defaults and repeated var files', () => {
    assert.deepEqual(parseArgs(['check']), {
      kind: 'check',
      paths: ['.'],
      format: 'text',
      config: undefined,
      varFiles: [],
      failOn: 'error',
    });
    assert.deepEqual(parseArgs(['check', 'a', '--var-file', 'x.tfvars', '--var-file=y.tfvars', 'b', '--format=sarif']), {
      kind: 'check',
      paths: ['a', 'b'],
      format: 'sarif',
      config: undefined,
      varFiles: ['x.tfvars', 'y.tfvars'],
      failOn: 'error',
    });
    assert.deepEqual(parseArgs(['check', '--', '--odd-folder']), {
      kind: 'check',
      paths: ['--odd-folder'],
      format: 'text',
      config: undefined,
      varFiles: [],
      failOn: 'error',
    });
  });

  test('usage errors', () => {
    for (const argv of [
      ['check', '--format', 'xml'],
      ['check', '--config'],
      ['check', '--config', '--format', 'json'],
      ['check', '--format', 'json', '--format', 'text'],
      ['cidr'],
      ['rules', 'extra'],
      ['help', 'nope'],
      ['--nope'],
    ]) {
      assert.throws(() => parseArgs(argv), UsageError, argv.join(' '));
    }
  });
});
