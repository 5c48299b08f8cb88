import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { evalExpr } from './helpers';

async function check(expression: string, expected: unknown, prelude = ''): Promise<void> {
  const { plain, problems } = await evalExpr(expression, prelude);
  assert.deepEqual(plain, expected, `${expression}`);
  assert.deepEqual(problems, [], `${expression} reported problems`);
}

async function checkError(expression: string, messagePart: string): Promise<void> {
  const { value, problems } = await evalExpr(expression);
  assert.equal(value.k, 'unknown', `${expression} should be unknown`);
  assert.equal(problems.length, 1, `${expression}: ${JSON.stringify(problems)}`);
  assert.equal(problems[0]!.code, 'evaluation');
  assert.equal(problems[0]!.severity, 'warning');
  assert.match(problems[0]!.message, new RegExp(messagePart));
}

describe('terraform functions: CIDR', () => {
  test('cidrsubnet', () => check('cidrsubnet("10.0.0.0/16", 8, 2)', '10.0.2.0/24'));
  test('cidrsubnets', () => check('cidrsubnets("10.1.0.0/16", 4, 4, 8, 4)', ['10.1.0.0/20', '10.1.16.0/20', '10.1.32.0/24', '10.1.48.0/20']));
  test('cidrhost', () => check('cidrhost("10.0.1.0/24", 5)', '10.0.1.5'));
  test('cidrhost counts from the end with a negative number', () => check('cidrhost("10.0.1.0/24", -2)', '10.0.1.254'));
  test('cidrnetmask', () => check('cidrnetmask("10.0.0.0/12")', '255.240.0.0'));
  test('bad cidrsubnet arguments give unknown and a warning at the call', async () => {
    const { value, problems } = await evalExpr('cidrsubnet("10.0.0.0/28", 8, 0)');
    assert.equal(value.k, 'unknown');
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /^cidrsubnet: /);
    assert.match(problems[0]!.message, /28 by 8/);
  });
  test('a netnum too large for the extension is a warning', () => checkError('cidrsubnet("10.0.0.0/16", 2, 4)', 'cidrsubnet: .*accommodate'));
  test('unknown arguments give unknown silently', async () => {
    const { value, problems } = await evalExpr('cidrsubnet(var.nothing, 8, 1)', 'variable "nothing" {}');
    assert.equal(value.k, 'unknown');
    assert.deepEqual(problems, []);
  });
});

