import type { Language } from 'web-tree-sitter';
import type { FrontEnd } from './types';
import { createTerraformFrontEnd } from './terraform';

/** Grammars are loaded by the host (IO) and handed in. */
export interface FrontEndGrammars {
  readonly terraform: Language;
}

/** Front-ends in detection order: the first that claims a file owns it. */
export function defaultFrontEnds(grammars: FrontEndGrammars): FrontEnd[] {
  return [createTerraformFrontEnd(grammars.terraform) as FrontEnd];
}
