import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeSettings, parseProjectConfig } from '../../../server/src/core/config/projectConfig';
import { matchesAnyGlob, matchesGlob } from '../../../server/src/core/config/globs';
import { DEFAULT_SETTINGS } from '../../../server/src/core/config/settings';

describe('.vpc-lens.json', () => {
  test('reads rules, exclude and var files (comments and trailing commas allowed)', () => {
    const text = `{
      // project settings
      "$schema": "./schema.json",
      "rules": { "subnet-overlap": "warning", "vpc-flow-logs": "off", "evaluation": "off", },
      "exclude": ["legacy/**", "*.bak.tf"],
      "terraform": { "varFiles": ["env/prod.tfvars", "/abs/common.tfvars"] },
    }`;
    const { config, settings, problems } = parseProjectConfig(text, { baseUri: 'file:///work/repo' });
    assert.deepEqual(problems, []);
    assert.deepEqual(config, {
      rules: { 'subnet-overlap': 'warning', 'vpc-flow-logs': 'off', evaluation: 'off' },
      exclude: ['legacy/**', '*.bak.tf'],
      terraformVarFiles: ['env/prod.tfvars', '/abs/common.tfvars'],
    });
    assert.deepEqual(settings.terraformVarFiles, ['file:///work/repo/env/prod.tfvars', 'file:///abs/common.tfvars']);
    assert.deepEqual(settings.rules, config.rules);
  });

  test('reports unknown rule ids and bad severities with the offending key, and keeps the valid entries', () => {
    const text = '{"rules": {"subnet-overlapp": "off", "cidr-syntax": "fatal", "vpc-cidr-size": 3, "cidr-host-bits": "hint"}}';
    const { settings, problems } = parseProjectConfig(text);
    assert.deepEqual(settings.rules, { 'cidr-host-bits': 'hint' });
    assert.deepEqual(problems.map((p) => p.message), [
      'Unknown rule id "subnet-overlapp" in "rules"; did you mean "subnet-overlap"?',
      'Invalid severity "fatal" for rule "cidr-syntax": use one of "error", "warning", "info", "hint", "off"',
      'Invalid severity this value for rule "vpc-cidr-size": use one of "error", "warning", "info", "hint", "off"',
    ]);
    assert.equal(text.slice(problems[0]!.start, problems[0]!.end), '"subnet-overlapp"');
    assert.equal(text.slice(problems[1]!.start, problems[1]!.end), '"fatal"');
  });

  test('reports unknown keys, wrong shapes and syntax errors without throwing', () => {
    const shapes = parseProjectConfig('{"rule": {}, "exclude": "x", "terraform": {"varfiles": []}, "rules": []}');
    assert.deepEqual(shapes.problems.map((p) => p.message), [
      'Unknown setting "rule"; did you mean "rules"?',
      '"exclude" must be an array of strings',
      'Unknown setting "terraform.varfiles"; did you mean "varFiles"?',
      '"rules" must be an object mapping rule ids to a severity, like {"subnet-overlap": "warning"}',
    ]);
    const broken = parseProjectConfig('{"rules": {"cidr-syntax": "off"');
    assert.deepEqual(broken.settings.rules, { 'cidr-syntax': 'off' });
    assert.match(broken.problems[0]!.message, /JSON syntax error/);
    assert.deepEqual(parseProjectConfig('').problems, []);
    assert.match(parseProjectConfig('[1]').problems[0]!.message, /must hold a JSON object/);
  });
});

describe('mergeSettings', () => {
  test('later settings win per rule id; var files add up without repeats', () => {
    const project = { rules: { 'subnet-overlap': 'off', 'cidr-syntax': 'warning' } as const, terraformVarFiles: ['file:///a.tfvars'] };
    const editor = { rules: { 'subnet-overlap': 'error' } as const, terraformVarFiles: ['file:///a.tfvars', 'file:///b.tfvars'] };
    assert.deepEqual(mergeSettings(DEFAULT_SETTINGS, project, editor), {
      rules: { 'subnet-overlap': 'error', 'cidr-syntax': 'warning' },
      terraformVarFiles: ['file:///a.tfvars', 'file:///b.tfvars'],
    });
    assert.deepEqual(mergeSettings(DEFAULT_SETTINGS), DEFAULT_SETTINGS);
    assert.deepEqual(mergeSettings(DEFAULT_SETTINGS, {}), DEFAULT_SETTINGS);
  });
});

describe('matchesGlob', () => {
  const cases: [string, string, boolean][] = [
    ['legacy/main.tf', 'legacy/**', true],
    ['legacy/deep/x.tf', 'legacy/**', true],
    ['legacy/deep/x.tf', 'legacy', true],
    ['legacy/deep/x.tf', 'legacy/', true],
    ['a/legacy/x.tf', 'legacy', true],
    ['a/legacy/x.tf', '/legacy', false],
    ['legacyx/x.tf', 'legacy', false],
    ['env/prod.tfvars', '*.tfvars', true],
    ['prod.tfvars', '*.tfvars', true],
    ['env/prod.tfvars', 'env/*.tfvars', true],
    ['env/sub/prod.tfvars', 'env/*.tfvars', false],
    ['env/sub/prod.tfvars', 'env/**/*.tfvars', true],
    ['env/prod.tfvars', 'env/**/*.tfvars', true],
    ['x/y/z.tf', '**/z.tf', true],
    ['main.tf', 'ma?n.tf', true],
    ['main.tf', 'm?.tf', false],
    ['modules\\net\\main.tf', 'modules/net', true],
    ['./modules/net/main.tf', 'modules/*/main.tf', true],
    ['a.b.tf', 'a*b.tf', true],
    ['a+b.tf', 'a+b.tf', true],
    ['main.tf', '', false],
  ];
  for (const [path, glob, expected] of cases) {
    test(`${glob} ${expected ? 'matches' : 'does not match'} ${path}`, () => assert.equal(matchesGlob(path, glob), expected));
  }
  test('matchesAnyGlob', () => {
    assert.equal(matchesAnyGlob('a/b.tf', ['x', 'a']), true);
    assert.equal(matchesAnyGlob('a/b.tf', []), false);
  });
});
