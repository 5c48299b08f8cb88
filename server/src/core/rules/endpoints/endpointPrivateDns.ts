import type { Field } from '../../model/field';
import type { Vpc } from '../../model/types';
import { defineRule } from '../catalog';
import type { Finding, Fix, RelatedInfo } from '../types';
import { isInterface } from './support';

/**
 * `endpoint-private-dns`: an Interface endpoint enables private DNS, but its VPC disables DNS support or DNS
 * hostnames (AWS rejects the endpoint). AWS defaults: DNS support on; DNS hostnames off, except in the
 * default VPC. Reported on `private_dns_enabled`, related to the VPC setting (or the VPC when it is left at
 * the default); the fix turns a literal `false` in the VPC to `true`.
 */
export const endpointPrivateDns = defineRule('endpoint-private-dns', function* (ctx): Iterable<Finding> {
  for (const endpoint of ctx.model.ofKind('endpoint')) {
    const dns = endpoint.privateDnsEnabled;
    if (!isInterface(endpoint) || !dns?.known || dns.value !== true || !endpoint.vpc.known) continue;
    const vpc = ctx.model.getOf('vpc', endpoint.vpc.value);
    if (!vpc) continue;
    const problems = [
      setting(vpc, vpc.enableDnsSupport, true, 'DNS support', 'enable_dns_support'),
      setting(vpc, vpc.enableDnsHostnames, vpc.nativeType === 'aws_default_vpc', 'DNS hostnames', 'enable_dns_hostnames'),
    ].filter((p): p is Problem => p !== undefined);
    if (problems.length === 0) continue;
    const fixes = problems.flatMap((p) => (p.fix ? [p.fix] : []));
    yield {
      ruleId: 'endpoint-private-dns',
      message: `Interface endpoint ${endpoint.address} enables private DNS, but VPC ${vpc.address} has ${problems.map((p) => p.what).join(' and ')} disabled`,
      span: dns.span,
      related: problems.map((p) => p.related),
      ...(fixes.length > 0 ? { fixes } : {}),
    };
  }
});

interface Problem {
  readonly what: string;
  readonly related: RelatedInfo;
  readonly fix?: Fix;
}

/** A problem when the setting is known false, or absent with an AWS default of false; unknown is no problem. */
function setting(vpc: Vpc, f: Field<boolean> | undefined, awsDefault: boolean, what: string, attr: string): Problem | undefined {
  if (f && !f.known) return undefined;
  const value = f ? f.value : awsDefault;
  if (value) return undefined;
  if (!f) return { what, related: { span: vpc.nameSpan, message: `VPC ${vpc.address}: ${what} is off by default` } };
  const fix = literalFalseFix(f, what);
  return { what, related: { span: f.span, message: `${what} disabled here` }, ...(fix ? { fix } : {}) };
}

/** Only a bare or quoted `false` written in the VPC itself is rewritten. */
function literalFalseFix(f: Field<boolean> & { known: true }, what: string): Fix | undefined {
  if (f.at) return undefined;
  const { span } = f;
  const length = span.end - span.start;
  const target = length === 5 ? span : length === 7 ? { file: span.file, start: span.start + 1, end: span.end - 1 } : undefined;
  return target ? { title: `Enable ${what} on the VPC`, edits: [{ span: target, newText: 'true' }] } : undefined;
}
