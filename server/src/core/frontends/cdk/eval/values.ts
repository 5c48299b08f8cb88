import type { Span } from '../../../text/span';
import type { ClassDecl, Param, Stmt } from '../syntax/ast';

/**
 * What a TypeScript expression evaluates to in the CDK evaluator. Plain data (`prim`, `list`, `obj`) keeps
 * where it was written (`at`), so findings land on the literal; CDK things are kept symbolic: a library
 * symbol (`ec2.Vpc`), a library value (`ec2.Peer.anyIpv4()`), a construct instance. Unknown is never
 * guessed: it carries why.
 */
export type V =
  | { readonly t: 'unknown'; readonly why?: string; readonly at?: Span }
  | { readonly t: 'prim'; readonly v: string | number | boolean | null | undefined; readonly at?: Span }
  | { readonly t: 'list'; readonly items: V[]; readonly at?: Span }
  | { readonly t: 'obj'; readonly props: Map<string, Slot>; readonly at?: Span }
  | { readonly t: 'construct'; readonly c: Construct }
  /** A symbol of a CDK library: `ec2`, `ec2.Vpc`, `ec2.Peer`, `cdk.Stack`. */
  | { readonly t: 'lib'; readonly path: string; readonly at?: Span }
  /** A value made by a CDK library function: `peer`, `port`, `ipAddresses`, `aclCidr`, `aclTraffic`, ... */
  | { readonly t: 'libval'; readonly kind: string; readonly data: Readonly<Record<string, V>>; readonly at: Span }
  /** An attribute of a construct known only after deployment (`vpc.vpcId`, `subnet.ref`, `vpc.attrDefaultSecurityGroup`). */
  | { readonly t: 'ref'; readonly c: Construct; readonly attr: string; readonly at?: Span }
  | { readonly t: 'class'; readonly decl: ClassDecl; readonly env: Env }
  | { readonly t: 'fn'; readonly params: readonly Param[]; readonly body: readonly Stmt[]; readonly env: Env; readonly self?: V };

export interface Slot {
  readonly value: V;
  /** The property's key as written, when it was written in an object literal. */
  readonly keySpan?: Span;
  /** The whole `key: value` text. */
  readonly span?: Span;
}

/** A method call on a construct that adds to it (`addIngressRule`, `addEntry`, `connections.allowFrom`). */
export interface ConstructCall {
  readonly method: string;
  readonly args: readonly V[];
  readonly argSpans: readonly Span[];
  readonly span: Span;
  /** The construct the call made, when it made one (`listener.addTargets(...)`'s target group). */
  readonly made?: Construct;
}

/** A `new X(scope, 'Id', props)` of a CDK construct or a user construct class, as evaluated. */
export interface Construct {
  /** `ec2.Vpc`, `ec2.CfnSubnet`, `elbv2.ApplicationLoadBalancer`, or the user class name. */
  readonly type: string;
  readonly userClass: boolean;
  readonly id: string;
  /** The construct id string literal (hover target), or the whole `new` expression when not a literal. */
  readonly idSpan: Span;
  /** `Network/Vpc`: ids from the app root down. */
  readonly path: string;
  /** The `new` expression (or the method call that made it: `vpc.addFlowLog(...)`). */
  readonly span: Span;
  readonly fileUri: string;
  /** Model element id of the construct's main resource: `<file URI>::<path>`. */
  readonly elementId: string;
  readonly props: V;
  readonly propsSpan?: Span;
  /** `this.x = ...` and class fields of user constructs; children made by helper methods. */
  readonly fields: Map<string, V>;
  readonly calls: ConstructCall[];
  readonly parent?: Construct;
  /**
   * The environment of the stack it is in, when that stack's `env` names a concrete account and region
   * (`env: { account: '123456789012', region: 'eu-west-1' }`), with the AZs cdk.context.json recorded for it.
   * Absent: an environment-agnostic stack, or one whose env is not known here (`process.env.CDK_DEFAULT_*`).
   */
  readonly stackEnv?: StackEnv;
}

/** The element id of a construct's resource, or of one of its parts (`<construct element id>/<part>`). */
export function partElementId(c: Construct, part?: string): string {
  return part ? `${c.elementId}/${part}` : c.elementId;
}

/**
 * A resource a library construct makes under it (`<vpc>/IGW`, `<subnet>/RouteTable`, a bastion's `Resource`
 * instance): something to refer to, or to map as the construct's part. Not a construct of the app.
 */
export function partConstruct(c: Construct, type: string, id: string, props: V = UNDEFINED, elementId = partElementId(c, id)): Construct {
  return { ...c, type, userClass: false, id, path: `${c.path}/${id}`, elementId, props, fields: new Map(), calls: [], parent: c };
}

export interface StackEnv {
  readonly account: string;
  readonly region: string;
  /** `availability-zones:account=..:region=..` of cdk.context.json, when the app has it. */
  readonly azs?: readonly string[];
}

export interface Binding {
  value: V;
}

/** A lexical scope. `self` is `this` inside a class body. */
export class Env {
  private readonly vars = new Map<string, Binding>();
  constructor(
    readonly parent: Env | undefined,
    readonly self?: V,
  ) {}

  lookup(name: string): Binding | undefined {
    for (let e: Env | undefined = this; e; e = e.parent) {
      const b = e.vars.get(name);
      if (b) return b;
    }
    return undefined;
  }

  declare(name: string, value: V): void {
    this.vars.set(name, { value });
  }

  thisValue(): V | undefined {
    for (let e: Env | undefined = this; e; e = e.parent) if (e.self) return e.self;
    return undefined;
  }
}

export const UNDEFINED: V = { t: 'prim', v: undefined };

export function unknownV(why?: string, at?: Span): V {
  return { t: 'unknown', ...(why ? { why } : {}), ...(at ? { at } : {}) };
}

export function prim(v: string | number | boolean | null | undefined, at?: Span): V {
  return { t: 'prim', v, ...(at ? { at } : {}) };
}

/** The string/number/boolean inside, else undefined. */
export function primOf(v: V | undefined): string | number | boolean | undefined {
  return v?.t === 'prim' && v.v !== null && v.v !== undefined ? v.v : undefined;
}

export function isAbsentV(v: V | undefined): boolean {
  return v === undefined || (v.t === 'prim' && (v.v === undefined || v.v === null));
}

/** A property of an object value; undefined when absent. */
export function prop(v: V | undefined, name: string): V | undefined {
  if (v?.t !== 'obj') return undefined;
  const s = v.props.get(name);
  return s && !isAbsentV(s.value) ? s.value : undefined;
}

export function slot(v: V | undefined, name: string): Slot | undefined {
  return v?.t === 'obj' ? v.props.get(name) : undefined;
}

/** Where a value was written, when it has a place. */
export function spanOfV(v: V | undefined): Span | undefined {
  if (!v) return undefined;
  switch (v.t) {
    case 'construct':
      return v.c.span;
    case 'class':
    case 'fn':
      return undefined;
    default:
      return v.at;
  }
}
