import { Workspace, type WorkspaceLogger } from '../core/analysis/workspace';
import { defaultFrontEnds } from '../core/frontends/registry';
import { loadGrammars } from './grammars';

/** A workspace with every front-end, for the CLI, the language server and tests. */
export async function createWorkspace(logger?: WorkspaceLogger): Promise<Workspace> {
  const grammars = await loadGrammars();
  return new Workspace(defaultFrontEnds(grammars), logger);
}
