/**
 * AWS's public sample templates (../shared/corpus/aws-cloudformation-templates, beside the repository): every
 * JSON and YAML file is a valid template, so each must be detected as one and read without a parse-error.
 * Some use `!Rain::Embed`/`!Rain::Module` (the `rain` tool's directives); those read as long forms, not errors.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectCloudFormationFile } from '../../../server/src/core/frontends/cloudformation/detect';
import { parseTemplateText, templateFormatOf } from '../../../server/src/core/frontends/cloudformation/syntax/parseTemplate';
import { field } from '../../../server/src/core/frontends/cloudformation/syntax/templateTree';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const CORPUS = path.resolve(REPO_ROOT, '..', 'shared', 'corpus', 'aws-cloudformation-templates');

function templateFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return templateFiles(p);
    return /\.(json|ya?ml|template)$/i.test(e.name) ? [p] : [];
  });
}

/** What went wrong with one file, or undefined when it is detected and reads cleanly. */
function check(uri: string, text: string): string | undefined {
  if (detectCloudFormationFile(uri, text) !== 'template') return 'not detected as a template';
  const { tree, problems } = parseTemplateText(uri, text, templateFormatOf(uri, text));
  const errors = problems.filter((p) => p.code === 'parse-error');
  if (errors.length > 0) return errors.map((p) => `${p.message} @${p.span.start}`).join('; ');
  if (field(tree, 'Resources')?.kind !== 'object') return 'no Resources map in the tree';
  return undefined;
}

const INLINE_SAMPLE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  VPC:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: !FindInMap [SubnetConfig, VPC, CIDR]
  PublicSubnet0:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref VPC
      AvailabilityZone: !Select [0, !GetAZs ""]
      CidrBlock: !FindInMap [SubnetConfig, Public0, CIDR]
      Tags:
        - Key: Name
          Value: !Join ["", [!Ref "AWS::StackName", "-public-", "0"]]
`;

describe('CloudFormation corpus', () => {
  test('every template of the AWS sample corpus is detected and reads without a parse-error', (t) => {
    if (!fs.existsSync(CORPUS)) {
      t.diagnostic(`corpus not found at ${CORPUS}: checking an inline sample instead`);
      assert.equal(check('file:///sample/vpc.yaml', INLINE_SAMPLE), undefined);
      return;
    }
    const files = templateFiles(CORPUS).sort();
    const started = performance.now();
    const failures: string[] = [];
    for (const file of files) {
      const failure = check(`file://${file}`, fs.readFileSync(file, 'utf8'));
      if (failure) failures.push(`${path.relative(CORPUS, file)}: ${failure}`);
    }
    t.diagnostic(`${files.length} corpus files detected and parsed in ${(performance.now() - started).toFixed(0)} ms`);
    assert.ok(files.length >= 150, `only ${files.length} files found in ${CORPUS}`);
    assert.deepEqual(failures, []);
  });
});
