// `npm run bench`: generates 1k and 10k-resource Terraform workspaces, measures the CLI cold and HashiCorp's
// parser on the same files (their runs interleaved), and the language server's latency, then prints a Markdown
// report and writes it to BENCHMARKS.md. Not a test: nothing is asserted, every step is time-bounded.
//   node --import tsx test/bench/run.ts [--keep] [--no-lsp] [--out FILE]
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { measureCloudFormation } from './cloudformation';
import { measureTopologyIfPossible, vsixSize } from './extras';
import { interleave } from './interleave';
import { CliSeries, measureCli } from './measureCli';
import { Hcl2jsonSeries } from './measureHcl2json';
import { measureLsp } from './measureLsp';
import { measurePageFaultCostUs } from './pageFaultCost';
import { detectPeakRssMethod, NODE_START_VARIABLES, PEAK_RSS_METHOD_LABEL, type PeakRssMethod } from './processRunner';
import { renderMarkdown, type BenchResults, type SizeResult } from './report';
import { generateWorkspace, type GeneratedWorkspace } from './workspace';

// Rounds of interleaved runs: each round runs our CLI and hcl2json (and the variants on the largest size) once.
const SIZES = [
  { label: '1k', resources: 1_000, rounds: 7, seed: 1_001 },
  { label: '10k', resources: 10_000, rounds: 11, seed: 10_001 },
];
const RUN_TIMEOUT_MS = 90_000;
// A p95 of 50 edits was their third slowest: one garbage collection more or less moved it from 25 to 51 ms
// between two runs of the same build. 200 edits (about 4 s) make it the tenth slowest.
const LSP_EDITS = 200;
const LSP_HOVERS = 200;
// A run of examples/ takes about 0.1 s: enough runs for a median that a few ms of noise do not move.
const SMALL_PROJECT_RUNS = 15;

function argValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

/** A service file of the first root with a literal subnet CIDR: the file the LSP part edits and hovers. */
function pickEditFile(files: string[]): string | undefined {
  return files
    .filter((f) => /service-\d+\.tf$/.test(f))
    .find((f) => /cidr_block\s*=\s*"\d+\.\d+\.\d+\.\d+\/\d+"/.test(fs.readFileSync(f, 'utf8')));
}

interface BenchContext {
  repoRoot: string;
  scratch: string;
  rssMethod: PeakRssMethod;
}

/**
 * Our CLI and hcl2json on one workspace, interleaved round by round so that the machine's drift over the minutes
 * this takes moves both alike. On the largest workspace (only: it keeps the bench short, and it is the size of the
 * goal) the same rounds also run our CLI without the code cache and without the one-shot V8 settings, so that they
 * are compared with the same hcl2json runs.
 */
async function measureSize(
  { repoRoot, scratch, rssMethod }: BenchContext,
  size: (typeof SIZES)[number],
  workspace: GeneratedWorkspace,
  largest: boolean,
): Promise<SizeResult> {
  const timeoutMs = RUN_TIMEOUT_MS;
  const ours = (env: Record<string, string> = {}, workspaceDir = workspace.dir, unsetEnv: readonly string[] = []) =>
    new CliSeries({ repoRoot, workspaceDir, rssMethod, timeoutMs, env, unsetEnv });
  const theirs = (unsetEnv: readonly string[] = []) =>
    new Hcl2jsonSeries({ repoRoot, files: workspace.files, scratchDir: scratch, rssMethod, timeoutMs, unsetEnv });
  const cli = ours();
  const hcl2json = theirs();
  const variants = largest
    ? {
        withoutCodeCache: ours({ VPC_LENS_CODE_CACHE: 'off' }),
        withoutV8Tuning: ours({ VPC_LENS_V8_TUNING: 'off' }),
        twoCopies: ours({}, generateTwoCopies(path.join(scratch, `${size.label}-twice`), size)),
      }
    : undefined;
  // Both tools again without the variables that slow every Node start on this machine, if it sets any.
  const startVariables = NODE_START_VARIABLES.filter((name) => process.env[name] !== undefined);
  const plainStart =
    largest && startVariables.length > 0
      ? { cli: ours({}, workspace.dir, startVariables), hcl2json: theirs(startVariables) }
      : undefined;
  const also =
    (variants ? ', check with VPC_LENS_CODE_CACHE=off, check with VPC_LENS_V8_TUNING=off, check of two copies of the workspace' : '') +
    (plainStart ? `, both tools without ${startVariables.join(', ')}` : '');
  log(`${size.label}: ${size.rounds} rounds of vpc-lens check, hcl2json${also} (interleaved, order rotating)`);
  const series = [cli, hcl2json, ...(variants ? Object.values(variants) : []), ...(plainStart ? [plainStart.cli, plainStart.hcl2json] : [])];
  await interleave(series, size.rounds);

  const result: SizeResult = { label: size.label, workspace, cli: cli.result(), hcl2json: hcl2json.result() };
  if (variants) {
    result.cliWithoutCodeCache = variants.withoutCodeCache.result();
    result.cliWithoutV8Tuning = variants.withoutV8Tuning.result();
    result.cliTwoCopies = variants.twoCopies.result();
  }
  if (plainStart) {
    result.withoutNodeStartVariables = { names: startVariables, cli: plainStart.cli.result(), hcl2json: plainStart.hcl2json.result() };
  }
  logFailures(result);
  return result;
}

