import type { Span } from '../text/span';
import { folderOfUri } from '../text/uri';
import type { SourceProblem } from './types';

/**
 * Code of a unit that its user does not edit (a module `terraform init` installed under `.terraform/modules`):
 * what is found there is reported at `at`, the place in the user's code that brought it in (the `module` block
 * that calls it), where it can be suppressed and where the user changes what the module is given.
 */
export interface ShownElsewhere {
  /** Folder URI (no trailing slash): spans in files directly in it are shown at `at`. */
  readonly folder: string;
  readonly at: Span;
  /** What the folder is, for the message: `module.vpc ("terraform-aws-modules/vpc/aws")`. */
  readonly what: string;
}

/** The entry whose folder holds the file `span` is in, if any. */
export function shownElsewhere(span: Span, list: readonly ShownElsewhere[] | undefined): ShownElsewhere | undefined {
  if (!list || list.length === 0) return undefined;
  const folder = folderOfUri(span.file);
  return list.find((e) => e.folder === folder);
}

/** A message about installed code, as reported at the module block. */
export function messageShownElsewhere(message: string, entry: ShownElsewhere): string {
  return `${message} (in ${entry.what}, installed by terraform init)`;
}

/**
 * A problem in installed code (VPC Lens could not evaluate part of it) moved to where its unit shows it, as
 * information: the user cannot change that code, only know that its analysis is partial. The place in the
 * installed code comes first among its related locations. Others as they are.
 */
export function problemShownElsewhere(problem: SourceProblem, list: readonly ShownElsewhere[] | undefined): SourceProblem {
  const entry = shownElsewhere(problem.span, list);
  if (!entry) return problem;
  return {
    ...problem,
    severity: 'info',
    span: entry.at,
    message: `In ${entry.what}, installed by terraform init: ${problem.message}`,
    related: [{ span: problem.span, message: 'In the installed module' }, ...(problem.related ?? [])],
  };
}
