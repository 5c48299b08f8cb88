// The CIDR injection grammar: VS Code runs it with Oniguruma, these tests run its regexes with JavaScript's
// RegExp, which is sound only while the grammar keeps to the syntax both engines share (checked below).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const grammarPath = path.join(__dirname, '../../../syntaxes/cidr.injection.tmLanguage.json');

interface Capture {
  name: string;
}
interface Rule {
  match?: string;
  begin?: string;
  end?: string;
  name?: string;
  include?: string;
  captures?: Record<string, Capture>;
  patterns?: Rule[];
}
interface Grammar {
  scopeName: string;
  injectionSelector: string;
  patterns: Rule[];
  repository: Record<string, Rule>;
}

const grammar = JSON.parse(fs.readFileSync(grammarPath, 'utf8')) as Grammar;

const ADDRESS_SCOPE = 'constant.numeric.cidr.vpc-lens';
const PREFIX_SCOPE = 'keyword.operator.cidr-prefix.vpc-lens';

/** Every rule reachable from the top-level patterns, following `#name` includes. */
function reachableRules(): Rule[] {
  const seen = new Set<Rule>();
  const visit = (rule: Rule): void => {
    if (seen.has(rule)) return;
    seen.add(rule);
    if (rule.include?.startsWith('#')) {
      const target = grammar.repository[rule.include.slice(1)];
      assert.ok(target, `include ${rule.include} names no repository entry`);
      visit(target);
    }
    for (const child of rule.patterns ?? []) visit(child);
  };
  for (const rule of grammar.patterns) visit(rule);
  return [...seen];
}

const regexRules = reachableRules().filter((r) => r.match !== undefined);

interface Token {
  text: string;
  scope: string;
}

/** Tokenises one string's content the way a TextMate engine would with match rules only: leftmost match wins. */
function cidrTokens(text: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  while (position < text.length) {
    let best: { match: RegExpExecArray; rule: Rule } | undefined;
    for (const rule of regexRules) {
      const re = new RegExp(rule.match ?? '', 'gd');
      re.lastIndex = position;
      const match = re.exec(text);
      if (match && (!best || match.index < best.match.index)) best = { match, rule };
    }
    if (!best) break;
    const indices = best.match.indices ?? [];
    for (const [group, capture] of Object.entries(best.rule.captures ?? {})) {
      const span = indices[Number(group)];
      if (span) tokens.push({ text: text.slice(span[0], span[1]), scope: capture.name });
    }
    position = best.match.index + Math.max(best.match[0].length, 1);
  }
  return tokens;
}

/** The CIDR blocks the grammar marks in a string, as `address + prefix` texts. */
function markedCidrs(text: string): string[] {
  const tokens = cidrTokens(text);
  const blocks: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.scope !== ADDRESS_SCOPE) continue;
    const prefix = tokens[i + 1];
    assert.equal(prefix?.scope, PREFIX_SCOPE, `address ${token.text} has no prefix token after it`);
    blocks.push(token.text + prefix.text);
  }
  return blocks;
}

/** Minimal TextMate scope-selector check: each space-separated part must prefix-match a scope, in order. */
function selectorMatches(selector: string, scopes: string[]): boolean {
  const [include, ...excludes] = selector.replace(/^L:/, '').split(/\s+-/);
  const matchesPath = (path: string): boolean => {
    let at = 0;
    for (const part of path.trim().split(/\s+/)) {
      while (at < scopes.length && !(scopes[at] === part || scopes[at]!.startsWith(part + '.'))) at++;
      if (at === scopes.length) return false;
      at++;
    }
    return true;
  };
  return matchesPath(include ?? '') && !excludes.some((ex) => matchesPath(ex));
}

function injectedInto(scopes: string[]): boolean {
  return grammar.injectionSelector.split(',').some((selector) => selectorMatches(selector.trim(), scopes));
}

