import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CodeActionKind, DiagnosticSeverity, FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { LspTestClient, TempWorkspace, VSCODE_LIKE_CAPABILITIES, hoverText, lineOf, positionOf } from './helpers/lspClient';

const VPC_TF = `variable "office_cidr" {
  type = string
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "hostbits" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.20.7/24"
}
`;

const SUBNETS_TF = `resource "aws_subnet" "outside" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.1.0.0/24"
}

resource "aws_subnet" "app" {
  count      = 3
  vpc_id     = aws_vpc.main.id
  cidr_block = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index + 10)
}
`;

const TFVARS = `office_cidr = "192.168.4.0/22"
`;

const CIDRSUBNET = 'cidrsubnet(aws_vpc.main.cidr_block, 8, count.index + 10)';

const codes = (ds: readonly Diagnostic[]): string[] => ds.map((d) => String(d.code));
const withCode = (ds: readonly Diagnostic[], code: string): Diagnostic[] => ds.filter((d) => d.code === code);

describe('language server over stdio (VS Code-like client)', () => {
  let ws: TempWorkspace;
  let client: LspTestClient;
  let vpcUri: string;
  let subnetsUri: string;

  before(async () => {
    ws = new TempWorkspace({ 'vpc.tf': VPC_TF, 'subnets.tf': SUBNETS_TF, 'terraform.tfvars': TFVARS });
    vpcUri = ws.uri('vpc.tf');
    subnetsUri = ws.uri('subnets.tf');
    client = await LspTestClient.start(ws, {
      workspaceFolders: [{ uri: ws.uri(''), name: 'test' }],
      rootUri: ws.uri(''),
      capabilities: VSCODE_LIKE_CAPABILITIES,
    });
  });

  after(async () => {
    await client?.stop();
    ws?.dispose();
  });

  test('announces incremental sync, hover, inlay hints and quick fixes', () => {
    const caps = client.initializeResult!.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.equal(caps.hoverProvider, true);
    assert.ok(caps.inlayHintProvider);
    assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix'] });
    assert.equal(caps.semanticTokensProvider, undefined, 'never competes with other extensions for semantic tokens');
  });

  test('publishes subnet-outside-vpc for a closed file on the CIDR line, related to the VPC in the other file', async () => {
    const ds = await client.waitForDiagnostics(subnetsUri, 'subnet-outside-vpc', (d) => withCode(d, 'subnet-outside-vpc').length > 0);
    const [outside] = withCode(ds, 'subnet-outside-vpc');
    assert.equal(outside!.range.start.line, lineOf(SUBNETS_TF, '"10.1.0.0/24"'));
    assert.equal(outside!.severity, DiagnosticSeverity.Error);
    assert.equal(outside!.source, 'vpc-lens');
    assert.match(outside!.codeDescription?.href ?? '', /^file:\/\/.*\/docs\/rules\/subnet-outside-vpc\.md$/);
    const related = outside!.relatedInformation ?? [];
    assert.deepEqual(
      related.map((r) => [r.location.uri, r.location.range.start.line, r.message]),
      [[vpcUri, lineOf(VPC_TF, 'resource "aws_vpc" "main"'), 'VPC aws_vpc.main']],
      'the VPC; its block is a literal next to it, so it is not repeated',
    );
    assert.equal(withCode(ds, 'subnet-outside-vpc').length, 1, 'the count subnets inside the VPC are fine');
  });

  test('reports host bits with a warning in the VPC file', async () => {
    const ds = await client.waitForDiagnostics(vpcUri, 'cidr-host-bits', (d) => withCode(d, 'cidr-host-bits').length > 0);
    const [hostBits] = withCode(ds, 'cidr-host-bits');
    assert.equal(hostBits!.range.start.line, lineOf(VPC_TF, '"10.0.20.7/24"'));
    assert.equal(hostBits!.severity, DiagnosticSeverity.Warning);
  });

  test('sends an idle status with the number of analysed files', async () => {
    await client.waitFor('idle status', () => client.statuses.some((s) => s.state === 'idle' && s.files === 3));
    const idle = client.statuses.filter((s) => s.state === 'idle').at(-1)!;
    assert.ok(idle.errors >= 1, JSON.stringify(idle));
  });

  test('hover on a CIDR literal in a tfvars file shows AWS subnet math', async () => {
    const h = await client.hover(ws.uri('terraform.tfvars'), positionOf(TFVARS, '192.168.4.0/22', 3));
    const text = hoverText(h);
    assert.match(text, /192\.168\.4\.0\/22/);
    assert.match(text, /255\.255\.252\.0/);
    assert.match(text, /1,024/);
    assert.match(text, /1,019 usable/);
    assert.match(text, /192\.168\.4\.1`? VPC router/);
    assert.match(text, /192\.168\.7\.255/);
    // The highlighted range covers the literal (with or without its quotes).
    const literal = positionOf(TFVARS, '192.168.4.0/22');
    assert.equal(h!.range!.start.line, literal.line);
    assert.ok(h!.range!.start.character <= literal.character && h!.range!.end.character >= literal.character + 14, JSON.stringify(h!.range));
  });

  test('hover on a subnet CIDR literal shows the owner and the share of its VPC', async () => {
    const h = await client.hover(vpcUri, positionOf(VPC_TF, '10.0.20.7/24', 2));
    const text = hoverText(h);
    assert.match(text, /251 usable/);
    assert.match(text, /aws_subnet\.hostbits/);
    assert.match(text, /0\.39% of `aws_vpc\.main` 10\.0\.0\.0\/16/);
    assert.match(text, /Host bits are set/);
  });

  test('hover on a finding explains it, with the chain of resources as file:line links', async () => {
    const h = await client.hover(subnetsUri, positionOf(SUBNETS_TF, '10.1.0.0/24', 2));
    const text = hoverText(h);
    assert.match(text, /Why VPC Lens reports this/);
    assert.match(text, /Subnet block outside its VPC/);
    assert.match(text, /\[vpc\.tf:5\]\(file:\/\/\/.*vpc\.tf#L5\)/);
    assert.match(text, /docs\/rules\/subnet-outside-vpc\.md/);
  });

  test('hover on cidrsubnet(...) with count lists every instance', async () => {
    const h = await client.hover(subnetsUri, positionOf(SUBNETS_TF, CIDRSUBNET, 3));
    const text = hoverText(h);
    assert.match(text, /3 instances/);
    assert.match(text, /`\[0\]` 10\.0\.10\.0\/24 · 251 usable/);
    assert.match(text, /`\[1\]` 10\.0\.11\.0\/24 · 251 usable/);
    assert.match(text, /`\[2\]` 10\.0\.12\.0\/24 · 251 usable/);
    assert.match(text, /3 of 256 \/24s/);
  });

  test('hover on a subnet name shows its network role', async () => {
    const h = await client.hover(subnetsUri, positionOf(SUBNETS_TF, '"outside"', 2));
    const text = hoverText(h);
    assert.match(text, /Subnet/);
    assert.match(text, /aws_vpc\.main/);
    assert.match(text, /10\.1\.0\.0\/24 · 251 usable/);
    assert.match(text, /Route table/);
  });

  test('inlay hints show usable counts after CIDR expressions', async () => {
    const hints = (await client.inlayHints(subnetsUri, { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } })) ?? [];
    const afterLiteral = positionOf(SUBNETS_TF, '"10.1.0.0/24"', '"10.1.0.0/24"'.length);
    const afterCall = positionOf(SUBNETS_TF, CIDRSUBNET, CIDRSUBNET.length);
    const at = (p: { line: number; character: number }) => hints.find((h) => h.position.line === p.line && h.position.character === p.character);
    assert.equal(at(afterLiteral)?.label, '251 usable', JSON.stringify(hints));
    assert.equal(at(afterCall)?.label, '251 usable', JSON.stringify(hints));
    assert.equal(at(afterCall)?.paddingLeft, true);
  });

  test('offers the host-bits quick fix for the diagnostic under the cursor', async () => {
    const ds = client.diagnostics.get(vpcUri) ?? [];
    const hostBits = withCode(ds, 'cidr-host-bits');
    assert.equal(hostBits.length, 1);
    const actions = (await client.codeActions({
      textDocument: { uri: vpcUri },
      range: hostBits[0]!.range,
      context: { diagnostics: hostBits, only: [CodeActionKind.QuickFix] },
    })) ?? [];
    const fix = actions.find((a) => 'kind' in a && a.kind === CodeActionKind.QuickFix);
    assert.ok(fix && 'edit' in fix, JSON.stringify(actions));
    assert.deepEqual(fix.diagnostics, hostBits, 'tied to the diagnostic the editor sent');
    const edits = fix.edit!.changes![vpcUri]!;
    assert.equal(edits.length, 1);
    assert.match(edits[0]!.newText, /10\.0\.20\.0\/24/);
    assert.equal(edits[0]!.range.start.line, lineOf(VPC_TF, '10.0.20.7/24'));
  });

  test('an edit in the VPC file that fixes the error clears it in the subnet file', async () => {
    await client.open(vpcUri, VPC_TF);
    const start = positionOf(VPC_TF, '10.0.0.0/16');
    await client.change(vpcUri, { start, end: { line: start.line, character: start.character + '10.0.0.0/16'.length } }, '10.1.0.0/16');
    const ds = await client.waitForDiagnostics(subnetsUri, 'subnet-outside-vpc cleared', (d) => withCode(d, 'subnet-outside-vpc').length === 0);
    assert.deepEqual(ds.filter((d) => d.severity === DiagnosticSeverity.Error), [], codes(ds).join(', '));
    // The host-bits subnet stayed at 10.0.20.x, which is outside the VPC now.
    await client.waitForDiagnostics(vpcUri, 'hostbits subnet outside', (d) => withCode(d, 'subnet-outside-vpc').length === 1);
  });

  test('closing the document falls back to the file on disk', async () => {
    await client.close(vpcUri);
    await client.waitForDiagnostics(subnetsUri, 'subnet-outside-vpc back', (d) => withCode(d, 'subnet-outside-vpc').length === 1);
  });

  test('a change on disk of a closed file updates diagnostics', async () => {
    ws.write('extra.tf', 'resource "aws_subnet" "far" {\n  vpc_id     = aws_vpc.main.id\n  cidr_block = "172.16.0.0/24"\n}\n');
    await client.filesChanged([{ uri: ws.uri('extra.tf'), type: FileChangeType.Created }]);
    const ds = await client.waitForDiagnostics(ws.uri('extra.tf'), 'subnet-outside-vpc', (d) => withCode(d, 'subnet-outside-vpc').length === 1);
    assert.equal(withCode(ds, 'subnet-outside-vpc')[0]!.range.start.line, 2);

    ws.write('extra.tf', 'resource "aws_subnet" "far" {\n  vpc_id     = aws_vpc.main.id\n  cidr_block = "10.0.30.0/24"\n}\n');
    await client.filesChanged([{ uri: ws.uri('extra.tf'), type: FileChangeType.Changed }]);
    await client.waitForDiagnostics(ws.uri('extra.tf'), 'cleared', (d) => withCode(d, 'subnet-outside-vpc').length === 0);

    await client.filesChanged([{ uri: ws.uri('extra.tf'), type: FileChangeType.Deleted }]);
    await client.waitForDiagnostics(ws.uri('extra.tf'), 'empty after delete', (d) => d.length === 0);
  });

  test('a syntax error mid-file gives parse-error at the spot while the rest still gives findings', async () => {
    const text = `resource "aws_subnet" "before" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.40.9/24"
}

resource "aws_subnet" "broken" {
  cidr_block = = "10.0.41.0/24"
}

resource "aws_subnet" "after" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.42.3/24"
}
`;
    const uri = ws.uri('broken.tf');
    await client.open(uri, text);
    const ds = await client.waitForDiagnostics(uri, 'parse-error and host bits', (d) => withCode(d, 'parse-error').length > 0 && withCode(d, 'cidr-host-bits').length >= 2);
    const parseLines = withCode(ds, 'parse-error').map((d) => d.range.start.line);
    assert.ok(parseLines.includes(lineOf(text, '= = "10.0.41.0/24"')), `parse errors on lines ${parseLines}`);
    const hostBitLines = withCode(ds, 'cidr-host-bits').map((d) => d.range.start.line).sort((a, b) => a - b);
    assert.deepEqual(hostBitLines, [lineOf(text, '10.0.40.9/24'), lineOf(text, '10.0.42.3/24')]);
    await client.close(uri);
  });

  test('binary junk neither crashes nor hangs the server', async () => {
    let seed = 42;
    const junk = Buffer.from(Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff));
    ws.write('junk.tf', junk);
    await client.filesChanged([{ uri: ws.uri('junk.tf'), type: FileChangeType.Created }]);
    const seen = client.statuses.length;
    await client.open(ws.uri('junk2.tf'), junk.toString('latin1') + '\u0000\uD800"10.0.0.0/33"');
    await client.waitFor('an analysis after the junk', () => client.statuses.slice(seen).some((s) => s.state === 'idle'));
    const h = await client.hover(ws.uri('terraform.tfvars'), positionOf(TFVARS, '192.168.4.0/22', 1));
    assert.match(hoverText(h), /1,019 usable/);
    assert.ok(client.isRunning);
  });
});
