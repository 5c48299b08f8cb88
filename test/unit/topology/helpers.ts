import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Analysis, Workspace } from '../../../server/src/core/analysis/workspace';
import { DEFAULT_SETTINGS } from '../../../server/src/core/config/settings';
import { LineIndex } from '../../../server/src/core/text/lineIndex';
import { buildTopology, type TopologyGraph, type TopologyNode, type TopologyOptions } from '../../../server/src/core/topology';
import { createTerraformFrontEnd } from '../../../server/src/core/frontends/terraform';
import { loadGrammars } from '../../../server/src/host/grammars';

export const WS = 'file:///ws';
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export interface Built {
  readonly analysis: Analysis;
  readonly graph: TopologyGraph;
  readonly texts: ReadonlyMap<string, string>;
  /** The node of the element with this address (`aws_subnet.public[0]`), or of a synthetic id. */
  node(address: string): TopologyNode;
  /** Ids of the nodes of these addresses. */
  id(address: string): string;
  edges(kind: string): { from: string; to: string; label?: string }[];
}

/** Analyses files (URIs as given, or `file:///ws/<name>`) with the real front-ends and builds the graph. */
export async function topologyOf(files: Record<string, string>, options: TopologyOptions = {}): Promise<Built> {
  // The Terraform front-end alone: these tests are about the graph, not about which front-ends exist.
  const ws = new Workspace([createTerraformFrontEnd((await loadGrammars()).terraform)]);
  const texts = new Map<string, string>();
  for (const [name, text] of Object.entries(files)) {
    const uri = name.startsWith('file:') ? name : `${WS}/${name}`;
    ws.setFile(uri, text);
    texts.set(uri, text);
  }
  const analysis = ws.analyze(DEFAULT_SETTINGS);
  const graph = buildTopology(analysis, options, (span) => {
    const text = texts.get(span.file);
    return text === undefined ? undefined : { file: span.file, range: new LineIndex(text).rangeOf(span.start, span.end) };
  });
  return wrap(analysis, graph, texts);
}

/** The repository's examples/ folder, read from disk. */
export async function examplesTopology(options: TopologyOptions = {}): Promise<Built> {
  const files: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(tf|tfvars)$/.test(e.name)) files[pathToFileURL(p).href] = fs.readFileSync(p, 'utf8');
    }
  };
  walk(path.join(REPO_ROOT, 'examples'));
  return topologyOf(files, options);
}

function wrap(analysis: Analysis, graph: TopologyGraph, texts: ReadonlyMap<string, string>): Built {
  const id = (address: string): string => {
    const hit = graph.nodes.find((n) => n.id === address || n.id.endsWith(`::${address}`));
    if (!hit) throw new Error(`no node for ${address}; have:\n${graph.nodes.map((n) => n.id).join('\n')}`);
    return hit.id;
  };
  return {
    analysis,
    graph,
    texts,
    id,
    node: (address) => graph.nodes.find((n) => n.id === id(address))!,
    edges: (kind) => graph.edges.filter((e) => e.kind === kind),
  };
}

/** The text a node's range covers, for asserting source spans. */
export function textAt(texts: ReadonlyMap<string, string>, node: TopologyNode): string {
  const text = texts.get(node.file!)!;
  const index = new LineIndex(text);
  return text.slice(index.offsetAt(node.range!.start), index.offsetAt(node.range!.end));
}
