// The young-generation cap of a one-shot `vpc-lens check`: V8's new space stops growing once it reaches
// 8 MiB per semi-space, on the V8 it was measured on, and is left alone elsewhere.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { YOUNG_GENERATION_CAP_MIB, youngGenerationCap, type YoungGenerationHeap } from '../../../server/src/cli/launch/youngGeneration';

const NODE_20_V8 = '11.3.244.8-node.38';
const MIB = 1024 * 1024;

/** A heap whose young generation is as large as the test says, recording when growth was stopped. */
function fakeHeap(): YoungGenerationHeap & { bytes: number; stops: number; resumes: number } {
  const heap = {
    bytes: 2 * MIB,
    stops: 0,
    resumes: 0,
    youngGenerationBytes: () => heap.bytes,
    stopGrowing: () => {
      heap.stops++;
    },
    resumeGrowing: () => {
      heap.resumes++;
    },
  };
  return heap;
}

describe('youngGenerationCap', () => {
  test('stops the growth once, the first time both semi-spaces together reach twice the cap', () => {
    const heap = fakeHeap();
    const between = youngGenerationCap({}, { heap, v8Version: NODE_20_V8 }).betweenUnits;
    for (const semiSpace of [1, 2, 4]) {
      heap.bytes = 2 * semiSpace * MIB;
      between();
    }
    assert.equal(heap.stops, 0, 'below the cap');
    heap.bytes = 2 * YOUNG_GENERATION_CAP_MIB * MIB;
    between();
    assert.equal(heap.stops, 1, 'at the cap');
    heap.bytes = 4 * YOUNG_GENERATION_CAP_MIB * MIB;
    between();
    between();
    assert.equal(heap.stops, 1, 'once only');
  });

  test('lifting gives V8 its growth back only when the cap was set, and says when it was set under VPC_LENS_TIMING', () => {
    const heap = fakeHeap();
    const lines: string[] = [];
    const cap = youngGenerationCap({ VPC_LENS_TIMING: '1' }, { heap, v8Version: NODE_20_V8, log: (line) => lines.push(line) });
    cap.betweenUnits();
    cap.lift();
    assert.equal(heap.resumes, 0, 'never capped: nothing to lift');
    heap.bytes = 2 * YOUNG_GENERATION_CAP_MIB * MIB;
    cap.betweenUnits();
    assert.deepEqual(lines, [`vpc-lens: young generation capped at ${YOUNG_GENERATION_CAP_MIB} MiB per semi-space\n`]);
    cap.lift();
    cap.lift();
    assert.equal(heap.resumes, 1);
  });

  test('does nothing with VPC_LENS_V8_TUNING=off, nor on V8s it was not measured on (Node 22, 24)', () => {
    for (const [env, v8] of [
      [{ VPC_LENS_V8_TUNING: 'off' }, NODE_20_V8],
      [{}, '12.4.254.21-node.57'],
      [{}, '13.6.233.17-node.53'],
      [{}, 'unknown'],
    ] as const) {
      const heap = fakeHeap();
      heap.bytes = 64 * MIB;
      const cap = youngGenerationCap(env, { heap, v8Version: v8 });
      cap.betweenUnits();
      cap.lift();
      assert.equal(heap.stops + heap.resumes, 0, `${JSON.stringify(env)} ${v8}`);
    }
  });

  test("on this Node's V8, a process whose objects survive keeps its young generation at the cap", () => {
    // Objects that live for a while, as each root's syntax and model do in a check: V8 grows the young
    // generation to 16 MiB per semi-space by default.
    const source = path.resolve(__dirname, '../../../server/src/cli/launch/youngGeneration.ts');
    const script = `
      const v8 = require('node:v8');
      const { youngGenerationCap } = require(${JSON.stringify(source)});
      const between = process.argv[1] === 'capped' ? youngGenerationCap({}).betweenUnits : () => {};
      const youngBytes = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
      let largest = 0;
      for (let unit = 0; unit < 25; unit++) {
        const live = [];
        for (let i = 0; i < 60000; i++) live.push({ unit, i, name: 'subnet-' + i, tags: [i, unit] });
        between();
        largest = Math.max(largest, youngBytes());
      }
      process.stdout.write(String(largest));`;
    const largest = (mode: string): number => {
      const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script, mode], { encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      return Number(run.stdout);
    };
    const capBytes = 2 * YOUNG_GENERATION_CAP_MIB * MIB;
    const capped = largest('capped');
    if (process.versions.v8.startsWith('11.3.')) {
      const byDefault = largest('default');
      assert.ok(byDefault > capBytes, `V8 grows past the cap by default (${byDefault} bytes)`);
      assert.ok(capped <= capBytes, `capped: ${capped} bytes`);
    } else {
      assert.ok(capped > 0, 'runs, and leaves the heap to V8');
    }
  });
});
