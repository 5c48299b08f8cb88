import { Workspace, type WorkspaceHooks, type WorkspaceLogger } from '../core/analysis/workspace';
import { defaultFrontEnds } from '../core/frontends/registry';
import { type GrammarNeeds, loadGrammars } from './grammars';

/**
 * A workspace with every front-end, for the CLI, the language server and tests. `needs` can spare loading
 * TypeScript's grammar when no CDK source will be read; the CDK front-end is then left out.
 */
export async function createWorkspace(logger?: WorkspaceLogger, needs?: GrammarNeeds, hooks?: WorkspaceHooks): Promise<Workspace> {
  const grammars = await loadGrammars(needs);
  return new Workspace(defaultFrontEnds(grammars), logger, hooks);
}
