import { createScanner, parse as parseJsonValue } from 'jsonc-parser';
import { templateFormatOf } from './syntax/parseTemplate';

/** What a claimed file is to the CloudFormation front-end. */
export type CloudFormationFileRole = 'template' | 'parameters';

/** jsonc-parser's token kinds (its `SyntaxKind` is a `const` enum, which isolated modules cannot read). */
const Token = {
  OpenBrace: 1,
  CloseBrace: 2,
  OpenBracket: 3,
  CloseBracket: 4,
  Comma: 5,
  String: 10,
  EOF: 17,
} as const;

const CANDIDATE = /\.(?:json|ya?ml|template)$/i;
/** Terraform's JSON syntax: another front-end's. */
const TERRAFORM_JSON = /\.(?:tf|tfvars)\.json$/i;
/** CDK writes one template per stack here, named `<Stack>.template.json`. */
const CDK_OUT_TEMPLATE = /(?:^|\/)cdk\.out\/(?:[^/]+\/)*[^/]+\.template\.json$/i;
/** Parameter files are small; a bigger JSON file is never parsed just to see whether it is one. */
const MAX_PARAMETER_FILE_CHARS = 1_000_000;

/**
 * Whether a file is a CloudFormation template, a parameter file for one, or neither. Cheap on the big JSON
 * and YAML files every repository has (package-lock.json): a substring check comes first, and a JSON
 * candidate is only tokenised, never built into a tree.
 *
 * A template has a top-level `AWSTemplateFormatVersion`, or a top-level `Resources` map with an entry whose
 * `Type` is `AWS::...` (`Custom::` and third-party types alone do not make a template). `cdk.out/*.template.json`
 * is always one. Parameter files (JSON) have the CLI/console shape `[{"ParameterKey": ..., "ParameterValue": ...}]`
 * or the CodePipeline shape `{"Parameters": {...}}` (with at most `Tags` and `StackPolicy` beside it).
 * Terraform's `*.tf.json`/`*.tfvars.json` and plan JSON (`format_version` + `planned_values`) are not claimed.
 */
export function detectCloudFormationFile(uri: string, text: string): CloudFormationFileRole | undefined {
  if (!CANDIDATE.test(uri) || TERRAFORM_JSON.test(uri)) return undefined;
  const format = templateFormatOf(uri, text);
  if (CDK_OUT_TEMPLATE.test(uri) && format === 'json') return 'template';
  if (text.includes('AWSTemplateFormatVersion') || text.includes('AWS::')) {
    const template = format === 'json' || startsWithBrace(text) ? jsonLooksLikeTemplate(text) : yamlLooksLikeTemplate(text);
    if (template) return 'template';
  }
  if (format === 'json' && looksLikeParameterFile(text)) return 'parameters';
  return undefined;
}

export function isCloudFormationTemplate(uri: string, text: string): boolean {
  return detectCloudFormationFile(uri, text) === 'template';
}

function startsWithBrace(text: string): boolean {
  return /^[\ufeff\s]*\{/.test(text.slice(0, 4096));
}

/**
 * Tokenises JSON and answers as soon as a top-level `AWSTemplateFormatVersion` or a `Resources.<id>.Type`
 * of `AWS::...` shows up, or a Terraform plan's top-level keys do.
 */
function jsonLooksLikeTemplate(text: string): boolean {
  const scanner = createScanner(text, true);
  /** Per open container: whether it is an object, its current key, and whether a key comes next. */
  const stack: { object: boolean; key: string | undefined; expectKey: boolean }[] = [];
  const topLevelKeys = new Set<string>();
  for (let token: number = scanner.scan(); token !== Token.EOF; token = scanner.scan()) {
    const top = stack[stack.length - 1];
    switch (token) {
      case Token.OpenBrace:
      case Token.OpenBracket:
        if (top) top.expectKey = false;
        stack.push({ object: token === Token.OpenBrace, key: undefined, expectKey: token === Token.OpenBrace });
        break;
      case Token.CloseBrace:
      case Token.CloseBracket:
        stack.pop();
        break;
      case Token.Comma:
        if (top?.object) top.expectKey = true;
        break;
      case Token.String:
        if (top?.object && top.expectKey) {
          top.key = scanner.getTokenValue();
          top.expectKey = false;
          if (stack.length === 1) {
            if (top.key === 'AWSTemplateFormatVersion') return true;
            topLevelKeys.add(top.key);
            if (topLevelKeys.has('format_version') && topLevelKeys.has('planned_values')) return false;
          }
        } else if (isResourceType(stack) && scanner.getTokenValue().startsWith('AWS::')) {
          return true;
        }
        break;
      default:
        if (top) top.expectKey = false;
    }
  }
  return false;
}

/** True inside `{"Resources": {"<id>": {"Type": <here>}}}`. */
function isResourceType(stack: readonly { object: boolean; key: string | undefined }[]): boolean {
  return (
    stack.length === 3 &&
    stack.every((s) => s.object) &&
    stack[0]!.key === 'Resources' &&
    stack[2]!.key === 'Type'
  );
}

const YAML_VERSION_KEY = /^["']?AWSTemplateFormatVersion["']?[ \t]*:/m;
const YAML_RESOURCES_KEY = /^["']?Resources["']?[ \t]*:/m;
/** The next top-level line: not indented, not a comment, not a document marker. */
const YAML_NEXT_TOP_LEVEL = /^(?![ \t#\r\n]|---|\.\.\.)/m;
const YAML_AWS_TYPE = /^[ \t]+["']?Type["']?[ \t]*:[ \t]*["']?AWS::/m;

/**
 * Top-level keys of a block-style YAML template start at column 0, so lines tell without parsing: an
 * `AWSTemplateFormatVersion:` line, or a `Resources:` line followed, before the next top-level key, by an
 * indented `Type: AWS::...`.
 */
function yamlLooksLikeTemplate(text: string): boolean {
  if (YAML_VERSION_KEY.test(text)) return true;
  const resources = YAML_RESOURCES_KEY.exec(text);
  if (!resources) return false;
  const afterKey = text.slice(resources.index + resources[0].length);
  const next = YAML_NEXT_TOP_LEVEL.exec(afterKey.slice(afterKey.indexOf('\n') + 1));
  const section = next ? afterKey.slice(0, afterKey.indexOf('\n') + 1 + next.index) : afterKey;
  return YAML_AWS_TYPE.test(section);
}

function looksLikeParameterFile(text: string): boolean {
  if (text.length > MAX_PARAMETER_FILE_CHARS) return false;
  if (!text.includes('"ParameterKey"') && !text.includes('"Parameters"')) return false;
  let value: unknown;
  try {
    value = parseJsonValue(text, [], { allowTrailingComma: true });
  } catch {
    return false;
  }
  if (Array.isArray(value)) {
    return value.length > 0 && value.every((item) => isRecord(item) && typeof item.ParameterKey === 'string');
  }
  if (!isRecord(value) || !isRecord(value.Parameters)) return false;
  const sideKeys = Object.keys(value).filter((k) => k !== 'Parameters');
  return (
    sideKeys.every((k) => k === 'Tags' || k === 'StackPolicy') &&
    Object.values(value.Parameters).every((v) => ['string', 'number', 'boolean'].includes(typeof v))
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
