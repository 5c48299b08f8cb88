// Markdown section of BENCHMARKS.md for the CloudFormation benchmark (cloudformation.ts).
import * as os from 'node:os';
import type { CfnSetResult, CloudFormationBenchResult } from './cloudformation';
import { median } from './stats';

const ms = (value: number | undefined): string =>
  value === undefined || !Number.isFinite(value) ? 'n/a' : value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`;
const mb = (bytes: number | undefined): string => (bytes === undefined ? 'n/a' : `${Math.round(bytes / 1024 / 1024)} MB`);
const ratio = (ours: number | undefined, theirs: number | undefined): string =>
  ours !== undefined && theirs !== undefined && Number.isFinite(ours / theirs) ? (ours / theirs).toFixed(2) : 'n/a';
const max = (values: readonly number[]): number => (values.length > 0 ? Math.max(...values) : Number.NaN);
const byCount = (counts: Record<string, number>): string =>
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([code, n]) => `${code}: ${n}`)
    .join(', ');

function setTable(s: CfnSetResult): string[] {
  const { cli, warm, warmError } = s.ours;
  const v = s.validator;
  const oursCold = cli.error ? undefined : cli.medianWallMs;
  const theirsCold = median(v.coldSinceStartMs);
  const oursPer = warm ? median(warm.perTemplateMs) : undefined;
  const theirsPer = median(v.perTemplateWarmMs);
  const oursMax = warm ? max(warm.perTemplateMs) : undefined;
  const theirsMax = max(v.perTemplateWarmMs);
  const oursFindings = cli.report ? `${cli.report.diagnostics}${cli.report.diagnostics > 0 ? ` (${byCount(cli.report.byCode)})` : ''}` : 'n/a';
  const theirsFindings = v.error
    ? 'n/a'
    : `${v.errorsOrWarnings} errors/warnings${v.errorsOrWarnings > 0 ? ` (${byCount(v.warnRuleIds)})` : ''}, ${v.infos} infos` +
      (v.notOk > 0 ? `; ${v.notOk} reports not OK` : '');
  const out = [
    `### ${s.plan.label}`,
    '',
    `${s.plan.description}; ${s.plan.resources !== undefined ? `${s.plan.resources} resources, ` : ''}${(s.plan.bytes / 1024).toFixed(0)} KiB.`,
    '',
  ];
  if (cli.error) out.push(`**vpc-lens check failed: ${cli.error}**`, '');
  if (warmError) out.push(`**warm analysis failed: ${warmError}**`, '');
  if (warm && warm.errors.length > 0) out.push(`**the workspace logged errors: ${warm.errors.join(' | ')}**`, '');
  if (v.error) out.push(`**validator failed: ${v.error}**`, '');
  out.push('| measure | VPC Lens | cloudformation-validate | ours / theirs |', '|---|---:|---:|---:|');
  out.push(
    `| cold: fresh process to every template analysed (median of ${cli.wallMs.length} / ${v.coldSinceStartMs.length}) | ${ms(oursCold)} | ${ms(theirsCold)} | ${ratio(oursCold, theirsCold)} |`,
  );
  out.push(`| of which engine start (module load + \`new CompositeEngine()\`) | | ${ms(median(v.loadedAtMs) + median(v.engineMs))} | |`);
  out.push(
    `| warm: the whole set once (ours: one workspace, imports resolved; theirs: sum of per-template medians) | ${ms(warm?.wholeSetMs)} | ${ms(v.setWarmMs)} | ${ratio(warm?.wholeSetMs, v.setWarmMs)} |`,
  );
  out.push(`| warm: per template, median over the templates | ${ms(oursPer)} | ${ms(theirsPer)} | ${ratio(oursPer, theirsPer)} |`);
  out.push(`| warm: slowest template | ${ms(oursMax)} | ${ms(theirsMax)} | ${ratio(oursMax, theirsMax)} |`);
  out.push(`| peak RSS (cold runs) | ${mb(cli.peakRssBytes)} | ${mb(v.peakRssBytes)} | |`);
  out.push(`| findings | ${oursFindings} | ${theirsFindings} | |`);
  out.push('');
  return out;
}

export function renderCloudFormationSection(r: CloudFormationBenchResult): string[] {
  const out: string[] = ['## CloudFormation: VPC Lens vs. AWS\'s offline validator', ''];
  const version = r.sets.find((s) => s.validator.version)?.validator.version;
  out.push(
    `VPC Lens's full network analysis (parse, intrinsic functions, cross-stack exports/imports, model, every rule) ` +
      `against \`@aws/cloudformation-validate\` ${version ?? '(version n/a)'} (AWS's offline validator, shipped inside ` +
      'aws-cdk-lib; `CompositeEngine`, `detailLevel: STANDARD`) on the same templates. Cold: ours is ' +
      '`node dist/cli.js check <dir> --format json --fail-on never` from spawn to exit; theirs is a fresh `node` from process ' +
      'start to every template validated once (its exit, which frees the WASM heap, not counted). Warm: ours in one ' +
      'process after a warm-up pass, each analysis in a fresh workspace with fresh front-ends (no cache reused); theirs ' +
      'with the engine reused after each template\'s first validation. A workload template analysed alone has its ' +
      'imports unresolved; the whole-set row resolves them. Medians; ratios compare medians (below 1: VPC Lens is faster).',
    '',
  );
  out.push(
    `1-minute load average when this part started / ended: ${r.loadAverage.map((l) => l.toFixed(1)).join(' / ')} ` +
      `(${os.availableParallelism()} cores): the tools run one after the other, so other work on the machine can skew their ratio.`,
    '',
  );
  if (r.error) out.push(`**CloudFormation benchmark failed: ${r.error}**`, '');
  for (const s of r.sets) out.push(...setTable(s));
  return out;
}
