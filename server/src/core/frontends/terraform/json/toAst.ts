import type { Node } from 'jsonc-parser';
import type { SourceProblem } from '../../types';
import type { Attribute, Block, BlockLabel, Body, Expr, ObjectItem } from '../syntax/ast';
import { type HclSnippetParser, parseExpressionString, parseTemplateString } from './embeddedHcl';
import { decodeJsonString } from './jsonString';

/** How a JSON value in an argument position is read (Terraform's JSON syntax, per argument). */
type ValueMode =
  /** Strings are templates (`"${var.x}"`): most arguments. */
  | 'template'
  /** Strings are bare expressions (`"aws_vpc.main"`): depends_on, provider, ignore_changes, types. */
  | 'expression'
  /** Taken as is, no interpolation: a variable's `default`, `.tfvars.json` values, module `source`. */
  | 'literal';

/** Labels each top-level block type takes (`resource "type" "name"`). Other top-level keys are ignored. */
const TOP_LEVEL_LABELS: Readonly<Record<string, number>> = {
  resource: 2,
  data: 2,
  variable: 1,
  output: 1,
  module: 1,
  provider: 1,
  check: 1,
  locals: 0,
  terraform: 0,
  moved: 0,
  import: 0,
  removed: 0,
};

/**
 * Nested block types inside resources and their blocks, with their label count. JSON cannot tell a block
 * from an object-valued argument without the provider schema, so this names the blocks VPC Lens reads (and
 * Terraform's meta-blocks); any other key is an argument, which the model mapping also accepts for
 * attribute-as-blocks types (`ingress = [{...}]`).
 */
const NESTED_BLOCK_LABELS: Readonly<Record<string, number>> = {
  lifecycle: 0,
  connection: 0,
  provisioner: 1,
  dynamic: 1,
  content: 0,
  precondition: 0,
  postcondition: 0,
  timeouts: 0,
  ingress: 0,
  egress: 0,
  route: 0,
  subnet_mapping: 0,
  default_action: 0,
  redirect: 0,
  forward: 0,
  target_group: 0,
  stickiness: 0,
  fixed_response: 0,
  health_check: 0,
  access_logs: 0,
  network_interface: 0,
  root_block_device: 0,
  ebs_block_device: 0,
  metadata_options: 0,
  dns_options: 0,
  subnet_configuration: 0,
  tunnel1_log_options: 0,
  tunnel2_log_options: 0,
  validation: 0,
};

/** Blocks directly inside a `variable`, `output`, `check`: conditions only. */
const CONDITION_BLOCKS: Readonly<Record<string, number>> = { validation: 0, precondition: 0, postcondition: 0, assert: 0 };

/** Converts a parsed Terraform JSON document into the HCL AST the evaluator reads. Never throws. */
export class JsonToAst {
  readonly problems: SourceProblem[] = [];

  constructor(
    private readonly text: string,
    private readonly file: string,
    private readonly parse: HclSnippetParser,
  ) {}

  /** A `.tf.json` file: an object of top-level block types. */
  configFile(root: Node | undefined): Body {
    const blocks: Block[] = [];
    if (root?.type !== 'object') {
      if (root) this.problem(root, 'A Terraform JSON file must hold one object of block types (resource, variable, ...)');
      return { start: 0, end: this.text.length, attributes: [], blocks };
    }
    for (const [key, value] of this.properties(root)) {
      const labels = TOP_LEVEL_LABELS[key.value];
      if (labels === undefined) continue;
      this.blocks(key, value, labels, [], blocks);
    }
    return { start: 0, end: this.text.length, attributes: [], blocks };
  }

  /** A `.tfvars.json` file: an object of variable values, taken literally. */
  varsFile(root: Node | undefined): Body {
    const attributes: Attribute[] = [];
    if (root?.type === 'object') {
      for (const [key, value] of this.properties(root)) attributes.push(this.attribute(key, value, 'literal'));
    } else if (root) {
      this.problem(root, 'A .tfvars.json file must hold one object of variable values');
    }
    return { start: 0, end: this.text.length, attributes, blocks: [] };
  }

  /** One block per object reached through `labelCount` levels of label keys; arrays repeat a level. */
  private blocks(typeKey: Node, value: Node, labelCount: number, labels: BlockLabel[], out: Block[]): void {
    if (value.type === 'array') {
      for (const item of value.children ?? []) this.blocks(typeKey, item, labelCount, labels, out);
      return;
    }
    if (value.type !== 'object') {
      this.problem(value, `Expected an object for the ${labels.length < labelCount ? 'labels' : 'body'} of this "${typeKey.value}" block`);
      return;
    }
    if (labels.length < labelCount) {
      for (const [key, inner] of this.properties(value)) {
        this.blocks(typeKey, inner, labelCount, [...labels, { value: key.value, start: key.offset, end: key.offset + key.length }], out);
      }
      return;
    }
    const type = String(typeKey.value);
    const lastLabel = labels[labels.length - 1];
    // Where the block "starts": its name label, else its keyword (inside the quotes, so that a keyword
    // span `start + type.length` lands on the word), else the object of an array of blocks.
    const keyword = typeKey.offset + 1;
    const start = lastLabel ? lastLabel.start : value.offset > keyword && isDirectValue(typeKey, value) ? keyword : value.offset;
    out.push({
      type,
      typeStart: keyword,
      typeEnd: keyword + type.length,
      labels,
      body: this.body(type, value),
      start,
      end: value.offset + value.length,
    });
  }

