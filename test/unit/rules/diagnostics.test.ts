import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { finalizeDiagnostics } from '../../../server/src/core/analysis/diagnostics';
import { parseIgnoreComment } from '../../../server/src/core/analysis/suppressions';
import type { AnalysisSettings } from '../../../server/src/core/config/settings';
import type { SourceProblem } from '../../../server/src/core/frontends/types';
import { type Finding, docsUrl } from '../../../server/src/core/rules/types';

const FILE = 'file:///w/main.tf';

/** A finding on the first occurrence of `needle` in `text`. */
function findingAt(text: string, needle: string, ruleId: string, message = `${ruleId} here`): Finding {
  const start = text.indexOf(needle);
  assert.ok(start >= 0, `fixture has no ${needle}`);
  return { ruleId, message, span: { file: FILE, start, end: start + needle.length } };
}

function finalize(text: string, findings: Finding[], opts: { rules?: AnalysisSettings['rules']; problems?: SourceProblem[] } = {}) {
  const out = finalizeDiagnostics({
    findings,
    problems: opts.problems ?? [],
    settings: { rules: opts.rules ?? {}, terraformVarFiles: [] },
    files: [FILE],
    textOf: (uri) => (uri === FILE ? text : undefined),
  });
  return out.get(FILE)!;
}

const TEXT = [
  'resource "aws_subnet" "a" {',
  '  cidr_block = "10.1.0.0/24"',
  '}',
].join('\n');

describe('severity', () => {
  test('catalog default, user override, off, docs link', () => {
    const f = findingAt(TEXT, '"10.1.0.0/24"', 'subnet-outside-vpc');
    assert.deepEqual(finalize(TEXT, [f]), [{ ...f, severity: 'error', docsUrl: docsUrl('subnet-outside-vpc') }]);
    assert.equal(finalize(TEXT, [f], { rules: { 'subnet-outside-vpc': 'hint' } })[0]!.severity, 'hint');
    assert.deepEqual(finalize(TEXT, [f], { rules: { 'subnet-outside-vpc': 'off' } }), []);
    assert.equal(finalize(TEXT, [findingAt(TEXT, 'cidr_block', 'subnet-public-oversized')])[0]!.severity, 'info');
  });

  test('source problems become diagnostics with their own code and severity; settings may change it', () => {
    const problems: SourceProblem[] = [
      { code: 'parse-error', severity: 'error', message: 'unexpected }', span: { file: FILE, start: 2, end: 3 } },
      { code: 'evaluation', severity: 'warning', message: 'module source not found', span: { file: FILE, start: 0, end: 8 } },
    ];
    const out = finalize(TEXT, [], { problems });
    assert.deepEqual(out.map((d) => [d.ruleId, d.severity, d.span.start]), [['evaluation', 'warning', 0], ['parse-error', 'error', 2]]);
    assert.equal(out[0]!.docsUrl, undefined);
    assert.deepEqual(finalize(TEXT, [], { problems, rules: { evaluation: 'off' } }).map((d) => d.ruleId), ['parse-error']);
  });
});

