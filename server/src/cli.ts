// The `vpc-lens` command (dist/cli.js): a thin host of core. Everything is in ./cli; this file only binds
// it to the process.
import { internalError, main } from './cli/main';
import { processIo } from './cli/io';

const io = processIo();

// `vpc-lens check | head` closes the pipe early: that is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.exit(internalError(err, io));
});
// Whatever escapes (an error thrown from a callback) still ends as one line and exit code 2.
process.on('uncaughtException', (err) => process.exit(internalError(err, io)));

// exitCode (not process.exit) lets a large report on a pipe finish writing before the process ends.
main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.exitCode = internalError(err, io);
  },
);
