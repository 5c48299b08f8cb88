import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../../server/src/core/rules/registry';
import { PROBLEM_CODES, RULE_CATALOG, catalogEntry, defineRule } from '../../../server/src/core/rules/catalog';
import { runRules } from '../../../server/src/core/rules/runner';
import type { Finding, Rule, RuleContext } from '../../../server/src/core/rules/types';
import { ModelBuilder } from '../harness/model';

const REPO = path.join(__dirname, '..', '..', '..');
/** The spec lives in shared/, beside the repo (`../shared/spec/rules.md`); a checkout without it still checks the catalog. */
const RULES_MD = path.join(REPO, '..', 'shared', 'spec', 'rules.md');
const DOCS = path.join(REPO, 'docs', 'rules');

describe('rule catalog', () => {
  test('lists every rule id once, with a title, and the registry holds exactly the implemented ones', () => {
    const ids = RULE_CATALOG.map((e) => e.id);
    assert.equal(new Set(ids).size, ids.length, 'duplicate ids');
    assert.ok(RULE_CATALOG.every((e) => e.title.length > 0));
    assert.deepEqual(
      RULES.map((r) => r.id).sort(),
      RULE_CATALOG.filter((e) => e.implemented).map((e) => e.id).sort(),
    );
  });

  test('registry rules take category, title and severity from the catalog', () => {
    for (const rule of RULES) {
      const entry = catalogEntry(rule.id)!;
      assert.deepEqual([rule.category, rule.title, rule.defaultSeverity], [entry.category, entry.title, entry.severity], rule.id);
    }
  });

  test('matches the ids and default severities of the spec; without the spec, is consistent on its own', (t) => {
    // Checked either way, so the test never passes having asserted nothing.
    const severities: readonly string[] = ['error', 'warning', 'info', 'hint'];
    const categories: readonly string[] = ['addressing', 'routing', 'peering', 'endpoints', 'security', 'load-balancing', 'observability'];
    assert.ok(RULE_CATALOG.length > 0, 'the catalog is empty');
    for (const e of RULE_CATALOG) {
      assert.match(e.id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/, `id ${e.id} is not lower-case kebab`);
      assert.ok(severities.includes(e.severity), `${e.id}: severity ${e.severity}`);
      assert.ok(categories.includes(e.category), `${e.id}: category ${e.category}`);
      assert.ok(!PROBLEM_CODES.includes(e.id), `${e.id} is also a front-end problem code`);
    }
    // Rules are listed category by category, as in the spec: a category does not come back after another.
    const order = RULE_CATALOG.map((e) => e.category).filter((c, i, all) => i === 0 || all[i - 1] !== c);
    assert.equal(new Set(order).size, order.length, `categories interleave: ${order.join(', ')}`);

    if (!fs.existsSync(RULES_MD)) {
      t.diagnostic(`spec not found at ${RULES_MD}: checked the catalog's own consistency only, not its agreement with the spec`);
      return;
    }
    const spec = new Map<string, string>();
    for (const m of fs.readFileSync(RULES_MD, 'utf8').matchAll(/^\| `([a-z0-9-]+)` \| (\w+) \|/gm)) spec.set(m[1]!, m[2]!);
    assert.ok(spec.size > 0, `no rule rows (| \`id\` | severity |) found in ${RULES_MD}: has the table changed?`);
    assert.deepEqual(new Map(RULE_CATALOG.map((e) => [e.id, e.severity])), spec);
  });

  test('every implemented rule has a docs page', () => {
    for (const rule of RULES) assert.ok(fs.existsSync(path.join(DOCS, `${rule.id}.md`)), `docs/rules/${rule.id}.md`);
  });

  test('defineRule refuses an id outside the catalog', () => {
    assert.throws(() => defineRule('no-such-rule', () => []), /not in the rule catalog/);
  });
});

describe('runRules', () => {
  const ctx: RuleContext = new ModelBuilder().context();
  const finding = (ruleId: string): Finding => ({ ruleId, message: 'm', span: { file: 'f', start: 0, end: 1 } });
  const rule = (id: string, check: Rule['check']): Rule => ({ id, category: 'addressing', defaultSeverity: 'error', title: id, check });

  test('a throwing rule is reported and skipped, also half-way through a generator; others still run', () => {
    const errors: string[] = [];
    const findings = runRules(
      [
        rule('throws', () => {
          throw new Error('boom');
        }),
        rule('half', function* () {
          yield finding('half');
          throw new Error('late');
        }),
        rule('good', () => [finding('good')]),
      ],
      ctx,
      (id, err) => errors.push(`${id}: ${(err as Error).message}`),
    );
    assert.deepEqual(errors, ['throws: boom', 'half: late']);
    assert.deepEqual(findings.map((f) => f.ruleId), ['good']);
  });

  test('findings carry the id of the rule that made them, and a failing logger does not escape', () => {
    const findings = runRules(
      [rule('a', () => [finding('typo')]), rule('b', () => { throw new Error('x'); })],
      ctx,
      () => {
        throw new Error('logger broke');
      },
    );
    assert.deepEqual(findings.map((f) => f.ruleId), ['a']);
  });

  test('all registered rules run cleanly on an empty model', () => {
    const errors: unknown[] = [];
    assert.deepEqual(runRules(RULES, ctx, (_id, e) => errors.push(e)), []);
    assert.deepEqual(errors, []);
  });
});
