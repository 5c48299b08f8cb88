/**
 * Builds NetworkModels by hand for rule unit tests, independent of any front-end. Every literal gets its
 * own span in a fake file, shaped like a quoted Terraform literal (`"10.0.0.0/16"`: value length + 2), so
 * tests can assert where a finding lands and what a fix edits.
 */
import { type Field, type Known, known, unknownField } from '../../../server/src/core/model/field';
import type { NetworkFacts, Publicness } from '../../../server/src/core/model/facts';
import { NetworkModel } from '../../../server/src/core/model/network';
import type {
  CidrBlock,
  ElementId,
  NetworkElement,
  Subnet,
  Vpc,
  VpcCidrBlockAssociation,
} from '../../../server/src/core/model/types';
import { runRules } from '../../../server/src/core/rules/runner';
import type { Finding, Rule, RuleContext } from '../../../server/src/core/rules/types';
import type { Span } from '../../../server/src/core/text/span';

export const FILE = 'file:///model/main.tf';

export class ModelBuilder {
  private offset = 0;
  readonly elements: NetworkElement[] = [];
  private readonly publicness = new Map<ElementId, boolean | undefined>();

  /** A fresh span of the given length. */
  span(length: number): Span {
    const start = this.offset;
    this.offset += length + 1;
    return { file: FILE, start, end: start + length };
  }

  /** A known string written as a quoted literal. */
  lit(value: string): Known<string> {
    return known(value, this.span(value.length + 2));
  }

  unknown(): Field<string> {
    return unknownField(this.span(10), 'var.unknown');
  }

  private base<K extends NetworkElement['kind']>(kind: K, nativeType: string, name: string) {
    const address = `${nativeType}.${name}`;
    return { kind, id: `file:///model::${address}`, address, format: 'terraform' as const, span: this.span(30), nameSpan: this.span(name.length + 2), nativeType };
  }

  /** A VPC with a primary IPv4 block (a string literal or a prepared field) and optional IPv6 blocks. */
  vpc(name: string, cidr: string | Field<string>, opts: { ipv6?: (string | Field<string>)[]; amazonIpv6?: boolean; ipamNetmask?: number } = {}): Vpc {
    const b = this.base('vpc', 'aws_vpc', name);
    const blocks: CidrBlock[] = [
      {
        cidr: typeof cidr === 'string' ? this.lit(cidr) : cidr,
        ipv6: false,
        primary: true,
        declaredBy: b.id,
        ...(opts.ipamNetmask !== undefined ? { ipamNetmaskLength: known(opts.ipamNetmask, this.span(2)) } : {}),
      },
    ];
    for (const v6 of opts.ipv6 ?? []) {
      blocks.push({ cidr: typeof v6 === 'string' ? this.lit(v6) : v6, ipv6: true, primary: true, declaredBy: b.id });
    }
    if (opts.amazonIpv6) blocks.push({ cidr: unknownField(this.span(4)), ipv6: true, primary: true, declaredBy: b.id, amazonProvided: true });
    const vpc: Vpc = { ...b, cidrBlocks: blocks };
    this.elements.push(vpc);
    return vpc;
  }

  /** A secondary block association; like the linker, also adds the block to the VPC's `cidrBlocks`. */
  association(name: string, vpc: Vpc | undefined, cidr: string | Field<string>, ipv6 = false): VpcCidrBlockAssociation {
    const b = this.base('vpc-cidr-block', ipv6 ? 'aws_vpc_ipv6_cidr_block_association' : 'aws_vpc_ipv4_cidr_block_association', name);
    const block: CidrBlock = { cidr: typeof cidr === 'string' ? this.lit(cidr) : cidr, ipv6, primary: false, declaredBy: b.id };
    const assoc: VpcCidrBlockAssociation = { ...b, vpc: vpc ? known(vpc.id, this.span(10)) : unknownField(), block };
    if (vpc) vpc.cidrBlocks.push(block);
    this.elements.push(assoc);
    return assoc;
  }

  subnet(
    name: string,
    vpc: Vpc | string | undefined,
    cidr: string | Field<string> | undefined,
    opts: { ipv6?: string | Field<string>; public?: boolean } = {},
  ): Subnet {
    const b = this.base('subnet', 'aws_subnet', name);
    const vpcId = typeof vpc === 'string' ? vpc : vpc?.id;
    const s: Subnet = {
      ...b,
      vpc: vpcId ? known(vpcId, this.span(10)) : unknownField(),
      ...(cidr !== undefined ? { cidr: typeof cidr === 'string' ? this.lit(cidr) : cidr } : {}),
      ...(opts.ipv6 !== undefined ? { ipv6Cidr: typeof opts.ipv6 === 'string' ? this.lit(opts.ipv6) : opts.ipv6 } : {}),
    };
    this.publicness.set(s.id, opts.public);
    this.elements.push(s);
    return s;
  }

  add<E extends NetworkElement>(e: E): E {
    this.elements.push(e);
    return e;
  }

  context(): RuleContext {
    const model = new NetworkModel(this.elements);
    const publicness = this.publicness;
    const facts: NetworkFacts = {
      vpcBlocks: (vpc) => vpc.cidrBlocks,
      subnetsOf: (id) => model.ofKind('subnet').filter((s) => s.vpc.known && s.vpc.value === id),
      routesOf: () => [],
      routeTableOf: () => ({ how: 'unknown' }),
      publicness: (s): Publicness => ({ public: publicness.get(s.id), reason: 'set by the test' }),
      vpcOf: () => undefined,
    };
    return { model, facts };
  }

  /** Runs the rules; a rule that throws fails the test. */
  run(...rules: Rule[]): Finding[] {
    const errors: string[] = [];
    const findings = runRules(rules, this.context(), (id, err) => errors.push(`rule ${id} threw: ${String(err)}`));
    if (errors.length > 0) throw new Error(errors.join('\n'));
    return findings;
  }
}
