// The `vpc-lens` command (dist/cli.js): a thin host of core. Everything is in ./cli; this file only binds
// it to the process.
import { DEFAULT_CHECK_DEPS } from './cli/checkCommand';
import { internalError, main } from './cli/main';
import { processIo } from './cli/io';
import { youngGenerationCap } from './cli/launch/youngGeneration';

const io = processIo();
// The heap tuning of a one-shot run is this process's own: in-process callers of main() (tests) go without.
const youngGeneration = youngGenerationCap(process.env, { log: (line) => io.err(line) });

/**
 * Every way out goes through here. The young-generation cap is lifted first: the launcher may write V8's code
 * cache at exit, and a cache made under the capped flags would be rejected by every later run.
 */
function exit(code: number): never {
  youngGeneration.lift();
  return process.exit(code);
}

// `vpc-lens check | head` closes the pipe early: that is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') exit(Number(process.exitCode ?? 0));
  exit(internalError(err, io));
});
// Whatever escapes (an error thrown from a callback) still ends as one line and exit code 2.
process.on('uncaughtException', (err) => exit(internalError(err, io)));

main(process.argv.slice(2), io, { ...DEFAULT_CHECK_DEPS, betweenUnits: youngGeneration.betweenUnits }).then(
  (code) => exitOnceWritten(code),
  (err: unknown) => exitOnceWritten(internalError(err, io)),
);

/**
 * Ends the process once everything written to stdout and stderr has gone out (a large report on a pipe
 * included). process.exit skips the teardown a natural exit does: freeing the V8 heap and every handle, which
 * cost about 15 ms after a check of the 10k-resource benchmark workspace (100 MB resident; 40 -> 25 ms from
 * the last phase to the process's end, medians of 9).
 */
function exitOnceWritten(code: number): void {
  process.stdout.write('', () => process.stderr.write('', () => exit(code)));
}
