import type { Node } from 'jsonc-parser';
import { looksLikeCidr } from '../../cidr';
import type { Span } from '../../text/span';
import { bool, list, map, NULL, num, type RefValue, ref, str, unknown, type Value } from '../../values/value';
import type { SourceProblem, ValueTrace } from '../types';
import type { EvaluatedAttr, EvaluatedResource } from '../terraform/evaluated';
import { type ConfigModule, isExpression, readConfigModule, referencesOf } from './configuration';
import { entries, isTrue, items, prop, spanOf, stringOf } from './jsonNodes';
import { type ModuleInstance, parseModuleAddress, ReferenceLinker } from './references';

export interface PlanContents {
  readonly resources: readonly EvaluatedResource[];
  readonly traces: readonly ValueTrace[];
  readonly problems: readonly SourceProblem[];
}

interface PlannedResource {
  readonly node: Node;
  readonly address: string;
  readonly type: string;
  readonly name: string;
  readonly key?: number | string;
  readonly instance: ModuleInstance;
}

/** Where a value being converted sits: its resource and the attribute path (for traces). */
interface ValueContext {
  readonly resource: PlannedResource;
  readonly elementId: string;
  readonly attribute: string;
  /** The attribute's span, for values that have none of their own (unknown until apply). */
  readonly fallback: Span;
}

/** Modules nested deeper than this in `planned_values` are not read (guards malformed input). */
const MAX_MODULE_DEPTH = 64;

/**
 * Reads `terraform show -json` output into evaluated resources, one per managed resource instance of
 * `planned_values` (every `child_modules` level), so the Terraform model mapping applies unchanged. Values
 * keep their span in the plan file. Attributes unknown until apply (`resource_changes[].change.after_unknown`)
 * are linked through the `configuration` references when they name another resource's identity.
 */
export function readPlan(file: string, root: Node): PlanContents {
  const planned = collectPlanned(prop(prop(root, 'planned_values'), 'root_module'));
  const addresses = new Set(planned.map((p) => p.address));
  const moduleInstances = new Set(planned.map((p) => p.instance.address));
  const config: ConfigModule = readConfigModule(prop(prop(root, 'configuration'), 'root_module'));
  const reader = new PlanValueReader(file, planned, unknownMarkers(prop(root, 'resource_changes')), config, new ReferenceLinker(file, config, addresses, moduleInstances));
  const resources = planned.map((p) => reader.resource(p));
  reader.variables(prop(root, 'variables'));
  return { resources, traces: reader.traces, problems: [] };
}

function collectPlanned(rootModule: Node | undefined): PlannedResource[] {
  const out: PlannedResource[] = [];
  const visit = (module: Node | undefined, instance: ModuleInstance, depth: number) => {
    if (!module || depth > MAX_MODULE_DEPTH) return;
    for (const r of items(prop(module, 'resources'))) {
      if (stringOf(prop(r, 'mode')) !== 'managed') continue;
      const address = stringOf(prop(r, 'address'));
      const type = stringOf(prop(r, 'type'));
      const name = stringOf(prop(r, 'name'));
      if (!address || !type || !name) continue;
      const index = prop(r, 'index');
      const key = index?.type === 'number' || index?.type === 'string' ? (index.value as number | string) : undefined;
      out.push({ node: r, address, type, name, key, instance });
    }
    for (const child of items(prop(module, 'child_modules'))) {
      const address = stringOf(prop(child, 'address'));
      const parsed = address ? parseModuleAddress(address) : undefined;
      if (!address || !parsed) continue;
      visit(child, { address, path: parsed.path, key: parsed.key, parent: instance }, depth + 1);
    }
  };
  visit(rootModule, { address: '', path: [] }, 0);
  return out;
}

/** Resource address -> `change.after_unknown` (true, or an object/array of markers mirroring the values). */
function unknownMarkers(changes: Node | undefined): Map<string, Node> {
  const out = new Map<string, Node>();
  for (const c of items(changes)) {
    const address = stringOf(prop(c, 'address'));
    const marker = prop(prop(c, 'change'), 'after_unknown');
    if (address && marker) out.set(address, marker);
  }
  return out;
}

class PlanValueReader {
  readonly traces: ValueTrace[] = [];
  /** Known resource ids (`vpc-0abc`) -> element: an applied VPC's id in a subnet is that VPC. */
  private readonly byCloudId = new Map<string, string>();

  constructor(
    private readonly file: string,
    planned: readonly PlannedResource[],
    private readonly markers: ReadonlyMap<string, Node>,
    private readonly config: ConfigModule,
    private readonly linker: ReferenceLinker,
  ) {
    for (const p of planned) {
      const id = stringOf(prop(prop(p.node, 'values'), 'id'));
      if (id && !this.byCloudId.has(id)) this.byCloudId.set(id, this.elementId(p));
    }
  }

  private elementId(p: PlannedResource): string {
    return `${this.file}::${p.address}`;
  }

  resource(p: PlannedResource): EvaluatedResource {
    const span = spanOf(this.file, p.node);
    const addressNode = prop(p.node, 'address');
    const nameSpan = addressNode ? spanOf(this.file, addressNode) : span;
    const elementId = this.elementId(p);
    const values = prop(p.node, 'values');
    const marker = this.markers.get(p.address);
    const expressions = this.configExpressions(p);
    const attrs = new Map<string, EvaluatedAttr>();
    const names = new Set<string>([...entries(values).map(([k]) => k), ...markerKeys(marker)]);
    for (const name of names) {
      const node = prop(values, name);
      const expression = descend(expressions, name);
      const attrSpan = node ? spanOf(this.file, node) : expression ? spanOf(this.file, expression) : nameSpan;
      const ctx: ValueContext = { resource: p, elementId, attribute: name, fallback: attrSpan };
      const value = this.value(node, markerAt(marker, name), expression, name, ctx);
      if (value) attrs.set(name, { value, span: attrSpan });
    }
    return {
      elementId,
      address: p.address,
      type: p.type,
      name: p.name,
      ...(p.key !== undefined ? { key: p.key } : {}),
      span,
      nameSpan,
      body: { attrs, blocks: [] },
    };
  }

