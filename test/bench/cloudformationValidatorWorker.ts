// Child process of the CloudFormation benchmark: AWS's offline validator, @aws/cloudformation-validate, which
// ships inside aws-cdk-lib (node_modules/aws-cdk-lib/node_modules/@aws/cloudformation-validate). It runs as
// plain CommonJS in a fresh `node` (no tsx), so its cold start is not burdened by our TypeScript loader: the
// source below is written to a scratch .cjs file and run as `node worker.cjs <validator dir> <files.json>
// <warm runs> <warm budget ms>`. Prints one JSON line (ValidatorRunResult), then exits at once.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ValidatorRunResult {
  version: string;
  /** Process start (performance.timeOrigin) to the module loaded. */
  loadedAtMs: number;
  /** `new CompositeEngine()` alone: rules and schemas compile here. */
  engineMs: number;
  /** First validation of each template, in input order. */
  firstMs: number[];
  /** Process start to the last first validation done: the cold time of validating the set. */
  coldSinceStartMs: number;
  /** Per template, the timed warm validations (after the first), in input order; empty when no warm runs. */
  warmMs: number[][];
  /** Per template, the first report's diagnostics by severity and the rule ids of the ERROR/WARN ones. */
  reports: { status: string; bySeverity: Record<string, number>; warnRuleIds: Record<string, number> }[];
}

export const VALIDATOR_PACKAGE_PATH = path.join('node_modules', 'aws-cdk-lib', 'node_modules', '@aws', 'cloudformation-validate');

const WORKER_SOURCE = String.raw`'use strict';
const fs = require('node:fs');
const [dir, listFile, warmRunsArg, budgetArg] = process.argv.slice(2);
const validate = require(dir);
const loadedAtMs = performance.now();
const files = JSON.parse(fs.readFileSync(listFile, 'utf8'));
const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
const config = { detailLevel: 'STANDARD' };
const engineStart = performance.now();
const engine = new validate.CompositeEngine();
const engineMs = performance.now() - engineStart;
const one = (i) => {
  const started = performance.now();
  const report = engine.validateTemplate(new validate.TemplateContent(texts[i], files[i]), config);
  return [performance.now() - started, report];
};
const firstMs = [];
const reports = [];
for (let i = 0; i < files.length; i++) {
  const [ms, report] = one(i);
  firstMs.push(ms);
  const bySeverity = {};
  const warnRuleIds = {};
  for (const d of report.diagnostics) {
    bySeverity[d.severity] = (bySeverity[d.severity] || 0) + 1;
    if (d.severity === 'ERROR' || d.severity === 'WARN' || d.severity === 'FATAL') warnRuleIds[d.ruleId] = (warnRuleIds[d.ruleId] || 0) + 1;
  }
  reports.push({ status: report.status, bySeverity, warnRuleIds });
}
const coldSinceStartMs = performance.now();
const warmRuns = Number(warmRunsArg) || 0;
const budgetEnd = performance.now() + (Number(budgetArg) || 0);
const warmMs = files.map(() => []);
for (let run = 0; run < warmRuns && performance.now() < budgetEnd; run++) {
  for (let i = 0; i < files.length && performance.now() < budgetEnd; i++) warmMs[i].push(one(i)[0]);
}
process.stdout.write(JSON.stringify({ version: validate.version(), loadedAtMs, engineMs, firstMs, coldSinceStartMs, warmMs, reports }) + '\n');
// Freeing the engine and the WASM heap takes seconds at exit and is not validation: leave at once.
process.exit(0);
`;

/** Writes the worker next to the other scratch files and returns its path. */
export function writeValidatorWorker(scratchDir: string): string {
  const file = path.join(scratchDir, 'cloudformation-validate-worker.cjs');
  fs.writeFileSync(file, WORKER_SOURCE);
  return file;
}
