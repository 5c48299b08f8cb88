import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildTopology, type TopologyGraph } from '../core/topology';
import { LineIndex } from '../core/text/lineIndex';
import { createWorkspace } from '../host/createWorkspace';
import { findFiles, isTypeScriptSource, readTextFile } from '../host/files';
import { pathToFileURL } from 'node:url';
import type { TopologyCommand } from './args';
import type { CheckDeps } from './checkCommand';
import { loadProjectSettings } from './config';
import { CliError } from './errors';
import type { CliIo } from './io';
import { loadFiles, readFiles } from './loadFiles';
import { loadModuleFolders } from './moduleFolders';
import { loadReferencedConfigFiles } from './referencedFiles';
import { displayPath, displayPathOfUri } from './paths';

/**
 * `vpc-lens topology`: the same graph the editor's diagram draws, as JSON (`file` relative to the current
 * folder, 0-based ranges) or rendered by the webview's own renderer as SVG or a self-contained HTML page.
 * Findings are counted on nodes but never change the exit code; bad paths and unwritable output exit 2.
 */
export async function runTopology(command: TopologyCommand, io: CliIo, deps: CheckDeps = { createWorkspace }): Promise<number> {
  const project = loadProjectSettings(command.config, io.cwd);
  for (const warning of project.warnings) io.err(`vpc-lens: ${warning}\n`);
  const varFiles = command.varFiles.map((f) => {
    const full = path.resolve(io.cwd, f);
    const read = readTextFile(full);
    if (!read.ok) throw new CliError(`${read.reason}: ${f}`);
    return full;
  });

  const found = findFiles(command.paths, io.cwd, { isExcluded: project.isExcluded });
  const badArgument = found.problems.find((p) => p.isArgument);
  if (badArgument) {
    const typed = command.paths.find((p) => path.resolve(io.cwd, p) === badArgument.path) ?? displayPath(io.cwd, badArgument.path);
    throw new CliError(`${badArgument.reason}: ${typed}`);
  }
  for (const p of found.problems) io.err(`vpc-lens: cannot read ${displayPath(io.cwd, p.path)}: ${p.reason}\n`);

  const ws = await deps.createWorkspace(
    { error: (message) => io.err(`vpc-lens: ${message.replace(/^VPC Lens: /, '')}\n`) },
    { typescript: found.files.some(isTypeScriptSource) },
  );
  const explicit = new Set(command.paths.map((p) => path.resolve(io.cwd, p)));
  const loaded = loadFiles(ws, readFiles({ files: found.files, varFiles: [...project.varFiles, ...varFiles] }, io), explicit, io);
  await loadModuleFolders(ws, project.isExcluded, io);
  await loadReferencedConfigFiles(ws, project.isExcluded);
  const analysis = ws.analyze({ ...project.analysis, terraformVarFiles: loaded.varFileUris });
  if (analysis.files === 0) io.err(`vpc-lens: no files to analyse (looked in ${command.paths.join(' ')})\n`);

  const lineIndexes = new Map<string, LineIndex | undefined>();
  const graph = buildTopology(analysis, {}, (span) => {
    if (!lineIndexes.has(span.file)) {
      const text = ws.getText(span.file);
      lineIndexes.set(span.file, text === undefined ? undefined : new LineIndex(text));
    }
    const index = lineIndexes.get(span.file);
    if (!index) return undefined;
    return { file: loaded.displayPathOf(span.file) ?? displayPathOfUri(io.cwd, span.file), range: index.rangeOf(span.start, span.end) };
  });

  const text = await render(withRelativeIds(graph, pathToFileURL(io.cwd).href.replace(/\/$/, '')), command.format);
  if (command.output === undefined) io.out(text);
  else {
    const target = path.resolve(io.cwd, command.output);
    try {
      fs.writeFileSync(target, text);
    } catch (err) {
      throw new CliError(`cannot write ${command.output}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  }
  return found.problems.length > 0 || loaded.unreadable ? 2 : 0;
}

/**
 * Element ids start with their unit's folder URI (`file:///home/me/net::aws_vpc.main`); below the current
 * folder that prefix becomes relative (`net::aws_vpc.main`), so the output does not depend on where the
 * repository is checked out (the current folder itself becomes `.`). Ids stay unique: one prefix is cut.
 */
function withRelativeIds(graph: TopologyGraph, cwdUri: string): TopologyGraph {
  const rel = (id: string): string =>
    id.startsWith(`${cwdUri}/`) ? id.slice(cwdUri.length + 1) : id.startsWith(`${cwdUri}::`) ? `.${id.slice(cwdUri.length)}` : id;
  return {
    version: graph.version,
    nodes: graph.nodes.map((n) => ({ ...n, id: rel(n.id), ...(n.parent === undefined ? {} : { parent: rel(n.parent) }) })),
    edges: graph.edges.map((e) => ({ ...e, from: rel(e.from), to: rel(e.to) })),
  };
}

async function render(graph: TopologyGraph, format: TopologyCommand['format']): Promise<string> {
  if (format === 'json') return `${JSON.stringify(graph, null, 2)}\n`;
  // Loaded only when drawing: the JSON output needs none of the renderer. A require, not import(): the bundle
  // runs as a vm.Script for V8's code cache (cli/launch/codeCache.ts), and there import() has no loader.
  const renderer = require('../../../client/webview/export') as typeof import('../../../client/webview/export');
  return format === 'svg' ? renderer.renderTopologySvg(graph) : renderer.renderTopologyHtml(graph);
}
