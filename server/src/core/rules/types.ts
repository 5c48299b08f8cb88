import type { Span } from '../text/span';
import type { NetworkModel } from '../model/network';
import type { NetworkFacts } from '../model/facts';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface RelatedInfo {
  readonly span: Span;
  readonly message: string;
}

export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

/** A fix the rule is certain of; the editor offers it as a quick fix. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  readonly preferred?: boolean;
}

/** What a rule reports; severity is applied later from the catalog and the user's settings. */
export interface Finding {
  readonly ruleId: string;
  readonly message: string;
  readonly span: Span;
  readonly related?: readonly RelatedInfo[];
  readonly fixes?: readonly Fix[];
}

/** A finding after severities, suppressions and de-duplication: what hosts show. */
export interface Diagnostic extends Finding {
  readonly severity: Severity;
  readonly docsUrl?: string;
}

export interface RuleContext {
  readonly model: NetworkModel;
  /** Derived facts (route table of a subnet, public/private, VPC blocks), computed once per analysis. */
  readonly facts: NetworkFacts;
}

export type RuleCategory =
  | 'addressing'
  | 'routing'
  | 'peering'
  | 'endpoints'
  | 'security'
  | 'load-balancing'
  | 'observability';

/** A catalog entry. Rules are data: the registry lists them explicitly. */
export interface Rule {
  readonly id: string;
  readonly category: RuleCategory;
  readonly defaultSeverity: Severity;
  readonly title: string;
  /** Reads the model only, never a file format. May throw: the runner logs and skips it. */
  check(ctx: RuleContext): Iterable<Finding>;
}

export const DOCS_BASE_URL = 'https://github.com/vpc-lens/vpc-lens/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}
