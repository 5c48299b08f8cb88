import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Parser } from 'web-tree-sitter';
import { loadGrammars } from '../../../server/src/host/grammars';
import type { Body } from '../../../server/src/core/frontends/terraform/syntax/ast';
import { parseHcl, parseHclWithTreeSitter } from '../../../server/src/core/frontends/terraform/syntax/parse';
import { parseHclFast } from '../../../server/src/core/frontends/terraform/syntax/fast';
import { generateWorkspace } from '../../bench/workspace';
import { REJECTED_SNIPPETS, TRICKY_SNIPPETS } from './fastParseSnippets';

// The hand-written parser must give exactly the AST of the tree-sitter path (spans included) for every file
// it accepts, and must never accept a file in which tree-sitter finds a syntax error (users would lose the
// diagnostics). Every check compares against the tree-sitter path itself, never against expectations
// written by hand.

const REPO = path.resolve(__dirname, '../../..');
const URI = 'file:///ws/main.tf';
let parser: Parser;

before(async () => {
  const g = await loadGrammars();
  parser = new Parser();
  parser.setLanguage(g.terraform);
});

function treeSitterHasError(text: string): boolean {
  const tree = parser.parse(text);
  assert.ok(tree, 'tree-sitter gave no tree');
  try {
    return tree.rootNode.hasError;
  } finally {
    tree.delete();
  }
}

function treeSitterBody(text: string): Body {
  return parseHclWithTreeSitter(parser, URI, text).body;
}

function hclFiles(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === '.terraform') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) hclFiles(p, out);
    else if (e.name.endsWith('.tf') || e.name.endsWith('.tfvars')) out.push(p);
  }
  return out;
}

interface Comparison {
  readonly clean: number;
  readonly accepted: number;
  readonly declinedClean: string[];
}

/** Asserts the fast parser's contract on each file; counts what it accepted. */
function compareFiles(files: readonly string[]): Comparison {
  let clean = 0;
  let accepted = 0;
  const declinedClean: string[] = [];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const fast = parseHclFast(text);
    const hasError = treeSitterHasError(text);
    if (hasError) {
      assert.equal(fast, undefined, `${file}: accepted, but tree-sitter finds a syntax error`);
      continue;
    }
    clean++;
    if (!fast) {
      declinedClean.push(path.relative(REPO, file));
      continue;
    }
    accepted++;
    assert.deepStrictEqual(fast, treeSitterBody(text), `${file}: the fast AST differs from tree-sitter's`);
  }
  return { clean, accepted, declinedClean };
}

describe('terraform fast parser: same AST as tree-sitter on the repository files', () => {
  test('examples/: every file accepted, every AST equal', () => {
    const files = hclFiles(path.join(REPO, 'examples'));
    assert.ok(files.length >= 5, `only ${files.length} example files found`);
    const r = compareFiles(files);
    assert.deepEqual(r.declinedClean, [], 'example files left to tree-sitter');
    assert.equal(r.accepted, files.length);
  });

  test('test fixtures (unit, e2e, lsp): ASTs equal, and over 90% of the clean files accepted', (t) => {
    const files = ['test/fixtures', 'test/e2e', 'test/lsp'].flatMap((d) => hclFiles(path.join(REPO, d)));
    assert.ok(files.length >= 50, `only ${files.length} fixture files found`);
    const r = compareFiles(files);
    t.diagnostic(`fixtures: ${r.accepted} of ${r.clean} clean files accepted (${files.length} files)`);
    if (r.declinedClean.length > 0) t.diagnostic(`declined: ${r.declinedClean.join(', ')}`);
    assert.ok(r.accepted > 0.9 * r.clean, `only ${r.accepted} of ${r.clean} clean fixture files accepted`);
  });

  describe('a generated bench workspace (1k resources)', () => {
    let dir: string;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vpclens-fastparse-'));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    test('every file accepted, every AST equal', () => {
      const ws = generateWorkspace(dir, 1000, 4242);
      assert.ok(ws.files.length > 10, `only ${ws.files.length} files generated`);
      const r = compareFiles(ws.files);
      assert.deepEqual(r.declinedClean, []);
      assert.equal(r.accepted, ws.files.length);
    });
  });
});