describe('suppression comments', () => {
  const lines = (...l: string[]): string => l.join('\n');

  test('on the finding line (trailing #) and on the line before (// form)', () => {
    const text = lines(
      'resource "aws_subnet" "a" {',
      '  cidr_block = "10.1.0.0/24" # vpc-lens-ignore subnet-outside-vpc',
      '  // vpc-lens-ignore cidr-host-bits',
      '  ipv6_cidr_block = "2001:db8::1/64"',
      '}',
    );
    const a = findingAt(text, '"10.1.0.0/24"', 'subnet-outside-vpc');
    const b = findingAt(text, '"2001:db8::1/64"', 'cidr-host-bits');
    const other = findingAt(text, '"10.1.0.0/24"', 'subnet-overlap');
    assert.deepEqual(finalize(text, [a, b, other]).map((d) => d.ruleId), ['subnet-overlap']);
  });

  test('several ids (comma and space separated), a reason after --, stacked comment lines', () => {
    const text = lines(
      '# vpc-lens-ignore subnet-overlap, cidr-host-bits -- legacy range, owned by team X',
      '# vpc-lens-ignore vpc-cidr-range',
      '# some other comment',
      'cidr_block = "8.8.8.8/16"',
    );
    const ids = ['subnet-overlap', 'cidr-host-bits', 'vpc-cidr-range', 'vpc-cidr-size'];
    const out = finalize(text, ids.map((id) => findingAt(text, '"8.8.8.8/16"', id)));
    assert.deepEqual(out.map((d) => d.ruleId), ['vpc-cidr-size']);
  });

  test('a bare vpc-lens-ignore ignores every rule there, but never parse errors', () => {
    const text = lines('cidr_block = "8.8.8.8/16" # vpc-lens-ignore', 'x');
    const problem: SourceProblem = { code: 'parse-error', severity: 'error', message: 'bad', span: { file: FILE, start: 0, end: 1 } };
    const out = finalize(text, [findingAt(text, '"8.8', 'vpc-cidr-range'), findingAt(text, '"8.8', 'cidr-host-bits')], { problems: [problem] });
    assert.deepEqual(out.map((d) => d.ruleId), ['parse-error']);
  });

  test('does not reach past code lines, nor apply a trailing comment of the line above', () => {
    const text = lines(
      '# vpc-lens-ignore subnet-overlap',
      'name = "x"',
      'a = "10.0.0.0/24" # vpc-lens-ignore subnet-overlap',
      'b = "10.0.0.0/25"',
    );
    const out = finalize(text, [findingAt(text, '"10.0.0.0/25"', 'subnet-overlap'), findingAt(text, '"x"', 'cidr-syntax')]);
    assert.deepEqual(out.map((d) => d.ruleId), ['cidr-syntax', 'subnet-overlap']);
  });

  test('parses ignore comments', () => {
    assert.equal(parseIgnoreComment('a = 1'), undefined);
    assert.equal(parseIgnoreComment('  # vpc-lens-ignore'), 'all');
    assert.equal(parseIgnoreComment('  # vpc-lens-ignore -- why'), 'all');
    assert.deepEqual([...(parseIgnoreComment('//vpc-lens-ignore a,b  c') as Set<string>)], ['a', 'b', 'c']);
    assert.equal(parseIgnoreComment('# vpc-lens-ignored a'), undefined);
  });
});

describe('de-duplication and order', () => {
  test('identical findings (one module called twice) are reported once; different messages stay', () => {
    const text = 'a = "10.0.0.7/24"\nb = "10.0.0.0/8"';
    const one = findingAt(text, '"10.0.0.7/24"', 'cidr-host-bits', 'same');
    const out = finalize(text, [
      findingAt(text, '"10.0.0.0/8"', 'vpc-cidr-size'),
      one,
      { ...one },
      { ...one, message: 'other instance' },
    ]);
    assert.deepEqual(out.map((d) => [d.ruleId, d.message]), [
      ['cidr-host-bits', 'other instance'],
      ['cidr-host-bits', 'same'],
      ['vpc-cidr-size', 'vpc-cidr-size here'],
    ]);
  });

  test('every analysed file gets an entry; findings in other files get one too', () => {
    const out = finalizeDiagnostics({
      findings: [{ ruleId: 'cidr-syntax', message: 'm', span: { file: 'file:///w/x.tfvars', start: 0, end: 1 } }],
      problems: [],
      settings: { rules: {}, terraformVarFiles: [] },
      files: [FILE],
      textOf: () => undefined,
    });
    assert.deepEqual([...out.keys()], [FILE, 'file:///w/x.tfvars']);
    assert.equal(out.get('file:///w/x.tfvars')!.length, 1);
  });
});
