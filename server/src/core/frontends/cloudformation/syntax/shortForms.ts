/**
 * CloudFormation's YAML short forms: the tag (without `!`) -> the long-form key it stands for. `!GetAtt` in
 * its scalar form (`!GetAtt Vpc.CidrBlock`) is also split into `[resource, attribute]` by the YAML reader.
 * The Rules-section functions (`!Contains`, `!EachMemberIn`, ...) and the newer `!Length`/`!ToJsonString`
 * are listed too, so templates that use them read without problems.
 */
export const SHORT_FORM_TAGS: ReadonlyMap<string, string> = new Map([
  ['Ref', 'Ref'],
  ['Condition', 'Condition'],
  ...[
    'And',
    'Base64',
    'Cidr',
    'Contains',
    'EachMemberEquals',
    'EachMemberIn',
    'Equals',
    'FindInMap',
    'GetAtt',
    'GetAZs',
    'If',
    'ImportValue',
    'Join',
    'Length',
    'Not',
    'Or',
    'RefAll',
    'Select',
    'Split',
    'Sub',
    'ToJsonString',
    'Transform',
    'ValueOf',
    'ValueOfAll',
  ].map((name): [string, string] => [name, `Fn::${name}`]),
]);

/**
 * Directives of AWS's `rain` tool (`!Rain::Embed file`, `Type: !Rain::Module path`), found in AWS's own sample
 * templates: `rain pkg` replaces them before deployment. They read as their long form (`{'Rain::Embed': file}`),
 * which no evaluator resolves, so the value stays unknown rather than being reported as an unknown tag.
 */
const RAIN_DIRECTIVE = /^!Rain::[A-Za-z]+$/;

/** The long-form key for a YAML tag as written (`!Ref` -> `Ref`), or undefined for a tag CloudFormation does not know. */
export function longFormOf(tag: string): string | undefined {
  if (RAIN_DIRECTIVE.test(tag)) return tag.slice(1);
  return tag.startsWith('!') && !tag.startsWith('!!') ? SHORT_FORM_TAGS.get(tag.slice(1)) : undefined;
}
