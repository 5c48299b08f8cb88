import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateFiles, offsetOf, WS } from './helpers';

const MAIN = `
variable "a" { default = "default" }
variable "b" { default = "default" }
variable "c" { default = "default" }
variable "d" { default = "default" }
resource "test" "t" {
  a = var.a
  b = var.b
  c = var.c
  d = var.d
}`;

describe('variable values', () => {
  test('default < terraform.tfvars < *.auto.tfvars (lexical) < var files (in order)', async () => {
    const r = await evaluateFiles(
      {
        'main.tf': MAIN,
        'terraform.tfvars': 'b = "tfvars"\nc = "tfvars"\nd = "tfvars"\n',
        'b.auto.tfvars': 'c = "b.auto"\nd = "b.auto"\n',
        'a.auto.tfvars': 'c = "a.auto"\n',
        'extra1.tfvars': 'd = "extra1"\n',
        'extra2.tfvars': 'd = "extra2"\n',
        'unused.tfvars': 'a = "unused"\n',
      },
      ['extra1.tfvars', 'extra2.tfvars'],
    );
    assert.equal(r.attr('test.t', 'a'), 'default');
    assert.equal(r.attr('test.t', 'b'), 'tfvars');
    assert.equal(r.attr('test.t', 'c'), 'b.auto');
    assert.equal(r.attr('test.t', 'd'), 'extra2');
  });

  test('a value from a tfvars file keeps its origin there', async () => {
    const tfvars = 'a = "10.9.0.0/16"\n';
    const r = await evaluateFiles({ 'main.tf': MAIN, 'terraform.tfvars': tfvars });
    const v = r.value('test.t', 'a');
    assert.deepEqual(v.origin, { file: `${WS}/terraform.tfvars`, start: offsetOf(tfvars, '"10.9'), end: offsetOf(tfvars, '\n') });
  });

  test('locals and a variable without a value', async () => {
    const r = await evaluateFiles({
      'main.tf': `
variable "none" {}
locals {
  base = "10.0.0.0/16"
  sub  = cidrsubnet(local.base, 4, 1)
}
resource "test" "t" {
  sub  = local.sub
  none = var.none
}`,
    });
    assert.equal(r.attr('test.t', 'sub'), '10.0.16.0/20');
    assert.equal(r.value('test.t', 'none').k, 'unknown');
    assert.deepEqual(r.problems, []);
  });
});
