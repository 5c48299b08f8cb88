import { parseArgs, UsageError, type Command } from './args';
import { runCheck, type CheckDeps } from './checkCommand';
import { runCidr } from './cidrCommand';
import { CliError } from './errors';
import type { CliIo } from './io';
import { runRules } from './rulesCommand';
import { runTopology } from './topologyCommand';
import { helpText, usageLine } from './usage';
import { VPC_LENS_VERSION } from './version';

/** Runs one command line and returns the exit code. Never throws: every failure becomes one stderr line. */
export async function main(argv: readonly string[], io: CliIo, deps?: CheckDeps): Promise<number> {
  let command: Command;
  try {
    command = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) return internalError(err, io);
    io.err(`vpc-lens: ${err.message}\n${usageLine(err.command)}\n`);
    return 2;
  }
  try {
    return await run(command, io, deps);
  } catch (err) {
    if (err instanceof CliError) {
      io.err(`vpc-lens: ${err.message}\n`);
      return 2;
    }
    return internalError(err, io);
  }
}

async function run(command: Command, io: CliIo, deps: CheckDeps | undefined): Promise<number> {
  switch (command.kind) {
    case 'help':
      io.out(helpText(command.topic));
      return 0;
    case 'version':
      io.out(`${VPC_LENS_VERSION}\n`);
      return 0;
    case 'check':
      return runCheck(command, io, deps);
    case 'topology':
      return runTopology(command, io, deps);
    case 'cidr':
      return runCidr(command, io);
    case 'rules':
      return runRules(command, io);
  }
}

/** A bug, not a user mistake: still one line (set VPC_LENS_DEBUG=1 for the stack), and a pointer to report it. */
export function internalError(err: unknown, io: CliIo): number {
  const message = err instanceof Error ? err.message : String(err);
  io.err(`vpc-lens: internal error: ${message.split('\n')[0]} (please report it at https://github.com/vpc-lens/vpc-lens/issues)\n`);
  if (io.env['VPC_LENS_DEBUG'] && err instanceof Error && err.stack) io.err(`${err.stack}\n`);
  return 2;
}
