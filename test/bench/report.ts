// Formats the benchmark results as Markdown: the machine, the numbers, and the goals next to them.
import * as fs from 'node:fs';
import * as os from 'node:os';
import type { CloudFormationBenchResult } from './cloudformation';
import { renderCloudFormationSection } from './cloudformationReport';
import { type Optional, renderExtras, type VsixSize } from './extras';
import type { TopologyBenchRow } from './topology';
import type { CliMeasurement } from './measureCli';
import type { Hcl2jsonMeasurement } from './measureHcl2json';
import type { LspMeasurement } from './measureLsp';
import type { GeneratedWorkspace } from './workspace';
import { median, percentile } from './stats';

export interface SizeResult {
  label: string;
  workspace: GeneratedWorkspace;
  cli: CliMeasurement;
  /** Our CLI with `VPC_LENS_CODE_CACHE=off`, in the same rounds (largest workspace only). */
  cliWithoutCodeCache?: CliMeasurement;
  /** Our CLI with `VPC_LENS_V8_TUNING=off`, in the same rounds (largest workspace only). */
  cliWithoutV8Tuning?: CliMeasurement;
  /** Our CLI on a workspace of two copies of this one, in the same rounds (largest workspace only). */
  cliTwoCopies?: CliMeasurement;
  hcl2json: Hcl2jsonMeasurement;
  /**
   * Both tools, in the same rounds, without the variables of this machine's environment that slow every Node
   * start (processRunner.ts's NODE_START_VARIABLES), when it sets any (largest workspace only).
   */
  withoutNodeStartVariables?: { names: readonly string[]; cli: CliMeasurement; hcl2json: Hcl2jsonMeasurement };
}

export interface BenchResults {
  command: string;
  startedAt: Date;
  durationMs: number;
  rssMethodLabel: string;
  /** Microseconds per first touch of a 4 KiB page in a fresh process (pageFaultCost.ts). */
  pageFaultCostUs?: number;
  sizes: SizeResult[];
  lsp?: LspMeasurement & { workspaceLabel: string; edits: number; hovers: number };
  /** `vpc-lens check examples/` with and without V8's code cache: where start-up is most of the time. */
  smallProject?: { withCodeCache: CliMeasurement; withoutCodeCache: CliMeasurement };
  cloudformation?: CloudFormationBenchResult;
  topology?: Optional<TopologyBenchRow[]>;
  vsix?: Optional<VsixSize>;
}

const GOALS = {
  ratioToHcl2json: 0.25,
  editP95Ms: 50,
  hoverP95Ms: 5,
  memoryBytes: 300 * 1024 * 1024,
};

