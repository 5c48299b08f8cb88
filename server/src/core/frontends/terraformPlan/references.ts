import { ref, type RefValue } from '../../values/value';
import { type ConfigModule, configAt, referencesOf } from './configuration';
import { prop } from './jsonNodes';

/** A module instance of the plan: `''` (root), `module.net`, `module.net[0].module.subnets`. */
export interface ModuleInstance {
  readonly address: string;
  /** Module call names from the root (`['net', 'subnets']`): where its configuration is. */
  readonly path: readonly string[];
  /** Its own instance key (`count`/`for_each` on the module call). */
  readonly key?: number | string;
  readonly parent?: ModuleInstance;
}

/** Attributes whose value identifies a resource: a reference to them is taken as "that element". */
const IDENTITY_ATTR = /^(id|arn|public_ip|[a-z0-9_]+_id|[a-z0-9_]+_arn)$/;

/** Variables and outputs followed through module calls at most this deep (cycles, malformed plans). */
const MAX_DEPTH = 32;

type Step = { readonly name: string } | { readonly index: string };

/**
 * Resolves the `references` of a configuration expression to model references: `aws_vpc.main.id` in the
 * same module instance, `var.x` through the calling module's argument, `module.net.vpc_id` through the
 * child's output. Only references to identity attributes (`id`, `*_id`, `arn`) of managed resources that
 * the plan has are returned: those are what an unknown-until-apply `vpc_id` can be taken to be.
 */
export class ReferenceLinker {
  constructor(
    private readonly file: string,
    private readonly config: ConfigModule | undefined,
    /** Addresses of the plan's managed resource instances. */
    private readonly resources: ReadonlySet<string>,
    private readonly moduleInstances: ReadonlySet<string>,
  ) {}

  /** Distinct identity references, in the order written. `selfKey` is the referring instance's key. */
  link(references: readonly string[], at: ModuleInstance, selfKey: number | string | undefined, depth = 0): RefValue[] {
    const out: RefValue[] = [];
    const seen = new Set<string>();
    const push = (r: RefValue) => {
      const k = `${r.target}#${r.attr}`;
      if (!seen.has(k)) {
        seen.add(k);
        out.push(r);
      }
    };
    if (depth > MAX_DEPTH) return out;
    const pairsByKey = references.some((r) => r === 'count.index' || r === 'each.key' || r.startsWith('each.value'));
    for (const text of references) {
      const steps = parseTraversal(text);
      const [first, second, third, fourth] = steps ?? [];
      if (!first || !('name' in first) || !second || !('name' in second)) continue;
      if (first.name === 'var') {
        for (const r of this.viaVariable(second.name, at, depth)) push(r);
      } else if (first.name === 'module') {
        const index = third && 'index' in third ? third.index : undefined;
        const output = (index !== undefined ? fourth : third) as Step | undefined;
        if (output && 'name' in output) for (const r of this.viaOutput(second.name, index, output.name, at, depth)) push(r);
      } else if (first.name === 'data' || first.name === 'local' || first.name === 'count' || first.name === 'each' || first.name === 'path' || first.name === 'self' || first.name === 'terraform') {
        continue;
      } else {
        const index = third && 'index' in third ? third.index : undefined;
        const attrStep = (index !== undefined ? fourth : third) as Step | undefined;
        if (!attrStep || !('name' in attrStep) || !IDENTITY_ATTR.test(attrStep.name)) continue;
        const target = this.resourceAddress(at, `${first.name}.${second.name}`, index, pairsByKey ? selfKey : undefined);
        if (target) push(ref(`${this.file}::${target}`, attrStep.name));
      }
    }
    return out;
  }

  private resourceAddress(at: ModuleInstance, base: string, index: string | undefined, selfKey: number | string | undefined): string | undefined {
    const prefix = at.address ? `${at.address}.` : '';
    if (index !== undefined) {
      const address = `${prefix}${base}${index}`;
      return this.resources.has(address) ? address : undefined;
    }
    if (this.resources.has(prefix + base)) return prefix + base;
    // `aws_subnet.a[count.index].id` lists as `aws_subnet.a` + `count.index`: the instance with our key.
    if (selfKey !== undefined) {
      const address = `${prefix}${base}${keyText(selfKey)}`;
      if (this.resources.has(address)) return address;
    }
    return undefined;
  }

  private viaVariable(name: string, at: ModuleInstance, depth: number): RefValue[] {
    const parent = at.parent;
    const callName = at.path[at.path.length - 1];
    if (!parent || callName === undefined) return [];
    const call = configAt(this.config, parent.path)?.calls.get(callName);
    const refs = referencesOf(prop(call?.expressions, name));
    return this.link(refs, parent, at.key, depth + 1);
  }

  private viaOutput(call: string, index: string | undefined, output: string, at: ModuleInstance, depth: number): RefValue[] {
    const address = `${at.address ? `${at.address}.` : ''}module.${call}${index ?? ''}`;
    if (!this.moduleInstances.has(address)) return [];
    const expression = configAt(this.config, [...at.path, call])?.outputs.get(output);
    const child: ModuleInstance = { address, path: [...at.path, call], key: index === undefined ? undefined : parseIndex(index), parent: at };
    return this.link(referencesOf(expression), child, undefined, depth + 1);
  }
}

/** `[0]` / `["a"]` for an instance key, as Terraform writes addresses. */
export function keyText(key: number | string): string {
  return typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

function parseIndex(index: string): number | string | undefined {
  const inner = index.slice(1, -1);
  if (/^\d+$/.test(inner)) return Number(inner);
  try {
    const v: unknown = JSON.parse(inner);
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

/** `aws_subnet.a["x.y"].id` -> name, name, index, name. Undefined when the text is not a plain traversal. */
export function parseTraversal(text: string): Step[] | undefined {
  const steps: Step[] = [];
  const re = /\.?([A-Za-z_][\w-]*)|(\[(?:\d+|"(?:[^"\\]|\\.)*")\])/y;
  re.lastIndex = 0;
  while (re.lastIndex < text.length) {
    const m = re.exec(text);
    if (!m) return undefined;
    steps.push(m[1] !== undefined ? { name: m[1] } : { index: m[2]! });
  }
  return steps;
}

/** A module instance address (`module.a[0].module.b`) as call names with the last instance's key. */
export function parseModuleAddress(address: string): { path: string[]; key?: number | string } | undefined {
  const steps = parseTraversal(address);
  if (!steps) return undefined;
  const path: string[] = [];
  let key: number | string | undefined;
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i]!;
    if (!('name' in s) || s.name !== 'module') return undefined;
    const name = steps[i + 1];
    if (!name || !('name' in name)) return undefined;
    path.push(name.name);
    i++;
    const next = steps[i + 1];
    key = undefined;
    if (next && 'index' in next) {
      key = parseIndex(next.index);
      i++;
    }
  }
  return { path, key };
}
