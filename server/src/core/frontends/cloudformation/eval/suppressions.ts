import type { UnitSuppression } from '../../types';
import { metadataIgnores } from '../syntax/metadataIgnores';
import type { TemplateView } from './template';

/**
 * `Metadata: {"vpc-lens": {"ignore": [...]}}` on a resource (read by the syntax layer) as unit suppressions:
 * findings starting inside that resource are dropped by `finalizeDiagnostics`.
 */
export function metadataSuppressions(view: TemplateView): UnitSuppression[] {
  return metadataIgnores(view.root).map((m) => ({ span: m.resourceSpan, ids: m.ids === 'all' ? 'all' : [...m.ids] }));
}
