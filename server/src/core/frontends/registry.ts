import type { Language } from 'web-tree-sitter';
import type { FrontEnd } from './types';
import { createTerraformFrontEnd } from './terraform';
import { createCloudFormationFrontEnd } from './cloudformation';
import { createTerraformPlanFrontEnd } from './terraformPlan';
import { createCdkFrontEnd } from './cdk';

/** Grammars are loaded by the host (IO) and handed in. */
export interface FrontEndGrammars {
  readonly terraform: Language;
  /** TypeScript, for CDK apps; without it (older hosts, tests) `.ts` files are left alone. */
  readonly typescript?: Language;
}

/** Front-ends in detection order: the first that claims a file owns it. */
export function defaultFrontEnds(grammars: FrontEndGrammars): FrontEnd[] {
  return [
    createTerraformFrontEnd(grammars.terraform) as FrontEnd,
    // Before any generic JSON front-end: plan JSON is claimed by its keys, never as a template.
    createTerraformPlanFrontEnd() as FrontEnd,
    createCloudFormationFrontEnd() as FrontEnd,
    // Last: it claims only `.ts` files, which no other front-end wants.
    ...(grammars.typescript ? [createCdkFrontEnd(grammars.typescript) as FrontEnd] : []),
  ];
}
