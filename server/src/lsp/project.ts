import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { matchesAnyGlob } from '../core/config/globs';
import { PROJECT_CONFIG_FILE, type ParsedProjectConfig, mergeSettings, parseProjectConfig } from '../core/config/projectConfig';
import { type AnalysisSettings, DEFAULT_SETTINGS } from '../core/config/settings';
import { LineIndex } from '../core/text/lineIndex';
import { DIAGNOSTIC_SOURCE } from './convert';
import { type PathFilter, SKIPPED_FOLDERS } from './fileDiscovery';
import type { EditorSettings } from './settings';
import { canonicalUri, pathToUri } from './uris';

/** A workspace folder and its `.vpc-lens.json`. */
export interface Folder {
  readonly uri: string;
  readonly path: string;
  readonly configUri: string;
  configText?: string;
  config?: ParsedProjectConfig;
}

export function makeFolder(folderPath: string): Folder {
  return {
    uri: pathToUri(folderPath),
    path: folderPath,
    configUri: pathToUri(path.join(folderPath, PROJECT_CONFIG_FILE)),
  };
}

/** (Re)reads a folder's project file; a missing file is no config, a broken one reports problems. */
export function loadProjectConfig(folder: Folder): void {
  let text: string | undefined;
  try {
    text = fs.readFileSync(path.join(folder.path, PROJECT_CONFIG_FILE), 'utf8');
  } catch {
    text = undefined;
  }
  folder.configText = text;
  folder.config = text === undefined ? undefined : parseProjectConfig(text, { baseUri: folder.uri });
}

/** Diagnostics for broken project files, keyed by the file's URI. */
export function projectConfigDiagnostics(folders: readonly Folder[]): Map<string, LspDiagnostic[]> {
  const out = new Map<string, LspDiagnostic[]>();
  for (const f of folders) {
    if (!f.config || f.configText === undefined) continue;
    const lines = new LineIndex(f.configText);
    out.set(
      f.configUri,
      f.config.problems.map((p) => ({
        range: lines.rangeOf(p.start, p.end),
        severity: DiagnosticSeverity.Error,
        code: 'invalid-config',
        source: DIAGNOSTIC_SOURCE,
        message: p.message,
      })),
    );
  }
  return out;
}

/** Project files first, editor settings on top (they win per rule id); var files resolved to URIs. */
export function analysisSettings(folders: readonly Folder[], editor: EditorSettings, log: (m: string) => void): AnalysisSettings {
  const fromProjects = folders.flatMap((f) => (f.config ? [f.config.settings] : []));
  const merged = mergeSettings(DEFAULT_SETTINGS, ...fromProjects, {
    rules: editor.rules,
    terraformVarFiles: editor.terraformVarFiles.map((p) => resolveVarFile(folders, p, log)),
    cloudFormationParameterFiles: Object.entries(editor.cloudFormationParameterFiles).map(([template, parameters]) => ({
      template: resolveVarFile(folders, template, log, 'template'),
      parameters: resolveVarFile(folders, parameters, log, 'parameter file'),
    })),
    ...(editor.cloudFormationRegion !== undefined ? { cloudFormationRegion: editor.cloudFormationRegion } : {}),
  });
  return {
    ...merged,
    terraformVarFiles: merged.terraformVarFiles.map(canonicalUri),
    ...(merged.cloudFormationParameterFiles
      ? { cloudFormationParameterFiles: merged.cloudFormationParameterFiles.map((p) => ({ template: canonicalUri(p.template), parameters: canonicalUri(p.parameters) })) }
      : {}),
  };
}

/** A workspace-relative file named in settings names the first folder holding it; absolute paths stay as they are. */
function resolveVarFile(folders: readonly Folder[], written: string, log: (m: string) => void, what = 'var file'): string {
  if (path.isAbsolute(written)) return pathToUri(written);
  for (const f of folders) {
    const candidate = path.resolve(f.path, written);
    if (fs.existsSync(candidate)) return pathToUri(candidate);
  }
  const base = folders[0]?.path ?? process.cwd();
  log(`VPC Lens: ${what} ${written} not found in any workspace folder`);
  return pathToUri(path.resolve(base, written));
}

/** The excludes of a folder: its project file's and the editor's. */
export function excludeFilter(folder: Folder, editor: EditorSettings): PathFilter {
  const globs = [...(folder.config?.config.exclude ?? []), ...editor.exclude];
  return (rel) => globs.length > 0 && matchesAnyGlob(rel, globs);
}

/**
 * Whether a file is left out: inside a folder and excluded there, skipped folders included unless `skipped` is
 * false (a module a file calls is read from `.terraform/modules` too: only the user's excludes leave it out).
 */
export function isExcludedPath(folders: readonly Folder[], editor: EditorSettings, filePath: string, skipped = true): boolean {
  for (const f of folders) {
    const rel = path.relative(f.path, filePath);
    if (rel.startsWith('..') || path.isAbsolute(rel)) continue;
    const segments = rel.split(path.sep);
    if (skipped && segments.slice(0, -1).some((s) => SKIPPED_FOLDERS.has(s))) return true;
    if (excludeFilter(f, editor)(segments.join('/'))) return true;
  }
  return false;
}