/**
 * The workspace of `size` written twice, into `dir`/a and `dir`/b (same seed, so the same files): its roots are
 * other folders, so a check analyses the second copy in full, after the first, with V8 already warmed up on the
 * same code and the same shapes. What the second copy adds is the analysis's cost once warm (report.ts).
 */
function generateTwoCopies(dir: string, size: (typeof SIZES)[number]): string {
  for (const copy of ['a', 'b']) generateWorkspace(path.join(dir, copy), size.resources, size.seed);
  return dir;
}

function logFailures(s: SizeResult): void {
  const measured: [string, { error?: string } | undefined][] = [
    ['CLI', s.cli],
    ['hcl2json', s.hcl2json],
    ['CLI without code cache', s.cliWithoutCodeCache],
    ['CLI without V8 tuning', s.cliWithoutV8Tuning],
    ['CLI on two copies', s.cliTwoCopies],
    ['CLI without Node start variables', s.withoutNodeStartVariables?.cli],
    ['hcl2json without Node start variables', s.withoutNodeStartVariables?.hcl2json],
  ];
  for (const [what, m] of measured) if (m?.error) log(`${s.label}: ${what} failed: ${m.error}`);
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const repoRoot = path.resolve(__dirname, '..', '..');
  const out = path.resolve(repoRoot, argValue('--out') ?? 'BENCHMARKS.md');
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'vpc-lens-bench-'));
  const rssMethod = detectPeakRssMethod();
  log(`peak memory via ${rssMethod}; workspaces in ${scratch}`);
  const pageFaultCostUs = measurePageFaultCostUs();
  log(`a page fault costs ${pageFaultCostUs?.toFixed(1) ?? '?'} µs here`);
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'cli.js'))) log('dist/cli.js is missing: run `npm run build` first');

  const sizes: SizeResult[] = [];
  try {
    for (const size of SIZES) {
      const workspace = generateWorkspace(path.join(scratch, size.label), size.resources, size.seed);
      log(`${size.label}: ${workspace.files.length} files, ${workspace.resourceBlocks} resource blocks in ${workspace.roots} roots`);
      sizes.push(await measureSize({ repoRoot, scratch, rssMethod }, size, workspace, size === SIZES[SIZES.length - 1]));
    }

    let lsp: BenchResults['lsp'];
    const big = sizes[sizes.length - 1];
    if (!process.argv.includes('--no-lsp') && big) {
      log(`LSP: ${LSP_EDITS} edits, ${LSP_HOVERS} hovers on the ${big.label} workspace`);
      const editFile = pickEditFile(big.workspace.files);
      const measured = editFile
        ? await measureLsp({ repoRoot, workspaceDir: big.workspace.dir, editFile, edits: LSP_EDITS, hovers: LSP_HOVERS })
        : { filesWithDiagnostics: 0, editToDiagnosticsMs: [], editTimeouts: 0, hoverMs: [], hoversWithContent: 0, error: 'no file with a literal CIDR to edit' };
      if (measured.error) log(`LSP part failed: ${measured.error}`);
      lsp = { ...measured, workspaceLabel: big.label, edits: LSP_EDITS, hovers: LSP_HOVERS };
    }

    log('examples/: vpc-lens check with and without code cache');
    const examples = path.join(repoRoot, 'examples');
    const smallProject = {
      withCodeCache: await measureCli(repoRoot, examples, SMALL_PROJECT_RUNS, rssMethod, RUN_TIMEOUT_MS),
      withoutCodeCache: await measureCli(repoRoot, examples, SMALL_PROJECT_RUNS, rssMethod, RUN_TIMEOUT_MS, { VPC_LENS_CODE_CACHE: 'off' }),
    };

    const markdown = renderMarkdown({
      command: 'npm run bench',
      startedAt,
      durationMs: Date.now() - startedAt.getTime(),
      rssMethodLabel: PEAK_RSS_METHOD_LABEL[rssMethod],
      pageFaultCostUs,
      sizes,
      lsp,
      smallProject,
      cloudformation: await measureCloudFormation(repoRoot, scratch, rssMethod, RUN_TIMEOUT_MS * 2),
      topology: await measureTopologyIfPossible(),
      vsix: vsixSize(repoRoot),
    });
    process.stdout.write(`${markdown}\n`);
    fs.writeFileSync(out, markdown);
    log(`wrote ${path.relative(process.cwd(), out) || out}`);
  } finally {
    if (process.argv.includes('--keep')) log(`kept ${scratch}`);
    else fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench: ${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