describe('terraform functions: collections', () => {
  test('element wraps around', () => check('element(["a", "b", "c"], 4)', 'b'));
  test('concat', () => check('concat(["a"], ["b", "c"], [])', ['a', 'b', 'c']));
  test('lookup with default', () => check('lookup({a = 1}, "b", 7)', 7));
  test('lookup found', () => check('lookup({a = 1}, "a", 7)', 1));
  test('merge: later wins', () => check('merge({a = 1, b = 2}, {b = 3})', { a: 1, b: 3 }));
  test('length of list, map and string', () => check('[length([1, 2]), length({a = 1}), length("héllo")]', [2, 1, 5]));
  test('range', () => check('[range(3), range(1, 4), range(0, 10, 5)]', [[0, 1, 2], [1, 2, 3], [0, 5]]));
  test('keys and values are sorted by key', () => check('[keys({b = 1, a = 2}), values({b = 1, a = 2})]', [['a', 'b'], [2, 1]]));
  test('zipmap', () => check('zipmap(["a", "b"], [1, 2])', { a: 1, b: 2 }));
  test('flatten', () => check('flatten([["a"], [["b"]], "c"])', ['a', 'b', 'c']));
  test('contains, distinct, slice, reverse, sort', () =>
    check('[contains(["a"], "a"), distinct(["a", "a", "b"]), slice([1, 2, 3], 1, 3), reverse([1, 2]), sort(["b", "a"])]', [
      true,
      ['a', 'b'],
      [2, 3],
      [2, 1],
      ['a', 'b'],
    ]));
  test('a slice of a list known only at apply has its length and numbering known', () =>
    check(
      '[length(slice(var.zones, 0, 3)), [for i, zone in slice(var.zones, 1, 3) : cidrsubnet("10.0.0.0/16", 8, i)], length(slice(var.zones, 2, 2))]',
      [3, ['10.0.0.0/24', '10.0.1.0/24'], 0],
      'variable "zones" {}',
    ));
  test("data.aws_availability_zones' names: element i is the symbolic az#i, the length stays unknown", async () => {
    const prelude = 'data "aws_availability_zones" "available" {}';
    await check(
      '[data.aws_availability_zones.available.names[1], slice(data.aws_availability_zones.available.names, 1, 3), [for i, az in slice(data.aws_availability_zones.available.names, 0, 2) : "${az}:${i}"]]',
      ['az#1', ['az#1', 'az#2'], ['az#0:0', 'az#1:1']],
      prelude,
    );
    // element() wraps around the list's length, which is not known: which AZ it gives is not known either. And
    // the text of a symbolic name is not the AZ's: what a function reads from it is unknown (the module idiom
    // `length(regexall("^[a-z]{2}-", az)) > 0` tells a name from an id).
    for (const expression of [
      'length(data.aws_availability_zones.available.names)',
      'element(data.aws_availability_zones.available.names, 3)',
      'length(regexall("^[a-z]{2}-", data.aws_availability_zones.available.names[0]))',
      'upper(slice(data.aws_availability_zones.available.names, 0, 1)[0])',
      'data.aws_availability_zones.available.zone_ids[0]',
      'data.aws_availability_zones.available.names[var.n]',
    ]) {
      const { value, problems } = await evalExpr(expression, `${prelude}\nvariable "n" {}`);
      assert.equal(value.k, 'unknown', expression);
      assert.deepEqual(problems, [], expression);
    }
  });
  test('a slice of an unknown list still rejects a start after the end', async () => {
    const { value, problems } = await evalExpr('slice(var.zones, 2, 1)', 'variable "zones" {}');
    assert.equal(value.k, 'unknown');
    assert.deepEqual(
      problems.map((p) => p.message),
      ['slice: indexes 2..1 are out of range'],
    );
  });
  test('compact and one', () => check('[compact(["a", "", null, "b"]), one(["x"]), one([])]', [['a', 'b'], 'x', null]));
  test('toset dedupes and sorts strings; tolist and tomap keep', () =>
    check('[toset(["b", "a", "b"]), tolist(["x"]), tomap({a = 1})]', [['a', 'b'], ['x'], { a: 1 }]));
  test('coalesce skips null and empty strings', () => check('coalesce(null, "", "x")', 'x'));
  test('try returns the first argument without an error', () => check('try(local.m.missing, "fallback")', 'fallback', 'locals { m = {} }'));
  test('can', () => check('[can(local.m.missing), can(local.m)]', [false, true], 'locals { m = {} }'));
  test('function call argument expansion', () => check('min([5, 2, 9]...)', 2));
  test('element of an empty list is a warning', () => checkError('element([], 0)', 'element: '));
  test('range of a million elements is unknown with a problem', () => checkError('range(1000000)', 'more than VPC Lens evaluates'));
});

