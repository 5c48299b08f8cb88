import { cidrHost, cidrNetmask, cidrSubnet, cidrSubnets } from '../../../../cidr';
import { list, str } from '../../../../values/value';
import { arg, needInteger, needString, stopFail, type TfFunction } from './support';

/** Terraform's CIDR functions, computed by the CIDR engine (ip-num underneath). */
export const CIDR_FUNCTIONS: Record<string, TfFunction> = {
  cidrsubnet: (args, ctx) => {
    const prefix = needString(arg(args, 0, ctx), ctx, 'prefix');
    const newbits = needInteger(arg(args, 1, ctx), ctx, 'newbits');
    const netnum = needInteger(arg(args, 2, ctx), ctx, 'netnum');
    const r = cidrSubnet(prefix, newbits, netnum);
    return r.ok ? str(r.value, ctx.at) : stopFail(ctx, r.message);
  },
  cidrsubnets: (args, ctx) => {
    const prefix = needString(arg(args, 0, ctx), ctx, 'prefix');
    const bits = args.slice(1).map((a) => needInteger(a, ctx, 'newbits'));
    const r = cidrSubnets(prefix, bits);
    return r.ok ? list(r.value.map((c) => str(c, ctx.at)), ctx.at) : stopFail(ctx, r.message);
  },
  cidrhost: (args, ctx) => {
    const prefix = needString(arg(args, 0, ctx), ctx, 'prefix');
    const hostnum = needInteger(arg(args, 1, ctx), ctx, 'hostnum');
    const r = cidrHost(prefix, hostnum);
    return r.ok ? str(r.value, ctx.at) : stopFail(ctx, r.message);
  },
  cidrnetmask: (args, ctx) => {
    const prefix = needString(arg(args, 0, ctx), ctx, 'prefix');
    const r = cidrNetmask(prefix);
    return r.ok ? str(r.value, ctx.at) : stopFail(ctx, r.message);
  },
};