describe('terraform fast parser: tricky forms', () => {
  for (const [name, text] of Object.entries(TRICKY_SNIPPETS)) {
    test(`accepted with tree-sitter's AST: ${name}`, () => {
      assert.equal(treeSitterHasError(text), false, 'the snippet itself should be valid for tree-sitter');
      const fast = parseHclFast(text);
      assert.ok(fast, 'declined');
      assert.deepStrictEqual(fast, treeSitterBody(text));
    });
  }

  for (const [name, text] of Object.entries(REJECTED_SNIPPETS)) {
    test(`declined like tree-sitter rejects it: ${name}`, () => {
      assert.equal(treeSitterHasError(text), true, 'the snippet should be a syntax error for tree-sitter');
      assert.equal(parseHclFast(text), undefined);
    });
  }

  test('precedence and associativity: binary operators as tree-sitter nests them, conditional chains as HCL reads them', () => {
    const value = (text: string) => parseHclFast(text)?.attributes[0]?.value;
    const sum = value('x = a + b * c\n');
    assert.ok(sum?.kind === 'binary' && sum.op === '+' && sum.right.kind === 'binary' && sum.right.op === '*');
    // HCL's reading (hclsyntax parses the false result as a whole expression), not tree-sitter's `(a ? b : c) ? d : e`.
    const chain = value('x = a ? b : c ? d : e ? f : g\n');
    assert.ok(chain?.kind === 'conditional' && chain.cond.kind === 'scope' && chain.cond.root === 'a');
    assert.ok(chain.else.kind === 'conditional' && chain.else.cond.kind === 'scope' && chain.else.cond.root === 'c');
    assert.ok(chain.else.else.kind === 'conditional' && chain.else.else.cond.kind === 'scope' && chain.else.else.cond.root === 'e');
    assert.deepEqual([chain.else.start, chain.else.end, chain.else.else.start], [12, 29, 20]);
    const grouped = value('x = (a ? b : c) ? d : e\n');
    assert.ok(grouped?.kind === 'conditional' && grouped.cond.kind === 'paren', 'a parenthesised condition stays as written');
    const neg = value('x = -a.b\n');
    assert.ok(neg?.kind === 'unary' && neg.operand.kind === 'scope' && neg.operand.steps.length === 1);
  });
});

/** Small deterministic PRNG (mulberry32). */
function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('terraform fast parser: mutation fuzz against tree-sitter', () => {
  test('single-character edits of fixtures and snippets: never accepted when tree-sitter errs, equal when accepted', (t) => {
    const sources = [
      ...hclFiles(path.join(REPO, 'test/fixtures')).map((f) => fs.readFileSync(f, 'utf8')),
      ...hclFiles(path.join(REPO, 'examples')).map((f) => fs.readFileSync(f, 'utf8')),
      ...Object.values(TRICKY_SNIPPETS),
      ...Object.values(TRICKY_SNIPPETS),
    ].filter((s) => s.length > 0);
    const chars = '{}[]()"=\n$%<>*.,:?!~#/ -\\';
    const random = seeded(20240607);
    const mutants = 4000;
    let rejected = 0;
    let accepted = 0;
    for (let i = 0; i < mutants; i++) {
      let text = sources[Math.floor(random() * sources.length)]!;
      const edits = random() < 0.25 ? 2 : 1;
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(random() * (text.length + 1));
        text =
          random() < 0.5 && text.length > 0
            ? text.slice(0, at) + text.slice(at + 1)
            : text.slice(0, at) + chars[Math.floor(random() * chars.length)] + text.slice(at);
      }
      const fast = parseHclFast(text);
      if (treeSitterHasError(text)) {
        rejected++;
        assert.equal(fast, undefined, `mutant ${i} accepted, but tree-sitter finds a syntax error:\n${text}`);
      } else if (fast) {
        accepted++;
        assert.ok(isDeepStrictEqual(fast, treeSitterBody(text)), `mutant ${i}: the fast AST differs:\n${text}`);
      }
    }
    t.diagnostic(`${mutants} mutants: ${rejected} syntax errors (all declined), ${accepted} accepted and equal`);
    // Not vacuous: both sides of the contract were exercised.
    assert.ok(rejected > mutants / 5 && accepted > mutants / 5, `rejected ${rejected}, accepted ${accepted}`);
  });
});

