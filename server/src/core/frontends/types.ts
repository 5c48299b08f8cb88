import type { ShownElsewhere } from './shownElsewhere';
import type { Span } from '../text/span';
import type { ElementId, NetworkElement } from '../model/types';
import type { CloudFormationParameterFile } from '../config/settings';

export type FrontEndId = 'terraform' | 'terraform-plan' | 'cloudformation' | 'cdk';

/** A problem in a file that is not a rule finding: syntax errors (`parse-error`), unresolvable module sources. */
export interface SourceProblem {
  readonly code: 'parse-error' | 'evaluation';
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
  readonly span: Span;
  /** Other places the problem concerns: where in installed code a problem shown at a module block is. */
  readonly related?: readonly { readonly span: Span; readonly message: string }[];
}

/** What a front-end keeps of one file version; cached by the workspace until the text changes. */
export interface ParsedFile {
  readonly uri: string;
  readonly frontEnd: FrontEndId;
  readonly problems: readonly SourceProblem[];
}

/**
 * A CIDR-valued expression as evaluated: hover and inlay hints read these, so a computed block
 * (`cidrsubnet(var.cidr, 8, count.index)`, `!Select [0, !Cidr ...]`) shows its value(s).
 */
export interface ValueTrace {
  /** The expression as written. */
  readonly span: Span;
  /** One entry per instance (`count`/`for_each`, module calls); `label` names the instance (`[0]`, `["a"]`). */
  readonly instances: readonly { readonly label?: string; readonly value: string }[];
  /** The element whose attribute this is, when it is one (for "owner" and "share of VPC" in hovers). */
  readonly owner?: ElementId;
  readonly attribute?: string;
}

/**
 * The resources one declaration brings in: an instance of a Terraform module call. A hover on `span` (the
 * call's name label) sums them up.
 */
export interface ElementGroup {
  readonly span: Span;
  /** `module.vpc`, `module.vpc[0]`. */
  readonly label: string;
  /** Where its code comes from, as written (`terraform-aws-modules/vpc/aws`, `./modules/net`). */
  readonly source?: string;
  readonly elementIds: readonly ElementId[];
}

export interface BuildOptions {
  /** Extra Terraform variable files (URIs), after terraform.tfvars and *.auto.tfvars, in this order. */
  readonly terraformVarFiles: readonly string[];
  /** CloudFormation parameter files chosen by setting/flag (URIs); see AnalysisSettings. */
  readonly cloudFormationParameterFiles?: readonly CloudFormationParameterFile[];
  /** The region `AWS::Region` resolves to in CloudFormation templates; unknown when absent. */
  readonly cloudFormationRegion?: string;
  /**
   * Build only this share of the units (a thread of a parallel check analyses one share each). Honoured by
   * front-ends that declare `shardable`; the others are built whole, by the thread with share 0 only.
   */
  readonly shard?: UnitShard;
  /**
   * Keep CIDR values for hovers and inlay hints (AnalysisSettings.recordTraces). Terraform's front-end skips
   * recording when false; CloudFormation's records anyway (a template holds at most 500 resources).
   */
  readonly recordTraces?: boolean;
  /**
   * The text of a file the workspace holds, whether a front-end analyses it or not (a YAML file that
   * Terraform's `file()` reads). The only way a front-end reads a file other than its own parsed ones.
   */
  readonly textOf?: (uri: string) => string | undefined;
}

/** Share `index` of `count` (0 <= index < count): every thread computes the same split of the units. */
export interface UnitShard {
  readonly index: number;
  readonly count: number;
}

/**
 * An independent part of the workspace: no element of one unit references an element of another (a
 * Terraform root module with the modules it calls; CloudFormation stacks joined by exports). Rules run per
 * unit, and the workspace reuses a unit's analysis while the front-end hands back the same unit object, so
 * an edit re-checks only the unit it touches.
 */
