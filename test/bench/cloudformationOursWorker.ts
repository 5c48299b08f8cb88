// Child process of the CloudFormation benchmark: VPC Lens's full analysis (parse, evaluate, map, every rule),
// warm, in process. Grammars are loaded once; every timed analysis uses a fresh Workspace and fresh front-ends
// so no parse or unit cache is reused. Prints one JSON line (OursWarmResult).
//   node --import tsx test/bench/cloudformationOursWorker.ts <files.json> <runs>
import * as fs from 'node:fs';
import { Workspace } from '../../server/src/core/analysis/workspace';
import { DEFAULT_SETTINGS } from '../../server/src/core/config/settings';
import { defaultFrontEnds } from '../../server/src/core/frontends/registry';
import { loadGrammars, type Grammars } from '../../server/src/host/grammars';
import { median } from './stats';

export interface OursWarmResult {
  /** Median per template, in the order of the input list: one template alone in a workspace. */
  perTemplateMs: number[];
  /** Median of analysing the whole set in one workspace (imports resolved across templates). */
  wholeSetMs: number;
  wholeSetFindings: number;
  errors: string[];
}

function analyse(grammars: Grammars, files: ReadonlyArray<[string, string]>, errors: string[]): number {
  const ws = new Workspace(defaultFrontEnds(grammars), { error: (m) => errors.push(m) });
  for (const [uri, text] of files) ws.setFile(uri, text);
  let findings = 0;
  for (const list of ws.analyze(DEFAULT_SETTINGS).diagnostics.values()) findings += list.length;
  return findings;
}

function timed(fn: () => unknown): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

async function main(): Promise<void> {
  const [listFile, runsArg] = process.argv.slice(2);
  const paths = JSON.parse(fs.readFileSync(listFile!, 'utf8')) as string[];
  const runs = Math.max(1, Number(runsArg ?? 3));
  const files = paths.map((p): [string, string] => [`file://${p}`, fs.readFileSync(p, 'utf8')]);
  const grammars = await loadGrammars();
  const errors: string[] = [];

  // Warm-up: one pass over everything so the JIT has seen every code path once.
  analyse(grammars, files, errors);
  for (const file of files) analyse(grammars, [file], errors);

  const perTemplateMs = files.map((file) => median(Array.from({ length: runs }, () => timed(() => analyse(grammars, [file], errors)))));
  let wholeSetFindings = 0;
  const wholeSetMs = median(Array.from({ length: runs }, () => timed(() => (wholeSetFindings = analyse(grammars, files, errors)))));
  const result: OursWarmResult = { perTemplateMs, wholeSetMs, wholeSetFindings, errors: [...new Set(errors)].slice(0, 5) };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