describe('terraform fast parser: never throws, never hangs', () => {
  test('a 5 MB file is accepted quickly', () => {
    const unit = TRICKY_SNIPPETS['realistic resource']!;
    const copies = Math.ceil((5 * 1024 * 1024) / unit.length);
    const text = unit.repeat(copies);
    const body = parseHclFast(text);
    assert.ok(body, 'declined');
    assert.equal(body.blocks.length, copies);
    assert.equal(body.blocks[copies - 1]!.end, text.length - 1);
  });

  test('10,000 levels of nesting are declined (tree-sitter then reports the depth), in every nesting form', () => {
    const n = 10_000;
    const forms: Record<string, string> = {
      tuples: `x = ${'['.repeat(n)}1${']'.repeat(n)}\n`,
      objects: `x = ${'{a = '.repeat(n)}1${'}'.repeat(n)}\n`,
      parentheses: `x = ${'('.repeat(n)}1${')'.repeat(n)}\n`,
      unary: `x = ${'-'.repeat(n)}1\n`,
      calls: `x = ${'f('.repeat(n)}1${')'.repeat(n)}\n`,
      indexes: `x = ${'a['.repeat(n)}1${']'.repeat(n)}\n`,
      blocks: `${'b {\n'.repeat(n)}${'}\n'.repeat(n)}`,
      templates: `x = ${'"${'.repeat(n)}1${'}"'.repeat(n)}\n`,
      binary: `x = ${Array.from({ length: n }, () => '1').join(' + ')}\n`,
      conditionals: `x = a${' ? b : c'.repeat(n)}\n`,
      unclosed: `x = ${'['.repeat(n)}\n`,
    };
    for (const [name, text] of Object.entries(forms)) {
      assert.equal(parseHclFast(text), undefined, `${name}: accepted`);
    }
    const viaParse = parseHcl(parser, URI, `locals {\n  x = ${'['.repeat(n)}1${']'.repeat(n)}\n}\n`);
    assert.ok(
      viaParse.problems.some((p) => p.code === 'parse-error'),
      'the tree-sitter path should report the nesting',
    );
  });

  test('junk (control characters, NUL, lone surrogates, random bytes) never throws', () => {
    const random = seeded(7);
    for (let i = 0; i < 300; i++) {
      const length = Math.floor(random() * 200);
      let text = '';
      for (let k = 0; k < length; k++) text += String.fromCharCode(Math.floor(random() * (random() < 0.8 ? 128 : 0xffff)));
      const body = parseHclFast(text);
      assert.ok(body === undefined || Array.isArray(body.attributes));
    }
    assert.equal(parseHclFast('x = "a\u0000b"\n'), undefined);
    assert.equal(parseHclFast('\ufeffx = 1\n'), undefined, 'a byte-order mark is left to tree-sitter');
  });
});

describe('terraform fast parser: wired into parseHcl', () => {
  test('a clean file takes the fast path: same body, no problems', () => {
    const text = TRICKY_SNIPPETS['realistic resource']!;
    const result = parseHcl(parser, URI, text);
    assert.deepEqual(result.problems, []);
    assert.deepStrictEqual(result.body, parseHclFast(text));
    assert.deepStrictEqual(result.body, treeSitterBody(text));
  });

  test('a file with a syntax error still gets tree-sitter diagnostics and the salvaged blocks', () => {
    const text = 'resource "a" "one" {\n  x = = 1\n}\nresource "a" "two" {\n  y = 2\n}\n';
    assert.equal(parseHclFast(text), undefined);
    const result = parseHcl(parser, URI, text);
    assert.ok(result.problems.length > 0, 'no syntax error reported');
    assert.equal(result.problems[0]!.span.start >= text.indexOf('= ='), true);
    assert.ok(result.body.blocks.some((b) => b.labels[1]?.value === 'two'), 'the clean block was not salvaged');
  });

  test('binary text is still screened before either parser', () => {
    const result = parseHcl(parser, URI, 'x = 1\u0000');
    assert.equal(result.problems[0]?.code, 'parse-error');
    assert.deepEqual(result.body.attributes, []);
  });

  test('binary junk without NUL bytes is screened once the fast parser declines it', () => {
    const junk = Array.from({ length: 4000 }, (_, i) => String.fromCharCode(1 + ((i * 7919) % 255))).join('') + '\uFFFD'.repeat(50);
    const result = parseHcl(parser, URI, junk);
    assert.equal(result.problems.length, 1);
    assert.match(result.problems[0]!.message, /not text/);
  });

  test('valid HCL is analysed even when its comments are full of undecodable bytes', () => {
    const text = `# ${'\uFFFD'.repeat(40)}\nx = "10.0.0.0/16"\n`;
    const result = parseHcl(parser, URI, text);
    assert.deepEqual(result.problems, []);
    assert.equal(result.body.attributes[0]?.name, 'x');
  });
});
