import { looksLikeCidr } from '../../../cidr';
import { type Span, spanKey } from '../../../text/span';
import { map, type Value } from '../../../values/value';
import type { CfnResource } from '../../cloudformation/eval/evaluated';
import type { SourceProblem, ValueTrace } from '../../types';
import { type Construct, partElementId } from '../eval/values';

export interface ResourceOptions {
  /** Suffix of the element id and address under the construct (`PublicSubnet1/RouteTable`). */
  readonly part?: string;
  readonly span?: Span;
  readonly nameSpan?: Span;
  /** Shown as the element's native type; default the construct's type. */
  readonly nativeType?: string;
}

export { partElementId } from '../eval/values';

/**
 * Collects what the constructs synthesize: CloudFormation-shaped resources (mapped to the model by the
 * CloudFormation front-end's mapping), the CDK type and path to show for each, CIDR traces, problems.
 */
export class ResourceSink {
  readonly resources: CfnResource[] = [];
  readonly nativeTypes = new Map<string, string>();
  readonly problems: SourceProblem[] = [];
  private readonly traces = new Map<string, { span: Span; owner?: string; attribute?: string; instances: { label?: string; value: string }[] }>();

  add(c: Construct, type: string, props: ReadonlyMap<string, Value>, options: ResourceOptions = {}): string {
    const elementId = partElementId(c, options.part);
    const logicalId = options.part ? `${c.path}/${options.part}` : c.path;
    this.resources.push({
      elementId,
      logicalId,
      templateUri: c.fileUri,
      type,
      span: options.span ?? c.span,
      nameSpan: options.nameSpan ?? c.idSpan,
      properties: map(new Map(props)),
      propertiesNode: undefined,
    });
    this.nativeTypes.set(elementId, options.nativeType ?? c.type);
    return elementId;
  }

  /**
   * A CIDR value for hovers and inlay hints; instances on one span merge (one `cidrMask` yields a block per
   * AZ). Spans that are an element's name are left to the element hover.
   */
  trace(span: Span | undefined, value: string, owner: string, attribute: string, label?: string, nameSpans: readonly Span[] = []): void {
    if (!span || !looksLikeCidr(value)) return;
    if (nameSpans.some((s) => spanKey(s) === spanKey(span))) return;
    const key = spanKey(span);
    let t = this.traces.get(key);
    if (!t) {
      t = { span, owner, attribute, instances: [] };
      this.traces.set(key, t);
    }
    if (!t.instances.some((i) => i.label === label && i.value === value)) t.instances.push(label !== undefined ? { label, value } : { value });
  }

  /**
   * CIDR strings written in a resource's properties (L1 props, rule peers): hover and inlay hints read them.
   * `notWritten`: spans where a value stands for what CDK writes by itself (a construct's id, for a group's
   * allow-all egress): no CIDR is written there, so no trace.
   */
  traceCidrs(v: Value | undefined, owner: string, attribute: string | undefined, notWritten: readonly Span[] = [], depth = 0): void {
    if (!v || depth > 20) return;
    if (v.k === 'string') this.trace(v.origin, v.v, owner, attribute ?? 'value', undefined, notWritten);
    else if (v.k === 'list') for (const i of v.items) this.traceCidrs(i, owner, attribute, notWritten, depth + 1);
    else if (v.k === 'map') for (const [k, e] of v.entries) this.traceCidrs(e, owner, k, notWritten, depth + 1);
  }

  problem(span: Span, message: string, severity: SourceProblem['severity'] = 'warning'): void {
    this.problems.push({ code: 'evaluation', severity, message, span });
  }

  traceList(): ValueTrace[] {
    return [...this.traces.values()].map((t) => ({
      span: t.span,
      instances: t.instances,
      ...(t.owner !== undefined ? { owner: t.owner } : {}),
      ...(t.attribute !== undefined ? { attribute: t.attribute } : {}),
    }));
  }
}
