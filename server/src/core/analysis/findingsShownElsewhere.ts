import { messageShownElsewhere, shownElsewhere, type ShownElsewhere } from '../frontends/shownElsewhere';
import type { Finding } from '../rules/types';

/**
 * Findings in code the user does not edit (installed modules), moved to the module block that brings that
 * code in: the message names the module, the place in its code comes first among the related locations, and
 * quick fixes go (they would edit installed code). Other findings are returned as they are.
 */
export function findingsShownElsewhere(findings: readonly Finding[], list: readonly ShownElsewhere[] | undefined): readonly Finding[] {
  if (!list || list.length === 0) return findings;
  return findings.map((f) => {
    const entry = shownElsewhere(f.span, list);
    if (!entry) return f;
    const { fixes: _dropped, ...rest } = f;
    return {
      ...rest,
      span: entry.at,
      message: messageShownElsewhere(f.message, entry),
      related: [{ span: f.span, message: 'Where the installed module defines it' }, ...(f.related ?? [])],
    };
  });
}