describe('CIDR injection grammar: file', () => {
  test('is an injection grammar with the scope name package.json refers to', () => {
    assert.equal(grammar.scopeName, 'cidr.injection.vpc-lens');
    assert.ok(grammar.injectionSelector.length > 0);
    assert.ok(regexRules.length >= 2, 'expected an IPv4 and an IPv6 rule');
  });

  test('every regex compiles in JavaScript and avoids Oniguruma-only syntax', () => {
    // Oniguruma-only: \h \H hex classes, \A \z \Z \G anchors, atomic groups, possessive quantifiers, inline flags.
    const onigurumaOnly = /\\[hHAzZG]|\(\?>|[*+?}]\+|\(\?[imx]+[:)]/;
    for (const rule of reachableRules()) {
      for (const source of [rule.match, rule.begin, rule.end]) {
        if (source === undefined) continue;
        assert.doesNotThrow(() => new RegExp(source), `does not compile: ${source}`);
        assert.doesNotMatch(source, onigurumaOnly, `uses Oniguruma-only syntax: ${source}`);
        // Lookbehind must be fixed-length for Oniguruma: keep it to a single character class.
        for (const lookbehind of source.match(/\(\?<[!=][^)]*\)/g) ?? []) {
          assert.match(lookbehind, /^\(\?<[!=]\[[^\]]+\]\)$/, `variable lookbehind: ${lookbehind}`);
        }
      }
    }
  });

  test('marks the address and the prefix with their own scopes', () => {
    assert.deepEqual(cidrTokens('10.0.1.0/24'), [
      { text: '10.0.1.0', scope: ADDRESS_SCOPE },
      { text: '/24', scope: PREFIX_SCOPE },
    ]);
    assert.deepEqual(cidrTokens('2001:db8::/56'), [
      { text: '2001:db8::', scope: ADDRESS_SCOPE },
      { text: '/56', scope: PREFIX_SCOPE },
    ]);
  });
});

describe('CIDR injection grammar: which strings it marks', () => {
  const marked: Array<[string, string[]]> = [
    ['10.0.0.0/16', ['10.0.0.0/16']],
    ['10.0.1.0/24', ['10.0.1.0/24']],
    ['0.0.0.0/0', ['0.0.0.0/0']],
    ['255.255.255.255/32', ['255.255.255.255/32']],
    ['10.0.7.1/24', ['10.0.7.1/24']], // host bits set: still a CIDR, the diagnostic explains the problem
    ['2001:db8::/56', ['2001:db8::/56']],
    ['fd00:1::/64', ['fd00:1::/64']],
    ['::/0', ['::/0']],
    ['2001:0db8:0000:0000:0000:0000:0000:0001/128', ['2001:0db8:0000:0000:0000:0000:0000:0001/128']],
    ['FD00:ABCD::/48', ['FD00:ABCD::/48']],
    ['allow 10.0.0.0/8, 172.16.0.0/12 and fd00::/8', ['10.0.0.0/8', '172.16.0.0/12', 'fd00::/8']],
    ['10.0.0.0/16,10.1.0.0/16', ['10.0.0.0/16', '10.1.0.0/16']],
    ['cidr=(192.168.0.0/16)', ['192.168.0.0/16']],
  ];
  for (const [text, expected] of marked) {
    test(`marks ${JSON.stringify(text)}`, () => assert.deepEqual(markedCidrs(text), expected));
  }

  const plain: Array<[string, string]> = [
    ['10.0.0.0', 'an address without a prefix'],
    ['2001:db8::1', 'an IPv6 address without a prefix'],
    ['1.2.3/4.5', 'a version-like string'],
    ['1.2.3.4/5.6', 'four numbers and a decimal after the slash'],
    ['v1.2.3.4/5', 'a version with a letter before it'],
    ['a10.0.0.0/8b', 'a CIDR glued to letters on both sides'],
    ['10.0.0.0/8b', 'a CIDR glued to a letter after the prefix'],
    ['x10.0.0.0/8', 'a CIDR glued to a letter before it'],
    ['10.0.0.0/33', 'an IPv4 prefix over 32'],
    ['10.0.256.0/24', 'an octet over 255'],
    ['1.10.0.0.0/8', 'five octets'],
    ['2001:db8::/129', 'an IPv6 prefix over 128'],
    ['2001:db8:::/64', 'three colons in a row'],
    ['arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-0abc', 'an ARN'],
    ['https://example.com/10.0.0.0', 'a URL path'],
    ['12:30/45', 'a time-like string'],
  ];
  for (const [text, why] of plain) {
    test(`leaves ${why} plain: ${JSON.stringify(text)}`, () => assert.deepEqual(markedCidrs(text), []));
  }
});

