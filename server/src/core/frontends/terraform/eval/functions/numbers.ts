import { num } from '../../../../values/value';
import { arg, needNumber, stopFail, type TfFunction } from './support';

function numbersOf(args: Parameters<TfFunction>[0], ctx: Parameters<TfFunction>[1]): number[] {
  const ns = args.map((a) => needNumber(a, ctx));
  if (ns.length === 0) stopFail(ctx, 'at least one number is required');
  return ns;
}

export const NUMBER_FUNCTIONS: Record<string, TfFunction> = {
  abs: (args, ctx) => num(Math.abs(needNumber(arg(args, 0, ctx), ctx)), ctx.at),
  ceil: (args, ctx) => num(Math.ceil(needNumber(arg(args, 0, ctx), ctx)), ctx.at),
  floor: (args, ctx) => num(Math.floor(needNumber(arg(args, 0, ctx), ctx)), ctx.at),
  signum: (args, ctx) => num(Math.sign(needNumber(arg(args, 0, ctx), ctx)), ctx.at),
  pow: (args, ctx) => num(needNumber(arg(args, 0, ctx), ctx) ** needNumber(arg(args, 1, ctx), ctx), ctx.at),
  log: (args, ctx) => num(Math.log(needNumber(arg(args, 0, ctx), ctx)) / Math.log(needNumber(arg(args, 1, ctx), ctx)), ctx.at),
  min: (args, ctx) => num(Math.min(...numbersOf(args, ctx)), ctx.at),
  max: (args, ctx) => num(Math.max(...numbersOf(args, ctx)), ctx.at),
};

