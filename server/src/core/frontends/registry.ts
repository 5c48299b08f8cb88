import type { Language } from 'web-tree-sitter';
import type { FrontEnd } from './types';
import { createTerraformFrontEnd } from './terraform';
import { createCloudFormationFrontEnd } from './cloudformation';
import { createTerraformPlanFrontEnd } from './terraformPlan';

/** Grammars are loaded by the host (IO) and handed in. */
export interface FrontEndGrammars {
  readonly terraform: Language;
}

/** Front-ends in detection order: the first that claims a file owns it. */
export function defaultFrontEnds(grammars: FrontEndGrammars): FrontEnd[] {
  return [
    createTerraformFrontEnd(grammars.terraform) as FrontEnd,
    // Before any generic JSON front-end: plan JSON is claimed by its keys, never as a template.
    createTerraformPlanFrontEnd() as FrontEnd,
    createCloudFormationFrontEnd() as FrontEnd,
  ];
}
