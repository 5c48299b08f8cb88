import { type Document, isAlias, isMap, isPair, isScalar, isSeq, type Node, parseDocument, type Pair } from 'yaml';
import type { Span } from '../../../text/span';
import type { TEntry, TNode, TObject } from './templateTree';
import type { TemplateSyntax } from './jsonTree';
import { MAX_TREE_DEPTH, ProblemSink, tooDeepMessage, withoutBom } from './problems';
import { longFormOf } from './shortForms';
import { flowNestingExceeds } from './flowNesting';

/**
 * Beyond this many nested `[`/`{`, the text is not handed to the yaml library at all: around 100,000 levels
 * it exhausts the heap and aborts the process, which no try/catch can stop.
 */
const MAX_FLOW_NESTING = 1000;

/**
 * YAML templates longer than this are not read: the yaml library reads about 1 MB a second, so a 20 MB file
 * would stall the editor for half a minute, and CloudFormation itself takes templates of at most 1 MB.
 */
export const MAX_YAML_CHARS = 5_000_000;

/**
 * Beyond this many nodes reached through aliases, further aliases read as null: a "billion laughs" document
 * (aliases of aliases) is tiny as text but expands to billions of nodes for anything that walks the tree.
 */
const MAX_ALIAS_EXPANSION = 1_000_000;

/** A tag token as the yaml library reported it (it reports every tag it cannot resolve itself). */
interface TagToken {
  readonly start: number;
  readonly end: number;
  /** As written: `!Ref`, `!!binary`. */
  readonly text: string;
}

/**
 * Parses a YAML template (its first document) into a positioned tree, with the short-form tags normalised to
 * their long form: `!Ref X` -> `{Ref: X}`, `!GetAtt A.B` -> `{'Fn::GetAtt': [A, B]}`, `!Condition C` ->
 * `{Condition: C}`, `!Sub s` -> `{'Fn::Sub': s}`. The normalised object spans the tag and its value, its key
 * spans the tag. Aliases read as their anchor's node (same object, same span). Reports as `parse-error`s at the
 * spot: YAML syntax errors (the rest is read as far as the yaml library recovers), duplicate keys (the first
 * wins), unknown tags (the value is read as if untagged), and a warning for documents after the first.
 */
export function parseYamlTemplate(uri: string, text: string): TemplateSyntax {
  const sink = new ProblemSink(uri);
  const source = withoutBom(text);
  if (source.length > MAX_YAML_CHARS) {
    const mb = (n: number) => `${(n / 1_000_000).toFixed(1)} MB`;
    sink.add('warning', `this YAML template is ${mb(source.length)}, more than VPC Lens reads (${mb(MAX_YAML_CHARS)}; CloudFormation accepts at most 1 MB): it is not analysed`, 0, 0);
    return { tree: undefined, problems: sink.problems };
  }
  if (flowNestingExceeds(source, MAX_FLOW_NESTING)) {
    sink.error(tooDeepMessage(), 0, 0);
    return { tree: undefined, problems: sink.problems };
  }
  try {
    const doc = parseDocument(source, { prettyErrors: false, uniqueKeys: false });
    const tags = reportLibraryProblems(doc, source, sink);
    const converter = new Converter(uri, source, doc, tags, sink);
    const tree = doc.contents ? converter.convert(doc.contents as Node, 0) : undefined;
    return { tree, problems: sink.problems };
  } catch (err) {
    sink.error(`YAML could not be read: ${err instanceof Error ? err.message : String(err)}`, 0, 0);
    return { tree: undefined, problems: sink.problems };
  }
}