  /** Root variables: CIDR values get traces so hovers work on them too. */
  variables(node: Node | undefined): void {
    for (const [name, v] of entries(node)) {
      const value = prop(v, 'value');
      if (value?.type === 'string' && looksLikeCidr(value.value as string)) {
        this.traces.push({ span: spanOf(this.file, value), instances: [{ value: value.value as string }], attribute: `var.${name}` });
      }
    }
  }

  private configExpressions(p: PlannedResource): Node | undefined {
    let module: ConfigModule | undefined = this.config;
    for (const name of p.instance.path) module = module?.calls.get(name)?.module;
    return module?.resources.get(`${p.type}.${p.name}`);
  }

  /**
   * One value of the plan. `marker` is its `after_unknown` counterpart, `expression` its configuration
   * (an expression object, or a nested block's arguments), `name` the innermost attribute name.
   */
  private value(node: Node | undefined, marker: Node | undefined, expression: Node | undefined, name: string, ctx: ValueContext): Value | undefined {
    if (isTrue(marker) && (node === undefined || node.type === 'null')) return this.unknownValue(expression, name, ctx);
    if (!node) return undefined;
    const origin = spanOf(this.file, node);
    switch (node.type) {
      case 'string': {
        const text = node.value as string;
        const target = this.byCloudId.get(text);
        if (target !== undefined && target !== ctx.elementId) return ref(target, 'id', origin);
        if (looksLikeCidr(text)) {
          this.traces.push({ span: origin, instances: [{ value: text }], owner: ctx.elementId, attribute: ctx.attribute });
        }
        return str(text, origin);
      }
      case 'number':
        return num(node.value as number, origin);
      case 'boolean':
        return bool(node.value as boolean, origin);
      case 'null':
        return { ...NULL, origin };
      case 'array':
        return this.listValue(node, marker, expression, name, ctx, origin);
      case 'object': {
        const out = new Map<string, Value>();
        const keys = new Set<string>([...entries(node).map(([k]) => k), ...markerKeys(marker)]);
        for (const k of keys) {
          const v = this.value(prop(node, k), markerAt(marker, k), descend(expression, k), k, { ...ctx, attribute: `${ctx.attribute}.${k}` });
          if (v) out.set(k, v);
        }
        return map(out, origin);
      }
      default:
        return unknown(undefined, origin);
    }
  }

  private listValue(node: Node, marker: Node | undefined, expression: Node | undefined, name: string, ctx: ValueContext, origin: Span): Value {
    const elements = items(node);
    const markers = marker?.type === 'array' ? items(marker) : [];
    // Elements unknown until apply (`[aws_subnet.a.id, aws_subnet.b.id]` on new subnets): filled in order
    // from the expression's references, when there are exactly as many of them as unknown elements.
    const unknownAt = elements.map((e, i) => isTrue(markers[i]) && e.type === 'null');
    const unknownCount = unknownAt.filter(Boolean).length;
    let fill: RefValue[] = [];
    if (unknownCount > 0 && expression && isExpression(expression)) {
      const known = new Set(elements.map((e) => (e.type === 'string' ? this.byCloudId.get(e.value as string) : undefined)));
      fill = this.link(expression, ctx).filter((r) => !known.has(r.target));
      if (fill.length !== unknownCount) fill = [];
    }
    let next = 0;
    const out = elements.map((e, i): Value => {
      if (unknownAt[i]) return fill[next++] ?? unknown('known after apply', spanOf(this.file, e));
      const blockExpression = expression?.type === 'array' ? items(expression)[i] : isExpression(expression) ? undefined : expression;
      return this.value(e, markers[i], blockExpression, name, { ...ctx, attribute: ctx.attribute }) ?? { ...NULL, origin: spanOf(this.file, e) };
    });
    return list(out, origin);
  }

  /** An attribute only known after apply: the resource it names, when its configuration says so. */
  private unknownValue(expression: Node | undefined, name: string, ctx: ValueContext): Value {
    const origin = expression ? spanOf(this.file, expression) : ctx.fallback;
    const refs = expression && isExpression(expression) ? this.link(expression, ctx).map((r) => ({ ...r, origin })) : [];
    if (/s$/.test(name) && refs.length > 0) return list(refs, origin);
    if (refs.length === 1) return refs[0]!;
    return unknown('known after apply', origin);
  }

  private link(expression: Node, ctx: ValueContext): RefValue[] {
    return this.linker.link(referencesOf(expression), ctx.resource.instance, ctx.resource.key);
  }
}

function markerKeys(marker: Node | undefined): string[] {
  return marker?.type === 'object' ? entries(marker).map(([k]) => k) : [];
}

function markerAt(marker: Node | undefined, key: string): Node | undefined {
  return marker?.type === 'object' ? prop(marker, key) : undefined;
}

/** The configuration of argument `key` inside a nested block's configuration (not inside an expression). */
function descend(expression: Node | undefined, key: string): Node | undefined {
  if (!expression || isExpression(expression)) return undefined;
  return prop(expression, key);
}