  private body(blockType: string, node: Node): Body {
    const attributes: Attribute[] = [];
    const blocks: Block[] = [];
    for (const [key, value] of this.properties(node)) {
      const name = String(key.value);
      const nestedLabels = this.nestedBlockLabels(blockType, name);
      if (nestedLabels !== undefined && isBlockShaped(value, nestedLabels)) {
        this.blocks(key, value, nestedLabels, [], blocks);
      } else {
        attributes.push(this.attribute(key, value, argumentMode(blockType, name)));
      }
    }
    return { start: node.offset + 1, end: Math.max(node.offset + 1, node.offset + node.length - 1), attributes, blocks };
  }

  private nestedBlockLabels(blockType: string, name: string): number | undefined {
    switch (blockType) {
      case 'locals':
      case 'terraform':
      case 'provider':
      case 'module':
      case 'moved':
      case 'import':
      case 'removed':
        return undefined;
      case 'variable':
      case 'output':
      case 'check':
        return CONDITION_BLOCKS[name];
      default:
        return NESTED_BLOCK_LABELS[name];
    }
  }

  private attribute(key: Node, value: Node, mode: ValueMode): Attribute {
    return {
      name: String(key.value),
      nameStart: key.offset + 1,
      nameEnd: key.offset + Math.max(1, key.length - 1),
      value: this.expr(value, mode),
      start: key.offset,
      end: value.offset + value.length,
    };
  }

  private expr(node: Node, mode: ValueMode): Expr {
    const loc = { start: node.offset, end: node.offset + node.length };
    switch (node.type) {
      case 'string': {
        if (mode === 'literal') return { kind: 'literal', value: String(node.value ?? ''), ...loc };
        const decoded = decodeJsonString(node, this.text);
        const parsed =
          mode === 'template'
            ? parseTemplateString(this.parse, decoded, loc, this.file)
            : parseExpressionString(this.parse, decoded, loc, this.file);
        this.problems.push(...parsed.problems);
        return parsed.expr;
      }
      case 'number':
      case 'boolean':
      case 'null':
        return { kind: 'literal', value: node.type === 'null' ? null : (node.value as number | boolean), ...loc };
      case 'array':
        return { kind: 'tuple', items: (node.children ?? []).map((c) => this.expr(c, mode)), ...loc };
      case 'object': {
        const items: ObjectItem[] = [];
        for (const prop of node.children ?? []) {
          const [k, v] = prop.children ?? [];
          if (!k || !v) continue;
          // Keys are templates too in Terraform's JSON syntax (`"${var.name}": ...`).
          items.push({ key: this.expr(k, mode === 'literal' ? 'literal' : 'template'), value: this.expr(v, mode) });
        }
        return { kind: 'object', items, ...loc };
      }
      default:
        return { kind: 'invalid', ...loc };
    }
  }

  /** Key and value nodes of an object's properties, `"//"` comment properties left out. */
  private properties(node: Node): [Node, Node][] {
    const out: [Node, Node][] = [];
    for (const prop of node.children ?? []) {
      const [k, v] = prop.children ?? [];
      if (!k || !v || k.value === '//') continue;
      out.push([k, v]);
    }
    return out;
  }

  private problem(node: Node, message: string): void {
    this.problems.push({ code: 'parse-error', severity: 'error', message, span: { file: this.file, start: node.offset, end: node.offset + node.length } });
  }
}

/** How Terraform reads the JSON value of argument `name` in a block of type `blockType`. */
function argumentMode(blockType: string, name: string): ValueMode {
  switch (blockType) {
    case 'variable':
      return name === 'type' ? 'expression' : name === 'default' ? 'literal' : 'template';
    case 'module':
      if (name === 'source' || name === 'version') return 'literal';
      return name === 'depends_on' || name === 'providers' ? 'expression' : 'template';
    case 'moved':
    case 'removed':
    case 'import':
      return name === 'from' || name === 'to' ? 'expression' : 'template';
    case 'lifecycle':
      return name === 'ignore_changes' || name === 'replace_triggered_by' ? 'expression' : 'template';
    case 'dynamic':
      return name === 'iterator' ? 'expression' : 'template';
    default:
      return name === 'depends_on' || name === 'provider' ? 'expression' : 'template';
  }
}

/** A nested block is an object (labelled: of objects), or an array of them; `[]` stays an argument. */
function isBlockShaped(value: Node, labels: number): boolean {
  if (value.type === 'object') return true;
  if (value.type !== 'array' || !value.children?.length) return false;
  return labels > 0 || value.children.every((c) => c.type === 'object');
}

/** True when `value` is the property value of `key` itself (not an element of an array under it). */
function isDirectValue(key: Node, value: Node): boolean {
  return key.parent !== undefined && key.parent === value.parent;
}
