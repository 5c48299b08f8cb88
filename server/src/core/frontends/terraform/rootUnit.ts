import type { NetworkElement } from '../../model/types';
import type { AnalysisUnit, SourceProblem } from '../types';
import type { EvaluatedResource } from './evaluated';
import type { RootEvaluation } from './eval/evaluateRoot';
import { resourcesToElements } from './toModel';
import { problemShownElsewhere } from '../shownElsewhere';

/** The analysis unit of one evaluated root module: its model elements, traces and problems. */
export function rootUnit(folder: string, result: RootEvaluation): AnalysisUnit {
  const problems = [...result.problems];
  const elements = mapSafely(result.resources, problems);
  const shown = result.shownElsewhere;
  return {
    key: `terraform:${folder}`,
    elements,
    traces: result.traces,
    problems: shown.length > 0 ? problems.map((p) => problemShownElsewhere(p, shown)) : problems,
    ...(shown.length > 0 ? { shownElsewhere: shown } : {}),
    ...(result.groups.length > 0 ? { groups: result.groups } : {}),
  };
}

function mapSafely(resources: readonly EvaluatedResource[], problems: SourceProblem[]): readonly NetworkElement[] {
  try {
    return resourcesToElements(resources);
  } catch (err) {
    const first = resources[0];
    if (first) {
      problems.push({
        code: 'evaluation',
        severity: 'warning',
        message: `VPC Lens could not map these resources to its network model: ${err instanceof Error ? err.message : String(err)}`,
        span: first.span,
      });
    }
    return [];
  }
}