export function machineDescription(): string[] {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu;
  } catch {
    // not Linux: keep os.cpus()
  }
  return [
    `- CPU: ${cpu}, ${os.cpus().length} cores (os.availableParallelism: ${os.availableParallelism()})`,
    `- Memory: ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    `- OS: ${os.type()} ${os.release()} (${os.arch()})`,
    `- Node: ${process.version}`,
  ];
}

const ms = (value: number | undefined): string =>
  value === undefined || Number.isNaN(value) ? 'n/a' : value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`;
const mb = (bytes: number | undefined): string => (bytes === undefined ? 'n/a' : `${Math.round(bytes / 1024 / 1024)} MB`);
/** A CLI measurement's median, or why there is none. */
const cliWall = (m: CliMeasurement): string => (m.error ? `failed: ${m.error}` : ms(m.medianWallMs));
const ratio = (a: number, b: number): string => (Number.isFinite(a / b) ? (a / b).toFixed(2) : 'n/a');
/**
 * Our wall time over hcl2json cold, round by round: run i of each series ran in round i, so a pair saw the same
 * state of the machine. A series stops at its first failure, so its runs so far are still rounds 0, 1, ...
 */
function perRoundRatios(c: CliMeasurement, h: Hcl2jsonMeasurement): number[] {
  const rounds = Math.min(c.wallMs.length, h.sinceStartMs.length);
  return c.wallMs.slice(0, rounds).map((wall, i) => wall / h.sinceStartMs[i]!);
}
/** Median and range, `0.27 (0.24–0.31)`. */
const medianAndRange = (values: number[]): string =>
  values.length === 0
    ? 'n/a'
    : `${median(values).toFixed(2)} (${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)})`;
const verdict = (ok: boolean | undefined): string => (ok === undefined ? 'n/a' : ok ? 'met' : 'NOT met');

/** One sentence per variant of our CLI measured on this workspace: its median and its ratio to hcl2json cold. */
function variantSentences(s: SizeResult): string[] {
  const sentence = (off: CliMeasurement, without: string): string =>
    `Without ${without}, \`vpc-lens check\` on ${s.label} takes ${cliWall(off)} ` +
    `(median of ${off.wallMs.length}), ${ratio(off.medianWallMs, s.hcl2json.medianSinceStartMs)} of hcl2json cold.`;
  const sentences: string[] = [];
  if (s.cliWithoutCodeCache) {
    const why = 'the bundle parsed and compiled anew, as on a Node version the build did not write a cache for';
    sentences.push(sentence(s.cliWithoutCodeCache, `V8's code cache (\`VPC_LENS_CODE_CACHE=off\`: ${why})`));
  }
  if (s.cliWithoutV8Tuning) {
    const why = "V8's default tiering, as the language server runs";
    sentences.push(sentence(s.cliWithoutV8Tuning, `the one-shot V8 settings (\`VPC_LENS_V8_TUNING=off\`: ${why})`));
  }
  return sentences;
}

/**
 * The goal read as work against work: neither tool's process start counted. Ours is every phase of the check
 * after `start` (finding, reading and analysing the files, writing the report); hcl2json's is its parse calls on
 * texts it read before the clock started, so reading counts against us only.
 */
function workRatio(s: SizeResult): number | undefined {
  const ours = s.cli.medianAfterStartMs;
  const theirs = s.hcl2json.medianParseMs;
  // A failed series has no phases (ours) and NaN medians (theirs).
  if (ours === undefined || !Number.isFinite(theirs)) return undefined;
  return ours / theirs;
}

function workSentence(s: SizeResult): string | undefined {
  const r = workRatio(s);
  if (r === undefined) return undefined;
  return (
    `Work against work on ${s.label}, neither tool's process start counted: \`vpc-lens check\` after its start ` +
    `(finding, reading and analysing the files, and the report: ${ms(s.cli.medianAfterStartMs)}) against hcl2json's ` +
    `parse calls alone (${ms(s.hcl2json.medianParseMs)}, on texts read before its clock started): ${r.toFixed(2)}.`
  );
}

/**
 * Cold against cold on one clock: each process's own, from its start to its work done (our report written,
 * hcl2json's last parse returned), neither's exit counted. The table's wall time counts our exit and the spawn
 * before our clock starts, which hcl2json's cold time does not.
 */
function sameClockRatio(s: SizeResult): number | undefined {
  const ours = s.cli.medianToReportMs;
  const theirs = s.hcl2json.medianSinceStartMs;
  return ours === undefined || !Number.isFinite(theirs) ? undefined : ours / theirs;
}

/** Three decimals: this reading sits near the goal, where two would round 0.255 down to "0.25". */
function sameClockSentence(s: SizeResult): string | undefined {
  const r = sameClockRatio(s);
  if (r === undefined) return undefined;
  return (
    `Cold against cold on ${s.label} on one clock, each process's own from its start to its work done and neither's exit counted: ` +
    `\`vpc-lens check\` to its report written ${ms(s.cli.medianToReportMs)}, hcl2json to its last parse ${ms(s.hcl2json.medianSinceStartMs)}: ${r.toFixed(3)}.`
  );
}

/** Both tools' readings without this machine's Node start variables: wall against cold, and on one clock. */
function plainStartRatios(s: SizeResult): { wall: number; sameClock: number | undefined } | undefined {
  const plain = s.withoutNodeStartVariables;
  if (!plain || plain.cli.error || plain.hcl2json.error) return undefined;
  const theirs = plain.hcl2json.medianSinceStartMs;
  const sameClock = plain.cli.medianToReportMs === undefined ? undefined : plain.cli.medianToReportMs / theirs;
  return { wall: plain.cli.medianWallMs / theirs, sameClock };
}

function plainStartSentence(s: SizeResult): string | undefined {
  const plain = s.withoutNodeStartVariables;
  const ratios = plainStartRatios(s);
  if (!plain || !ratios) return undefined;
  const names = plain.names.map((n) => `\`${n}\``).join(', ');
  const theirs = plain.hcl2json.medianSinceStartMs;
  // Their runs vary from series to series by more than a Node start costs: say so when it shows.
  const noisy = theirs > s.hcl2json.medianSinceStartMs ? ', slower than with it: its runs vary by more than the variable costs, so this reading is no more certain than that' : '';
  return (
    `This machine's environment sets ${names}, which has every Node process read and parse a bundle of TLS ` +
    'certificates before it runs its script, though neither tool opens a connection. Our "start" phase (Node ' +
    `starting and loading the bundle) takes ${ms(phaseMs(s.cli, 'start'))} with it and ` +
    `${ms(phaseMs(plain.cli, 'start'))} without. Both tools without it, in the same rounds on ${s.label} (medians of ` +
    `${plain.cli.wallMs.length} runs each): \`vpc-lens check\` ${cliWall(plain.cli)} wall (${cliWall(s.cli)} with it), ` +
    `${ms(plain.cli.medianToReportMs)} to its report on its own clock (${ms(s.cli.medianToReportMs)} with it); hcl2json ` +
    `${ms(theirs)} cold (${ms(s.hcl2json.medianSinceStartMs)} with it${noisy}): ${ratios.wall.toFixed(3)} on wall time, ` +
    `${ratios.sameClock === undefined ? 'n/a' : ratios.sameClock.toFixed(3)} on one clock.`
  );
}

/** Median of one phase of a CLI measurement (`VPC_LENS_TIMING`), when it was measured. */
const phaseMs = (m: CliMeasurement | undefined, name: string): number | undefined =>
  m?.phases?.find((p) => p.name === name)?.medianMs;

/**
 * How much of a cold check's analysis is V8 warming up: the second of two copies of the workspace, analysed in
 * the same process right after the first, costs what the analysis costs once V8 has compiled and optimised its
 * code; the rest of the first copy's time is the price of starting cold, which every `vpc-lens check` pays.
 */
function warmUpSentence(s: SizeResult): string | undefined {
  const one = phaseMs(s.cli, 'analyse');
  const two = phaseMs(s.cliTwoCopies, 'analyse');
  if (one === undefined || two === undefined || two <= one) return undefined;
  const warm = two - one;
  const cold = one - warm;
  return (
    `V8 warming up, on ${s.label}: \`vpc-lens check\` of a workspace of two copies of it (the second copy in other ` +
    `folders, so analysed in full after the first, in the same process) spends ${ms(two)} in "analyse", against ` +
    `${ms(one)} for one copy (medians of ${s.cliTwoCopies!.wallMs.length} and ${s.cli.wallMs.length} runs). The ` +
    `second copy, analysed by code V8 has already compiled and optimised, adds ${ms(warm)}: so about ${ms(cold)} ` +
    `(${Math.round((100 * cold) / one)}%) of a cold check's analysis is the price of starting cold (bytecode run ` +
    'before V8 optimises it, and the garbage collection under that code), paid once per process.'
  );
}

/**
 * Page faults of both tools on one workspace and what they cost at the machine's measured price: the share of
 * the wall time that is memory being touched, which differs most between machines.
 */
function pageFaultSentence(s: SizeResult, costUs: number | undefined): string | undefined {
  const ours = s.cli.medianMinorPageFaults;
  const theirs = s.hcl2json.medianMinorPageFaults;
  if (ours === undefined || theirs === undefined) return undefined;
  const cost = (faults: number, wallMs: number): string => {
    if (costUs === undefined) return '';
    const faultMs = (faults * costUs) / 1000;
    return ` (about ${Math.round(faultMs)} ms at ${costUs.toFixed(1)} µs each, ${Math.round((100 * faultMs) / wallMs)}% of its time)`;
  };
  return (
    `Page faults on ${s.label} (medians per run, minor faults: memory touched for the first time): ` +
    `\`vpc-lens check\` ${Math.round(ours)}${cost(ours, s.cli.medianWallMs)}, ` +
    `hcl2json ${Math.round(theirs)} over its whole process, lingering exit included${cost(theirs, s.hcl2json.medianWallMs)}.`
  );
}

export function renderMarkdown(r: BenchResults): string {
  const out: string[] = [];
  out.push('# VPC Lens benchmarks', '');
  out.push(
    `Generated by \`${r.command}\` on ${r.startedAt.toISOString()} (took ${Math.round(r.durationMs / 1000)} s). ` +
      'Numbers are from one machine and one run of the script; compare them with numbers from the same machine.',
    '',
  );
  out.push('## Machine', '', ...machineDescription(), `- Peak memory measured with ${r.rssMethodLabel}`);
  if (r.pageFaultCostUs !== undefined) {
    out.push(
      `- A page fault (a process's first write to a 4 KiB page) costs ${r.pageFaultCostUs.toFixed(1)} µs here ` +
        '(64 MiB touched in a fresh process, median of 3); on bare metal it is about a microsecond or less. Where ' +
        'it is much more, the memory a tool touches is a large part of its time (see "page faults" below).',
    );
  }
  out.push('');

  out.push('## Workspaces', '');
  out.push(
    'Generated, seeded Terraform (test/bench/workspace.ts): one root folder per account/environment ' +
      '(200-500 resources each: VPC, cidrsubnet() tiers with count, NAT/EIP per AZ, route tables, routes and ' +
      'associations, security groups with standalone rules, NACLs with entries, a local endpoints module called ' +
      'once or twice, per-service subnets and security groups), with planted mistakes in every fourth root.',
    '',
  );
  out.push('| workspace | roots | files | size | resource blocks | instances (count/for_each) | planted mistakes |');
  out.push('|---|---:|---:|---:|---:|---:|---:|');
  for (const s of r.sizes) {
    const w = s.workspace;
    out.push(
      `| ${s.label} | ${w.roots} | ${w.files.length} | ${(w.bytes / 1024).toFixed(0)} KiB | ${w.resourceBlocks} | ${w.resourceInstances} | ${w.plantedMistakes} |`,
    );
  }
  out.push('');

  out.push('## Full analysis: `vpc-lens check` vs. HashiCorp\'s parser', '');
  out.push(
    '`node dist/cli.js check <dir> --format json --fail-on never`, cold (a fresh process per run, wall time from ' +
      'spawn to exit), against `@cdktf/hcl2json` (HashiCorp\'s HCL parser compiled to WASM) merely parsing the same ' +
      'files in a fresh process: "cold" is process start to the last parse done (`performance.now()` in that process; ' +
      'its Go runtime then lingers about a second before the process exits, which is not counted), "parse only" ' +
      'the parse calls alone. The runs are interleaved: each round runs every tool once, round-robin, with the order ' +
      'rotating from round to round, so that the machine\'s drift over the minutes this takes affects both tools ' +
      'alike. Medians of the runs; the ratios compare medians, except "per-round ratio": our wall time over hcl2json ' +
      'cold within each round, its median and range over the rounds.',
    '',
  );
  out.push(
    '| workspace | runs | vpc-lens check | peak RSS | hcl2json cold | hcl2json parse only | hcl2json peak RSS | ours / hcl2json cold | ours / hcl2json parse only | per-round ratio, median (range) | findings |',
  );
  out.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const s of r.sizes) {
    const c = s.cli;
    const h = s.hcl2json;
    const byCode = Object.entries(c.report?.byCode ?? {})
      .sort((a, b) => b[1] - a[1])
      .map(([code, n]) => `${code}: ${n}`)
      .join(', ');
    const findings = c.report ? `${c.report.diagnostics}${byCode ? ` (${byCode})` : ''}` : 'n/a';
    out.push(
      `| ${s.label} | ${c.wallMs.length} | ${cliWall(c)} | ${mb(c.peakRssBytes)} | ` +
        `${h.error ? `failed: ${h.error}` : ms(h.medianSinceStartMs)} | ${ms(h.medianParseMs)}${h.failures > 0 ? ` (${h.failures} files failed to parse)` : ''} | ${mb(h.peakRssBytes)} | ` +
        `${ratio(c.medianWallMs, h.medianSinceStartMs)} | ${ratio(c.medianWallMs, h.medianParseMs)} | ` +
        `${medianAndRange(perRoundRatios(c, h))} | ${findings} |`,
    );
  }
  out.push('');
  for (const s of r.sizes) {
    const sameClock = sameClockSentence(s);
    if (sameClock) out.push(sameClock, '');
    const work = workSentence(s);
    if (work) out.push(work, '');
    const plainStart = plainStartSentence(s);
    if (plainStart) out.push(plainStart, '');
  }
  for (const s of r.sizes) {
    const faults = pageFaultSentence(s, r.pageFaultCostUs);
    if (faults) out.push(faults, '');
  }
  for (const s of r.sizes) {
    const variants = variantSentences(s);
    if (variants.length > 0) out.push(variants.join(' '), '');
    const warmUp = warmUpSentence(s);
    if (warmUp) out.push(warmUp, '');
  }
  if (r.smallProject) {
    const { withCodeCache: on, withoutCodeCache: off } = r.smallProject;
    out.push(
      `On a small project, where Node's start and loading the bundle are most of the time: \`vpc-lens check examples/\` ` +
        `(${on.report?.resources ?? '?'} resources) takes ${cliWall(on)} with the code cache ` +
        `and ${cliWall(off)} without it (medians of ${on.wallMs.length} and ${off.wallMs.length} runs).`,
      '',
    );
  }
  const phased = r.sizes.filter((s) => s.cli.phases && s.cli.phases.length > 0);
  if (phased.length > 0) {
    out.push(
      'Where the time of `vpc-lens check` goes (medians per phase, from `VPC_LENS_TIMING=1`; "start" is Node starting ' +
        'and loading the bundle, "analyse" parsing, evaluation, model and rules: on one thread here, where a second V8 thread costs more than it saves; with 4 or more cores, large workspaces are split between threads):',
      '',
    );
    const names = phased[0]!.cli.phases!.map((p) => p.name);
    out.push(`| workspace | ${names.join(' | ')} |`, `|---|${names.map(() => '---:').join('|')}|`);
    for (const s of phased) {
      out.push(`| ${s.label} | ${names.map((n) => ms(phaseMs(s.cli, n))).join(' | ')} |`);
    }
    out.push('');
  }
  for (const s of r.sizes) {
    const report = s.cli.report;
    if (report && s.workspace.plantedMistakes > 0 && (report.resources === 0 || report.diagnostics === 0)) {
      out.push(
        `**Warning: on ${s.label} the CLI reported ${report.resources} resources and ${report.diagnostics} findings for ` +
          `${s.workspace.resourceBlocks} resource blocks with ${s.workspace.plantedMistakes} planted mistakes: the ` +
          'analysis did not run in full (front-end or rules missing from this build), so its times are not meaningful.**',
        '',
      );
    }
  }

  out.push('## Language server', '');
  const l = r.lsp;
  if (!l) {
    out.push('Not run.', '');
  } else {
    if (l.error) out.push(`**LSP part failed: ${l.error}**`, '');
    const edit = l.editToDiagnosticsMs;
    const hover = l.hoverMs;
    out.push(
      `\`node dist/server.js --stdio\` on the ${l.workspaceLabel} workspace, driven over stdio by a vscode-jsonrpc client. ` +
        `${l.edits} edits to one file (each toggles host bits of a literal subnet CIDR, so its diagnostics change), ` +
        `timed from didChange to that file's publishDiagnostics; ${l.hovers} hovers on literal CIDRs of the same file.`,
      '',
    );
    out.push('| measure | value |', '|---|---:|');
    out.push(`| initialize -> first 'idle' status | ${ms(l.initialAnalysisMs)} |`);
    out.push(`| files with diagnostics at idle | ${l.filesWithDiagnostics} |`);
    out.push(`| edit -> diagnostics p50 | ${ms(percentile(edit, 50))} |`);
    out.push(`| edit -> diagnostics p95 | ${ms(percentile(edit, 95))} |`);
    out.push(`| edits measured / timed out | ${edit.length} / ${l.editTimeouts} |`);
    out.push(`| hover p50 | ${ms(percentile(hover, 50))} |`);
    out.push(`| hover p95 | ${ms(percentile(hover, 95))} |`);
    out.push(`| hovers answered / with content | ${hover.length} / ${l.hoversWithContent} |`);
    out.push(`| server peak RSS | ${mb(l.peakRssBytes)}${l.peakRssMethod ? ` (${l.peakRssMethod})` : ''} |`);
    out.push('');
  }

  if (r.cloudformation) out.push(...renderCloudFormationSection(r.cloudformation));
  if (r.topology && r.vsix) out.push(...renderExtras(r.topology, r.vsix));

  out.push('## Goals', '');
  const big = r.sizes[r.sizes.length - 1];
  const bigRatio = big ? big.cli.medianWallMs / big.hcl2json.medianSinceStartMs : Number.NaN;
  const editP95 = l && l.editToDiagnosticsMs.length > 0 ? percentile(l.editToDiagnosticsMs, 95) : undefined;
  const hoverP95 = l && l.hoverMs.length > 0 ? percentile(l.hoverMs, 95) : undefined;
  const memories = [big?.cli.peakRssBytes, l?.peakRssBytes].filter((m): m is number => m !== undefined);
  const peak = memories.length > 0 ? Math.max(...memories) : undefined;
  out.push('| goal | target | measured | |', '|---|---|---|---|');
  out.push(
    `| full ${big?.label ?? ''} analysis vs. hcl2json parsing the same files (cold vs. cold) | < ${GOALS.ratioToHcl2json} | ${ratio(big?.cli.medianWallMs ?? NaN, big?.hcl2json.medianSinceStartMs ?? NaN)} | ${verdict(Number.isFinite(bigRatio) ? bigRatio < GOALS.ratioToHcl2json : undefined)} |`,
  );
  const bigSameClock = big ? sameClockRatio(big) : undefined;
  out.push(
    `| the same on one clock (each process's own, start to work done, neither's exit) | < ${GOALS.ratioToHcl2json} | ${bigSameClock === undefined ? 'n/a' : bigSameClock.toFixed(3)} | ${verdict(bigSameClock === undefined ? undefined : bigSameClock < GOALS.ratioToHcl2json)} |`,
  );
  const bigWork = big ? workRatio(big) : undefined;
  out.push(
    `| the same, work vs. work (neither tool's process start: our check after \`start\`, hcl2json's parse calls) | < ${GOALS.ratioToHcl2json} | ${bigWork === undefined ? 'n/a' : bigWork.toFixed(2)} | ${verdict(bigWork === undefined ? undefined : bigWork < GOALS.ratioToHcl2json)} |`,
  );
  out.push(
    `| edit -> diagnostics p95 | < ${GOALS.editP95Ms} ms | ${ms(editP95)} | ${verdict(editP95 === undefined ? undefined : editP95 < GOALS.editP95Ms)} |`,
  );
  out.push(
    `| hover p95 | < ${GOALS.hoverP95Ms} ms | ${ms(hoverP95)} | ${verdict(hoverP95 === undefined ? undefined : hoverP95 < GOALS.hoverP95Ms)} |`,
  );
  out.push(
    `| peak memory (CLI on ${big?.label ?? ''}, server) | < 300 MB | CLI ${mb(big?.cli.peakRssBytes)}, server ${mb(l?.peakRssBytes)} | ${verdict(peak === undefined ? undefined : peak < GOALS.memoryBytes)} |`,
  );
  out.push('');
  return out.join('\n');
}