export interface AnalysisUnit {
  /** Stable across edits: `terraform:<root folder URI>`. */
  readonly key: string;
  readonly elements: readonly NetworkElement[];
  readonly traces: readonly ValueTrace[];
  readonly problems: readonly SourceProblem[];
  /**
   * Suppressions the format expresses in data rather than comments (CloudFormation resource `Metadata`):
   * findings and evaluation problems starting inside `span` are dropped for the listed ids.
   */
  readonly suppressions?: readonly UnitSuppression[];
  /** Code the user does not edit, and where what is found there is reported instead (see shownElsewhere.ts). */
  readonly shownElsewhere?: readonly ShownElsewhere[];
  /** Declarations that bring in several resources (module calls), for hovers; only when traces are recorded. */
  readonly groups?: readonly ElementGroup[];
}

/** `ids: 'all'` suppresses every rule in the span. */
export interface UnitSuppression {
  readonly span: Span;
  readonly ids: readonly string[] | 'all';
}

export interface FrontEndOutput {
  /** A unit whose inputs did not change must be the same object as in the previous build. */
  readonly units: readonly AnalysisUnit[];
}

/**
 * One input format. Pure: text in, data out; never throws (a throw is caught by the workspace and reported
 * as a problem on the file, but a front-end should return what it understood plus problems).
 */
export interface FrontEnd<P extends ParsedFile = ParsedFile> {
  readonly id: FrontEndId;
  /**
   * True when `build` honours `options.shard`: its units can be built on different threads from the same
   * parsed files (Terraform roots can; CloudFormation stacks joined by exports cannot be split).
   */
  readonly shardable?: boolean;
  /** Cheap detection by path and a look at the text. */
  claims(uri: string, text: string): boolean;
  /**
   * Files the settings name for this front-end (a CloudFormation parameter file chosen by setting) that
   * detection did not claim: they are analysed by this front-end all the same. Optional.
   */
  claimsNamed?(uri: string, options: BuildOptions): boolean;
  /** Called once per file version; the result is cached. */
  parse(uri: string, text: string): P;
  /**
   * Folders (URIs, no trailing slash) whose files this file makes part of its analysis: a Terraform local
   * module's source. The workspace may not hold them (a check of `envs/prod` calling `../../modules/vpc`);
   * hosts read them (host/referencedFolders.ts). `parsed` gives the file's parse, made only if called.
   * Optional; never throws.
   */
  referencedFolders?(uri: string, text: string, parsed: () => P): readonly string[];
  /**
   * Files (URIs) this file reads besides analysed ones (Terraform's `file("network.yaml")`), which the
   * workspace may not hold (outside the checked folders); a host reads those it can (`BuildOptions.textOf`
   * then finds them). Optional; never throws.
   */
  referencedFiles?(uri: string, text: string, parsed: () => P): readonly string[];
  /**
   * Builds model elements from every parsed file of this front-end, as independent units. Called after any
   * change; caches by parsed-file identity (a `ParsedFile` object is replaced only when its text changes).
   */
  build(files: ReadonlyMap<string, P>, options: BuildOptions): FrontEndOutput;
  /**
   * `build` for a one-shot pass (AnalysisSettings.retainUnits false), by front-ends whose units are
   * independent: each unit is parsed and built only when the iteration reaches it, and nothing is kept, so
   * the caller can analyse a unit and let it go, syntax trees included, before the next one exists. Files
   * are parsed through `files.parse`, which reports each file's parse problems; a file no unit of any share
   * reads must still be parsed once, by share 0. Optional.
   */
  buildEach?(files: LazyFiles<P>, options: BuildOptions): Iterable<AnalysisUnit>;
}

/** The files of a one-shot pass, parsed on request (see `FrontEnd.buildEach`). */
export interface LazyFiles<P extends ParsedFile = ParsedFile> {
  readonly uris: readonly string[];
  text(uri: string): string;
  /** Parses the file (each call parses again: keep what is needed twice) and records its parse problems. */
  parse(uri: string): P;
}
