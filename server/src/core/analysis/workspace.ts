import type { AnalysisSettings } from '../config/settings';
import type { AnalysisUnit, BuildOptions, FrontEnd, ParsedFile, SourceProblem } from '../frontends/types';
import type { ModelView } from '../model/network';
import type { NetworkFacts } from '../model/facts';
import type { Diagnostic } from '../rules/types';
import { mergeCdkOutFindings } from './cdkOutFindings';
import { CompositeModel, compositeFacts } from './compositeModel';
import { finalizeDiagnostics } from './diagnostics';
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

export interface WorkspaceLogger {
  error(message: string): void;
}

interface FileEntry {
  text: string;
  /** The front-end that analyses the file: the detected one, else one the settings name it for. */
  frontEnd: FrontEnd | undefined;
  /** The front-end whose `claims` took the file. */
  detected: FrontEnd | undefined;
  parsed: ParsedFile | undefined;
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
  ) {}

  /** Adds or updates a file. Returns true when a front-end analyses it. */
  setFile(uri: string, text: string): boolean {
    const old = this.files.get(uri);
    if (old && old.text === text) return old.frontEnd !== undefined;
    const frontEnd = this.frontEnds.find((f) => safeClaims(f, uri, text));
    this.files.set(uri, { text, frontEnd, detected: frontEnd, parsed: undefined });
    return frontEnd !== undefined;
  }

  /**
   * Parses the file now instead of in the next analyze(), so a host can parse some files while a worker
   * parses others. Returns false when no front-end analyses the file.
   */
  parseFile(uri: string): boolean {
    const entry = this.files.get(uri);
    if (!entry?.frontEnd) return false;
    entry.parsed ??= this.parseSafely(entry.frontEnd, uri, entry.text);
    return true;
  }

  /**
   * Accepts a parse of the file made elsewhere (a worker thread running the same front-ends): used only when
   * the file is here with exactly this text, is not parsed yet, and its front-end is the one that made the
   * parse. Returns whether it was used; when not, the file is parsed here as usual.
   */
  setParsedFile(uri: string, text: string, parsed: ParsedFile): boolean {
    const entry = this.files.get(uri);
    if (!entry || entry.text !== text || entry.parsed || !entry.frontEnd) return false;
    if (parsed.uri !== uri || parsed.frontEnd !== entry.frontEnd.id) return false;
    entry.parsed = parsed;
    return true;
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

  analyze(settings: AnalysisSettings): Analysis {
    const problems: SourceProblem[] = [];
    const units: UnitAnalysis[] = [];
    const options = buildOptionsOf(settings);
    this.assignNamedFiles(options);
    for (const fe of this.frontEnds) {
      const parsed = new Map<string, ParsedFile>();
      for (const [uri, entry] of this.files) {
        if (entry.frontEnd !== fe) continue;
        entry.parsed ??= this.parseSafely(fe, uri, entry.text);
        parsed.set(uri, entry.parsed);
        problems.push(...entry.parsed.problems);
      }
      if (parsed.size === 0) continue;
      try {
        for (const unit of fe.build(parsed, options).units) {
          units.push(this.analyzeUnitCached(unit));
        }
      } catch (err) {
        this.logger.error(`VPC Lens: the ${fe.id} front-end failed: ${describeError(err)}`);
      }
    }
    const live = new Set(units.map((u) => u.unit.key));
    for (const key of this.units.keys()) if (!live.has(key)) this.units.delete(key);

    const analysedUris = this.analysedFiles();
    const diagnostics = finalizeDiagnostics({
      // A CDK app and its cdk.out in one workspace: each mistake once, on the source.
      findings: mergeCdkOutFindings(units),
      problems: [...problems, ...units.flatMap((u) => u.unit.problems)],
      settings,
      files: analysedUris,
      textOf: (uri) => this.files.get(uri)?.text,
      suppressions: units.flatMap((u) => u.unit.suppressions ?? []),
    });
    return {
      model: new CompositeModel(units.map((u) => u.model)),
      facts: compositeFacts(units),
      diagnostics,
      traces: new CompositeTraceIndex(units.map((u) => u.traces)),
      files: analysedUris.length,
      resources: units.reduce((n, u) => n + u.resources, 0),
    };
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
    }
  }

  private analyzeUnitCached(unit: AnalysisUnit): UnitAnalysis {
    const cached = this.units.get(unit.key);
    if (cached && cached.unit === unit) return cached;
    const result = analyzeUnit(unit, (ruleId, err) =>
      this.logger.error(`VPC Lens: rule ${ruleId} failed and was skipped: ${describeError(err)}`),
    );
    this.units.set(unit.key, result);
    return result;
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

function buildOptionsOf(settings: AnalysisSettings): BuildOptions {
  return {
    terraformVarFiles: settings.terraformVarFiles,
    ...(settings.cloudFormationParameterFiles ? { cloudFormationParameterFiles: settings.cloudFormationParameterFiles } : {}),
    ...(settings.cloudFormationRegion !== undefined ? { cloudFormationRegion: settings.cloudFormationRegion } : {}),
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