describe('CIDR injection grammar: where it is injected', () => {
  // Scope stacks the host grammars give string contents (HashiCorp's Terraform/HCL grammar, VS Code's JSON,
  // YAML and TypeScript grammars).
  const strings: Array<[string, string[]]> = [
    ['a Terraform string', ['source.hcl.terraform', 'meta.block.hcl', 'string.quoted.double.hcl']],
    ['a Terraform heredoc', ['source.hcl.terraform', 'meta.block.hcl', 'string.unquoted.heredoc.hcl']],
    ['a JSON string value', ['source.json', 'meta.structure.dictionary.value.json', 'string.quoted.double.json']],
    ['a plain YAML scalar', ['source.yaml', 'string.unquoted.plain.out.yaml']],
    ['a plain YAML scalar in a flow sequence', ['source.yaml', 'meta.flow-sequence.yaml', 'string.unquoted.plain.in.yaml']],
    ['a quoted YAML scalar', ['source.yaml', 'string.quoted.single.yaml']],
    ['a TypeScript string', ['source.ts', 'meta.var.expr.ts', 'string.quoted.single.ts']],
    ['a TypeScript template literal', ['source.ts', 'string.template.ts']],
  ];
  for (const [what, scopes] of strings) {
    test(`is injected into ${what}`, () => assert.ok(injectedInto(scopes), scopes.join(' ')));
  }

  const notStrings: Array<[string, string[]]> = [
    ['a Terraform comment', ['source.hcl.terraform', 'comment.line.number-sign.hcl']],
    ['a TypeScript comment', ['source.ts', 'comment.line.double-slash.ts']],
    ['a TypeScript string inside a doc comment', ['source.ts', 'comment.block.documentation.ts', 'string.quoted.double.ts']],
    ['Terraform code outside strings', ['source.hcl.terraform', 'meta.block.hcl', 'constant.numeric.integer.hcl']],
  ];
  for (const [what, scopes] of notStrings) {
    test(`is not injected into ${what}`, () => assert.ok(!injectedInto(scopes), scopes.join(' ')));
  }
});

describe('CIDR injection grammar: the package.json contribution', () => {
  interface GrammarContribution {
    scopeName?: string;
    path?: string;
    injectTo?: string[];
  }
  const repoRoot = path.join(__dirname, '../../..');
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    contributes?: { grammars?: GrammarContribution[] };
  };
  const contribution = (manifest.contributes?.grammars ?? []).find(
    (g) => g.path !== undefined && path.resolve(repoRoot, g.path) === grammarPath,
  );

  test('contributes the grammar file, which exists, under the grammar’s own scope name', () => {
    assert.ok(contribution, 'package.json contributes.grammars has no entry for syntaxes/cidr.injection.tmLanguage.json');
    assert.ok(fs.existsSync(path.resolve(repoRoot, contribution.path!)), `${contribution.path} does not exist`);
    assert.equal(contribution.scopeName, grammar.scopeName);
  });

  // VS Code injects only into grammars whose scope name is listed exactly: HashiCorp's extension names its
  // Terraform grammar source.hcl.terraform and its HCL grammar source.hcl; source.terraform is the older
  // community Terraform grammar. Each comes with the scopes its strings get, which the selector must reach.
  const hosts: Array<[string, string[]]> = [
    ['source.hcl', ['source.hcl', 'meta.block.hcl', 'string.quoted.double.hcl']],
    ['source.hcl.terraform', ['source.hcl.terraform', 'meta.block.hcl', 'string.quoted.double.hcl']],
    ['source.terraform', ['source.terraform', 'string.quoted.double.terraform']],
    ['source.json', ['source.json', 'string.quoted.double.json']],
    ['source.yaml', ['source.yaml', 'string.unquoted.plain.out.yaml']],
    ['source.ts', ['source.ts', 'string.quoted.single.ts']],
  ];
  for (const [host, stringScopes] of hosts) {
    test(`is injected into ${host} and reaches its strings`, () => {
      assert.ok(contribution?.injectTo?.includes(host), `injectTo lacks ${host}: ${JSON.stringify(contribution?.injectTo)}`);
      assert.ok(injectedInto(stringScopes), stringScopes.join(' '));
    });
  }
});
