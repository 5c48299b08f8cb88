import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Parser } from 'web-tree-sitter';
import { loadGrammars } from '../../../server/src/host/grammars';
import { parseHclWithTreeSitter } from '../../../server/src/core/frontends/terraform/syntax/parse';
import { looksBinary } from '../../../server/src/core/frontends/terraform/syntax/binaryText';
import { swapTreeSitterRuntime, treeSitterRuntime } from '../../../server/src/core/frontends/terraform/syntax/treeSitterRuntime';

// The fast tree copy calls web-tree-sitter's WASM exports directly and leaves out punctuation the converter
// never reads; the public-API copy keeps everything. Both must give the same AST and the same problems.
// Both go through the tree-sitter path: clean sources would otherwise take the hand-written parser.
const SOURCES: Record<string, string> = {
  resources: `# comment
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16" // trailing
  tags = { Name = "main", "quoted key" = 1 }
}
/* block comment */
resource "aws_subnet" "a" {
  count      = length(var.azs)
  vpc_id     = aws_vpc.main.id
  cidr_block = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index + 1)
  az         = var.azs[count.index]
}
`,
  expressions: `locals {
  a = (1 + 2) * 3 - -4 % 5
  b = !true && false || null == null
  c = var.x > 1 ? "big" : "small"
  d = [for k, v in var.m : upper(v) if k != "skip"]
  e = { for s in var.subnets : s.name => s.cidr... }
  f = aws_subnet.a[*].id
  g = aws_subnet.a.*.id
  h = local.list.0
  i = merge(local.x, [local.y]...)
  j = [1, 2, 3][0]
  k = (local.obj).field
  l = "\${var.prefix}-\${upper(var.name)}~"
  m = "%{ if var.on }on%{ else }off%{ endif } %{ for x in var.l }\${x},%{ endfor }"
  n = "esc \\" \\n \\u00e9 $\${literal}"
  o = 0x1F
  p = 1.5e3
}
`,
  heredocs: `locals {
  plain = <<EOT
line one \${var.x}
  line two
EOT
  indented = <<-EOT
    a
      b \${var.y}
    c
  EOT
}
`,
  tfvars: `azs = ["us-east-1a", "us-east-1b"]
cidr = "10.0.0.0/16"
`,
  jsonish: `{ "name": "x", "count": 3 }`,
  errors: `resource "a" "one" {
  x = = 1
}
resource "a" "two" {
  y = "open
}
resource "a" "three" {
  z = [1, 2
}
locals { w = f(1,, 2) }
`,
  missingBrace: 'resource "a" "b" {\n  x = 1\n',
  unicode: 'locals {\n  name = "héllo wörld 🚀"\n  other = "ünïcödé"\n}\n',
  crlf: 'resource "a" "b" {\r\n  x = "1"\r\n}\r\n',
  deep: `locals { x = ${'['.repeat(600)}1${']'.repeat(600)} }\n`,
  empty: '',
};

async function parser(): Promise<Parser> {
  const g = await loadGrammars();
  const p = new Parser();
  p.setLanguage(g.terraform);
  return p;
}

describe('terraform syntax: fast tree copy', () => {
  test('loading the grammars registers the WASM runtime the fast copy uses', async () => {
    await loadGrammars();
    assert.ok(treeSitterRuntime(), 'no runtime registered: the CLI would take the slow copy');
  });

  for (const [name, text] of Object.entries(SOURCES)) {
    test(`gives the same AST and problems as the public-API copy: ${name}`, async () => {
      const p = await parser();
      const fast = parseHclWithTreeSitter(p, `file:///ws/${name}.tf`, text);
      const runtime = swapTreeSitterRuntime(undefined);
      let slow: ReturnType<typeof parseHclWithTreeSitter>;
      try {
        slow = parseHclWithTreeSitter(p, `file:///ws/${name}.tf`, text);
      } finally {
        swapTreeSitterRuntime(runtime);
      }
      assert.deepEqual(fast, slow);
      // Not vacuous: each source has something in it (or is the empty file).
      if (text) assert.ok(fast.body.attributes.length + fast.body.blocks.length > 0 || fast.problems.length > 0);
    });
  }

  test('a copy after many parses still frees its cursor and gives the same tree (cursor state written back)', async () => {
    const p = await parser();
    const text = SOURCES['resources']!;
    const first = parseHclWithTreeSitter(p, 'file:///ws/a.tf', text);
    for (let i = 0; i < 200; i++) parseHclWithTreeSitter(p, 'file:///ws/a.tf', SOURCES['deep']!);
    assert.deepEqual(parseHclWithTreeSitter(p, 'file:///ws/a.tf', text), first);
  });
});

describe('terraform syntax: binary detection', () => {
  test('NUL bytes, control characters and U+FFFD in bulk are binary; ordinary text is not', () => {
    assert.equal(looksBinary('resource "a" "b" {}\n'), false);
    assert.equal(looksBinary('a\u0000b'), true);
    assert.equal(looksBinary('\u0001'.repeat(8)), true);
    assert.equal(looksBinary('\uFFFD'.repeat(8) + 'x'.repeat(700)), true);
    assert.equal(looksBinary('\uFFFD'.repeat(7)), false);
    assert.equal(looksBinary('\uFFFD'.repeat(8) + 'x'.repeat(900)), false);
    assert.equal(looksBinary('\t\n\r\f'.repeat(100)), false);
    assert.equal(looksBinary('\u000b'.repeat(10)), true);
  });
});
