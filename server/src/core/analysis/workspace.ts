import type { AnalysisSettings } from '../config/settings';
import type { AnalysisUnit, BuildOptions, FrontEnd, LazyFiles, ParsedFile, SourceProblem, UnitShard, UnitSuppression } from '../frontends/types';
import type { ModelView } from '../model/network';
import type { NetworkFacts } from '../model/facts';
import type { Diagnostic, Finding } from '../rules/types';
import { mergeCdkOutFindings } from './cdkOutFindings';
import { CompositeModel, compositeFacts } from './compositeModel';
import { finalizeDiagnostics } from './diagnostics';
import type { ShardResult } from './shards';
import { CompositeTraceIndex, type TraceLookup } from './traceIndex';
import { analyzeUnit, type UnitAnalysis } from './unitAnalysis';

export interface Analysis {
  readonly model: ModelView;
  readonly facts: NetworkFacts;
  /** Every analysed file has an entry, empty when clean (so hosts can clear old diagnostics). */
  readonly diagnostics: ReadonlyMap<string, readonly Diagnostic[]>;
  readonly traces: TraceLookup;
  /** Files claimed by a front-end. */
  readonly files: number;
  /** Resources of the front-ends (inline parts such as the routes of a table not counted). */
  readonly resources: number;
}

/** Units built and checked by analyzeUnits(), waiting for finish(). */
export interface UnitsPass {
  readonly settings: AnalysisSettings;
  readonly units: readonly UnitAnalysis[];
  /**
   * Parse problems of the files: share 0 reports every file's; in a one-shot pass, each share those of the
   * files it parsed (the same problem from two shares is merged by finalize) and share 0 the rest.
   */
  readonly problems: readonly SourceProblem[];
  /** What the units analysed and let go in a one-shot pass (`retainUnits: false`) contributed, in their order. */
  readonly released?: ShardResult;
}

/** What the units a one-shot pass let go contributed (see `UnitsPass.released`). */
interface Released {
  findings: Finding[];
  problems: SourceProblem[];
  suppressions: UnitSuppression[];
  resources: number;
}

export interface WorkspaceLogger {
  error(message: string): void;
}

/** What a host may do while an analysis runs. */
export interface WorkspaceHooks {
  /**
   * Called after each unit a one-shot pass (`retainUnits: false`) analysed and let go: the host's chance to act
   * between units (the CLI tunes V8's heap there). Must not throw.
   */
  readonly afterUnitReleased?: () => void;
}

interface FileEntry {
  text: string;
  /** The front-end that analyses the file: the detected one, else one the settings name it for. */
  frontEnd: FrontEnd | undefined;
  /** The front-end whose `claims` took the file. */
  detected: FrontEnd | undefined;
  parsed: ParsedFile | undefined;
  /** `FrontEnd.referencedFolders` of this text, once asked (the editor asks after every analysis). */
  referencedFolders?: readonly string[];
  /** `FrontEnd.referencedFiles` of this text, once asked. */
  referencedFiles?: readonly string[];
}

/**
 * The one entry point of core: hosts put file texts in and ask for an analysis. A file is parsed only when
 * its text changes; every analysis rebuilds the model from the cached parses (front-ends cache deeper).
 */
export class Workspace {
  private readonly files = new Map<string, FileEntry>();
  /** Per-unit results, reused while a front-end returns the same unit object. */
  private readonly units = new Map<string, UnitAnalysis>();

  constructor(
    private readonly frontEnds: readonly FrontEnd[],
    private readonly logger: WorkspaceLogger = { error: () => {} },
    private readonly hooks: WorkspaceHooks = {},
  ) {}

  /** Adds or updates a file. Returns true when a front-end analyses it. */
  setFile(uri: string, text: string): boolean {
    const old = this.files.get(uri);
    if (old && old.text === text) return old.frontEnd !== undefined;
    const frontEnd = this.frontEnds.find((f) => safeClaims(f, uri, text));
    this.files.set(uri, { text, frontEnd, detected: frontEnd, parsed: undefined });
    return frontEnd !== undefined;
  }