/** Turns the library's errors and warnings into problems; returns the unresolved-tag tokens, by offset. */
function reportLibraryProblems(doc: Document, source: string, sink: ProblemSink): TagToken[] {
  const tags: TagToken[] = [];
  for (const error of doc.errors) {
    const [start, end] = error.pos;
    if (error.code === 'MULTIPLE_DOCS') {
      sink.add('warning', 'a template is one YAML document: the documents after the first are not analysed', start, start + 3);
    } else if (error.code === 'MULTIPLE_TAGS') {
      sink.error(
        'YAML syntax error: two tags on one value; short forms cannot be nested directly (`!GetAZs !Ref X`): write the outer one in long form (`Fn::GetAZs: !Ref X`)',
        start,
        Math.max(end, start + 1),
      );
    } else if (error.code === 'RESOURCE_EXHAUSTION') {
      sink.error(tooDeepMessage(), start, start + 1);
    } else {
      sink.error(`YAML syntax error: ${lowerFirst(error.message)}`, start, Math.max(end, start + 1));
    }
  }
  for (const warning of doc.warnings) {
    const [start, end] = warning.pos;
    if (warning.code === 'TAG_RESOLVE_FAILED' && source[start] === '!') {
      tags.push({ start, end, text: source.slice(start, end) });
    } else {
      sink.add('warning', `YAML: ${lowerFirst(warning.message)}`, start, Math.max(end, start + 1));
    }
  }
  return tags.sort((a, b) => a.start - b.start);
}

class Converter {
  private readonly memo = new Map<Node, TNode>();
  private readonly inProgress = new Set<Node>();
  private readonly sizes = new WeakMap<TNode, number>();
  private aliasExpansion = 0;
  private reportedTooDeep = false;
  private reportedExpansion = false;

  constructor(
    private readonly uri: string,
    private readonly source: string,
    private readonly doc: Document,
    private readonly tags: readonly TagToken[],
    private readonly sink: ProblemSink,
  ) {}

  convert(node: Node, depth: number): TNode {
    if (isAlias(node)) return this.alias(node, depth);
    const known = this.memo.get(node);
    if (known) return known;
    if (depth > MAX_TREE_DEPTH) {
      if (!this.reportedTooDeep) this.sink.error(tooDeepMessage(), node.range?.[0] ?? 0, (node.range?.[0] ?? 0) + 1);
      this.reportedTooDeep = true;
      return this.nullAt(this.spanOf(node));
    }
    this.inProgress.add(node);
    const result = this.applyTag(node, depth);
    this.inProgress.delete(node);
    this.memo.set(node, result);
    return result;
  }

  private applyTag(node: Node, depth: number): TNode {
    const tag = node.tag ? this.tagTokenBefore(node) : undefined;
    const longForm = tag ? longFormOf(tag.text) : undefined;
    if (tag && !longForm) {
      this.sink.error(`unknown tag ${tag.text}: the value is read as if it had no tag`, tag.start, tag.end);
    }
    const inner = this.untagged(node, depth + 1, tag !== undefined);
    if (!tag || !longForm) return inner;
    const value = longForm === 'Fn::GetAtt' && inner.kind === 'string' ? this.splitGetAtt(inner.value as string, inner.span) : inner;
    const object: TObject = {
      kind: 'object',
      span: this.span(tag.start, inner.span.end),
      entries: [{ key: longForm, keySpan: this.span(tag.start, tag.end), value }],
    };
    this.sizes.set(object, 1 + this.sizeOf(value));
    return object;
  }

