import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (entry.isFile()) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds dist/ (as `npm run build` does) when dist/cli.js is missing or older than the sources. */
export function ensureCliBuilt(): void {
  const sources = Math.max(
    newestMtime(path.join(REPO_ROOT, 'server', 'src')),
    fs.statSync(path.join(REPO_ROOT, 'package.json')).mtimeMs,
    fs.statSync(path.join(REPO_ROOT, 'esbuild.mjs')).mtimeMs,
  );
  if (fs.existsSync(CLI) && fs.statSync(CLI).mtimeMs >= sources) return;
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`node esbuild.mjs failed:\n${build.stdout}${build.stderr}`);
}

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node dist/cli.js ...args` in `cwd`, colour off unless the test sets the environment itself. */
export function runCli(args: readonly string[], cwd: string, env: Record<string, string | undefined> = {}): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh folder under the OS temp folder with the given files (paths relative, `/`-separated). */
export function makeWorkspace(files: Record<string, string | Buffer>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vpc-lens-cli-'));
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(root, ...rel.split('/'));
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  return root;
}

export function removeWorkspace(root: string): void {
  fs.rmSync(root, { recursive: true, force: true });
}

/** No stack trace leaked: no `    at fn (file:line)` frames. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+[:(]/m.test(text);
}

export const VPC_TF = `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
`;

/**
 * The VPC's flow log, appended after the resources a test is about (so their line numbers stay put): without
 * it every project would get a `vpc-flow-logs` info finding and none would be clean.
 */
const FLOW_LOG_TF = `
resource "aws_flow_log" "main" {
  vpc_id               = aws_vpc.main.id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::flow-logs"
}
`;

/** One error finding: the subnet (line 7 of this text, 1-based) lies outside its VPC. */
export const SUBNET_OUTSIDE_VPC_TF = `${VPC_TF}
resource "aws_subnet" "outside" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.1.0.0/24"
}
${FLOW_LOG_TF}`;

/** One warning finding: host bits set in the subnet block (line 7). */
export const HOST_BITS_TF = `${VPC_TF}
resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.7/24"
}
${FLOW_LOG_TF}`;

export const CLEAN_TF = `${VPC_TF}
resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}
${FLOW_LOG_TF}`;
