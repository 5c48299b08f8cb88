// The language server on a CloudFormation workspace: a YAML template next to an unrelated package.json.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CodeActionKind, type Diagnostic, type TextEdit } from 'vscode-languageserver-protocol/node';
import { parse as parseYaml } from 'yaml';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { LspTestClient, TempWorkspace, VSCODE_LIKE_CAPABILITIES, hoverText, positionOf } from './helpers/lspClient';

const SELECT = '!Select [0, !Cidr [!GetAtt Vpc.CidrBlock, 2, 8]]';
const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  AppCidr:
    Type: String
    Default: 10.0.40.0/24
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  Public:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: ${SELECT}
  Plain:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: 10.0.20.7/24
  Quoted:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: "10.0.30.7/24"
  App:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: !Ref AppCidr
`;
const PACKAGE_JSON = '{\n  "name": "app",\n  "version": "1.0.0",\n  "scripts": { "build": "tsc" }\n}\n';
/** Chosen by the editor setting; the name matches no automatic pattern. */
const PARAMS = '[{"ParameterKey": "AppCidr", "ParameterValue": "10.9.0.0/24"}]\n';

const codes = (ds: readonly Diagnostic[]) => ds.map((d) => String(d.code));

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const sorted = [...edits].sort((a, b) => lines.offsetAt(b.range.start) - lines.offsetAt(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, lines.offsetAt(e.range.start)) + e.newText + out.slice(lines.offsetAt(e.range.end));
  return out;
}

describe('CloudFormation in the editor', () => {
  let ws: TempWorkspace;
  let client: LspTestClient;
  let templateUri: string;

  before(async () => {
    ws = new TempWorkspace({ 'stacks/network.yaml': TEMPLATE, 'package.json': PACKAGE_JSON, 'env/prod.params': PARAMS });
    client = await LspTestClient.start(
      ws,
      { workspaceFolders: [{ uri: ws.uri(''), name: 'cfn' }], capabilities: VSCODE_LIKE_CAPABILITIES },
      { settings: { cloudformation: { parameterFiles: { 'stacks/network.yaml': 'env/prod.params' } } } },
    );
    templateUri = ws.uri('stacks/network.yaml');
    await client.waitFor('first analysis', () => client.statuses.some((s) => s.state === 'idle'));
  });

  after(async () => {
    await client.stop();
    ws.dispose();
  });

  test('the template gets diagnostics; package.json gets none', async () => {
    const ds = await client.waitForDiagnostics(templateUri, 'host bits', (d) => codes(d).includes('cidr-host-bits'));
    assert.equal(codes(ds).filter((c) => c === 'cidr-host-bits').length, 2, codes(ds).join(', '));
    assert.deepEqual(client.diagnostics.get(ws.uri('package.json')) ?? [], []);
  });

  test('the parameter file chosen by vpcLens.cloudformation.parameterFiles is read and reported in', async () => {
    const ds = await client.waitForDiagnostics(ws.uri('env/prod.params'), 'outside', (d) => codes(d).includes('subnet-outside-vpc'));
    assert.equal(ds.find((d) => d.code === 'subnet-outside-vpc')!.range.start.line, 0);
  });

  test('hover on `!Select [0, !Cidr [...]]` shows the computed block and 251 usable', async () => {
    const text = hoverText(await client.hover(templateUri, positionOf(TEMPLATE, SELECT, 3)));
    assert.match(text, /10\.0\.0\.0\/24/);
    assert.match(text, /251 usable/);
  });

  test('inlay hints follow CloudFormation CIDRs, computed and literal', async () => {
    const hints = (await client.inlayHints(templateUri, { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } })) ?? [];
    const at = (p: { line: number; character: number }) => hints.find((h) => h.position.line === p.line && h.position.character === p.character);
    assert.equal(at(positionOf(TEMPLATE, SELECT, SELECT.length))?.label, '251 usable', JSON.stringify(hints));
    assert.equal(at(positionOf(TEMPLATE, '10.0.0.0/16', '10.0.0.0/16'.length))?.label, '65,531 usable', JSON.stringify(hints));
  });

  for (const [label, literal, fixed] of [
    ['a plain scalar', '10.0.20.7/24', '10.0.20.0/24'],
    ['a quoted scalar', '10.0.30.7/24', '10.0.30.0/24'],
  ] as const) {
    test(`the host-bits quick fix on ${label} leaves valid YAML with the network address`, async () => {
      const ds = client.diagnostics.get(templateUri) ?? [];
      const line = positionOf(TEMPLATE, literal).line;
      const hostBits = ds.filter((d) => d.code === 'cidr-host-bits' && d.range.start.line === line);
      assert.equal(hostBits.length, 1);
      const actions = (await client.codeActions({
        textDocument: { uri: templateUri },
        range: hostBits[0]!.range,
        context: { diagnostics: hostBits, only: [CodeActionKind.QuickFix] },
      })) ?? [];
      const fix = actions.find((a) => 'kind' in a && a.kind === CodeActionKind.QuickFix);
      assert.ok(fix && 'edit' in fix && fix.edit?.changes?.[templateUri], JSON.stringify(actions));
      const edited = applyEdits(TEMPLATE, fix.edit!.changes![templateUri]!);
      const doc = parseYaml(edited, { customTags: ['!Ref', '!Select', '!Cidr', '!GetAtt'].map((tag) => ({ tag, resolve: (v: unknown) => v })) as never });
      const name = label === 'a plain scalar' ? 'Plain' : 'Quoted';
      assert.equal(doc.Resources[name].Properties.CidrBlock, fixed);
    });
  }
});