  /** The node as if it had no tag; `retyped` when a tag the library could not resolve left a plain scalar a string. */
  private untagged(node: Node, depth: number, retyped: boolean): TNode {
    const span = this.spanOf(node);
    if (isScalar(node)) {
      const value = retyped && node.type === 'PLAIN' && typeof node.value === 'string' ? plainScalarValue(node.value) : node.value;
      return this.scalar(node.type === 'PLAIN' ? yaml11Boolean(value) : value, span);
    }
    if (isMap(node)) {
      const keys = new Set<string>();
      const entries: TEntry[] = [];
      let size = 1;
      for (const pair of node.items as Pair<unknown, unknown>[]) {
        const entry = this.entry(pair, depth);
        if (keys.has(entry.key)) this.sink.error(`duplicate key '${entry.key}': the first one is used`, entry.keySpan.start, entry.keySpan.end);
        keys.add(entry.key);
        entries.push(entry);
        size += this.sizeOf(entry.value);
      }
      const object: TNode = { kind: 'object', span, entries };
      this.sizes.set(object, size);
      return object;
    }
    if (isSeq(node)) {
      let size = 1;
      const items = (node.items as unknown[]).map((item) => {
        const converted = isNodeLike(item) ? this.convert(item, depth) : this.nullAt(span);
        size += this.sizeOf(converted);
        return converted;
      });
      const array: TNode = { kind: 'array', span, items };
      this.sizes.set(array, size);
      return array;
    }
    return this.nullAt(span);
  }

  private entry(pair: Pair<unknown, unknown>, depth: number): TEntry {
    const key = pair.key;
    const keyStart = isNodeLike(key) && key.range ? key.range[0] : isNodeLike(pair.value) && pair.value.range ? pair.value.range[0] : 0;
    const keySpan = isNodeLike(key) && key.range ? this.span(key.range[0], key.range[1]) : this.span(keyStart, keyStart);
    const keyText = isScalar(key) ? String(key.value ?? '') : isNodeLike(key) ? this.source.slice(keySpan.start, keySpan.end) : '';
    const value = isNodeLike(pair.value) ? this.convert(pair.value, depth) : this.nullAt(this.span(keySpan.end, keySpan.end));
    return { key: keyText, keySpan, value };
  }

  private alias(node: Node, depth: number): TNode {
    const span = this.spanOf(node);
    if (!isAlias(node)) return this.nullAt(span);
    const target = node.resolve(this.doc);
    if (!target) {
      this.sink.error(`YAML: no anchor &${node.source} before this alias`, span.start, span.end);
      return this.nullAt(span);
    }
    if (this.inProgress.has(target)) {
      this.sink.error(`YAML: alias *${node.source} is inside the node it refers to`, span.start, span.end);
      return this.nullAt(span);
    }
    const resolved = this.convert(target, depth);
    this.aliasExpansion += this.sizeOf(resolved);
    if (this.aliasExpansion > MAX_ALIAS_EXPANSION) {
      if (!this.reportedExpansion) {
        this.sink.error(`YAML: aliases expand to more than ${MAX_ALIAS_EXPANSION} nodes; further aliases are not analysed`, span.start, span.end);
      }
      this.reportedExpansion = true;
      return this.nullAt(span);
    }
    return resolved;
  }

  /** `!GetAtt Vpc.CidrBlock` -> `[Vpc, CidrBlock]`, split at the first dot as CloudFormation does. */
  private splitGetAtt(value: string, span: Span): TNode {
    const dot = value.indexOf('.');
    if (dot < 0) return { kind: 'array', span, items: [{ kind: 'string', span, value }] };
    // Sub-spans are exact when the text holds the value as written (plain or simply quoted), else the whole scalar.
    const raw = this.source.slice(span.start, span.end);
    const quote = raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") ? 1 : 0;
    const exact = raw.slice(quote, raw.length - quote) === value;
    const at = (from: number, to: number): Span => (exact ? this.span(span.start + quote + from, span.start + quote + to) : span);
    return {
      kind: 'array',
      span,
      items: [
        { kind: 'string', span: at(0, dot), value: value.slice(0, dot) },
        { kind: 'string', span: at(dot + 1, value.length), value: value.slice(dot + 1) },
      ],
    };
  }