  deleteFile(uri: string): void {
    this.files.delete(uri);
  }

  hasFile(uri: string): boolean {
    return this.files.has(uri);
  }

  getText(uri: string): string | undefined {
    return this.files.get(uri)?.text;
  }

  /** URIs of the files a front-end analyses. */
  analysedFiles(): string[] {
    return [...this.files].filter(([, e]) => e.frontEnd).map(([uri]) => uri);
  }

  /**
   * Folders the analysed files reference (local module sources; see `FrontEnd.referencedFolders`), sorted,
   * whether or not the workspace holds their files: a host reads those it does not. A file parsed for this
   * keeps its parse only where analyses keep theirs (not in a one-shot check, which parses when it gets there);
   * each text's folders are kept until the text changes.
   */
  referencedFolders(): string[] {
    return this.referenced('referencedFolders', 'the module sources of');
  }

  /**
   * Files the analysed files read besides analysed ones (see `FrontEnd.referencedFiles`), sorted, whether or
   * not the workspace holds them: a host reads those it does not. Kept per text, as `referencedFolders`.
   */
  referencedFiles(): string[] {
    return this.referenced('referencedFiles', 'the files read by');
  }

  /** What the front-ends' `hook` says each analysed file references, asked once per text. */
  private referenced(hook: 'referencedFolders' | 'referencedFiles', what: string): string[] {
    const out = new Set<string>();
    for (const [uri, entry] of this.files) {
      const fe = entry.frontEnd;
      const ask = fe?.[hook];
      if (!fe || !ask) continue;
      try {
        entry[hook] ??= ask.call(fe, uri, entry.text, () => entry.parsed ?? this.parseSafely(fe, uri, entry.text));
      } catch (err) {
        entry[hook] = [];
        this.logger.error(`VPC Lens: could not read ${what} ${uri}: ${describeError(err)}`);
      }
      for (const x of entry[hook] ?? []) out.add(x);
    }
    return [...out].sort();
  }

  analyze(settings: AnalysisSettings): Analysis {
    return this.finish(this.analyzeUnits(settings));
  }

  /**
   * The first half of analyze(): parses what changed, builds the units and runs the rules on them. With a
   * `shard`, only that share of the units of shardable front-ends (see `FrontEnd.shardable`); the other
   * front-ends are built by share 0 alone, and other shares do not even parse their files. With
   * `settings.retainUnits` false, front-ends that can build their units one at a time (`buildEach`) parse and
   * build each unit only when it is reached, and it is analysed and let go: only its findings, problems and
   * counts stay, in `released`.
   */
  analyzeUnits(settings: AnalysisSettings, shard?: UnitShard): UnitsPass {
    const problems: SourceProblem[] = [];
    const units: UnitAnalysis[] = [];
    const released: Released = { findings: [], problems: [], suppressions: [], resources: 0 };
    const options = { ...buildOptionsOf(settings, shard), textOf: (uri: string) => this.files.get(uri)?.text };
    const firstShare = !shard || shard.index === 0;
    this.assignNamedFiles(options);
    for (const fe of this.frontEnds) {
      if (!firstShare && !fe.shardable) continue;
      if (settings.retainUnits === false && fe.buildEach) {
        this.releaseEach(fe, options, problems, released);
        continue;
      }
      const parsed = new Map<string, ParsedFile>();
      for (const [uri, entry] of this.files) {
        if (entry.frontEnd !== fe) continue;
        entry.parsed ??= this.parseSafely(fe, uri, entry.text);
        parsed.set(uri, entry.parsed);
        // Every share parses the files; share 0 reports their syntax errors.
        if (firstShare) problems.push(...entry.parsed.problems);
      }
      if (parsed.size === 0) continue;
      try {
        for (const unit of fe.build(parsed, options).units) units.push(this.analyzeUnitCached(unit));
      } catch (err) {
        this.logger.error(`VPC Lens: the ${fe.id} front-end failed: ${describeError(err)}`);
      }
    }
    // Sharded passes build only part of the units: the cache keeps the others for the next whole analysis.
    if (!shard) {
      const live = new Set(units.map((u) => u.unit.key));
      for (const key of this.units.keys()) if (!live.has(key)) this.units.delete(key);
    }
    return { settings, units, problems, released };
  }

