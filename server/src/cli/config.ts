import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../core/config/settings';
import { matchesAnyGlob } from '../core/config/globs';
import { PROJECT_CONFIG_FILE, parseProjectConfig } from '../core/config/projectConfig';
import { LineIndex } from '../core/text/lineIndex';
import { readTextFile } from '../host/files';
import { CliError } from './errors';

/** `.vpc-lens.json` as the check command uses it. */
export interface ProjectSettings {
  /** Rule severities; var files are in `varFiles`. */
  readonly analysis: AnalysisSettings;
  /** `terraform.varFiles` of the config, absolute paths, in order. */
  readonly varFiles: readonly string[];
  /** The config's `exclude` globs, matched relative to the config file's folder. */
  readonly isExcluded: (absolutePath: string, isDirectory: boolean) => boolean;
  /** Problems in the file, one line each with its position: printed on stderr, the check goes on. */
  readonly warnings: readonly string[];
}

const NO_PROJECT: ProjectSettings = { analysis: DEFAULT_SETTINGS, varFiles: [], isExcluded: () => false, warnings: [] };

/**
 * Reads `--config FILE` (which must exist) or else `.vpc-lens.json` in the current folder (optional).
 * A broken file is not fatal, as in the editor: what could be read applies and each problem is a warning.
 */
export function loadProjectSettings(configArg: string | undefined, cwd: string): ProjectSettings {
  const file = path.resolve(cwd, configArg ?? PROJECT_CONFIG_FILE);
  if (configArg === undefined && !fs.existsSync(file)) return NO_PROJECT;
  const shown = configArg ?? PROJECT_CONFIG_FILE;
  const read = readTextFile(file);
  if (!read.ok) throw new CliError(`${read.reason}: ${shown}`);

  const base = path.dirname(file);
  const parsed = parseProjectConfig(read.text, { baseUri: pathToFileURL(base).href });
  const lines = new LineIndex(read.text);
  const warnings = parsed.problems.map((p) => {
    const at = lines.positionAt(p.start);
    const message = p.message.startsWith(`${PROJECT_CONFIG_FILE}: `) ? p.message.slice(PROJECT_CONFIG_FILE.length + 2) : p.message;
    return `${shown}:${at.line + 1}:${at.character + 1}: ${message}`;
  });

  const varFiles = parsed.settings.terraformVarFiles.map((uri) => {
    const varFile = uriToPath(uri);
    const read = varFile ? readTextFile(varFile) : { ok: false as const, reason: 'not a local file' };
    if (!varFile || !read.ok) {
      const named = varFile ? path.relative(cwd, varFile).split(path.sep).join('/') : uri;
      throw new CliError(`${read.ok ? 'unreadable' : read.reason}: ${named} (terraform.varFiles in ${shown})`);
    }
    return varFile;
  });

  const globs = parsed.config.exclude;
  const isExcluded = (absolutePath: string): boolean => {
    const rel = path.relative(base, absolutePath);
    if (rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return false;
    return matchesAnyGlob(rel, globs);
  };
  return {
    analysis: { ...parsed.settings, terraformVarFiles: [] },
    varFiles,
    isExcluded: globs.length > 0 ? isExcluded : () => false,
    warnings,
  };
}

function uriToPath(uri: string): string | undefined {
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
