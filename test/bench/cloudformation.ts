// CloudFormation part of `npm run bench`: VPC Lens against AWS's own offline validator
// (@aws/cloudformation-validate, inside aws-cdk-lib) on the same templates, in one run. Two sets: a generated
// 2,000-resource stack set (cloudformationStacks.ts: one network stack exporting ids, workload stacks importing
// them) and AWS's public sample templates (../shared/corpus/aws-cloudformation-templates) when present.
// Measured for each: our CLI cold (fresh process per run), our analysis warm in process (per template alone and
// the whole set in one workspace), the validator cold (process start to every template validated once) and
// warm (per template, engine reused). Every child process is time-bounded; nothing is asserted.
//   node --import tsx test/bench/cloudformation.ts   (standalone: prints the Markdown section)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateCloudFormationStackSet, type GeneratedStackSet } from './cloudformationStacks';
import type { OursWarmResult } from './cloudformationOursWorker';
import { VALIDATOR_PACKAGE_PATH, writeValidatorWorker, type ValidatorRunResult } from './cloudformationValidatorWorker';
import { measureCli, type CliMeasurement } from './measureCli';
import { detectPeakRssMethod, runNode, type PeakRssMethod } from './processRunner';
import { median } from './stats';

export interface CfnSetPlan {
  label: string;
  description: string;
  /** Template paths, sorted. */
  files: string[];
  /** The folder `vpc-lens check` is pointed at. */
  dir: string;
  resources?: number;
  bytes: number;
  cliRuns: number;
  oursWarmRuns: number;
  validatorColdRuns: number;
  validatorWarmRuns: number;
  validatorWarmBudgetMs: number;
  stackSet?: GeneratedStackSet;
}

export interface ValidatorMeasurement {
  version?: string;
  /** Process start to every template validated once, per cold run. */
  coldSinceStartMs: number[];
  /** Spawn to exit as seen from here, per cold run. */
  coldWallMs: number[];
  loadedAtMs: number[];
  engineMs: number[];
  /** Median warm time per template (templates without a warm sample left out). */
  perTemplateWarmMs: number[];
  /** Sum over the set of the per-template warm medians: the warm cost of validating the set once. */
  setWarmMs: number;
  errorsOrWarnings: number;
  infos: number;
  warnRuleIds: Record<string, number>;
  notOk: number;
  peakRssBytes?: number;
  error?: string;
}

export interface CfnSetResult {
  plan: CfnSetPlan;
  ours: { cli: CliMeasurement; warm?: OursWarmResult; warmError?: string };
  validator: ValidatorMeasurement;
}

export interface CloudFormationBenchResult {
  sets: CfnSetResult[];
  /** 1-minute load average when the part started and ended: other work on the machine skews every number. */
  loadAverage: [number, number];
  error?: string;
}

const log = (message: string): void => void process.stderr.write(`bench: cloudformation: ${message}\n`);

function templateFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return templateFiles(p);
    return /\.(json|ya?ml|template)$/i.test(e.name) ? [p] : [];
  });
}

function lastJsonLine<T>(stdout: string): T | undefined {
  try {
    return JSON.parse(stdout.trim().split('\n').pop() ?? '') as T;
  } catch {
    return undefined;
  }
}

function why(result: { exitCode: number | null; stderr: string; timedOut: boolean }, timeoutMs: number): string {
  if (result.timedOut) return `timed out after ${timeoutMs} ms`;
  return `exit code ${result.exitCode}: ${result.stderr.trim().split('\n').slice(-2).join(' | ')}`;
}

async function measureOursWarm(repoRoot: string, listFile: string, runs: number, rssMethod: PeakRssMethod, timeoutMs: number) {
  const result = await runNode({
    args: ['--import', 'tsx', path.join(__dirname, 'cloudformationOursWorker.ts'), listFile, String(runs)],
    cwd: repoRoot,
    timeoutMs,
    rssMethod,
  });
  const parsed = result.exitCode === 0 ? lastJsonLine<OursWarmResult>(result.stdout) : undefined;
  return parsed ? { warm: parsed } : { warmError: why(result, timeoutMs) };
}

async function measureValidator(
  repoRoot: string,
  worker: string,
  listFile: string,
  plan: CfnSetPlan,
  rssMethod: PeakRssMethod,
  timeoutMs: number,
): Promise<ValidatorMeasurement> {
  const m: ValidatorMeasurement = {
    coldSinceStartMs: [],
    coldWallMs: [],
    loadedAtMs: [],
    engineMs: [],
    perTemplateWarmMs: [],
    setWarmMs: Number.NaN,
    errorsOrWarnings: 0,
    infos: 0,
    warnRuleIds: {},
    notOk: 0,
  };
  const validatorDir = path.join(repoRoot, VALIDATOR_PACKAGE_PATH);
  if (!fs.existsSync(validatorDir)) return { ...m, error: `${VALIDATOR_PACKAGE_PATH} not found (aws-cdk-lib 2.276 not installed)` };
  // Cold runs validate every template once; the last run goes on to the warm loop.
  for (let i = 0; i < plan.validatorColdRuns; i++) {
    const warm = i === plan.validatorColdRuns - 1;
    const result = await runNode({
      args: [worker, validatorDir, listFile, String(warm ? plan.validatorWarmRuns : 0), String(warm ? plan.validatorWarmBudgetMs : 0)],
      cwd: repoRoot,
      timeoutMs,
      rssMethod,
    });
    const run = result.exitCode === 0 ? lastJsonLine<ValidatorRunResult>(result.stdout) : undefined;
    if (!run) return { ...m, error: why(result, timeoutMs) };
    m.version = run.version;
    m.coldSinceStartMs.push(run.coldSinceStartMs);
    m.coldWallMs.push(result.wallMs);
    m.loadedAtMs.push(run.loadedAtMs);
    m.engineMs.push(run.engineMs);
    if (result.peakRssBytes !== undefined) m.peakRssBytes = Math.max(m.peakRssBytes ?? 0, result.peakRssBytes);
    if (i === 0) {
      for (const report of run.reports) {
        if (report.status !== 'OK') m.notOk++;
        for (const [severity, n] of Object.entries(report.bySeverity)) {
          if (severity === 'INFO' || severity === 'DEBUG') m.infos += n;
          else m.errorsOrWarnings += n;
        }
        for (const [id, n] of Object.entries(report.warnRuleIds)) m.warnRuleIds[id] = (m.warnRuleIds[id] ?? 0) + n;
      }
    }
    if (warm) {
      const perTemplate = run.warmMs.map((samples) => (samples.length > 0 ? median(samples) : Number.NaN));
      m.perTemplateWarmMs = perTemplate.filter((v) => Number.isFinite(v));
      m.setWarmMs = perTemplate.every((v) => Number.isFinite(v)) ? perTemplate.reduce((a, b) => a + b, 0) : Number.NaN;
    }
  }
  return m;
}

