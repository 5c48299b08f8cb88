import type { AnalysisSettings } from '../config/settings';
import type { FrontEnd, FrontEndOutput, ParsedFile, SourceProblem, ValueTrace } from '../frontends/types';
import { NetworkModel } from '../model/network';
import { linkModel } from '../model/link';
import { computeFacts } from '../model/facts-impl';
import type { NetworkFacts } from '../model/facts';
import type { Diagnostic } from '../rules/types';
import { runRules } from '../rules/runner';
import { RULES } from '../rules/registry';
import { finalizeDiagnostics } from './diagnostics';
import { TraceIndex } from './traceIndex';

export interface Analysis {
  readonly model: NetworkModel;
  readonly facts: NetworkFacts;
  /** Every analysed file has an entry, empty when clean (so hosts can clear old diagnostics). */
  readonly diagnostics: ReadonlyMap<string, readonly Diagnostic[]>;
  readonly traces: TraceIndex;
  /** Files claimed by a front-end. */
  readonly files: number;
  /** Model elements that are resources of their own (not inline parts). */
  readonly resources: number;
}

export interface WorkspaceLogger {
  error(message: string): void;
}

interface FileEntry {
  text: string;
  frontEnd: FrontEnd | undefined;
  parsed: ParsedFile | undefined;
}

/**
 * The one entry point of core: hosts put file texts in and ask for an analysis. A file is parsed only when
 * its text changes; every analysis rebuilds the model from the cached parses (front-ends cache deeper).
 */
export class Workspace {
  private readonly files = new Map<string, FileEntry>();

  constructor(
    private readonly frontEnds: readonly FrontEnd[],
    private readonly logger: WorkspaceLogger = { error: () => {} },
  ) {}

  /** Adds or updates a file. Returns true when a front-end analyses it. */
  setFile(uri: string, text: string): boolean {
    const old = this.files.get(uri);
    if (old && old.text === text) return old.frontEnd !== undefined;
    const frontEnd = this.frontEnds.find((f) => safeClaims(f, uri, text));
    this.files.set(uri, { text, frontEnd, parsed: undefined });
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

  analyze(settings: AnalysisSettings): Analysis {
    const problems: SourceProblem[] = [];
    const outputs: FrontEndOutput[] = [];
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
        outputs.push(fe.build(parsed, { terraformVarFiles: settings.terraformVarFiles }));
      } catch (err) {
        this.logger.error(`VPC Lens: the ${fe.id} front-end failed: ${describeError(err)}`);
      }
    }

    const elements = outputs.flatMap((o) => o.elements);
    for (const o of outputs) problems.push(...o.problems);
    const model = new NetworkModel(linkModel(elements));
    const facts = computeFacts(model);
    const findings = runRules(RULES, { model, facts }, (ruleId, err) =>
      this.logger.error(`VPC Lens: rule ${ruleId} failed and was skipped: ${describeError(err)}`),
    );
    const traces: ValueTrace[] = outputs.flatMap((o) => o.traces);
    const analysedUris = this.analysedFiles();
    const diagnostics = finalizeDiagnostics({
      findings,
      problems,
      settings,
      files: analysedUris,
      textOf: (uri) => this.files.get(uri)?.text,
    });
    return {
      model,
      facts,
      diagnostics,
      traces: new TraceIndex(traces),
      files: analysedUris.length,
      resources: countResources(model),
    };
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

/** Inline parts (routes in a table, rules in a group, NACL entries) are not resources of their own. */
function countResources(model: NetworkModel): number {
  let n = 0;
  for (const e of model.all()) if (!('inline' in e && e.inline)) n++;
  return n;
}
