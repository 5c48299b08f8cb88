// `this.node.tryGetContext('stage')`: the context a CDK app reads, from the `context` of its `cdk.json` (the
// nearest one up from the file that reads it, as the CDK CLI finds it from where it runs). Values read are
// reported where the app reads them. `--context` flags and cdk.context.json lookups are not known here.
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import type { Span } from '../../../text/span';
import { folderOfUri } from '../../../text/uri';
import { prim, type Slot, UNDEFINED, unknownV, type V } from './values';

/** Folders searched up from a file for `cdk.json`. */
const MAX_LEVELS = 20;

export class CdkContext {
  /** Each `cdk.json` looked for and its text then (undefined: not held): a change must build the unit again. */
  readonly read = new Map<string, string | undefined>();

  constructor(private readonly textOf: ((uri: string) => string | undefined) | undefined) {}

  /** The context value `key` for code in `fileUri`, at `at`; undefined in JavaScript when the key is absent. */
  value(fileUri: string, key: V | undefined, at: Span): V {
    if (key?.t !== 'prim' || typeof key.v !== 'string') return unknownV('the context key is not known here', at);
    const context = this.contextFor(fileUri);
    if (context === undefined) return unknownV(`the context value '${key.v}' is not known here (no cdk.json found for this app)`, at);
    if (!Object.prototype.hasOwnProperty.call(context, key.v)) return UNDEFINED;
    return fromJson(context[key.v], at, 0);
  }

  private contextFor(fileUri: string): Record<string, unknown> | undefined {
    let folder = folderOfUri(fileUri);
    for (let level = 0; level < MAX_LEVELS && folder; level++) {
      const uri = `${folder}/cdk.json`;
      if (!this.read.has(uri)) this.read.set(uri, this.textOf?.(uri));
      const text = this.read.get(uri);
      if (text !== undefined) {
        const errors: ParseError[] = [];
        const json = parseJsonc(text, errors, { allowTrailingComma: true }) as unknown;
        const context = json && typeof json === 'object' ? (json as Record<string, unknown>)['context'] : undefined;
        return errors.length === 0 && context && typeof context === 'object' && !Array.isArray(context) ? (context as Record<string, unknown>) : {};
      }
      const parent = folderOfUri(folder);
      if (parent === folder) break;
      folder = parent;
    }
    return undefined;
  }
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