export function planCloudFormationSets(repoRoot: string, scratch: string): CfnSetPlan[] {
  const plans: CfnSetPlan[] = [];
  const stackSet = generateCloudFormationStackSet(path.join(scratch, 'cfn-2k'));
  plans.push({
    label: 'generated 2k',
    description:
      `${stackSet.stacks.length} stacks (${stackSet.stacks.map((s) => `${path.basename(s.file)}: ${s.resources}`).join(', ')}), ` +
      `${stackSet.vpcs} VPCs, ${stackSet.exports} exports, ${stackSet.imports} Fn::ImportValue, ${stackSet.plantedMistakes} planted mistakes`,
    files: stackSet.stacks.map((s) => s.file).sort(),
    dir: stackSet.dir,
    resources: stackSet.resources,
    bytes: stackSet.bytes,
    cliRuns: 5,
    oursWarmRuns: 5,
    validatorColdRuns: 3,
    validatorWarmRuns: 3,
    validatorWarmBudgetMs: 60_000,
    stackSet,
  });
  const corpus = path.resolve(repoRoot, '..', 'shared', 'corpus', 'aws-cloudformation-templates');
  if (fs.existsSync(corpus)) {
    const files = templateFiles(corpus).sort();
    plans.push({
      label: 'AWS samples',
      description: `${files.length} templates of AWS's public sample repository (../shared/corpus/aws-cloudformation-templates)`,
      files,
      dir: corpus,
      bytes: files.reduce((n, f) => n + fs.statSync(f).size, 0),
      cliRuns: 3,
      oursWarmRuns: 3,
      validatorColdRuns: 1,
      validatorWarmRuns: 2,
      validatorWarmBudgetMs: 60_000,
    });
  } else {
    log(`corpus not found at ${corpus}: only the generated stack set is measured`);
  }
  return plans;
}

export async function measureCloudFormation(
  repoRoot: string,
  scratch: string,
  rssMethod: PeakRssMethod,
  timeoutMs: number,
): Promise<CloudFormationBenchResult> {
  const loadAtStart = os.loadavg()[0] ?? Number.NaN;
  let plans: CfnSetPlan[];
  try {
    plans = planCloudFormationSets(repoRoot, scratch);
  } catch (err) {
    return { sets: [], loadAverage: [loadAtStart, loadAtStart], error: `could not generate the templates: ${(err as Error).message}` };
  }
  const worker = writeValidatorWorker(scratch);
  const sets: CfnSetResult[] = [];
  for (const [index, plan] of plans.entries()) {
    const listFile = path.join(scratch, `cfn-files-${index}.json`);
    fs.writeFileSync(listFile, JSON.stringify(plan.files));
    log(`${plan.label}: vpc-lens check x${plan.cliRuns}`);
    const cli = await measureCli(repoRoot, plan.dir, plan.cliRuns, rssMethod, timeoutMs);
    if (cli.error) log(`${plan.label}: CLI failed: ${cli.error}`);
    log(`${plan.label}: our analysis warm, in process`);
    const warm = await measureOursWarm(repoRoot, listFile, plan.oursWarmRuns, rssMethod, timeoutMs);
    if (warm.warmError) log(`${plan.label}: warm analysis failed: ${warm.warmError}`);
    log(`${plan.label}: @aws/cloudformation-validate x${plan.validatorColdRuns} cold, then warm`);
    const validator = await measureValidator(repoRoot, worker, listFile, plan, rssMethod, timeoutMs);
    if (validator.error) log(`${plan.label}: validator failed: ${validator.error}`);
    sets.push({ plan, ours: { cli, ...warm }, validator });
  }
  return { sets, loadAverage: [loadAtStart, os.loadavg()[0] ?? Number.NaN] };
}

// Standalone: `node --import tsx test/bench/cloudformation.ts` prints just this section.
if (require.main === module) {
  void (async () => {
    const { renderCloudFormationSection } = await import('./cloudformationReport');
    const repoRoot = path.resolve(__dirname, '..', '..');
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'vpc-lens-bench-cfn-'));
    try {
      const result = await measureCloudFormation(repoRoot, scratch, detectPeakRssMethod(), 180_000);
      process.stdout.write(`${renderCloudFormationSection(result).join('\n')}\n`);
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  })();
}