  /**
   * The second half of analyze(): severities, suppressions and de-duplication over the pass's units and the
   * results of other shares. The model, facts and traces cover the pass's own units only (not those a
   * one-shot pass let go).
   */
  finish(pass: UnitsPass, otherShards: readonly ShardResult[] = []): Analysis {
    const { units, settings } = pass;
    // This thread's share reads as the others do, so every share is merged the same way.
    const shares = [Workspace.shardResult(pass), ...otherShards];
    const analysedUris = this.analysedFiles();
    const diagnostics = finalizeDiagnostics({
      findings: shares.flatMap((r) => r.findings),
      problems: shares.flatMap((r) => r.problems),
      settings,
      files: analysedUris,
      textOf: (uri) => this.files.get(uri)?.text,
      suppressions: shares.flatMap((r) => r.suppressions),
    });
    return {
      model: new CompositeModel(units.map((u) => u.model)),
      facts: compositeFacts(units),
      diagnostics,
      traces: new CompositeTraceIndex(units.map((u) => u.traces)),
      files: analysedUris.length,
      resources: shares.reduce((n, r) => n + r.resources, 0),
    };
  }

  /**
   * A pass as plain data: what the thread of another share sends back, and how finish() reads its own pass.
   * Its findings have CDK's merge applied (a CDK app and its cdk.out: each mistake once, on the source).
   */
  static shardResult(pass: UnitsPass): ShardResult {
    const { units, released } = pass;
    return {
      // Released units come from front-ends with independent units, never CDK source or cdk.out templates.
      findings: [...(released?.findings ?? []), ...mergeCdkOutFindings(units)],
      problems: [...pass.problems, ...(released?.problems ?? []), ...units.flatMap((u) => u.unit.problems)],
      suppressions: [...(released?.suppressions ?? []), ...units.flatMap((u) => u.unit.suppressions ?? [])],
      resources: units.reduce((n, u) => n + u.resources, released?.resources ?? 0),
    };
  }

  /** True when the file's front-end can split its units across threads (see `FrontEnd.shardable`). */
  isShardable(uri: string): boolean {
    return this.files.get(uri)?.frontEnd?.shardable === true;
  }

  /** Every file the workspace holds, analysed or not (a parallel check hands them all to its threads). */
  fileUris(): string[] {
    return [...this.files.keys()];
  }

  /**
   * Files detection left alone but the settings name for a front-end (a parameter file chosen by setting)
   * go to that front-end; when the settings stop naming them they are left alone again.
   */
  private assignNamedFiles(options: BuildOptions): void {
    for (const [uri, entry] of this.files) {
      if (entry.detected) continue;
      const named = this.frontEnds.find((fe) => safeClaimsNamed(fe, uri, options));
      if (named === entry.frontEnd) continue;
      entry.frontEnd = named;
      entry.parsed = undefined;
      entry.referencedFolders = undefined;
      entry.referencedFiles = undefined;
    }
  }

  private analyzeUnitCached(unit: AnalysisUnit): UnitAnalysis {
    const cached = this.units.get(unit.key);
    if (cached && cached.unit === unit) return cached;
    const result = this.analyzeUnitOnce(unit);
    this.units.set(unit.key, result);
    return result;
  }

  private analyzeUnitOnce(unit: AnalysisUnit): UnitAnalysis {
    return analyzeUnit(unit, (ruleId, err) => this.logger.error(`VPC Lens: rule ${ruleId} failed and was skipped: ${describeError(err)}`));
  }

