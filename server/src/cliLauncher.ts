// The `vpc-lens` command (dist/cli.js): starts the CLI bundle (dist/cliMain.js, built from ./cli.ts) with
// V8's code cache and the V8 settings of a one-shot run. Kept apart from the bundle so that it is small enough
// to load before the cache.
import * as path from 'node:path';
import { runWithCodeCache } from './cli/launch/codeCache';
import { oneShotV8Flags } from './cli/launch/v8Tuning';

runWithCodeCache(path.join(__dirname, 'cliMain.js'), process.env, (line) => process.stderr.write(line), oneShotV8Flags(process.env));
