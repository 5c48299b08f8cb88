// `this.node.tryGetContext('stage')`: the context a CDK app reads, from the `context` of its `cdk.json` (the
// nearest one up from the file that reads it, as the CDK CLI finds it from where it runs), and the AZs of a
// concrete environment that cdk.context.json records. Values read are reported where the app reads them.
// `--context` flags are not known here.
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import type { Span } from '../../../text/span';
import { folderOfUri } from '../../../text/uri';
import { prim, type Slot, UNDEFINED, unknownV, type V } from './values';

/** Folders searched up from a file for `cdk.json`. */
const MAX_LEVELS = 20;

export class CdkContext {
  /** Each `cdk.json` looked for and its text then (undefined: not held): a change must build the unit again. */
  readonly read = new Map<string, string | undefined>();
  /** Each JSON file parsed, once per build (an app may read its context many times). */
  private readonly parsed = new Map<string, Record<string, unknown> | undefined>();

  constructor(private readonly textOf: ((uri: string) => string | undefined) | undefined) {}

  /** The context value `key` for code in `fileUri`, at `at`; undefined in JavaScript when the key is absent. */
  value(fileUri: string, key: V | undefined, at: Span): V {
    if (key?.t !== 'prim' || typeof key.v !== 'string') return unknownV('the context key is not known here', at);
    const context = this.contextFor(fileUri);
    if (context === undefined) return unknownV(`the context value '${key.v}' is not known here (no cdk.json found for this app)`, at);
    if (!Object.prototype.hasOwnProperty.call(context, key.v)) return UNDEFINED;
    return fromJson(context[key.v], at, 0);
  }

  /**
   * The AZs `cdk synth` looked up for a concrete environment, as cdk.context.json (beside the app's cdk.json)
   * records them; undefined when it has none.
   */
  availabilityZones(fileUri: string, account: string, region: string): readonly string[] | undefined {
    const project = this.projectFolder(fileUri);
    if (project === undefined) return undefined;
    const azs = this.json(`${project}/cdk.context.json`)?.[`availability-zones:account=${account}:region=${region}`];
    return Array.isArray(azs) && azs.every((az) => typeof az === 'string') ? (azs as string[]) : undefined;
  }

  private contextFor(fileUri: string): Record<string, unknown> | undefined {
    const project = this.projectFolder(fileUri);
    if (project === undefined) return undefined;
    const context = this.json(`${project}/cdk.json`)?.['context'];
    return context && typeof context === 'object' && !Array.isArray(context) ? (context as Record<string, unknown>) : {};
  }

  /** The nearest folder up from a file that holds a cdk.json (the CDK project). */
  private projectFolder(fileUri: string): string | undefined {
    let folder = folderOfUri(fileUri);
    for (let level = 0; level < MAX_LEVELS && folder; level++) {
      if (this.text(`${folder}/cdk.json`) !== undefined) return folder;
      const parent = folderOfUri(folder);
      if (parent === folder) break;
      folder = parent;
    }
    return undefined;
  }

  private text(uri: string): string | undefined {
    if (!this.read.has(uri)) this.read.set(uri, this.textOf?.(uri));
    return this.read.get(uri);
  }

  /** A JSON object file the workspace holds; undefined when absent, not an object, or not valid JSON. */
  private json(uri: string): Record<string, unknown> | undefined {
    if (!this.parsed.has(uri)) this.parsed.set(uri, parseObject(this.text(uri)));
    return this.parsed.get(uri);
  }
}

function parseObject(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  const errors: ParseError[] = [];
  const json = parseJsonc(text, errors, { allowTrailingComma: true }) as unknown;
  return errors.length === 0 && json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
}

/** Nesting past which a context value is not converted (cdk.json is hand-written; this only stops a runaway). */
const MAX_DEPTH = 100;

function fromJson(v: unknown, at: Span, depth: number): V {
  if (depth > MAX_DEPTH) return unknownV('the context value is nested too deep', at);
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return prim(v, at);
  if (Array.isArray(v)) return { t: 'list', items: v.map((x) => fromJson(x, at, depth + 1)), at };
  if (typeof v === 'object') {
    const props = new Map<string, Slot>();
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) props.set(k, { value: fromJson(x, at, depth + 1) });
    return { t: 'obj', props, at };
  }
  return unknownV(undefined, at);
}