  /** The tag token written before this node: the closest unresolved tag ending at or before the node's start. */
  private tagTokenBefore(node: Node): TagToken | undefined {
    const start = node.range?.[0];
    if (start === undefined) return undefined;
    let lo = 0;
    let hi = this.tags.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.tags[mid]!.end <= start) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const candidate = found >= 0 ? this.tags[found] : undefined;
    return candidate && tagMatches(candidate.text, node.tag!) ? candidate : undefined;
  }

  private spanOf(node: Node): Span {
    const range = node.range;
    if (!range) return this.span(0, 0);
    return this.span(range[0], blockEnd(node));
  }

  private scalar(value: unknown, span: Span): TNode {
    if (typeof value === 'string') return { kind: 'string', span, value };
    if (typeof value === 'number') return { kind: 'number', span, value };
    if (typeof value === 'bigint') return { kind: 'number', span, value: Number(value) };
    if (typeof value === 'boolean') return { kind: 'boolean', span, value };
    if (value === null || value === undefined) return { kind: 'null', span, value: null };
    // Standard tags outside JSON's data model (`!!binary`, `!!timestamp`) read as the text written.
    return { kind: 'string', span, value: this.source.slice(span.start, span.end) };
  }

  private nullAt(span: Span): TNode {
    return { kind: 'null', span, value: null };
  }

  private sizeOf(node: TNode): number {
    return this.sizes.get(node) ?? 1;
  }

  private span(start: number, end: number): Span {
    return { file: this.uri, start, end };
  }
}

/**
 * Where a node's text ends. A block collection's range runs on over the blank lines and comments after it,
 * so it ends where its last item's value does; flow collections and scalars end at their value.
 */
function blockEnd(node: Node): number {
  let current: Node = node;
  for (let guard = 0; guard < 10_000; guard++) {
    if ((isMap(current) || isSeq(current)) && !current.flow && current.items.length > 0) {
      const last: unknown = current.items[current.items.length - 1];
      const next = isPair(last) ? (isNodeLike(last.value) ? last.value : isNodeLike(last.key) ? last.key : undefined) : isNodeLike(last) ? last : undefined;
      if (!next?.range) break;
      current = next;
      continue;
    }
    break;
  }
  return current.range?.[1] ?? node.range?.[1] ?? 0;
}

function isNodeLike(value: unknown): value is Node {
  return isScalar(value) || isMap(value) || isSeq(value) || isAlias(value);
}

/** The library keeps a local tag as written (`!Ref`) and expands `!!x` to `tag:yaml.org,2002:x`. */
function tagMatches(written: string, resolved: string): boolean {
  return written === resolved || (written.startsWith('!!') && resolved === `tag:yaml.org,2002:${written.slice(2)}`) || written === `!<${resolved}>`;
}

/**
 * CloudFormation reads YAML 1.1, where a plain `yes`, `no`, `on` and `off` (in lower, title or upper case)
 * are booleans: `MapPublicIpOnLaunch: yes` maps public IPs, and a string property written `Value: YES` becomes
 * "true" (why `aws cloudformation package` quotes them). Quoted, they stay strings. Other values keep the
 * YAML 1.2 core schema the library reads.
 */
function yaml11Boolean(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (/^(?:yes|Yes|YES|on|On|ON)$/.test(value)) return true;
  if (/^(?:no|No|NO|off|Off|OFF)$/.test(value)) return false;
  return value;
}

/** A plain scalar's value by the YAML 1.2 core schema: what it would have been without its tag. */
export function plainScalarValue(text: string): string | number | boolean | null {
  if (/^(?:~|null|Null|NULL|)$/.test(text)) return null;
  if (/^(?:true|True|TRUE)$/.test(text)) return true;
  if (/^(?:false|False|FALSE)$/.test(text)) return false;
  if (/^[-+]?[0-9]+$/.test(text)) return Number(text);
  if (/^0o[0-7]+$/.test(text)) return parseInt(text.slice(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return parseInt(text.slice(2), 16);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(text)) return Number(text);
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (/^\.(?:nan|NaN|NAN)$/.test(text)) return NaN;
  return text;
}

function lowerFirst(message: string): string {
  return message.length > 0 ? message[0]!.toLowerCase() + message.slice(1) : message;
}
