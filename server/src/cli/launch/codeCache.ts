import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

/**
 * Runs the CLI bundle with V8's code cache: the bytecode V8 compiled for it on an earlier run, so this run
 * neither parses the bundle nor compiles the functions the earlier run used. That saves 15 to 20 ms a run,
 * a sixth of a check of a small project (BENCHMARKS.md). The build writes the cache by running the CLI once on
 * examples/; a run that finds none for its key writes one when it exits, if the folder is writable (as Node 22's
 * module.enableCompileCache() does).
 *
 * The key covers the bundle's text, Node's version and architecture and Node's flags, so a cache is never used
 * with other code or another V8: V8 itself only checks the source length and its own flags. Whatever goes wrong
 * (no cache, a corrupt or foreign one, an unwritable folder) ends in an ordinary run, never in an error.
 * The bundle must not use import(): a vm.Script has no module loader for it (Node's
 * USE_MAIN_CONTEXT_DEFAULT_LOADER is experimental, warns, and failed here with a cache).
 */
export function runWithCodeCache(mainFile: string, env: NodeJS.ProcessEnv, log: (line: string) => void): void {
  if (env['VPC_LENS_CODE_CACHE'] === 'off') {
    if (env['VPC_LENS_TIMING']) log(`vpc-lens: code cache: off\n`);
    require(mainFile);
    return;
  }
  const source = fs.readFileSync(mainFile, 'utf8');
  const cacheFile = codeCacheFile(mainFile, source);
  const cachedData = readIfPresent(cacheFile);
  const script = new vm.Script(wrap(source), {
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

/** `dist/cliMain.js` -> `dist/cliMain.<key>.codecache`. */
function codeCacheFile(mainFile: string, source: string): string {
  const key = createHash('sha256')
    .update(source)
    .update(`\0${process.version}\0${process.arch}\0${process.execArgv.join(' ')}`)
    .digest('hex')
    .slice(0, 16);
  return path.join(path.dirname(mainFile), `${path.basename(mainFile, '.js')}.${key}.codecache`);
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
