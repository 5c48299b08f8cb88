/**
 * Where the CloudFormation settings come from: `.vpc-lens.json` (`cloudformation.parameterFiles`,
 * `cloudformation.region`), the editor's `vpcLens.cloudformation.*`, and how they merge.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { mergeSettings, parseProjectConfig } from '../../../server/src/core/config/projectConfig';
import { DEFAULT_SETTINGS } from '../../../server/src/core/config/settings';
import { readEditorSettings } from '../../../server/src/lsp/settings';
import { analysisSettings, makeFolder } from '../../../server/src/lsp/project';
import { pathToUri } from '../../../server/src/lsp/uris';

describe('.vpc-lens.json "cloudformation"', () => {
  test('parameter files resolve against the config folder; the region is kept', () => {
    const { config, settings, problems } = parseProjectConfig(
      '{"cloudformation": {"parameterFiles": {"stacks/network.yaml": "params/prod.json"}, "region": "eu-west-1"}}',
      { baseUri: 'file:///work/repo' },
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(config.cloudFormationParameterFiles, [{ template: 'stacks/network.yaml', parameters: 'params/prod.json' }]);
    assert.deepEqual(settings.cloudFormationParameterFiles, [
      { template: 'file:///work/repo/stacks/network.yaml', parameters: 'file:///work/repo/params/prod.json' },
    ]);
    assert.equal(settings.cloudFormationRegion, 'eu-west-1');
  });

  test('a config without the key reads as before (no CloudFormation keys at all)', () => {
    const { settings } = parseProjectConfig('{"rules": {}}');
    assert.equal('cloudFormationParameterFiles' in settings, false);
    assert.equal('cloudFormationRegion' in settings, false);
  });

  test('wrong shapes are problems at the spot, with a suggestion for a misspelt key', () => {
    const text = '{"cloudformation": {"parameterFile": {}, "region": "Ireland"}}';
    const { problems, settings } = parseProjectConfig(text);
    assert.match(problems[0]!.message, /Unknown setting "cloudformation.parameterFile"; did you mean "parameterFiles"\?/);
    assert.equal(text.slice(problems[1]!.start, problems[1]!.end), '"Ireland"');
    assert.match(problems[1]!.message, /region name like "eu-west-1"/);
    assert.equal(settings.cloudFormationRegion, undefined);
    assert.match(parseProjectConfig('{"cloudformation": []}').problems[0]!.message, /"cloudformation" must be an object/);
    assert.match(parseProjectConfig('{"cloudformation": {"parameterFiles": {"a.yaml": 3}}}').problems[0]!.message, /parameter file of "a.yaml" must be a path/);
  });
});

describe('mergeSettings with CloudFormation settings', () => {
  test('a later choice wins for its template, others stay; a later region wins', () => {
    const merged = mergeSettings(
      DEFAULT_SETTINGS,
      { cloudFormationParameterFiles: [{ template: 'a', parameters: 'a1' }, { template: 'b', parameters: 'b1' }], cloudFormationRegion: 'eu-west-1' },
      { cloudFormationParameterFiles: [{ template: 'a', parameters: 'a2' }], cloudFormationRegion: 'us-east-2' },
    );
    assert.deepEqual(merged.cloudFormationParameterFiles, [{ template: 'b', parameters: 'b1' }, { template: 'a', parameters: 'a2' }]);
    assert.equal(merged.cloudFormationRegion, 'us-east-2');
  });
});

describe('editor settings vpcLens.cloudformation.*', () => {
  test('nested and dotted forms are read; bad entries are dropped', () => {
    const nested = readEditorSettings({ cloudformation: { parameterFiles: { 'network.yaml': 'params/prod.json', bad: 3 }, region: 'eu-west-1' } });
    assert.deepEqual(nested.cloudFormationParameterFiles, { 'network.yaml': 'params/prod.json' });
    assert.equal(nested.cloudFormationRegion, 'eu-west-1');
    const dotted = readEditorSettings({ 'cloudformation.parameterFiles': { 't.json': 'p.json' }, 'cloudformation.region': '' });
    assert.deepEqual(dotted.cloudFormationParameterFiles, { 't.json': 'p.json' });
    assert.equal(dotted.cloudFormationRegion, undefined);
    assert.deepEqual(readEditorSettings({}).cloudFormationParameterFiles, {});
  });

  test('workspace-relative paths resolve in the folder; editor choices win over the project file', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vpc-lens-cfn-settings-'));
    try {
      fs.mkdirSync(path.join(root, 'params'));
      fs.writeFileSync(path.join(root, 'network.yaml'), 'Resources: {}\n');
      fs.writeFileSync(path.join(root, 'params', 'prod.json'), '[]');
      const folder = makeFolder(root);
      folder.config = parseProjectConfig('{"cloudformation": {"parameterFiles": {"network.yaml": "params/old.json"}, "region": "eu-west-1"}}', {
        baseUri: folder.uri,
      });
      const editor = readEditorSettings({ cloudformation: { parameterFiles: { 'network.yaml': 'params/prod.json' } } });
      const settings = analysisSettings([folder], editor, () => {});
      assert.deepEqual(settings.cloudFormationParameterFiles, [
        { template: pathToUri(path.join(root, 'network.yaml')), parameters: pathToUri(path.join(root, 'params', 'prod.json')) },
      ]);
      assert.equal(settings.cloudFormationRegion, 'eu-west-1');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
