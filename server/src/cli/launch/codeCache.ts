import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

/**
 * Runs the CLI bundle with V8's code cache: the bytecode V8 compiled for it on an earlier run, so this run
 * neither parses the bundle nor compiles the functions the earlier run used. That saves 15 to 20 ms a run,
 * a sixth of a check of a small project (BENCHMARKS.md). The build writes the cache by running the CLI once on
 * examples/; a run that finds none for its key writes one when it exits, if the folder is writable (as Node 22's
 * module.enableCompileCache() does).
 *
 * The key covers the bundle's text, Node's version and architecture, Node's flags and the V8 flags this run sets
 * (`v8Flags`, set before the bundle is compiled), so a cache is never used with other code or another V8: V8
 * itself only checks the source length and its own flags, and rejects a cache made under other flags, which
 * would otherwise be written anew on every run that switches them. Whatever goes wrong
 * (no cache, a corrupt or foreign one, an unwritable folder) ends in an ordinary run, never in an error.
 * The bundle must not use import(): a vm.Script has no module loader for it (Node's
 * USE_MAIN_CONTEXT_DEFAULT_LOADER is experimental, warns, and failed here with a cache).
 */
export function runWithCodeCache(
  mainFile: string,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
  v8Flags: readonly string[] = [],
): void {
  for (const flag of v8Flags) v8.setFlagsFromString(flag);
  if (env['VPC_LENS_TIMING'] && v8Flags.length > 0) log(`vpc-lens: v8 flags: ${v8Flags.join(' ')}\n`);
  if (env['VPC_LENS_CODE_CACHE'] === 'off') {
    if (env['VPC_LENS_TIMING']) log(`vpc-lens: code cache: off\n`);
    require(mainFile);
    return;
  }
  const bytes = fs.readFileSync(mainFile);
  const cacheFile = codeCacheFile(mainFile, bytes, v8Flags);
  const cachedData = readIfPresent(cacheFile);
  const script = new vm.Script(wrap(sourceText(bytes)), {
    filename: mainFile,
    ...(cachedData ? { cachedData } : {}),
  });
  const used = cachedData !== undefined && !script.cachedDataRejected;
  if (env['VPC_LENS_TIMING']) log(`vpc-lens: code cache: ${used ? 'used' : cachedData ? 'rejected' : 'none'} (${path.basename(cacheFile)})\n`);
  // After the run, so that the cache holds the functions this run compiled, not only the top level.
  if (!used) process.once('exit', () => writeAtomically(cacheFile, () => script.createCachedData()));

  const module = { exports: {}, filename: mainFile, id: mainFile, loaded: false };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(mainFile), module, mainFile, path.dirname(mainFile));
}

/**
 * `dist/cliMain.js` -> `dist/cliMain.<key>.codecache`. The key hashes the file's bytes: hashing the decoded
 * text would first encode all of it back to UTF-8 (6.5 ms instead of 2.2 for the 1.3 MB bundle, measured).
 */
function codeCacheFile(mainFile: string, bytes: Buffer, v8Flags: readonly string[]): string {
  const key = createHash('sha256')
    .update(bytes)
    .update(`\0${process.version}\0${process.arch}\0${process.execArgv.join(' ')}\0${v8Flags.join(' ')}`)
    .digest('hex')
    .slice(0, 16);
  return path.join(path.dirname(mainFile), `${path.basename(mainFile, '.js')}.${key}.codecache`);
}

/** The bundle's text. esbuild writes ASCII (it escapes the rest), which latin1 decodes without UTF-8's checks. */
function sourceText(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/** CommonJS's own wrapper, so the bundle sees exports, require, module, __filename and __dirname as usual. */
function wrap(source: string): string {
  return `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Writes through a temporary file and a rename, so concurrent runs never read a half-written cache. Asks first
 * whether the folder is writable: serialising the cache costs milliseconds that a read-only install would pay
 * on every run for nothing.
 */
function writeAtomically(file: string, data: () => Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.accessSync(path.dirname(file), fs.constants.W_OK);
  } catch {
    return;
  }
  try {
    fs.writeFileSync(temporary, data());
    fs.renameSync(temporary, file);
  } catch {
    // A read-only install or a full disk: runs go on without a cache.
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // nothing left to do
    }
  }
}
