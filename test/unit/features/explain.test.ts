import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_SETTINGS } from '../../../server/src/core/config/settings';
import { EXPLAIN_HEADING, diagnosticsAt, explainFindingsAt } from '../../../server/src/core/features/explain';
import { relativePath } from '../../../server/src/core/features/explainLocation';
import { hoverAt } from '../../../server/src/core/features/hover';
import { RULE_CATALOG } from '../../../server/src/core/rules/catalog';
import type { Diagnostic } from '../../../server/src/core/rules/types';
import { createWorkspace } from '../../../server/src/host/createWorkspace';

const ROUTING = 'file:///w/net/routing.tf';
const SUBNETS = 'file:///w/net/subnets.tf';

const diag = (start: number, end: number, extra: Partial<Diagnostic> = {}): Diagnostic => ({
  ruleId: 'nat-cross-az',
  severity: 'warning',
  message: 'Default route of aws_subnet.private goes to NAT gateway aws_nat_gateway.a in another AZ',
  span: { file: ROUTING, start, end },
  ...extra,
});

describe('explain a finding', () => {
  const texts: Record<string, string> = { [SUBNETS]: 'line 1\nline 2\nresource "aws_subnet" "private" {\n}\n' };
  const textOf = (uri: string): string | undefined => texts[uri];

  test('title, message, rationale, the chain as file:line links, and the docs page', () => {
    const d = diag(10, 20, {
      related: [{ span: { file: SUBNETS, start: 14, end: 20 }, message: 'aws_subnet.private is in eu-west-1b' }],
      docsUrl: 'https://example.test/docs/nat-cross-az.md',
    });
    const e = explainFindingsAt([d], ROUTING, 15, textOf);
    assert.ok(e);
    const md = e.markdown;
    assert.match(md, new RegExp(EXPLAIN_HEADING));
    assert.match(md, /\*\*Private subnet uses a NAT gateway in another AZ\*\* \(`nat-cross-az`, warning\)/);
    assert.match(md, /Default route of aws\\_subnet\.private goes to NAT gateway aws\\_nat\\_gateway\.a/);
    assert.match(md, /Why it matters:\* A NAT gateway lives in one AZ/);
    assert.ok(md.includes('- [subnets.tf:3](file:///w/net/subnets.tf#L3)  aws\\_subnet.private is in eu-west-1b'), md);
    assert.ok(md.includes('[Rule documentation: nat-cross-az](https://example.test/docs/nat-cross-az.md)'), md);
    assert.deepEqual(e.span, d.span);
  });

  test('nothing outside every finding, and the edges of a span count', () => {
    const d = diag(10, 20);
    assert.equal(explainFindingsAt([d], ROUTING, 9, textOf), undefined);
    assert.equal(explainFindingsAt([d], ROUTING, 21, textOf), undefined);
    assert.ok(explainFindingsAt([d], ROUTING, 10, textOf));
    assert.ok(explainFindingsAt([d], ROUTING, 20, textOf));
    assert.equal(explainFindingsAt([d], SUBNETS, 15, textOf), undefined, 'another file');
  });

  test('several findings under the cursor: the narrowest first, each explained once', () => {
    const header = diag(0, 100, { ruleId: 'vpc-flow-logs', severity: 'info', message: 'VPC main has no flow log' });
    const value = diag(40, 50, { ruleId: 'cidr-host-bits', message: 'host bits set' });
    assert.deepEqual(diagnosticsAt([header, value], ROUTING, 45).map((d) => d.ruleId), ['cidr-host-bits', 'vpc-flow-logs']);
    const md = explainFindingsAt([header, value], ROUTING, 45, textOf)!.markdown;
    assert.ok(md.indexOf('CIDR block has host bits set') < md.indexOf('VPC without flow logs'), md);
    assert.equal(md.split(EXPLAIN_HEADING).length, 2, 'one heading');
  });

  test('a related place in a file the host cannot read is shown without a line', () => {
    const d = diag(10, 20, { related: [{ span: { file: 'file:///elsewhere/vpc.tf', start: 0, end: 3 }, message: 'VPC main' }] });
    const md = explainFindingsAt([d], ROUTING, 12, textOf)!.markdown;
    assert.ok(md.includes('- [/elsewhere/vpc.tf](file:///elsewhere/vpc.tf)  VPC main'), md);
  });

  test('a front-end problem (no catalog entry) is explained without rationale or docs link', () => {
    const d = diag(10, 20, { ruleId: 'parse-error', severity: 'error', message: 'unexpected token' });
    const md = explainFindingsAt([d], ROUTING, 12, textOf)!.markdown;
    assert.match(md, /\*\*parse-error\*\*/);
    assert.doesNotMatch(md, /Rule documentation|Why it matters/);
  });

  test('every rule of the catalog has a one-sentence rationale', () => {
    const missing = RULE_CATALOG.filter((e) => !e.rationale || !e.rationale.endsWith('.')).map((e) => e.id);
    assert.deepEqual(missing, []);
  });
});