describe('terraform functions: strings and numbers', () => {
  test('format verbs', () =>
    check('format("%s-%d-%02d-%v-%.2f-%5s|%-3s|%%", "a", 7, 3, true, 3.14159, "x", "y")', 'a-7-03-true-3.14-    x|y  |%'));
  test('formatlist', () => check('formatlist("%s-%d", ["a", "b"], 1)', ['a-1', 'b-1']));
  test('join and split', () => check('[join(",", ["a", "b"]), split(",", "a,b")]', ['a,b', ['a', 'b']]));
  test('lower, upper, trimspace, replace, substr', () =>
    check('[lower("AB"), upper("ab"), trimspace("  x "), replace("a-b-c", "-", "."), substr("hello", 1, 3)]', [
      'ab',
      'AB',
      'x',
      'a.b.c',
      'ell',
    ]));
  test('replace with a regular expression', () => check('replace("a1b22", "/[0-9]+/", "#")', 'a#b#'));
  test('regex and regexall: the match, its groups as a list, its named groups as a map', () =>
    check(
      '[regex("[0-9]+", "subnet-42"), regex("^([a-z]+)-([0-9]+)$", "subnet-42"), regex("^(?P<region>[a-z]{2}-[a-z]+-[0-9])(?P<zone>[a-z])$", "eu-west-1a"), regexall("[0-9]+", "10.0.1.0/24"), regexall("x", "abc")]',
      ['42', ['subnet', '42'], { region: 'eu-west-1', zone: 'a' }, ['10', '0', '1', '0', '24'], []],
    ));
  test("terraform-aws-modules/vpc's AZ idiom: a name (eu-west-1a) is an availability_zone, an id (euw1-az1) is not", () =>
    check('[for az in ["eu-west-1a", "euw1-az1"] : length(regexall("^[a-z]{2}-", az)) > 0 ? az : null]', ['eu-west-1a', null]));
  test('regex that does not match is an error, which can() catches', async () => {
    await checkError('regex("^pl-", "10.0.0.0/8")', 'regex: the pattern did not match');
    await check('[can(regex("^pl-", "10.0.0.0/8")), can(regex("^pl-", "pl-0123"))]', [false, true]);
  });
  test('patterns JavaScript would read differently from RE2, or could backtrack on for ever, stay unknown', async () => {
    for (const pattern of ['(a+)+$', '[[:alpha:]]+', '\\\\Qa.b\\\\E', 'a(?i)b', '(x|y)*z']) {
      const { value, problems } = await evalExpr(`regexall("${pattern}", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!")`);
      assert.equal(value.k, 'unknown', pattern);
      assert.deepEqual(problems, [], pattern);
    }
    await check('[regex("(?i)^EU-", "eu-west-1"), regex("(?:ab)c", "xabc")]', ['eu-', 'abc']);
  });
  test('startswith, endswith, tostring, tonumber', () =>
    check('[startswith("abc", "ab"), endswith("abc", "bc"), tostring(5), tonumber("7")]', [true, true, '5', 7]));
  test('min, max, abs, ceil, floor', () => check('[min(3, 1), max(3, 1), abs(-2), ceil(1.2), floor(1.8)]', [1, 3, 2, 2, 1]));
  test('jsonencode sorts keys', () => check('jsonencode({b = 1, a = [true]})', '{"a":[true],"b":1}'));
  test('an unknown function is unknown without a problem', async () => {
    const { value, problems } = await evalExpr('provider::aws::arn_parse("x")');
    assert.equal(value.k, 'unknown');
    assert.deepEqual(problems, []);
  });
});

describe('terraform expressions', () => {
  test('arithmetic, comparison and logic', () =>
    check('[1 + 2 * 3, (1 + 2) * 3, 7 % 3, 5 / 2, -3, 2 > 1, 1 >= 2, 1 == 1, "a" != "a", true && false, true || false, !true]', [
      7, 9, 1, 2.5, -3, true, false, true, false, false, true, false,
    ]));
  test('numbers in strings convert for arithmetic', () => check('"5" + 1', 6));
  test('conditional', () => check('[true ? "a" : "b", 1 > 2 ? "a" : "b"]', ['a', 'b']));
  test('a conditional chain reads as Terraform reads it: the false result is the rest of the chain', () =>
    check('[true ? "a" : false ? "b" : "c", false ? "a" : true ? "b" : "c", false ? "a" : false ? "b" : "c", true ? 1 : 2 == 2 ? 3 : 4]', [
      'a',
      'b',
      'c',
      1,
    ]));
  test('templates with interpolation and directives', () =>
    check('"a-${1 + 1}-%{ if true }yes%{ else }no%{ endif }-%{ for x in ["p", "q"] }${x}%{ endfor }"', 'a-2-yes-pq'));
  test('escapes', () => check('"tab\\tquote\\" $${literal} \\u00e9"', 'tab\tquote" ${literal} é'));
  test('heredoc with indentation stripped', () => check('<<-EOT\n    line ${1}\n      indented\n  EOT', 'line 1\n  indented\n'));
  test('for expressions over lists and maps, with if and grouping', () =>
    check(
      '[[for i, x in ["a", "b"] : "${i}${x}"], {for k, v in {a = 1, b = 2} : v => k}, [for x in [1, 2, 3] : x if x > 1], {for x in ["a", "ab", "b"] : substr(x, 0, 1) => x...}]',
      [['0a', '1b'], { 1: 'a', 2: 'b' }, [2, 3], { a: ['a', 'ab'], b: ['b'] }],
    ));
  test('splat on a list of objects (full and legacy)', () =>
    check('[local.l[*].n, local.l.*.n]', [[1, 2], [1, 2]], 'locals { l = [{ n = 1 }, { n = 2 }] }'));
  test('indexes and attributes', () => check('local.m.a[1].b', 'x', 'locals { m = { a = [{}, { b = "x" }] } }'));
  test('path.module and terraform.workspace', () => check('[path.module, terraform.workspace]', ['.', 'default']));
  test('data sources are unknown', async () => {
    const { value, problems } = await evalExpr('data.aws_vpc.x.cidr_block');
    assert.equal(value.k, 'unknown');
    assert.deepEqual(problems, []);
  });
});
