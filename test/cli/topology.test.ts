// `vpc-lens topology`: the JSON graph per interfaces.md, the svg/html outputs, -o, and exit codes.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { TopologyGraph, TopologyNode } from '../../server/src/core/topology/types';
import { REPO_ROOT, SUBNET_OUTSIDE_VPC_TF, ensureCliBuilt, hasStackTrace, makeWorkspace, removeWorkspace, runCli } from './helpers';

before(() => ensureCliBuilt());

const parse = (stdout: string): TopologyGraph => JSON.parse(stdout) as TopologyGraph;
const byId = (g: TopologyGraph, id: string): TopologyNode => {
  const n = g.nodes.find((x) => x.id === id);
  assert.ok(n, `no node ${id} in ${g.nodes.map((x) => x.id).join(', ')}`);
  return n;
};

describe('vpc-lens topology --format json', () => {
  test('prints the graph of examples/: relative files, 0-based ranges, containment by parent', () => {
    const run = runCli(['topology', 'examples', '--format', 'json'], REPO_ROOT);
    assert.equal(run.status, 0, run.stderr);
    const g = parse(run.stdout);
    assert.equal(g.version, 1);
    const vpc = byId(g, 'examples::aws_vpc.main');
    assert.deepEqual([vpc.kind, vpc.file, vpc.range?.start], ['vpc', 'examples/vpc.tf', { line: 0, character: 0 }]);
    const subnet = byId(g, 'examples::aws_subnet.public[0]');
    assert.equal(subnet.file, 'examples/subnets.tf');
    assert.equal(subnet.range?.start.line, 5, 'line 6 in an editor');
    assert.equal(subnet.public, true);
    assert.equal(subnet.cidr, '10.0.0.0/24');
    assert.equal(subnet.az, 'eu-west-1a');
    assert.equal(byId(g, subnet.parent!).parent, vpc.id, 'subnet > az > vpc');
    assert.ok(g.edges.some((e) => e.kind === 'nat-egress' && e.from === 'examples::aws_subnet.private[0]' && e.to === 'examples::aws_nat_gateway.main[0]'));
    for (const n of g.nodes) {
      for (const key of Object.keys(n)) assert.ok(['id', 'kind', 'label', 'parent', 'file', 'range', 'cidr', 'az', 'public', 'findings', 'details'].includes(key), key);
    }
  });

  test('defaults to json and the current folder; findings are counted but do not change the exit code', () => {
    const root = makeWorkspace({ 'main.tf': SUBNET_OUTSIDE_VPC_TF });
    try {
      const run = runCli(['topology'], root);
      assert.equal(run.status, 0, run.stderr);
      const g = parse(run.stdout);
      const subnet = byId(g, '.::aws_subnet.outside');
      // subnet-outside-vpc (error); no subnet-implicit-route-table: the snippet manages no route table of the VPC
      assert.deepEqual(subnet.findings, { error: 1, warning: 0, info: 0 });
      assert.equal(subnet.file, 'main.tf');
    } finally {
      removeWorkspace(root);
    }
  });

  test('-o writes the file and prints nothing', () => {
    const root = makeWorkspace({ 'net/main.tf': SUBNET_OUTSIDE_VPC_TF });
    try {
      const run = runCli(['topology', 'net', '-o', 'graph.json'], root);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout, '');
      const g = parse(fs.readFileSync(path.join(root, 'graph.json'), 'utf8'));
      assert.equal(byId(g, 'net::aws_vpc.main').file, 'net/main.tf');
    } finally {
      removeWorkspace(root);
    }
  });
});

describe('vpc-lens topology --format svg|html', () => {
  let root = '';
  before(() => {
    // A name from the user's file that would be markup if it were not escaped.
    root = makeWorkspace({ 'main.tf': SUBNET_OUTSIDE_VPC_TF.replace('cidr_block = "10.1.0.0/24"', 'cidr_block = "10.1.0.0/24"\n  tags = { Name = "<script>alert(1)</script>" }') });
  });
  after(() => removeWorkspace(root));

  test('svg: a standalone SVG document', () => {
    const run = runCli(['topology', '--format', 'svg', '-o', 'net.svg'], root);
    assert.equal(run.status, 0, run.stderr);
    const svg = fs.readFileSync(path.join(root, 'net.svg'), 'utf8');
    assert.match(svg, /<svg[\s>]/);
    assert.match(svg, /xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.doesNotMatch(svg, /<script>alert/);
    assert.match(svg, /&lt;script&gt;alert/, 'the name is drawn, escaped');
  });

  test('html: a self-contained page that fetches nothing', () => {
    // To a file: the page inlines the whole renderer, more than a pipe buffer of the test runner holds.
    const run = runCli(['topology', '--format', 'html', '-o', 'net.html'], root);
    assert.equal(run.status, 0, run.stderr);
    const html = fs.readFileSync(path.join(root, 'net.html'), 'utf8');
    assert.match(html, /<html[\s>]/i);
    assert.doesNotMatch(html, /<(script|link|img)[^>]+(src|href)="https?:/i);
    assert.doesNotMatch(html, /<script>alert/);
    assert.match(html, /alert\(1\)/, 'the graph is embedded in the page');
  });
});

describe('vpc-lens topology errors', () => {
  test('a missing PATH: exit 2, one line, no stack trace', () => {
    const run = runCli(['topology', 'no-such-folder'], REPO_ROOT);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, 'vpc-lens: no such file or directory: no-such-folder\n');
  });

  test('an unknown format is a usage error', () => {
    const run = runCli(['topology', '--format', 'png'], REPO_ROOT);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /invalid value 'png' for --format \(expected json, svg, html\)/);
    assert.match(run.stderr, /usage: vpc-lens topology/);
  });

  test('an output file that cannot be written: exit 2, one line', () => {
    const root = makeWorkspace({ 'main.tf': SUBNET_OUTSIDE_VPC_TF });
    try {
      const run = runCli(['topology', '-o', 'missing-folder/graph.json'], root);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /^vpc-lens: cannot write missing-folder\/graph\.json: /);
      assert.ok(!hasStackTrace(run.stderr));
    } finally {
      removeWorkspace(root);
    }
  });

  test('help topology describes the command', () => {
    const run = runCli(['help', 'topology'], REPO_ROOT);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /vpc-lens topology \[PATH\.\.\.\] \[--format json\|svg\|html\] \[-o FILE\]/);
    assert.match(runCli(['--help'], REPO_ROOT).stdout, /topology/);
  });
});