describe('relative paths of related places', () => {
  test('same folder, below, above, and no shared folder', () => {
    assert.equal(relativePath('file:///w/a.tf', 'file:///w/b.tf'), 'b.tf');
    assert.equal(relativePath('file:///w/a.tf', 'file:///w/modules/x/main.tf'), 'modules/x/main.tf');
    assert.equal(relativePath('file:///w/m/a.tf', 'file:///w/b.tf'), '../b.tf');
    assert.equal(relativePath('file:///w/a.tf', 'file:///x/b.tf'), '/x/b.tf');
    assert.equal(relativePath('untitled:Untitled-1', 'file:///w/my%20net.tf'), '/w/my net.tf');
  });
});

describe('hover with an explanation', () => {
  const VPC = 'file:///w/vpc.tf';
  const SUBNET = 'file:///w/subnets.tf';
  const files: Record<string, string> = {
    [VPC]: [
      'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n',
      'resource "aws_internet_gateway" "a" {\n  vpc_id = aws_vpc.main.id\n}\n',
      'resource "aws_internet_gateway" "b" {\n  vpc_id = aws_vpc.main.id\n}\n',
    ].join('\n'),
    [SUBNET]: 'resource "aws_subnet" "a" {\n  vpc_id     = aws_vpc.main.id\n  cidr_block = "10.1.0.0/24"\n}\n',
  };

  async function analysed() {
    const ws = await createWorkspace();
    for (const [uri, text] of Object.entries(files)) ws.setFile(uri, text);
    return { ws, analysis: ws.analyze(DEFAULT_SETTINGS) };
  }

  test('on a finding: the explanation with the chain into the other file, then the CIDR hover', async () => {
    const { ws, analysis } = await analysed();
    const offset = files[SUBNET]!.indexOf('10.1.0.0/24') + 3;
    const h = hoverAt(analysis, (u) => ws.getText(u), SUBNET, offset);
    assert.ok(h);
    const [explanation, subject] = h.markdown.split('\n\n---\n\n');
    assert.match(explanation!, /Why VPC Lens reports this/);
    assert.match(explanation!, /Subnet block outside its VPC/);
    assert.match(explanation!, /\[vpc\.tf:1\]\(file:\/\/\/w\/vpc\.tf#L1\)/);
    assert.match(explanation!, /docs\/rules\/subnet-outside-vpc\.md/);
    assert.match(subject!, /10\.1\.0\.0\/24/, 'the CIDR hover is still there');
    assert.equal(h.markdown.indexOf('Why VPC Lens reports this'), h.markdown.lastIndexOf('Why VPC Lens reports this'));
  });

  test('away from any finding: no explanation', async () => {
    const { ws, analysis } = await analysed();
    const offset = files[VPC]!.indexOf('10.0.0.0/16') + 3;
    const h = hoverAt(analysis, (u) => ws.getText(u), VPC, offset);
    assert.ok(h);
    assert.doesNotMatch(h.markdown, /Why VPC Lens reports this/);
  });

  test('on a name label with a finding: the explanation, then the resource hover', async () => {
    const { ws, analysis } = await analysed();
    const offset = files[VPC]!.indexOf('"main"') + 2;
    const h = hoverAt(analysis, (u) => ws.getText(u), VPC, offset);
    assert.ok(h);
    const [explanation, subject] = h.markdown.split('\n\n---\n\n');
    assert.match(explanation!, /VPC without flow logs/);
    assert.match(subject!, /aws_vpc\.main|main/);
  });

  test('where only a finding is, the hover is the explanation and highlights the finding', async () => {
    const { ws, analysis } = await analysed();
    const igw = analysis.diagnostics.get(VPC)?.find((d) => d.ruleId === 'igw-multiple');
    assert.ok(igw, 'two internet gateways on one VPC');
    const h = hoverAt(analysis, (u) => ws.getText(u), VPC, igw.span.start + 1);
    assert.ok(h);
    assert.match(h.markdown, /^#### Why VPC Lens reports this/);
    assert.match(h.markdown, /More than one internet gateway on a VPC/);
    assert.match(h.markdown, /\[vpc\.tf:6\]/, 'the first gateway, in the chain');
    assert.deepEqual(h.span, igw.span);
  });
});
