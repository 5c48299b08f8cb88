// `check` in-process with a fake front-end whose problems sit at known places, so the whole path from
// spans to printed lines, ranges, exit codes and settings is pinned down independently of the real rules.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../../server/src/cli/main';
import type { CliIo } from '../../server/src/cli/io';
import { Workspace } from '../../server/src/core/analysis/workspace';
import type { FrontEnd, ParsedFile, SourceProblem } from '../../server/src/core/frontends/types';
import { makeWorkspace, removeWorkspace } from './helpers';

/** Reports `BROKEN` as a parse error and `SHAKY` as an evaluation warning, wherever they are written. */
function fakeFrontEnd(options: { buildThrows?: boolean } = {}): FrontEnd {
  const find = (uri: string, text: string, word: string, code: SourceProblem['code'], severity: SourceProblem['severity']) =>
    [...text.matchAll(new RegExp(word, 'g'))].map((m) => ({
      code,
      severity,
      message: `${word} found`,
      span: { file: uri, start: m.index!, end: m.index! + word.length },
    }));
  return {
    id: 'terraform',
    claims: (uri) => uri.endsWith('.tf'),
    parse: (uri, text): ParsedFile => ({
      uri,
      frontEnd: 'terraform',
      problems: [...find(uri, text, 'BROKEN', 'parse-error', 'error'), ...find(uri, text, 'SHAKY', 'evaluation', 'warning')],
    }),
    build: () => {
      if (options.buildThrows) throw new Error('boom');
      return { units: [] };
    },
  };
}

interface Captured {
  code: number;
  out: string;
  err: string;
}

async function check(cwd: string, args: string[], options: { tty?: boolean; env?: Record<string, string>; buildThrows?: boolean } = {}): Promise<Captured> {
  let out = '';
  let err = '';
  const io: CliIo = {
    cwd,
    env: options.env ?? {},
    stdoutIsTty: options.tty ?? false,
    out: (t) => void (out += t),
    err: (t) => void (err += t),
  };
  const code = await main(['check', ...args], io, {
    createWorkspace: async (logger) => new Workspace([fakeFrontEnd({ buildThrows: options.buildThrows })], logger),
  });
  return { code, out, err };
}

const roots: string[] = [];
function project(files: Record<string, string>): string {
  const root = makeWorkspace(files);
  roots.push(root);
  return root;
}
after(() => roots.forEach(removeWorkspace));

const BROKEN = 'first line\n  BROKEN here\n';
const SHAKY = '# comment\n\n    x = SHAKY\n';

describe('check pipeline', () => {
  test('JSON ranges are 0-based UTF-16 positions of the span', async () => {
    const cwd = project({ 'sub/a.tf': BROKEN, 'b.tf': '' });
    const r = await check(cwd, ['--format', 'json']);
    assert.equal(r.code, 1);
    assert.deepEqual(JSON.parse(r.out), {
      version: 1,
      files: 2,
      resources: 0,
      diagnostics: [
        {
          file: 'sub/a.tf',
          range: { start: { line: 1, character: 2 }, end: { line: 1, character: 8 } },
          severity: 'error',
          code: 'parse-error',
          message: 'BROKEN found',
          related: [],
        },
      ],
    });
  });

  test('text lines are 1-based and grouped under a header per file', async () => {
    const cwd = project({ 'a.tf': BROKEN, 'z/b.tf': SHAKY });
    const r = await check(cwd, []);
    assert.equal(r.code, 1);
    assert.equal(
      r.out,
      [
        'a.tf',
        'a.tf:2:3  error    BROKEN found  [parse-error]',
        '',
        'z/b.tf',
        'z/b.tf:3:9  warning  SHAKY found  [evaluation]',
        '',
        '1 error, 1 warning in 2 files (0 resources)',
        '',
      ].join('\n'),
    );
    assert.equal(r.err, '');
  });

  test('--fail-on decides the exit code', async () => {
    const cwd = project({ 'b.tf': SHAKY });
    assert.equal((await check(cwd, [])).code, 0);
    assert.equal((await check(cwd, ['--fail-on', 'warning'])).code, 1);
    assert.equal((await check(cwd, ['--fail-on', 'never'])).code, 0);
  });

  test('the project config turns a code off or changes its severity', async () => {
    const cwd = project({
      'b.tf': SHAKY + BROKEN,
      '.vpc-lens.json': '{ "rules": { "evaluation": "off", "parse-error": "info" } }',
    });
    const r = await check(cwd, ['--format', 'json', '--fail-on', 'warning']);
    assert.equal(r.code, 0);
    assert.deepEqual(
      JSON.parse(r.out).diagnostics.map((d: { code: string; severity: string }) => [d.code, d.severity]),
      [['parse-error', 'info']],
    );
  });

  test('SARIF regions are 1-based with the end column after the region', async () => {
    const cwd = project({ 'a.tf': BROKEN });
    const r = await check(cwd, ['--format', 'sarif']);
    const result = JSON.parse(r.out).runs[0].results[0];
    assert.equal(result.ruleId, 'parse-error');
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 2, startColumn: 3, endLine: 2, endColumn: 9 });
  });

  test('colour on a terminal, never with NO_COLOR', async () => {
    const cwd = project({ 'a.tf': BROKEN });
    assert.match((await check(cwd, [], { tty: true })).out, /\u001b\[31m/);
    assert.ok(!(await check(cwd, [], { tty: true, env: { NO_COLOR: '1' } })).out.includes('\u001b['));
  });

  test('a front-end failure is one stderr line, not a crash', async () => {
    const cwd = project({ 'a.tf': 'fine' });
    const r = await check(cwd, [], { buildThrows: true });
    assert.equal(r.code, 0);
    assert.equal(r.err, 'vpc-lens: the terraform front-end failed: boom\n');
  });

  test('the TypeScript grammar is asked for only when the files found include TypeScript source', async () => {
    const asked = async (files: Record<string, string>, args: string[] = []): Promise<boolean> => {
      let typescript: boolean | PromiseLike<boolean> | undefined;
      const code = await main(['check', ...args], { cwd: project(files), env: {}, stdoutIsTty: false, out: () => {}, err: () => {} }, {
        createWorkspace: async (logger, needs) => {
          typescript = needs?.typescript;
          return new Workspace([fakeFrontEnd()], logger);
        },
      });
      assert.equal(code, 0);
      return await typescript!;
    };
    assert.equal(await asked({ 'main.tf': 'fine' }), false);
    assert.equal(await asked({ 'main.tf': 'fine', 'types/app.d.ts': 'export {}' }), false, 'declarations are never CDK source');
    assert.equal(await asked({ 'main.tf': 'fine', 'cdk/lib/stack.ts': "import * as cdk from 'aws-cdk-lib';" }), true);
    assert.equal(await asked({ 'infra/main.tf': 'fine', 'cdk/lib/stack.ts': '' }, ['infra']), false, 'only the files of the PATHs count');
  });

  test('an internal error is one line with a pointer to report it, exit 2', async () => {
    const cwd = project({ 'a.tf': '' });
    let err = '';
    const code = await main(['check'], { cwd, env: {}, stdoutIsTty: false, out: () => {}, err: (t) => void (err += t) }, {
      createWorkspace: () => Promise.reject(new Error('grammar missing\nsecond line')),
    });
    assert.equal(code, 2);
    assert.match(err, /^vpc-lens: internal error: grammar missing \(please report it at https:\/\/\S+\)\n$/);
  });
});
