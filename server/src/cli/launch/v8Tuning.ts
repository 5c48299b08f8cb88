/**
 * V8 settings for one `vpc-lens` run. The CLI is a batch process of a second or less, which V8's defaults do
 * not aim at: they suit programs that run for minutes, such as the language server (which keeps them).
 *
 * `--interrupt-budget` is how much bytecode a function executes before V8 considers optimising it with
 * TurboFan. At the default (66 KiB) a check of the 10k-resource benchmark workspace had TurboFan compile about
 * 170 functions, 1.2 s of compile time on the background thread, within a run of 0.85 s on 2 cores where that
 * thread competes with the garbage collector's; many of those functions had done most of their work by the time
 * their optimised code arrived. At four times the budget half as many are compiled, and the 10k check took
 * 9 to 11% less time (analysis 548 -> 492 ms, wall 849 -> 782 ms, medians of 10 interleaved runs; 833 -> 739 ms
 * in `npm run bench`, which runs the check with and without it); the 1k workspace and examples/ were unchanged
 * within noise. Budgets from 3 to 8 times the default measured alike; lower ones, more TurboFan, were slower.
 */
const INTERRUPT_BUDGET = '--interrupt-budget=270336';

/**
 * `--no-regexp-tier-up` compiles each regular expression to machine code at its first use, where V8 by default
 * first compiles it to regexp bytecode, interprets it once, and compiles it again to machine code. A one-shot
 * run uses most of its expressions a few times only, so the first compilation is wasted. It weighs most on
 * ip-num's module set-up, which checks a few IPv6 ranges against its IPv6 pattern (a 2 KB expression): 11 ms
 * of every run's start, against 3 ms compiled once. The 10k check took 3.4% less time (786 -> 756 ms, examples/
 * 231 -> 227 ms; medians of 21 interleaved runs on Node 20). V8 has had the flag since 7.8 (Node 13).
 */
const REGEXP_AT_ONCE = '--no-regexp-tier-up';

/**
 * The flags to set before the CLI bundle is compiled: none with `VPC_LENS_V8_TUNING=off`. `--interrupt-budget` is
 * V8 11.3's (Node 20) only: V8 11.8 (Node 21) and later tier up by invocation counts instead, and answer the
 * unknown flag with "Error: unrecognized flag" on stderr, which every run would print. Their tiering (with Maglev
 * from Node 22) was not measured here, so they keep V8's default budget.
 */
export function oneShotV8Flags(env: NodeJS.ProcessEnv, v8Version: string = process.versions.v8): readonly string[] {
  if (env['VPC_LENS_V8_TUNING'] === 'off') return [];
  return tunesNode20V8(v8Version) ? [INTERRUPT_BUDGET, REGEXP_AT_ONCE] : [REGEXP_AT_ONCE];
}

/**
 * True for V8 up to 11.3 (`11.3.244.8-node.38` is Node 20's), the V8 the settings that depend on its version
 * were measured on; false for 11.8 and later, and for what does not parse.
 */
export function tunesNode20V8(v8Version: string): boolean {
  const [major, minor] = v8Version.split('.').map(Number);
  if (major === undefined || minor === undefined || !Number.isInteger(major) || !Number.isInteger(minor)) return false;
  return major < 11 || (major === 11 && minor <= 3);
}
