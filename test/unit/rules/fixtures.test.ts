/**
 * Runs every rule fixture folder under test/fixtures/rules/<rule-id>/ through the real pipeline:
 * each file directly in the folder is a workspace of its own; each subfolder is one multi-file workspace.
 * Only the folder's rule and the codes annotated in it are compared, so rules added later do not break
 * these fixtures.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkDiagnostics, parseAnnotations } from '../harness/annotations';
import { catalogEntry } from '../../../server/src/core/rules/catalog';

const ROOT = path.join(__dirname, '..', '..', 'fixtures', 'rules');

function filesUnder(dir: string, base = dir): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(out, filesUnder(full, base));
    else out[path.relative(base, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
  }
  return out;
}

function annotatedCodes(files: Record<string, string>): string[] {
  return Object.entries(files).flatMap(([rel, text]) => parseAnnotations(rel, text).map((e) => e.code));
}

for (const ruleId of fs.readdirSync(ROOT).sort()) {
  const folder = path.join(ROOT, ruleId);
  if (!fs.statSync(folder).isDirectory()) continue;
  describe(`fixtures: ${ruleId}`, () => {
    const cases = fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));

    test('is a rule of the catalog with positive and negative cases', () => {
      assert.ok(catalogEntry(ruleId), `${ruleId} is not a rule id`);
      const perCase = cases.map((c) => {
        const full = path.join(folder, c.name);
        return annotatedCodes(c.isDirectory() ? filesUnder(full) : { [c.name]: fs.readFileSync(full, 'utf8') });
      });
      assert.ok(perCase.some((codes) => codes.includes(ruleId)), 'no case where the rule fires');
      assert.ok(perCase.some((codes) => !codes.includes(ruleId)), 'no case where the rule stays silent');
    });

    for (const c of cases) {
      test(c.name, async () => {
        const full = path.join(folder, c.name);
        const files = c.isDirectory() ? filesUnder(full) : { [c.name]: fs.readFileSync(full, 'utf8') };
        await checkDiagnostics(files, { codes: [ruleId, ...annotatedCodes(files)] });
      });
    }
  });
}
