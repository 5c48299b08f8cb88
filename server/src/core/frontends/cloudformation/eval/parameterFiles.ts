import { parseTree, type Node as JsonNode } from 'jsonc-parser';
import type { Span } from '../../../text/span';
import { field, type TNode } from '../syntax/templateTree';

/**
 * Parameter files: values for a template's parameters, as the AWS CLI / console take them
 * (`[{"ParameterKey": "VpcCidr", "ParameterValue": "10.0.0.0/16"}]`) or as CodePipeline's template
 * configuration file does (`{"Parameters": {"VpcCidr": "10.0.0.0/16"}}`).
 *
 * Found by name next to the template `<dir>/<name>.<ext>` (name without `.json`/`.yaml`/`.yml`/`.template`):
 *   <dir>/<name>.parameters.json   <dir>/<name>-parameters.json   <dir>/parameters/<name>.json
 * The first of these that the workspace holds wins.
 */
export interface ParameterInput {
  readonly value: string;
  /** Where the value is written in the parameter file (findings about it are reported there). */
  readonly span?: Span;
}

export type ParameterValues = ReadonlyMap<string, ParameterInput>;

/** The parameter file URIs looked for next to a template, in order of preference. */
export function parameterFileCandidates(templateUri: string): string[] {
  const slash = templateUri.lastIndexOf('/');
  const dir = templateUri.slice(0, slash + 1);
  const name = templateUri.slice(slash + 1).replace(/(\.(json|ya?ml|template))+$/i, '');
  if (name === '') return [];
  return [`${dir}${name}.parameters.json`, `${dir}${name}-parameters.json`, `${dir}parameters/${name}.json`];
}

/** True when a URI has the name of a parameter file (a shape check follows in `parameterValuesOf`). */
export function looksLikeParameterFileName(uri: string): boolean {
  return /(?:[.-]parameters\.json|\/parameters\/[^/]+\.json)$/i.test(uri);
}

/** The values of a parameter file tree in either shape; undefined when the tree has neither shape. */
export function parameterValuesOf(tree: TNode | undefined): Map<string, ParameterInput> | undefined {
  if (!tree) return undefined;
  if (tree.kind === 'array') {
    const out = new Map<string, ParameterInput>();
    for (const item of tree.items) {
      const key = field(item, 'ParameterKey');
      const value = field(item, 'ParameterValue');
      if (key?.kind !== 'string') return undefined;
      // `UsePreviousValue` entries carry no value: the deployed one is not knowable here.
      const text = scalarText(value);
      if (text !== undefined && !out.has(String(key.value))) out.set(String(key.value), { value: text, span: value!.span });
    }
    return out;
  }
  const params = field(tree, 'Parameters');
  if (tree.kind !== 'object' || params?.kind !== 'object' || field(tree, 'Resources') !== undefined) return undefined;
  const out = new Map<string, ParameterInput>();
  for (const e of params.entries) {
    const text = scalarText(e.value);
    if (text !== undefined && !out.has(e.key)) out.set(e.key, { value: text, span: e.value.span });
  }
  return out;
}

function scalarText(node: TNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.kind === 'string' || node.kind === 'number' || node.kind === 'boolean') return String(node.value);
  // A list given as a JSON array: CloudFormation takes lists as comma-delimited text.
  if (node.kind === 'array' && node.items.every((i) => i.kind === 'string' || i.kind === 'number')) {
    return node.items.map((i) => String((i as { value: unknown }).value)).join(',');
  }
  return undefined;
}

/** Parses a parameter file's text (JSON) into parameter name -> value text. Never throws; bad input gives an empty map. */
export function parseParameterFile(text: string, uri = 'parameters.json'): Map<string, string> {
  const values = parameterValuesOf(jsonToTree(text, uri)) ?? new Map<string, ParameterInput>();
  return new Map([...values].map(([k, v]) => [k, v.value]));
}

/** A JSON text as a positioned tree (jsonc-parser tolerates errors; what it could read is returned). */
export function jsonToTree(text: string, uri: string): TNode | undefined {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  return root ? convert(root, uri) : undefined;
}

function convert(n: JsonNode, file: string): TNode {
  const span: Span = { file, start: n.offset, end: n.offset + n.length };
  switch (n.type) {
    case 'object':
      return {
        kind: 'object',
        span,
        entries: (n.children ?? []).flatMap((p) => {
          const [k, v] = p.children ?? [];
          if (!k || !v) return [];
          return [{ key: String(k.value), keySpan: { file, start: k.offset, end: k.offset + k.length }, value: convert(v, file) }];
        }),
      };
    case 'array':
      return { kind: 'array', span, items: (n.children ?? []).map((c) => convert(c, file)) };
    case 'string':
      return { kind: 'string', span, value: String(n.value) };
    case 'number':
      return { kind: 'number', span, value: Number(n.value) };
    case 'boolean':
      return { kind: 'boolean', span, value: Boolean(n.value) };
    default:
      return { kind: 'null', span, value: null };
  }
}