  /**
   * A one-shot pass over a front-end that builds its units one at a time: files are parsed when the front-end
   * asks (and not kept, unless an earlier analysis holds them), each file's parse problems are reported once,
   * by whichever share parses it, and each unit is analysed and let go.
   */
  private releaseEach(fe: FrontEnd, options: BuildOptions, problems: SourceProblem[], released: Released): void {
    const uris = [...this.files].filter(([, e]) => e.frontEnd === fe).map(([uri]) => uri);
    if (uris.length === 0) return;
    const reported = new Set<string>();
    const files: LazyFiles = {
      uris,
      text: (uri) => this.files.get(uri)?.text ?? '',
      parse: (uri) => {
        const entry = this.files.get(uri);
        const parsed = entry?.parsed ?? this.parseSafely(fe, uri, entry?.text ?? '');
        if (!reported.has(uri)) {
          reported.add(uri);
          problems.push(...parsed.problems);
        }
        return parsed;
      },
    };
    try {
      const units = (fe.buildEach?.(files, options) ?? [])[Symbol.iterator]();
      while (this.releaseNext(units, released)) continue;
    } catch (err) {
      this.logger.error(`VPC Lens: the ${fe.id} front-end failed: ${describeError(err)}`);
      // Syntax errors are reported whatever became of the analysis.
      if (!options.shard || options.shard.index === 0) for (const uri of uris) if (!reported.has(uri)) files.parse(uri);
    }
  }

  /**
   * Analyses the next unit and lets it go; false when there is none. A call of its own, so that no frame
   * holds a unit while the front-end builds the next: V8's interpreter keeps a frame's registers (a `for...of`
   * loop's last unit among them) reachable until they are overwritten, which kept each root's model, values and
   * findings alive through the whole build of the next root.
   */
  private releaseNext(units: Iterator<AnalysisUnit>, into: Released): boolean {
    const step = units.next();
    if (step.done) return false;
    this.release(this.analyzeUnitOnce(step.value), into);
    this.hooks.afterUnitReleased?.();
    return true;
  }

  /** Keeps what a let-go unit contributes to the diagnostics and counts, nothing that refers to its model. */
  private release(u: UnitAnalysis, into: Released): void {
    for (const f of u.findings) into.findings.push(f);
    for (const p of u.unit.problems) into.problems.push(p);
    for (const s of u.unit.suppressions ?? []) into.suppressions.push(s);
    into.resources += u.resources;
  }

  private parseSafely(fe: FrontEnd, uri: string, text: string): ParsedFile {
    try {
      return fe.parse(uri, text);
    } catch (err) {
      this.logger.error(`VPC Lens: could not parse ${uri}: ${describeError(err)}`);
      return {
        uri,
        frontEnd: fe.id,
        problems: [
          {
            code: 'parse-error',
            severity: 'error',
            message: `VPC Lens could not read this file: ${describeError(err)}`,
            span: { file: uri, start: 0, end: 0 },
          },
        ],
      };
    }
  }
}

function buildOptionsOf(settings: AnalysisSettings, shard: UnitShard | undefined): BuildOptions {
  return {
    ...(shard ? { shard } : {}),
    terraformVarFiles: settings.terraformVarFiles,
    ...(settings.cloudFormationParameterFiles ? { cloudFormationParameterFiles: settings.cloudFormationParameterFiles } : {}),
    ...(settings.cloudFormationRegion !== undefined ? { cloudFormationRegion: settings.cloudFormationRegion } : {}),
    ...(settings.recordTraces === false ? { recordTraces: false } : {}),
  };
}

function safeClaimsNamed(fe: FrontEnd, uri: string, options: BuildOptions): boolean {
  try {
    return fe.claimsNamed?.(uri, options) ?? false;
  } catch {
    return false;
  }
}

function safeClaims(fe: FrontEnd, uri: string, text: string): boolean {
  try {
    return fe.claims(uri, text);
  } catch {
    return false;
  }
}

export function describeError(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
